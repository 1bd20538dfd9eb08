package dev.conference.redis;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conference.model.ChatMessage;
import dev.conference.model.IdempotencyKey;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.OutcomeUnknownException;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A change whose command timed out was sent, so the server may apply it afterwards: the caller is
 * told the outcome is unknown, and a retry with the same idempotency key applies it exactly once.
 * The server is paused (CLIENT PAUSE) for longer than the command timeout, so the command is sent,
 * times out, and runs once the pause ends.
 */
class OutcomeUnknownTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final long PAUSE_MILLIS = 1_000;
    private static final MeetingId ROOM = MeetingId.of("room");
    private static final UserId ALICE = UserId.of("alice");

    private static ConferenceStore open() {
        return RedisConferenceStore.connect(
                RedisURI.create(REDIS.uri()),
                RedisOptions.builder().commandTimeout(TIMEOUT).build());
    }

    /**
     * Alice is in a running room, and has posted, left and joined once, so the server has the scripts:
     * a script the server does not know yet would be answered NOSCRIPT after the pause, to a command
     * that timed out already, and so would never run.
     */
    private static ChatMessage givenAliceInARunningRoom(ConferenceStore store) {
        store.directory().saveUser(aUser("alice"));
        store.directory().saveMeeting(aPublicMeeting("room"));
        Instant now = Instant.now();
        store.directory().saveInstance(new MeetingInstance(ROOM, 1, now.minusSeconds(60), now.plusSeconds(3600)));
        store.conference().join(ALICE, ROOM);
        store.conference().leave(ALICE, ROOM);
        store.conference().join(ALICE, ROOM);
        return store.conference().post(ALICE, ROOM, "before");
    }

    @Test
    void aPostThatTimedOutIsAppliedOnceWhenRetriedWithItsKey() throws InterruptedException {
        try (ConferenceStore store = open()) {
            ChatMessage before = givenAliceInARunningRoom(store);
            IdempotencyKey key = IdempotencyKey.of("post-during-pause");

            REDIS.admin().sync().clientPause(PAUSE_MILLIS);
            assertThatThrownBy(() -> store.conference().post(ALICE, ROOM, "hello", key))
                    .isInstanceOf(OutcomeUnknownException.class)
                    .hasMessageContaining("same idempotency key");
            // Once the pause is over, the post sent before it runs.
            Thread.sleep(PAUSE_MILLIS + 200);
            assertThat(store.conference().chat(ROOM))
                    .extracting(ChatMessage::text)
                    .containsExactly("before", "hello");
            ChatMessage retried = store.conference().post(ALICE, ROOM, "hello", key);

            assertThat(store.conference().chat(ROOM)).containsExactly(before, retried);
        }
    }

    @Test
    void aLeaveThatTimedOutWithoutAKeyIsStillAnUnknownOutcome() throws InterruptedException {
        try (ConferenceStore store = open()) {
            givenAliceInARunningRoom(store);

            REDIS.admin().sync().clientPause(PAUSE_MILLIS);
            assertThatThrownBy(() -> store.conference().leave(ALICE, ROOM)).isInstanceOf(OutcomeUnknownException.class);
            Thread.sleep(PAUSE_MILLIS + 200);

            assertThat(store.conference().participants(ROOM)).isEmpty();
        }
    }
}
