package dev.conference.seed.load;

import dev.conference.seed.format.RecordPosition;
import dev.conference.seed.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Gathers records into batches and hands each full batch to a worker, with a bounded number of batches
 * in flight: the reader keeps parsing while earlier batches travel to the store, and memory holds at
 * most that many batches. The first failure stops the intake and is thrown by {@link #finish()}.
 * Used by one reading thread.
 */
final class Batches<T> {
    /** A record with where it came from, so a refusal can name its place in the file. */
    record Positioned<T>(T value, RecordPosition position) {}

    /** Stores one batch; runs on a worker thread. */
    @FunctionalInterface
    interface Saver<T> {
        void save(List<Positioned<T>> batch);
    }

    private final ExecutorService workers;
    private final Semaphore inFlight;
    private final int size;
    private final Saver<T> saver;
    private final Progress progress;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final List<Future<?>> pending = new ArrayList<>();
    private List<Positioned<T>> batch;

    Batches(ExecutorService workers, int maxInFlight, int size, Saver<T> saver, Progress progress) {
        this.workers = workers;
        this.inFlight = new Semaphore(maxInFlight);
        this.size = size;
        this.saver = saver;
        this.progress = progress;
        this.batch = new ArrayList<>(size);
    }

    void add(T value, RecordPosition position) {
        batch.add(new Positioned<>(value, position));
        if (batch.size() == size) {
            submit();
        }
    }

    /** Sends the last batch and waits for all of them; throws the first failure of any. */
    void finish() {
        if (!batch.isEmpty()) {
            submit();
        }
        for (Future<?> future : pending) {
            try {
                future.get();
            } catch (java.util.concurrent.ExecutionException e) {
                // the failure was kept by the task itself
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while storing", e);
            }
        }
        pending.clear();
        rethrow();
    }

    private void submit() {
        rethrow();
        List<Positioned<T>> full = batch;
        batch = new ArrayList<>(size);
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing", e);
        }
        pending.removeIf(Future::isDone);
        pending.add(workers.submit(() -> {
            try {
                if (failure.get() == null) {
                    saver.save(full);
                    progress.advance(full.size());
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                inFlight.release();
            }
        }));
    }

    private void rethrow() {
        RuntimeException first = failure.get();
        if (first != null) {
            throw first;
        }
    }
}
