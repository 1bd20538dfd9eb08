package dev.conference.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How a command that runs until Ctrl-C ({@code watch}, {@code scheduler}) hears it. The real process
 * uses a JVM shutdown hook; a test passes one that it triggers itself.
 */
@FunctionalInterface
public interface Interrupts {

    /**
     * Calls {@code stop} (on some other thread) once the user interrupts the process: Ctrl-C, SIGINT or
     * SIGTERM.
     *
     * @param stop tells the command to stop; must return quickly; not null
     * @return to close once the command has stopped and released what it held: until then (or a grace
     *         period) the process waits before it exits
     */
    Registration onInterrupt(Runnable stop);

    /** A registered interest in interrupts; closing it more than once does nothing. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Interrupts as the JVM reports them, through a shutdown hook that waits up to {@code grace} for the command. */
    static Interrupts shutdownHook(Duration grace) {
        return stop -> {
            CountDownLatch released = new CountDownLatch(1);
            Thread hook = new Thread(
                    () -> {
                        stop.run();
                        try {
                            // The JVM exits when the hooks return: give the command time to stop cleanly.
                            released.await(grace.toMillis(), TimeUnit.MILLISECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "conference-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
            return () -> {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The hook runs already; releasing it below lets the JVM exit.
                }
                released.countDown();
            };
        };
    }
}
