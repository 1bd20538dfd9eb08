package dev.conference.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conference.model.Meeting;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.User;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import dev.conference.redis.LocalRedisExtension;
import dev.conference.redis.RedisConferenceStore;
import dev.conference.redis.RedisOptions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Micrometer is an optional dependency of the library, so it is not on this application's class path:
 * the store, its options and every operation work without it.
 */
class WithoutMicrometerTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    @Test
    void theLibraryRunsWithoutMicrometerOnTheClassPath() {
        assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry"))
                .isInstanceOf(ClassNotFoundException.class);
        RedisOptions options = RedisOptions.defaults();
        assertThat(options).isEqualTo(RedisOptions.defaults()).hasSameHashCodeAs(RedisOptions.defaults());
        assertThat(options.toString()).contains("meterRegistry=Optional.empty");

        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri(), options)) {
            UserId ada = UserId.of("ada");
            MeetingId room = MeetingId.of("room");
            store.directory().saveUser(new User(ada, "Ada", 36, "Female", "ada@example.com"));
            store.directory().saveMeeting(Meeting.publicMeeting(room, "Room", ""));
            Instant now = Instant.now();
            store.directory().saveInstance(new MeetingInstance(room, 1, now, now.plus(Duration.ofHours(1))));

            store.conference().join(ada, room);
            store.async().post(ada, room, "hi").toCompletableFuture().join();
            // With the server's clock, a pass handed a later "now" still ends nothing before its time.
            assertThat(store.lifecycle()
                            .endDue(now.plus(Duration.ofHours(2)), 10)
                            .due())
                    .isZero();
            store.conference().end(room);

            assertThat(store.conference().events(room)).hasSize(4); // STARTED, JOINED, TIMED_OUT, ENDED
        }
    }
}
