package dev.conference.cli;

import java.io.Writer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What a command running on another thread has written so far, and a way to wait until it has
 * written something: the test wakes up as soon as the text is there, never after a fixed time.
 */
final class LiveText extends Writer {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final StringBuilder text = new StringBuilder();

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
        notifyAll();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public synchronized String toString() {
        return text.toString();
    }

    /** Waits until the text so far satisfies {@code condition}, and returns it; fails after a long while. */
    synchronized String await(String what, Predicate<String> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.test(text.toString())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + "s for " + what + "; got:\n" + text);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return text.toString();
    }

    /** Waits until the text holds {@code part}. */
    String awaitContains(String part) throws InterruptedException {
        return await("'" + part + "'", text -> text.contains(part));
    }

    /** Waits until the text holds {@code count} complete lines. */
    String awaitLines(int count) throws InterruptedException {
        return await(
                count + " lines", text -> text.chars().filter(c -> c == '\n').count() >= count);
    }
}
