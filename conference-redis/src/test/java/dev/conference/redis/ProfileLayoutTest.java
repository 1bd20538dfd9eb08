package dev.conference.redis;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.Participant;
import dev.conference.model.User;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user's hash holds `email` and the packed `p` (see Profile), and still serves users of the layout before. */
class ProfileLayoutTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    private static final MeetingId ROOM = MeetingId.of("room");
    private static final String EVE = "conference:user:{eve}";

    private static void givenARunningRoom(ConferenceStore store) {
        store.directory().saveMeeting(aPublicMeeting("room"));
        Instant now = Instant.now();
        store.directory().saveInstance(new MeetingInstance(ROOM, 1, now.minusSeconds(60), now.plusSeconds(3600)));
    }

    @Test
    void aNameAndGenderHoldingTheSeparatorComeBackAsSaved() {
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            User eve = new User(UserId.of("eve"), "|12|Eve|", 0, "3|x|", "eve@example.com");
            User bob = new User(UserId.of("bob"), "Bob", 150, "|", "bob@example.com");
            store.directory().saveUsers(List.of(eve, bob));

            assertThat(store.directory().user(eve.id())).contains(eve);
            assertThat(store.directory().users(dev.conference.model.Page.first(10)))
                    .containsExactly(bob, eve);
            assertThat(REDIS.admin().sync().hkeys(EVE)).containsExactly("email", "p");
        }
    }

    @Test
    void savingAUserAgainKeepsTheirLife() {
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            store.directory().saveUser(new User(UserId.of("eve"), "Eve", 30, "f", "eve@example.com"));
            String life = Profile.life(REDIS.admin().sync().hget(EVE, "p"), null);

            User renamed = new User(UserId.of("eve"), "Eve Again", 31, "female", "eve@example.org");
            store.directory().saveUser(renamed);

            assertThat(store.directory().user(renamed.id())).contains(renamed);
            assertThat(REDIS.admin().sync().hget(EVE, "p")).isEqualTo(life + "|31|6|femaleEve Again");
        }
    }

    /** What an earlier version wrote: a field each, `life` among them. */
    private static void givenEveInTheLayoutBefore() {
        REDIS.admin()
                .sync()
                .hset(
                        EVE,
                        Map.of(
                                "name",
                                "Eve",
                                "age",
                                "30",
                                "gender",
                                "f",
                                "email",
                                "eve@example.com",
                                "life",
                                "OLDLIFE1"));
    }

    @Test
    void aUserOfTheLayoutBeforeIsReadJoinsAndMovesIntoTheNewLayoutWhenSavedKeepingTheirLife() {
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            givenARunningRoom(store);
            givenEveInTheLayoutBefore();
            User eve = new User(UserId.of("eve"), "Eve", 30, "f", "eve@example.com");

            assertThat(store.directory().user(eve.id())).contains(eve);
            store.conference().join(eve.id(), ROOM);
            assertThat(store.conference().participants(ROOM))
                    .extracting(Participant::user)
                    .containsExactly(eve.id());

            store.directory().saveUser(eve);
            assertThat(REDIS.admin().sync().hkeys(EVE)).containsExactlyInAnyOrder("email", "p", "1|room");
            assertThat(REDIS.admin().sync().hget(EVE, "p")).isEqualTo("OLDLIFE1|30|1|fEve");
            assertThat(store.directory().user(eve.id())).contains(eve);
        }
    }

    @Test
    void aUserOfTheLayoutBeforeIsErasedWhole() {
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            givenARunningRoom(store);
            givenEveInTheLayoutBefore();
            store.conference().join(UserId.of("eve"), ROOM);
            store.conference().post(UserId.of("eve"), ROOM, "a secret");

            assertThat(store.directory().deleteUser(UserId.of("eve"))).isTrue();

            assertThat(store.conference().participants(ROOM)).isEmpty();
            assertThat(REDIS.admin().sync().exists(EVE)).isZero();
            assertThat(Keyspace.everythingStored(REDIS.admin().sync())).doesNotContain("a secret");
            // The marker that refuses a join already past note-joined (it expires) names the life of the
            // field of before.
            assertThat(REDIS.admin().sync().get("conference:meeting:{room}:erased:3:eve"))
                    .isEqualTo("OLDLIFE1");
        }
    }
}
