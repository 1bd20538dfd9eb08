package dev.conference.redis;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.ChatMessage;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.StoreException;
import dev.conference.model.UserId;
import dev.conference.port.AsyncConference;
import dev.conference.port.ConferenceStore;
import io.lettuce.core.KillArgs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Posts without an idempotency key while the store's connections are killed again and again: Lettuce
 * sends again the commands whose replies were lost, and each such command must find the reply its
 * first run kept (its mark says it may have run: ResendMarks), so no message is ever stored twice,
 * and every acknowledged one is stored.
 */
class ResendTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    private static final int POSTS = 1_500;
    private static final int IN_FLIGHT = 32;

    @Test
    void aPostSentAgainAfterALostReplyIsStoredOnce() throws Exception {
        MeetingId meeting = MeetingId.of("standup");
        UserId ann = UserId.of("ann");
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            store.directory().saveUser(aUser("ann"));
            store.directory().saveMeeting(aPublicMeeting("standup"));
            Instant now = Instant.now();
            store.directory().saveInstance(new MeetingInstance(meeting, 1, now.minusSeconds(1), now.plusSeconds(600)));
            store.conference().join(ann, meeting);

            REDIS.admin().sync().configResetstat();
            AtomicBoolean posting = new AtomicBoolean(true);
            Thread killer = new Thread(() -> {
                while (posting.get()) {
                    REDIS.admin()
                            .sync()
                            .clientKill(KillArgs.Builder.typeNormal().skipme());
                    sleep(3);
                }
            });
            killer.start();
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Semaphore inFlight = new Semaphore(IN_FLIGHT);
            List<CompletableFuture<?>> pending = new ArrayList<>();
            AsyncConference conference = store.async();
            for (int i = 0; i < POSTS; i++) {
                String text = "message " + i;
                inFlight.acquire();
                pending.add(conference
                        .post(ann, meeting, text)
                        .whenComplete((posted, failure) -> {
                            if (failure == null) {
                                acknowledged.add(text);
                            }
                            inFlight.release();
                        })
                        .exceptionally(failure -> null)
                        .toCompletableFuture());
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
            posting.set(false);
            killer.join();

            Map<String, Integer> stored = new HashMap<>();
            for (ChatMessage message : chatOnceReconnected(store, meeting)) {
                stored.merge(message.text(), 1, Integer::sum);
            }
            assertThat(stored.values()).as("no message stored twice").allMatch(count -> count == 1);
            assertThat(stored.keySet()).containsAll(acknowledged);
            // Lettuce must have sent some posts again after their first run, or this checks nothing:
            // the server ran more post scripts than it stored messages (the others replayed a reply).
            assertThat(scriptCalls()).isGreaterThan(stored.size());
            assertThat(acknowledged).isNotEmpty();
        }
    }

    /** The scripts the server ran since the stats were reset (INFO commandstats). */
    private static long scriptCalls() {
        long calls = 0;
        for (String line : REDIS.admin().sync().info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_evalsha:") || line.startsWith("cmdstat_eval:")) {
                calls += Long.parseLong(line.replaceAll("^[^:]+:calls=(\\d+),.*", "$1"));
            }
        }
        return calls;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The chat, read again while the last kill may still be landing on the store's connection: the
     * reset reaches the client after the kill returned, and fails the command then in flight, so the
     * attempts are spaced for Lettuce to reconnect in between.
     */
    private static List<ChatMessage> chatOnceReconnected(ConferenceStore store, MeetingId meeting) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.conference().chat(meeting);
            } catch (StoreException lostToTheLastKill) {
                if (attempt == 20) {
                    throw lostToTheLastKill;
                }
                sleep(100);
            }
        }
    }
}
