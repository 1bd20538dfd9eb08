package dev.conference.seed.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SchedulesTest {
    static final MeetingId M = MeetingId.of("m");
    final Schedules schedules = new Schedules();

    static MeetingInstance instance(int order, int fromHour, int toHour) {
        return new MeetingInstance(M, order, hour(fromHour), hour(toHour));
    }

    static Instant hour(int hour) {
        return Instant.parse("2024-01-01T00:00:00Z").plusSeconds(3600L * hour);
    }

    @Test
    void refusesTheSameOrderAndOverlapsOnEitherSideAndKeepsTheRest() {
        assertThat(schedules.add(instance(2, 10, 12))).isNull();
        assertThat(schedules.add(instance(1, 2, 4))).isNull();
        assertThat(schedules.add(instance(3, 12, 13)))
                .as("touching is not overlapping")
                .isNull();

        assertThat(schedules.add(instance(2, 20, 21))).isInstanceOf(Schedules.Conflict.SameInstance.class);
        assertThat(schedules.add(instance(4, 11, 14))).isEqualTo(new Schedules.Conflict.Overlap(2, hour(10), hour(12)));
        assertThat(schedules.add(instance(4, 0, 3))).isEqualTo(new Schedules.Conflict.Overlap(1, hour(2), hour(4)));
        assertThat(schedules.add(instance(4, 5, 6))).isNull();
    }

    @Test
    void findsTheInstanceActiveAtATime() {
        schedules.add(instance(1, 2, 4));
        schedules.add(instance(2, 10, 12));

        assertThat(schedules.activeAt(M, hour(2))).isEqualTo(1);
        assertThat(schedules.activeAt(M, hour(4))).as("to is excluded").isZero();
        assertThat(schedules.activeAt(M, hour(11))).isEqualTo(2);
        assertThat(schedules.activeAt(M, hour(1))).isZero();
        assertThat(schedules.activeAt(MeetingId.of("other"), hour(3))).isZero();
    }

    @Test
    void manyInstancesOfOneMeetingStayFastAndExact() {
        int conflicts = 0;
        for (int i = 20_000; i >= 1; i--) {
            conflicts += schedules.add(instance(i, 2 * i, 2 * i + 1)) == null ? 0 : 1;
        }
        assertThat(conflicts).isZero();
        assertThat(schedules.add(instance(10_000, 1, 2))).isInstanceOf(Schedules.Conflict.SameInstance.class);
        assertThat(schedules.activeAt(M, hour(2 * 777))).isEqualTo(777);
    }
}
