package dev.conference.redis;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static dev.conference.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conference.model.MeetingId;
import dev.conference.model.StoreException;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Data the library cannot read (written by another program, or by a version with another layout)
 * fails an operation with a {@link StoreException}, from the blocking and the asynchronous port
 * alike, never with a parsing exception of the JDK.
 */
class UnreadableDataTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    @Test
    void aChatEntryThatIsNotTheLibrarysFailsTheReadWithAStoreException() {
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            MeetingId standup = MeetingId.of("standup");
            store.directory().saveUser(aUser("alice"));
            store.directory().saveMeeting(aPublicMeeting("standup"));
            store.directory()
                    .saveInstance(anInstance(aPublicMeeting("standup"), 1, Instant.now(), Duration.ofHours(1)));
            store.conference().join(UserId.of("alice"), standup);
            String chat = new Keys(RedisOptions.defaults().keyPrefix())
                    .meeting(standup)
                    .chat("1");
            REDIS.admin().sync().xadd(chat, Map.of("user", "alice", "text", "hi", "at", "yesterday"));

            assertThatThrownBy(() -> store.conference().chat(standup))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("chat");
            assertThatThrownBy(() ->
                            store.async().chat(standup).toCompletableFuture().join())
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("chat");
            assertThat(store.conference().participants(standup)).hasSize(1);
        }
    }

    @Test
    void aProfileThatIsNotTheLibrarysFailsTheReadWithAStoreException() {
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            store.directory().saveUser(aUser("bob"));
            REDIS.admin().sync().hset("conference:user:{bob}", "p", "no separators");

            assertThatThrownBy(() -> store.directory().user(UserId.of("bob")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("user 'bob'");
        }
    }
}
