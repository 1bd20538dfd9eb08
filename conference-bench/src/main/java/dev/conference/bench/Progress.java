package dev.conference.bench;

import java.io.PrintStream;

/** Progress lines on standard error, each with the time since the run began. */
final class Progress {
    private final PrintStream out;
    private final long start = System.nanoTime();

    Progress(PrintStream out) {
        this.out = out;
    }

    void step(String format, Object... args) {
        out.printf("[%6.1f s] %s%n", (System.nanoTime() - start) / 1e9, String.format(format, args));
    }
}
