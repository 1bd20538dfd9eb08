package dev.conference.redis;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static dev.conference.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conference.model.Ending;
import dev.conference.model.IdempotencyKey;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingEvent.Ended;
import dev.conference.model.MeetingEvent.TimedOut;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingNotActiveException;
import dev.conference.model.User;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import dev.conference.redis.Keys.MeetingKeys;
import dev.conference.scheduler.MeetingScheduler;
import dev.conference.scheduler.SchedulerOptions;
import dev.conference.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An instance is ended in bounded calls of a batch of participants each, so that no script's work
 * grows with the size of a meeting. The ending is one fact all the same: each participant times out
 * once at the time it ended, ENDED comes last, and an ending whose caller gave up half-way is
 * finished by whoever comes next.
 */
class EndingTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    /** More than two batches of end_instance (500). */
    private static final int MANY = 1_234;

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final MeetingId STANDUP = MeetingId.of("standup");

    private final MutableClock clock = new MutableClock(T0);

    private ConferenceStore open() {
        return REDIS.openStore(clock);
    }

    private MeetingScheduler scheduler(ConferenceStore store) {
        return MeetingScheduler.manual(
                store.lifecycle(), SchedulerOptions.defaults().withClock(clock));
    }

    /** A running standup with {@link #MANY} participants, ten minutes in. */
    private static void givenAFullStandup(ConferenceStore store, MutableClock clock) {
        List<User> users = IntStream.range(0, MANY)
                .mapToObj(i -> aUser(String.format("user-%04d", i)))
                .toList();
        store.directory().saveUsers(users);
        store.directory().saveMeeting(aPublicMeeting("standup"));
        store.directory().saveInstance(anInstance(aPublicMeeting("standup"), 1, T0, HOUR));
        List<CompletableFuture<?>> joins = users.stream()
                .<CompletableFuture<?>>map(
                        user -> store.async().join(user.id(), STANDUP).toCompletableFuture())
                .toList();
        joins.forEach(CompletableFuture::join);
        clock.advance(Duration.ofMinutes(10));
    }

    /** Each participant timed out once at {@code at}, then ENDED at {@code at}, last. */
    private static void assertEndedOnceAt(ConferenceStore store, Instant at) {
        List<MeetingEvent> events = store.conference().events(STANDUP);
        List<TimedOut> timeouts = events.stream()
                .filter(TimedOut.class::isInstance)
                .map(TimedOut.class::cast)
                .toList();
        assertThat(timeouts).hasSize(MANY);
        assertThat(timeouts).extracting(TimedOut::user).doesNotHaveDuplicates();
        assertThat(timeouts).extracting(TimedOut::at).containsOnly(at);
        assertThat(events.get(events.size() - 1)).isInstanceOf(Ended.class);
        assertThat(events.get(events.size() - 1).at()).isEqualTo(at);
        assertThat(events.stream().filter(Ended.class::isInstance)).hasSize(1);
        // Nothing of the ending is left but the reply of the operation that asked, which expires.
        String closing = new Keys("conference:").meeting(STANDUP).closing();
        assertThat(REDIS.admin().sync().hkeys(closing)).isSubsetOf("1:op", "1:reply");
        if (REDIS.admin().sync().exists(closing) == 1) {
            assertThat(REDIS.admin().sync().pttl(closing)).isPositive();
        }
    }

    /** How long a caller's key is remembered (µs), as the adapter passes it. */
    private static final String KEPT = Long.toString(Duration.ofMinutes(10).toNanos() / 1_000);

    /** One call of end-active.lua, as a caller that gives up after the first batch leaves it. */
    private String oneBatchOfAnEnd(String operation) {
        MeetingKeys k = new Keys("conference:").meeting(STANDUP);
        List<Object> reply = new MeetingCalls.EndActive(
                        k,
                        "1",
                        Micros.of(clock.instant()),
                        operation,
                        KEPT,
                        Long.toString(Duration.ofDays(1).toMillis()),
                        ResendMarks.MAYBE_RAN)
                .run(REDIS.admin().sync());
        return Replies.status(reply);
    }

    @Test
    void anInstanceWithMoreParticipantsThanABatchEndsWithEachTimedOutOnceAndEndedLast() {
        try (ConferenceStore store = open()) {
            givenAFullStandup(store, clock);

            Ending ending = store.conference().end(STANDUP).orElseThrow();

            assertThat(ending.timedOut()).isEqualTo(MANY);
            assertThat(ending.at()).isEqualTo(clock.instant());
            assertThat(store.conference().participants(STANDUP)).isEmpty();
            assertEndedOnceAt(store, clock.instant());
            assertThat(store.conference().end(STANDUP)).isEmpty();
        }
    }

    @Test
    void theSchedulerEndsAnInstanceWithMoreParticipantsThanABatchAtItsEnd() {
        try (ConferenceStore store = open()) {
            givenAFullStandup(store, clock);
            clock.set(T0.plus(HOUR).plusSeconds(5));

            assertThat(scheduler(store).tick().ended()).isEqualTo(1);

            assertEndedOnceAt(store, T0.plus(HOUR));
            assertThat(store.conference().activeMeetings()).isEmpty();
        }
    }

    @Test
    void anEndingWhoseCallerGaveUpHalfWayIsClosedToEveryoneAndFinishedByTheRepairWalk() {
        try (ConferenceStore store = open()) {
            givenAFullStandup(store, clock);
            Instant endedAt = clock.instant();
            assertThat(oneBatchOfAnEnd("gave-up")).isEqualTo("MORE");

            assertThat(store.conference().participants(STANDUP)).isEmpty();
            assertThatThrownBy(() -> store.conference().leave(UserId.of("user-1000"), STANDUP))
                    .isInstanceOf(MeetingNotActiveException.class);
            clock.advance(Duration.ofMinutes(1));
            scheduler(store).tick();

            assertEndedOnceAt(store, endedAt);
            assertThat(store.conference().activeMeetings()).isEmpty();
        }
    }

    @Test
    void aRetryWithTheKeyOfAnEndingLeftHalfWayGetsTheWholeEnding() {
        try (ConferenceStore store = open()) {
            givenAFullStandup(store, clock);
            Instant endedAt = clock.instant();
            assertThat(oneBatchOfAnEnd("end:mine")).isEqualTo("MORE");
            clock.advance(Duration.ofSeconds(30));

            Ending ending =
                    store.conference().end(STANDUP, IdempotencyKey.of("mine")).orElseThrow();

            assertThat(ending.timedOut()).isEqualTo(MANY);
            assertThat(ending.at()).isEqualTo(endedAt);
            assertEndedOnceAt(store, endedAt);
        }
    }

    @Test
    void aCallerFindingAnotherCallersEndingUnderWayFinishesItButEndedNothingItself() {
        try (ConferenceStore store = open()) {
            givenAFullStandup(store, clock);
            Instant endedAt = clock.instant();
            assertThat(oneBatchOfAnEnd("end:theirs")).isEqualTo("MORE");

            assertThat(store.conference().end(STANDUP)).isEmpty();

            assertEndedOnceAt(store, endedAt);
            assertThat(store.conference().end(STANDUP, IdempotencyKey.of("theirs")))
                    .hasValueSatisfying(ending -> assertThat(ending.timedOut()).isEqualTo(MANY));
        }
    }
}
