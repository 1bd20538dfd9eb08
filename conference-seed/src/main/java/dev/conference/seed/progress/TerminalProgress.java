package dev.conference.seed.progress;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place with carriage returns, at most five times a second, so a
 * million records cost a few hundred writes. Meant for a terminal: anything else would keep every
 * redraw. Thread-safe.
 */
public final class TerminalProgress implements Progress {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private String step;
    private long total;
    private boolean bytes;
    private long done;
    private long startedAt;
    private long drawnAt;
    private int lastLength;

    public TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void start(String step, long total) {
        begin(step, total, false);
    }

    @Override
    public synchronized void startBytes(String step, long total) {
        begin(step, total, true);
    }

    private void begin(String step, long total, boolean bytes) {
        this.bytes = bytes;
        this.step = step;
        this.total = total;
        this.done = 0;
        this.startedAt = System.nanoTime();
        this.drawnAt = 0;
        draw();
    }

    @Override
    public synchronized void advance(long amount) {
        done += amount;
        long now = System.nanoTime();
        if (now - drawnAt >= REDRAW_NANOS) {
            drawnAt = now;
            draw();
        }
    }

    @Override
    public synchronized void finish() {
        if (step == null) {
            return;
        }
        if (bytes && total - done < 64) {
            // the reader stops at the array's end, a byte or two before the end of the file
            done = total;
        }
        draw();
        err.print('\n');
        err.flush();
        step = null;
        lastLength = 0;
    }

    private void draw() {
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        String line;
        if (total > 0) {
            double fraction = Math.min(1.0, (double) done / total);
            int filled = (int) Math.round(fraction * WIDTH);
            String amount = bytes
                    ? String.format(Locale.ROOT, "%,.1f/%,.1f MiB", done / 1048576.0, total / 1048576.0)
                    : String.format(Locale.ROOT, "%,d/%,d", done, total);
            line = String.format(
                    Locale.ROOT,
                    "%-32s [%s%s] %3d%% %s %.1fs",
                    step,
                    "=".repeat(filled),
                    " ".repeat(WIDTH - filled),
                    Math.round(fraction * 100),
                    amount,
                    seconds);
        } else {
            line = String.format(Locale.ROOT, "%-32s %,d %.1fs", step, done, seconds);
        }
        String padding = " ".repeat(Math.max(0, lastLength - line.length()));
        lastLength = line.length();
        err.print('\r' + line + padding);
        err.flush();
    }
}
