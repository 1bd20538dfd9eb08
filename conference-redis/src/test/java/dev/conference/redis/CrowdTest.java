package dev.conference.redis;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.Page;
import dev.conference.model.Participant;
import dev.conference.model.User;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A crowd larger than a Lua unpack takes (about 8,000 values): its participants and their attributes
 * come back whole, and in a page of the largest size.
 */
class CrowdTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    private static final int CROWD = 9_000;

    @Test
    void aCrowdWithAttributesIsReadWholeAndInOnePage() {
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            MeetingId hall = MeetingId.of("hall");
            store.directory().saveMeeting(aPublicMeeting("hall"));
            Instant now = Instant.now();
            store.directory().saveInstance(new MeetingInstance(hall, 1, now.minusSeconds(60), now.plusSeconds(3600)));
            List<User> crowd = new ArrayList<>();
            for (int i = 0; i < CROWD; i++) {
                crowd.add(aUser("p" + i));
            }
            store.directory().saveUsers(crowd);
            List<CompletableFuture<?>> pending = new ArrayList<>();
            crowd.forEach(
                    user -> pending.add(store.async().join(user.id(), hall).toCompletableFuture()));
            pending.forEach(CompletableFuture::join);
            store.conference().update(UserId.of("p0"), hall, Map.of("hand", "raised"));
            store.conference().update(UserId.of("p8999"), hall, Map.of("muted", "true"));

            List<Participant> all = store.conference().participants(hall);
            List<Participant> page = store.conference().participants(hall, Page.first(Page.MAX_LIMIT));

            assertThat(all).hasSize(CROWD).isEqualTo(page);
            assertThat(all)
                    .filteredOn(participant -> !participant.attributes().isEmpty())
                    .extracting(Participant::attributes)
                    .containsExactlyInAnyOrder(Map.of("hand", "raised"), Map.of("muted", "true"));
        }
    }
}
