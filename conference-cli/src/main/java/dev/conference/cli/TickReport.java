package dev.conference.cli;

import dev.conference.scheduler.MeetingScheduler;
import dev.conference.scheduler.MeetingScheduler.TickResult;
import java.time.Instant;
import java.util.Objects;

/**
 * Turns the scheduler's ticks into what {@code scheduler} prints: each tick that changed something,
 * and a store that stops answering once (not once per tick), then once when it answers again.
 * Called on the scheduler's thread only.
 */
final class TickReport implements MeetingScheduler.TickListener {
    /** Told about each tick that did something, and about failures. */
    interface Report {
        void tick(Instant now, int starts, int ends, int leases);

        /** The first failure after a run of good ticks. */
        void failing(RuntimeException failure);

        /** The first good tick after failures. */
        void recovered();
    }

    private final Report report;
    private boolean failing;

    TickReport(Report report) {
        this.report = Objects.requireNonNull(report, "report");
    }

    @Override
    public void ticked(Instant now, TickResult result) {
        if (failing) {
            failing = false;
            report.recovered();
        }
        if (!result.isEmpty()) {
            report.tick(now, result.started(), result.ended(), result.leasesExpired());
        }
    }

    @Override
    public void failed(Instant now, RuntimeException failure) {
        if (!failing) {
            failing = true;
            report.failing(failure);
        }
    }
}
