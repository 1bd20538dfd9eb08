package dev.conference.bench;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Keeps up to {@code callers} operations in flight from the calling thread: each completion frees a
 * permit and the next operation starts at once. This is how an asynchronous client is loaded: N
 * callers means N operations outstanding, not N threads.
 */
final class InFlight {
    private InFlight() {}

    /** What one run did. {@code ops} counts every operation started, all of them completed. */
    record Outcome(long ops, long errors, long nanos, Throwable firstError) {
        double perSecond() {
            return ops * 1e9 / nanos;
        }
    }

    /**
     * Starts operation {@code 0, 1, 2, ...} until {@code maxOps} were started or {@code budget} (if not
     * null) has passed, then waits for all of them.
     */
    static Outcome run(int callers, long maxOps, Duration budget, IntFunction<CompletionStage<?>> operation) {
        Semaphore permits = new Semaphore(callers);
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long deadline = budget == null ? Long.MAX_VALUE : start + budget.toNanos();
        int started = 0;
        while (started < maxOps && System.nanoTime() < deadline) {
            permits.acquireUninterruptibly();
            CompletionStage<?> pending;
            try {
                pending = operation.apply(started);
            } catch (RuntimeException e) {
                pending = java.util.concurrent.CompletableFuture.failedFuture(e);
            }
            started++;
            pending.whenComplete((ignored, failure) -> {
                if (failure != null) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, failure);
                }
                permits.release();
            });
        }
        permits.acquireUninterruptibly(callers);
        return new Outcome(started, errors.get(), System.nanoTime() - start, firstError.get());
    }
}
