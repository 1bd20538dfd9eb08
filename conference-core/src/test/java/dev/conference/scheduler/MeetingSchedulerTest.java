package dev.conference.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conference.model.StoreException;
import dev.conference.port.Lifecycle;
import dev.conference.port.PassResult;
import dev.conference.scheduler.MeetingScheduler.TickResult;
import dev.conference.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scheduler's policy: full batches are drained, and the listener hears of every tick. */
class MeetingSchedulerTest {
    private final MutableClock clock = MutableClock.at("2030-01-01T10:00:00Z");
    private final List<String> heard = new ArrayList<>();
    private final MeetingScheduler.TickListener listener = new MeetingScheduler.TickListener() {
        @Override
        public void ticked(Instant now, TickResult result) {
            heard.add(now + " " + result);
        }

        @Override
        public void failed(Instant now, RuntimeException failure) {
            heard.add(now + " failed: " + failure.getMessage());
        }
    };

    /** Ends in batches of two, five due in all; starts nothing; its lease pass may be made to fail. */
    private static final class FiveDue implements Lifecycle {
        int endsLeft = 5;
        boolean leasesFail;

        @Override
        public PassResult startDue(Instant now, int limit) {
            return PassResult.NOTHING;
        }

        @Override
        public PassResult endDue(Instant now, int limit) {
            int handled = Math.min(limit, endsLeft);
            endsLeft -= handled;
            return new PassResult(handled, handled);
        }

        @Override
        public PassResult expireLeases(Instant now, int limit) {
            if (leasesFail) {
                throw new StoreException("Redis at host:1 did not answer within PT5S", null);
            }
            return PassResult.NOTHING;
        }
    }

    @Test
    void aTickDrainsFullBatchesAndTellsTheListener() {
        MeetingScheduler scheduler = MeetingScheduler.manual(
                new FiveDue(), SchedulerOptions.defaults().withClock(clock).withBatchSize(2), listener);

        assertThat(scheduler.tick()).isEqualTo(new TickResult(0, 5, 0));
        assertThat(heard).containsExactly("2030-01-01T10:00:00Z TickResult[started=0, ended=5, leasesExpired=0]");
    }

    @Test
    void aFailingPassStopsTheTickAndTellsTheListener() {
        FiveDue lifecycle = new FiveDue();
        lifecycle.leasesFail = true;
        MeetingScheduler scheduler = MeetingScheduler.manual(
                lifecycle, SchedulerOptions.defaults().withClock(clock).withBatchSize(2), listener);

        assertThatThrownBy(scheduler::tick).isInstanceOf(StoreException.class);
        assertThat(heard).containsExactly("2030-01-01T10:00:00Z failed: Redis at host:1 did not answer within PT5S");
    }
}
