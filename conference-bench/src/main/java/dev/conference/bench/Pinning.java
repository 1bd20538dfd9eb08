package dev.conference.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Pins the server to one core and this JVM to another with {@code taskset}, where the machine has
 * it, two cores or more, and the server runs here: then the client's work cannot steal the server's
 * core, and the server's CPU per operation is the server's alone. {@link #close} lets both run on
 * every core again.
 */
final class Pinning implements AutoCloseable {
    private final long server;
    private final String description;
    private final boolean pinned;

    private Pinning(long server, boolean pinned, String description) {
        this.server = server;
        this.pinned = pinned;
        this.description = description;
    }

    /** @param server the server's process id, or -1 when it runs elsewhere */
    static Pinning of(long server) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (server < 0 || ProcessHandle.of(server).isEmpty()) {
            return new Pinning(server, false, "not pinned: the server does not run on this machine");
        }
        if (cores < 2) {
            return new Pinning(server, false, "not pinned: one core");
        }
        long self = ProcessHandle.current().pid();
        String rest = cores == 2 ? "1" : "1-" + (cores - 1);
        if (taskset("-cp", "0", Long.toString(server)) && taskset("-a", "-cp", rest, Long.toString(self))) {
            return new Pinning(server, true, "pinned with taskset: the server to core 0, the harness to " + rest);
        }
        return new Pinning(server, false, "not pinned: taskset is not available or not allowed");
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        if (pinned) {
            String all = "0-" + (Runtime.getRuntime().availableProcessors() - 1);
            taskset("-cp", all, Long.toString(server));
            taskset("-a", "-cp", all, Long.toString(ProcessHandle.current().pid()));
        }
    }

    private static boolean taskset(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "taskset";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
