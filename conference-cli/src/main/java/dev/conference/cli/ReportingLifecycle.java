package dev.conference.cli;

import dev.conference.port.Lifecycle;
import dev.conference.port.PassResult;
import java.time.Instant;
import java.util.Objects;

/**
 * The store's lifecycle passes, counted per tick for {@code scheduler} to report. A tick is the passes
 * that share one {@code now}; it is over when its lease pass comes back short of a full batch (or when
 * the next tick begins). Called by one scheduler thread at a time.
 *
 * <p>A failing pass is reported here and answers nothing done, and the rest of its tick is skipped: the scheduler
 * retries on its next tick either way, and this way a Redis that is down yields one line, not a log
 * record per tick.
 */
final class ReportingLifecycle implements Lifecycle {
    /** Told about each tick that did something, and about failures. */
    interface Report {
        void tick(Instant now, int starts, int ends, int leases);

        /** The first failure after a run of good ticks. */
        void failing(RuntimeException failure);

        /** The first good tick after failures. */
        void recovered();
    }

    @FunctionalInterface
    private interface Pass {
        PassResult run();
    }

    private final Lifecycle lifecycle;
    private final Report report;
    private Instant tick;
    private int started;
    private int ended;
    private int expired;
    private boolean tickFailed;
    private boolean failing;

    ReportingLifecycle(Lifecycle lifecycle, Report report) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.report = Objects.requireNonNull(report, "report");
    }

    @Override
    public PassResult startDue(Instant now, int limit) {
        PassResult result = pass(now, () -> lifecycle.startDue(now, limit));
        started += result.done();
        return result;
    }

    @Override
    public PassResult endDue(Instant now, int limit) {
        PassResult result = pass(now, () -> lifecycle.endDue(now, limit));
        ended += result.done();
        return result;
    }

    @Override
    public PassResult expireLeases(Instant now, int limit) {
        PassResult result = pass(now, () -> lifecycle.expireLeases(now, limit));
        expired += result.done();
        if (result.due() < limit) {
            finish();
        }
        return result;
    }

    /** Reports the tick under way, if any; the scheduler calls no pass meanwhile. */
    void finish() {
        if (tick == null) {
            return;
        }
        if (!tickFailed) {
            if (failing) {
                failing = false;
                report.recovered();
            }
            if (started + ended + expired > 0) {
                report.tick(tick, started, ended, expired);
            }
        }
        tick = null;
    }

    private PassResult pass(Instant now, Pass pass) {
        if (!now.equals(tick)) {
            finish();
            tick = now;
            started = 0;
            ended = 0;
            expired = 0;
            tickFailed = false;
        }
        if (tickFailed) {
            return PassResult.NOTHING;
        }
        try {
            return pass.run();
        } catch (RuntimeException e) {
            tickFailed = true;
            if (!failing) {
                failing = true;
                report.failing(e);
            }
            return PassResult.NOTHING;
        }
    }
}
