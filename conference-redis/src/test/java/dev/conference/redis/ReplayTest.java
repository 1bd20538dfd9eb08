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

    @Test
    void aPostSentTwiceIsRecordedOnce() {
        MeetingId meeting = MeetingId.of("standup");
        UserId ann = UserId.of("ann");
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            store.directory().saveUser(aUser("ann"));
            store.directory().saveMeeting(aPublicMeeting("standup"));
            Instant now = Instant.now();
            store.directory().saveInstance(new MeetingInstance(meeting, 1, now.minusSeconds(1), now.plusSeconds(600)));
            store.conference().join(ann, meeting);

            MeetingKeys k = new Keys("conference:").meeting(meeting);
            String[] keys = {
                k.meeting(),
                k.starts(),
                k.ends(),
                k.ended(),
                k.feed(),
                k.applied(),
                k.appliedAt(),
                k.participants("1"),
                k.chat("1"),
                k.byUser("1")
            };
            String[] args = {Micros.of(now), "1", "operation-42", "10000000", "ann", Keys.userField(ann), "hello once"};
            List<Object> first = Scripts.POST.run(REDIS.admin().sync(), keys, args);
            List<Object> again = Scripts.POST.run(REDIS.admin().sync(), keys, args);

            assertThat(again).isEqualTo(first);
            assertThat(store.conference().chat(meeting))
                    .singleElement()
                    .satisfies(message -> assertThat(message.id()).isEqualTo(first.get(1)));
        }
    }

    @Test
    void aClientWhoseClockRunsAheadDoesNotMakeTheOthersRepliesBeForgotten() {
        MeetingId meeting = MeetingId.of("standup");
        try (ConferenceStore store = givenAnnJoinedAndLeftTwentyTimes(meeting)) {
            MeetingKeys k = new Keys("conference:").meeting(meeting);
            assertThat(REDIS.admin().sync().hlen(k.applied())).isEqualTo(40);

            // A leave stamped a minute ahead, as from a client whose clock runs fast.
            leave(k, Instant.now().plusSeconds(60), "ahead", "10000000");

            assertThat(REDIS.admin().sync().hlen(k.applied())).isEqualTo(41);
        }
    }

    @Test
    void rememberedRepliesAreForgottenAfterTheirWindowByTheServersClock() throws InterruptedException {
        MeetingId meeting = MeetingId.of("standup");
        try (ConferenceStore store = givenAnnJoinedAndLeftTwentyTimes(meeting)) {
            MeetingKeys k = new Keys("conference:").meeting(meeting);
            leave(k, Instant.now(), "brief", "1000");
            Thread.sleep(20);

            leave(k, Instant.now(), "next", "10000000");

            assertThat(REDIS.admin().sync().hexists(k.applied(), "brief")).isFalse();
            assertThat(REDIS.admin().sync().hexists(k.applied(), "next")).isTrue();
        }
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
        Scripts.LEAVE.run(
                REDIS.admin().sync(),
                new String[] {
                    k.meeting(),
                    k.starts(),
                    k.ends(),
                    k.ended(),
                    k.feed(),
                    k.applied(),
                    k.appliedAt(),
                    k.participants("1"),
                    k.events("1"),
                    k.leases("1")
                },
                Micros.of(at),
                "1",
                operation,
                window,
                "ann");
    }

    @Test
    void rememberedRepliesExpireByThemselvesOnAQuietMeeting() {
        MeetingId meeting = MeetingId.of("standup");
        UserId ann = UserId.of("ann");
        try (ConferenceStore store = RedisConferenceStore.connect(
                REDIS.uri(),
                RedisOptions.builder().commandTimeout(Duration.ofSeconds(5)).build())) {
            store.directory().saveUser(aUser("ann"));
            store.directory().saveMeeting(aPublicMeeting("standup"));
            Instant now = Instant.now();
            store.directory().saveInstance(new MeetingInstance(meeting, 1, now.minusSeconds(1), now.plusSeconds(600)));
            store.conference().join(ann, meeting);
            MeetingKeys k = new Keys("conference:").meeting(meeting);

            // The replay window is twice the command timeout, at least 10 s: the records go with it
            // even if nothing else ever happens in the meeting.
            for (String key : List.of(k.applied(), k.appliedAt())) {
                assertThat(REDIS.admin().sync().pttl(key)).as(key).isBetween(1L, 10_000L);
            }
        }
    }
}
