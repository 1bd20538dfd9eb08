package dev.conference.cli;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aRestrictedMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static dev.conference.testing.Fixtures.anInstance;

import dev.conference.model.Meeting;
import dev.conference.port.ConferenceStore;
import dev.conference.redis.RedisConferenceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The state most command tests start from, written through the ports: alice, bob and carol; {@code standup}
 * (public) and {@code secret} (alice only) running now, {@code later} scheduled in an hour.
 */
final class World {
    private World() {}

    static void create(String redisUri) {
        Instant now = Instant.now();
        Meeting standup = aPublicMeeting("standup");
        Meeting secret = aRestrictedMeeting("secret", "alice@example.com");
        Meeting later = aPublicMeeting("later");
        try (ConferenceStore store = RedisConferenceStore.connect(redisUri)) {
            store.directory().saveUsers(List.of(aUser("alice"), aUser("bob"), aUser("carol")));
            store.directory().saveMeetings(List.of(standup, secret, later));
            store.directory()
                    .saveInstances(List.of(
                            anInstance(standup, 1, now.minus(Duration.ofDays(1)), Duration.ofHours(1)),
                            anInstance(standup, 2, now.minus(Duration.ofMinutes(30)), Duration.ofHours(1)),
                            anInstance(secret, 1, now.minus(Duration.ofMinutes(30)), Duration.ofHours(2)),
                            anInstance(later, 1, now.plus(Duration.ofHours(1)), Duration.ofHours(1))));
        }
    }
}
