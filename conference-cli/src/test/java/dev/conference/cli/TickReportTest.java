package dev.conference.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.conference.model.StoreException;
import dev.conference.port.Lifecycle;
import dev.conference.port.PassResult;
import dev.conference.scheduler.MeetingScheduler;
import dev.conference.scheduler.SchedulerOptions;
import dev.conference.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the scheduler's ticks are reported, driven by the library's manual scheduler over a lifecycle
 * whose answers the test sets (the Redis passes are tested in the redis module and, through the CLI, in
 * {@link SchedulerTest}).
 */
class TickReportTest {
    private final MutableClock clock = MutableClock.at("2030-01-01T10:00:00Z");
    private final Scripted passes = new Scripted();
    private final List<String> reported = new ArrayList<>();
    private final TickReport report = new TickReport(new TickReport.Report() {
        @Override
        public void tick(Instant now, int starts, int ends, int leases) {
            reported.add(now + " starts=" + starts + " ends=" + ends + " leases=" + leases);
        }

        @Override
        public void failing(RuntimeException failure) {
            reported.add("failing: " + failure.getMessage());
        }

        @Override
        public void recovered() {
            reported.add("recovered");
        }
    });
    private final MeetingScheduler scheduler = MeetingScheduler.manual(
            passes, SchedulerOptions.defaults().withClock(clock).withBatchSize(2), report);

    /** Answers each pass with what the test queued, then 0; or fails while {@link #down} is set. */
    private static final class Scripted implements Lifecycle {
        final List<Integer> starts = new ArrayList<>();
        final List<Integer> ends = new ArrayList<>();
        final List<Integer> leases = new ArrayList<>();
        boolean down;
        int calls;

        @Override
        public PassResult startDue(Instant now, int limit) {
            return next(starts);
        }

        @Override
        public PassResult endDue(Instant now, int limit) {
            return next(ends);
        }

        @Override
        public PassResult expireLeases(Instant now, int limit) {
            return next(leases);
        }

        private PassResult next(List<Integer> answers) {
            calls++;
            if (down) {
                throw new StoreException("Redis at 127.0.0.1:6379 does not answer", null);
            }
            int done = answers.isEmpty() ? 0 : answers.remove(0);
            return new PassResult(done, done);
        }
    }

    @Test
    void reportsEachTickThatHandledSomethingOnceWithItsBatchesAddedUp() {
        scheduler.tick();
        passes.ends.addAll(List.of(2, 2, 1));
        passes.leases.add(1);
        clock.advance(Duration.ofSeconds(1));
        scheduler.tick();

        assertThat(reported).containsExactly("2030-01-01T10:00:01Z starts=0 ends=5 leases=1");
    }

    @Test
    void aFailingStoreIsReportedOnceAndTheRestOfItsTickIsSkipped() {
        passes.down = true;
        catchThrowable(scheduler::tick);
        int callsInAFailedTick = passes.calls;
        clock.advance(Duration.ofSeconds(1));
        catchThrowable(scheduler::tick);
        passes.down = false;
        passes.starts.add(1);
        clock.advance(Duration.ofSeconds(1));
        scheduler.tick();
        clock.advance(Duration.ofSeconds(1));
        scheduler.tick();

        assertThat(callsInAFailedTick).isEqualTo(1);
        assertThat(reported)
                .containsExactly(
                        "failing: Redis at 127.0.0.1:6379 does not answer",
                        "recovered",
                        "2030-01-01T10:00:02Z starts=1 ends=0 leases=0");
    }
}
