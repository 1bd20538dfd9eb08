package dev.conference.redis;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import dev.conference.redis.Keys.MeetingKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A changing script sent twice under one operation id (as Lettuce does when a connection drops before
 * the reply) changes the store once and answers the same both times.
 */
class ReplayTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    /** The default replay window (twice the default command timeout of 5 s), in µs. */
    private static final String WINDOW = "10000000";

    @Test
    void aPostSentTwiceIsRecordedOnce() {
        MeetingId meeting = MeetingId.of("standup");
        UserId ann = UserId.of("ann");
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            Instant now = Instant.now();
            givenAnnJoined(store, meeting, now);

            MeetingKeys k = new Keys("conference:").meeting(meeting);
            MeetingCalls.Post post =
                    new MeetingCalls.Post(k, "1", Micros.of(now), "operation-42", WINDOW, ann, "hello once", "0");
            List<Object> first = post.run(REDIS.admin().sync());
            // Sent again, as Lettuce does after a reconnect: its mark now says it may have run.
            List<Object> again = new MeetingCalls.Post(
                            k, "1", Micros.of(now), "operation-42", WINDOW, ann, "hello once", ResendMarks.MAYBE_RAN)
                    .run(REDIS.admin().sync());

            assertThat(again).isEqualTo(first);
            assertThat(store.conference().chat(meeting))
                    .singleElement()
                    .satisfies(message -> assertThat(message.id()).isEqualTo(first.get(1)));
        }
    }

    @Test
    void aReplyKeptInThePreviousPeriodIsReplayedWhole() throws InterruptedException {
        MeetingId meeting = MeetingId.of("standup");
        UserId ann = UserId.of("ann");
        // A window of 0.9 s has a span of 1 s: periods turn at each of the server's seconds.
        String window = "900000";
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            givenAnnJoined(store, meeting, Instant.now());
            MeetingKeys k = new Keys("conference:").meeting(meeting);
            MeetingCalls.Post post = new MeetingCalls.Post(k, "1", "", "late-in-a-period", window, ann, "hello", "0");
            MeetingCalls.Post resent =
                    new MeetingCalls.Post(k, "1", "", "late-in-a-period", window, ann, "hello", ResendMarks.MAYBE_RAN);

            untilServerMicrosIntoTheSecond(700_000);
            List<Object> first = post.run(REDIS.admin().sync());
            untilServerMicrosIntoTheSecond(0);
            List<Object> again = resent.run(REDIS.admin().sync());

            // Kept with the last seven digits of its milliseconds, read back from the previous period's list.
            assertThat(again).isEqualTo(first);
            assertThat(store.conference().chat(meeting)).hasSize(1);
        }
    }

    @Test
    void anOperationIdThatLooksLikeAKeptReplyIsNotTakenForOne() {
        MeetingId meeting = MeetingId.of("standup");
        UserId ann = UserId.of("ann");
        try (ConferenceStore store = givenAnnJoinedAndLeftTwentyTimes(meeting)) {
            MeetingKeys k = new Keys("conference:").meeting(meeting);
            store.conference().join(ann, meeting);
            // A list holds an operation id, its reply, the next id, its reply: "NOT_IN" is a reply here.
            for (String list : k.replay(WINDOW)) {
                REDIS.admin().sync().rpush(list, "some-operation", "NOT_IN", "another-operation", "NOT_ACTIVE");
            }
            List<Object> post = new MeetingCalls.Post(k, "1", "", "NOT_IN", WINDOW, ann, "hello", ResendMarks.MAYBE_RAN)
                    .run(REDIS.admin().sync());

            assertThat(post.get(0)).isEqualTo("OK");
            assertThat(store.conference().chat(meeting)).hasSize(1);
        }
    }

    /** Ann, a participant of the meeting's instance 1, which runs from a second before {@code now}. */
    private static void givenAnnJoined(ConferenceStore store, MeetingId meeting, Instant now) {
        store.directory().saveUser(aUser("ann"));
        store.directory().saveMeeting(aPublicMeeting(meeting.value()));
        store.directory().saveInstance(new MeetingInstance(meeting, 1, now.minusSeconds(1), now.plusSeconds(600)));
        store.conference().join(UserId.of("ann"), meeting);
    }

    /** Waits until the server's clock is at least {@code micros} into a second, and less than 0.1 s past it. */
    private static void untilServerMicrosIntoTheSecond(long micros) throws InterruptedException {
        while (true) {
            List<String> time = REDIS.admin().sync().time();
            long into = Long.parseLong(time.get(1));
            if (into >= micros && into < micros + 100_000) {
                return;
            }
            Thread.sleep(Math.max(1, ((micros - into + 1_000_000) % 1_000_000) / 1_000));
        }
    }

    @Test
    void aClientWhoseClockRunsAheadDoesNotMakeTheOthersRepliesBeForgotten() {
        MeetingId meeting = MeetingId.of("standup");
        try (ConferenceStore store = givenAnnJoinedAndLeftTwentyTimes(meeting)) {
            MeetingKeys k = new Keys("conference:").meeting(meeting);
            assertThat(kept(k, WINDOW)).isEqualTo(40);

            // A leave stamped a minute ahead, as from a client whose clock runs fast: the period its
            // reply goes to is the server's.
            leave(k, Instant.now().plusSeconds(60), "ahead", WINDOW);

            assertThat(kept(k, WINDOW)).isEqualTo(41);
        }
    }

    @Test
    void aReplyIsKeptForItsWindowAndAtMostTwoSpans() {
        MeetingId meeting = MeetingId.of("standup");
        try (ConferenceStore store = givenAnnJoinedAndLeftTwentyTimes(meeting)) {
            MeetingKeys k = new Keys("conference:").meeting(meeting);
            leave(k, Instant.now(), "brief", "1000");

            // A window of 1 ms has a span of 1 s: its list expires within two.
            assertThat(k.replay("1000")[0]).endsWith(":replies:1:0");
            assertThat(kept(k, "1000")).isEqualTo(1);
            for (String list : k.replay("1000")) {
                assertThat(REDIS.admin().sync().pttl(list)).isLessThanOrEqualTo(2_000L);
            }
            // The default window (10 s) has a span of 16 s.
            for (String list : k.replay(WINDOW)) {
                assertThat(REDIS.admin().sync().pttl(list)).isLessThanOrEqualTo(32_000L);
            }
        }
    }

    /** How many replies the two lists of {@code window}'s span keep (each an operation id and its reply). */
    private static long kept(MeetingKeys k, String window) {
        long kept = 0;
        for (String list : k.replay(window)) {
            kept += REDIS.admin().sync().llen(list) / 2;
        }
        return kept;
    }

    private static ConferenceStore givenAnnJoinedAndLeftTwentyTimes(MeetingId meeting) {
        UserId ann = UserId.of("ann");
        ConferenceStore store = RedisConferenceStore.connect(REDIS.uri());
        store.directory().saveUser(aUser("ann"));
        store.directory().saveMeeting(aPublicMeeting("standup"));
        Instant now = Instant.now();
        store.directory().saveInstance(new MeetingInstance(meeting, 1, now.minusSeconds(1), now.plusSeconds(600)));
        for (int i = 0; i < 20; i++) {
            store.conference().join(ann, meeting);
            store.conference().leave(ann, meeting);
        }
        return store;
    }

    /** Runs leave.lua for ann as the adapter would, stamped {@code at}, its reply kept {@code window} µs. */
    private static void leave(MeetingKeys k, Instant at, String operation, String window) {
        new MeetingCalls.Leave(k, "1", Micros.of(at), operation, window, UserId.of("ann"), "0")
                .run(REDIS.admin().sync());
    }

    @Test
    void rememberedRepliesExpireByThemselvesOnAQuietMeeting() {
        MeetingId meeting = MeetingId.of("standup");
        try (ConferenceStore store = RedisConferenceStore.connect(
                REDIS.uri(),
                RedisOptions.builder().commandTimeout(Duration.ofSeconds(5)).build())) {
            givenAnnJoined(store, meeting, Instant.now());
            MeetingKeys k = new Keys("conference:").meeting(meeting);

            // The replay window is twice the command timeout, at least 10 s (a span of 16 s): the
            // records go within two spans even if nothing else ever happens in the meeting.
            long kept = 0;
            for (String key : k.replay(WINDOW)) {
                long ttl = REDIS.admin().sync().pttl(key);
                if (ttl != -2) {
                    assertThat(ttl).as(key).isBetween(1L, 32_000L);
                    kept++;
                }
            }
            assertThat(kept).isEqualTo(1);
        }
    }
}
