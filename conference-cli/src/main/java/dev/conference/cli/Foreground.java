package dev.conference.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a command in the foreground until the user presses Ctrl-C, a time limit passes or the command
 * says it is done. Thread-safe: {@link #stop()} may come from any thread.
 */
final class Foreground {
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** A foreground that Ctrl-C stops; the process waits for the run to end before it exits. */
    static Foreground untilInterrupted(Session session) {
        Foreground foreground = new Foreground();
        session.onInterrupt(foreground::stop);
        return foreground;
    }

    void stop() {
        stopped.countDown();
    }

    boolean stopping() {
        return stopped.getCount() == 0;
    }

    /**
     * Blocks until {@link #stop()}, or until {@code limit} has passed.
     *
     * @param limit how long to run at most, or null for no limit
     */
    void await(Duration limit) {
        try {
            if (limit == null) {
                stopped.await();
            } else {
                stopped.await(limit.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop();
    }
}
