package dev.conference.redis;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.ChatMessage;
import dev.conference.model.MeetingEvent.TimedOut;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.Participant;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import dev.conference.scheduler.MeetingScheduler;
import dev.conference.scheduler.SchedulerOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * By default the times the store keeps come from the server's clock ({@code TIME} in the scripts),
 * so the clocks of the processes writing to it neither reorder nor stamp anything, and a scheduler
 * whose clock runs ahead cannot end an instance or expire a lease early. These tests use real time:
 * what they check is that the server's clock is the one used.
 */
class ServerTimeTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    private static final MeetingId ROOM = MeetingId.of("room");
    private static final UserId ALICE = UserId.of("alice");

    private static void givenARoom(ConferenceStore store, Instant from) {
        store.directory().saveUser(aUser("alice"));
        store.directory().saveMeeting(aPublicMeeting("room"));
        store.directory().saveInstance(new MeetingInstance(ROOM, 1, from, from.plus(Duration.ofHours(1))));
    }

    private static Instant serverTime() {
        List<String> time = REDIS.admin().sync().time();
        return Instant.ofEpochSecond(Long.parseLong(time.get(0)), Long.parseLong(time.get(1)) * 1_000);
    }

    @Test
    void aSchedulerWhoseClockRunsAheadEndsNothingAndExpiresNothingEarly() {
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            givenARoom(store, Instant.now().minusSeconds(60));
            store.conference().join(ALICE, ROOM, Duration.ofMinutes(1));
            Clock twoHoursAhead = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));

            MeetingScheduler.TickResult tick = MeetingScheduler.manual(
                            store.lifecycle(), SchedulerOptions.defaults().withClock(twoHoursAhead))
                    .tick();

            assertThat(tick.ended()).isZero();
            assertThat(tick.leasesExpired()).isZero();
            assertThat(store.conference().participants(ROOM))
                    .extracting(Participant::user)
                    .containsExactly(ALICE);
        }
    }

    @Test
    void joinAndPostTimesAreTheServersAndFollowTheLogsOrder() {
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri());
                ConferenceStore other = RedisConferenceStore.connect(REDIS.uri())) {
            givenARoom(store, Instant.now().minusSeconds(60));
            // On the server's clock a join or post is stored to its millisecond (see stamped in prelude.lua).
            Instant before = serverTime().truncatedTo(ChronoUnit.MILLIS);
            Participant joined = store.conference().join(ALICE, ROOM);
            ChatMessage first = store.conference().post(ALICE, ROOM, "one");
            ChatMessage second = other.conference().post(ALICE, ROOM, "two");
            Instant after = serverTime();

            assertThat(joined.joinedAt()).isBetween(before, after);
            assertThat(List.of(first.postedAt(), second.postedAt()))
                    .isSorted()
                    .allSatisfy(at -> assertThat(at).isBetween(before, after));
            assertThat(store.conference().chat(ROOM)).containsExactly(first, second);
        }
    }

    @Test
    void aLeaseRunsOnTheServersClock() throws InterruptedException {
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            givenARoom(store, Instant.now().minusSeconds(60));
            store.conference().join(ALICE, ROOM, Duration.ofMillis(300));
            store.conference().renew(ALICE, ROOM, Duration.ofMillis(200));
            MeetingScheduler scheduler = MeetingScheduler.manual(store.lifecycle(), SchedulerOptions.defaults());
            assertThat(scheduler.tick().leasesExpired()).isZero();

            Thread.sleep(400);

            assertThat(scheduler.tick().leasesExpired()).isEqualTo(1);
            assertThat(store.conference().events(ROOM).get(2)).isInstanceOf(TimedOut.class);
        }
    }

    @Test
    void anInstanceIsActiveFromItsStartByTheServersClock() throws InterruptedException {
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            givenARoom(store, Instant.now().plusMillis(300));
            assertThat(store.conference().activeMeetings()).isEmpty();

            Thread.sleep(400);

            assertThat(store.conference().activeMeetings())
                    .extracting(MeetingInstance::meeting)
                    .containsExactly(ROOM);
        }
    }
}
