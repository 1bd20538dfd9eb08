package dev.conference.scheduler;

import dev.conference.port.Lifecycle;
import dev.conference.port.PassResult;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a store's {@link Lifecycle} passes on a tick: instances start and end on time and lapsed
 * presence leases are removed. Start one per application node; any number may run against one store.
 *
 * <pre>{@code
 * try (MeetingScheduler scheduler = MeetingScheduler.start(store.lifecycle(), SchedulerOptions.defaults())) {
 *     ... // serve requests
 * }
 * }</pre>
 *
 * <p>A failing pass (store unreachable) is reported through {@link System.Logger} and retried on the
 * next tick. Thread-safe.
 */
public final class MeetingScheduler implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MeetingScheduler.class.getName());
    /** Bounds one tick, so a flood of due items cannot starve the other passes. */
    private static final int MAX_BATCHES_PER_PASS = 50;

    private final Lifecycle lifecycle;
    private final SchedulerOptions options;
    private final TickListener listener;
    private final ScheduledExecutorService timer;

    private MeetingScheduler(
            Lifecycle lifecycle, SchedulerOptions options, TickListener listener, ScheduledExecutorService timer) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.timer = timer;
    }

    /** Told what each tick did, on the thread that ran it; for applications that report ticks. */
    public interface TickListener {
        /** Listens to nothing. */
        TickListener NONE = (now, result) -> {};

        /** A tick whose passes all ran; {@code now} is the time they ran at. */
        void ticked(Instant now, TickResult result);

        /** A tick that stopped at a failing pass; the next tick tries again. */
        default void failed(Instant now, RuntimeException failure) {}
    }

    /** Starts ticking on a daemon thread of its own. */
    public static MeetingScheduler start(Lifecycle lifecycle, SchedulerOptions options) {
        return start(lifecycle, options, TickListener.NONE);
    }

    /** Starts ticking on a daemon thread of its own, telling {@code listener} what each tick did. */
    public static MeetingScheduler start(Lifecycle lifecycle, SchedulerOptions options, TickListener listener) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "conference-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        MeetingScheduler scheduler = new MeetingScheduler(lifecycle, options, listener, timer);
        long period = options.tick().toNanos();
        timer.scheduleWithFixedDelay(scheduler::tickSafely, 0, period, TimeUnit.NANOSECONDS);
        return scheduler;
    }

    /** A scheduler that ticks only when {@link #tick()} is called: for tests and for callers with their own timer. */
    public static MeetingScheduler manual(Lifecycle lifecycle, SchedulerOptions options) {
        return manual(lifecycle, options, TickListener.NONE);
    }

    /** A manual scheduler that tells {@code listener} what each tick did. */
    public static MeetingScheduler manual(Lifecycle lifecycle, SchedulerOptions options, TickListener listener) {
        return new MeetingScheduler(lifecycle, options, listener, null);
    }

    /**
     * Runs every pass once, now, on the calling thread, and tells the listener.
     *
     * @return what the tick handled
     * @throws RuntimeException what a failing pass threw; the passes after it did not run
     */
    public TickResult tick() {
        Instant now = options.clock().instant();
        TickResult result;
        try {
            int started = drain(limit -> lifecycle.startDue(now, limit));
            int ended = drain(limit -> lifecycle.endDue(now, limit));
            int expired = drain(limit -> lifecycle.expireLeases(now, limit));
            // One step of the repair walk last, so a failing repair never holds up the passes that
            // end instances on time; what it puts back is handled in the next tick.
            PassResult repaired = lifecycle.repair(now, options.batchSize());
            if (repaired.done() > 0) {
                LOG.log(Level.INFO, "repair walk: put right the index entries of " + repaired.done() + " items");
            }
            result = new TickResult(started, ended, expired);
        } catch (RuntimeException e) {
            listener.failed(now, e);
            throw e;
        }
        listener.ticked(now, result);
        return result;
    }

    /** What one tick did: STARTED logged, instances ended, presence leases expired. */
    public record TickResult(int started, int ended, int leasesExpired) {
        /** Whether the tick changed anything. */
        public boolean isEmpty() {
            return started + ended + leasesExpired == 0;
        }
    }

    @FunctionalInterface
    private interface Pass {
        PassResult run(int limit);
    }

    private int drain(Pass pass) {
        int done = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_PASS; batch++) {
            PassResult result = pass.run(options.batchSize());
            done += result.done();
            if (result.due() < options.batchSize()) {
                break;
            }
        }
        return done;
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "scheduler tick failed, retrying next tick: " + e.getMessage());
        }
    }

    /** Stops ticking; a tick under way finishes first. Work left undone is picked up by any scheduler. */
    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdown();
        try {
            timer.awaitTermination(options.tick().toMillis() + 30_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
