package dev.conference.redis;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aRestrictedMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conference.model.ConferenceException;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingEvent.Joined;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.NotAllowedException;
import dev.conference.model.Participant;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * After deleteUser returns, nothing of the user is left anywhere in Redis, even when their posts and
 * joins race it: each either lands before it (and is erased) or is refused. The checks read every
 * key the server holds (this test may walk the keyspace; the adapter may not).
 */
class ErasureTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    private static final MeetingId ROOM = MeetingId.of("room");
    private static final int ATTEMPTS = 2_000;

    private static void givenARunningRoom(ConferenceStore store) {
        store.directory().saveMeeting(aPublicMeeting("room"));
        Instant now = Instant.now();
        store.directory().saveInstance(new MeetingInstance(ROOM, 1, now.minusSeconds(60), now.plusSeconds(3600)));
    }

    /**
     * The chat is read and erased a page (1,000 entries) at a time: one user's messages among more
     * than two pages of others' come back whole, and an erasure takes every one of them.
     */
    @Test
    void aUsersMessagesAcrossSeveralPagesOfTheChatAreReadWholeAndErasedWhole() {
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            givenARunningRoom(store);
            UserId eve = UserId.of("eve");
            UserId bob = UserId.of("bob");
            store.directory().saveUsers(List.of(aUser("eve"), aUser("bob")));
            store.conference().join(eve, ROOM);
            store.conference().join(bob, ROOM);
            List<CompletableFuture<?>> posts = new java.util.ArrayList<>();
            for (int i = 0; i < 2_500; i++) {
                UserId poster = i % 5 == 0 ? eve : bob;
                posts.add(store.async()
                        .post(poster, ROOM, "text " + i + " of " + poster)
                        .toCompletableFuture());
            }
            posts.forEach(CompletableFuture::join);

            assertThat(store.conference().messages(ROOM, eve))
                    .hasSize(500)
                    .allMatch(message -> message.user().equals(eve));
            store.directory().deleteUser(eve);

            assertThat(Keyspace.everythingStored(REDIS.admin().sync())).doesNotContain("of eve");
            assertThat(store.conference().messages(ROOM, bob)).hasSize(2_000);
            assertThat(store.conference().chat(ROOM, 1, dev.conference.model.Page.first(5_000)))
                    .hasSize(2_000);
        }
    }

    @Test
    void aPostRacingDeleteUserIsErasedOrRefused() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            givenARunningRoom(store);
            for (int round = 0; round < 40; round++) {
                UserId eve = UserId.of("eve-" + round);
                store.directory().saveUser(aUser(eve.value()));
                store.conference().join(eve, ROOM);
                String secret = "secret-" + round + "-";
                CompletableFuture<Void> posting = CompletableFuture.runAsync(() -> {
                    try {
                        // Bounded, so a store that lets an erased user post fails here rather than hangs.
                        for (int k = 0; k < ATTEMPTS; k++) {
                            store.conference().post(eve, ROOM, secret + k);
                        }
                    } catch (ConferenceException refused) {
                        // The user is gone: every later post is refused.
                    }
                });
                Thread.sleep(random.nextInt(3));
                store.directory().deleteUser(eve);
                posting.get();

                assertThat(Keyspace.everythingStored(REDIS.admin().sync()))
                        .as("seed %d, round %d", seed, round)
                        .doesNotContain(secret);
                assertThat(store.conference().participants(ROOM))
                        .extracting(Participant::user)
                        .doesNotContain(eve);
            }
        }
    }

    @Test
    void aJoinRacingDeleteUserLeavesNoParticipant() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            givenARunningRoom(store);
            for (int round = 0; round < 40; round++) {
                UserId eve = UserId.of("eve-" + round);
                store.directory().saveUser(aUser(eve.value()));
                CompletableFuture<Void> joining = CompletableFuture.runAsync(() -> {
                    try {
                        for (int k = 0; k < ATTEMPTS; k++) {
                            store.conference().join(eve, ROOM);
                            store.conference().leave(eve, ROOM);
                        }
                    } catch (ConferenceException refused) {
                        // Unknown from here on.
                    }
                });
                Thread.sleep(random.nextInt(3));
                store.directory().deleteUser(eve);
                joining.get();

                assertThat(store.conference().participants(ROOM))
                        .as("seed %d, round %d", seed, round)
                        .extracting(Participant::user)
                        .doesNotContain(eve);
                List<MeetingEvent> mine = store.conference().events(ROOM).stream()
                        .filter(event -> event instanceof MeetingEvent.ParticipantEvent p
                                && p.user().equals(eve))
                        .toList();
                assertThat(mine.isEmpty() || !(mine.get(mine.size() - 1) instanceof Joined))
                        .as("the log of %s ends with a JOINED (seed %d)", eve, seed)
                        .isTrue();
                assertThat(REDIS.admin().sync().exists("conference:user:{" + eve + "}"))
                        .as("what is left of %s's hash (seed %d)", eve, seed)
                        .isZero();
            }
        }
    }

    @Test
    void aRefusedJoinLeavesOnlyItsNoteInTheUsersSlotAndDeleteUserTakesIt() {
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            store.directory().saveUser(aUser("eve"));
            store.directory().saveMeeting(aRestrictedMeeting("closed", "someone@example.com"));
            Instant now = Instant.now();
            store.directory()
                    .saveInstance(new MeetingInstance(
                            MeetingId.of("closed"), 1, now.minusSeconds(60), now.plusSeconds(3600)));

            assertThatThrownBy(() -> store.conference().join(UserId.of("eve"), MeetingId.of("closed")))
                    .isInstanceOf(NotAllowedException.class);

            // The note of the instance tried stays (see RedisAsyncConference.noteJoined): a second try
            // reads it and runs no script in the user's slot.
            assertThat(REDIS.admin().sync().hkeys("conference:user:{eve}"))
                    .containsExactlyInAnyOrder("email", "p", "1|closed");
            assertThatThrownBy(() -> store.conference().join(UserId.of("eve"), MeetingId.of("closed")))
                    .isInstanceOf(NotAllowedException.class);

            store.directory().deleteUser(UserId.of("eve"));
            assertThat(REDIS.admin().sync().exists("conference:user:{eve}")).isZero();
        }
    }

    /** Attribute values are a user's words as messages are: neither the hash nor an UPDATED keeps them. */
    @Test
    void nothingOfTheAttributesAnErasedUserGaveIsLeft() {
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            givenARunningRoom(store);
            UserId eve = UserId.of("eve");
            store.directory().saveUsers(List.of(aUser("eve"), aUser("bob")));
            store.conference().join(eve, ROOM);
            store.conference().join(UserId.of("bob"), ROOM);
            // More than a page of the log (1,000 entries) before and after eve's updates.
            for (int i = 0; i < 700; i++) {
                store.conference().update(UserId.of("bob"), ROOM, java.util.Map.of("n", "bob " + i));
            }
            store.conference().update(eve, ROOM, java.util.Map.of("status", "eve's secret status"));
            store.conference().update(eve, ROOM, java.util.Map.of("status", "eve's second secret"));
            for (int i = 0; i < 700; i++) {
                store.conference().update(UserId.of("bob"), ROOM, java.util.Map.of("n", "bob again " + i));
            }

            store.directory().deleteUser(eve);

            assertThat(Keyspace.everythingStored(REDIS.admin().sync())).doesNotContain("secret");
            assertThat(store.conference().events(ROOM))
                    .filteredOn(MeetingEvent.Updated.class::isInstance)
                    .hasSize(1_400);
        }
    }

    @Test
    void aDeleteUserThatStoppedHalfWayIsFinishedByTheNext() {
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            givenARunningRoom(store);
            UserId eve = UserId.of("eve");
            store.directory().saveUser(aUser("eve"));
            store.conference().join(eve, ROOM);
            store.conference().post(eve, ROOM, "a secret");
            // What a deleteUser that stopped right after forgetting the user record leaves.
            REDIS.admin().sync().hdel("conference:user:{eve}", "email", "p");

            assertThat(store.directory().deleteUser(eve)).isFalse();

            assertThat(store.conference().participants(ROOM)).isEmpty();
            assertThat(Keyspace.everythingStored(REDIS.admin().sync())).doesNotContain("a secret");
        }
    }

    @Test
    void aMessageIsStoredOnceSoAChatPastRetentionLeavesNothingToFind() throws InterruptedException {
        try (ConferenceStore store = RedisConferenceStore.connect(
                RedisURI.create(REDIS.uri()),
                RedisOptions.builder().retention(Duration.ofMillis(100)).build())) {
            givenARunningRoom(store);
            UserId eve = UserId.of("eve");
            store.directory().saveUser(aUser("eve"));
            store.conference().join(eve, ROOM);
            store.conference().post(eve, ROOM, "only in the chat");
            assertThat(Keyspace.everythingStored(REDIS.admin().sync()).split("only in the chat", -1))
                    .as("the text stored once")
                    .hasSize(2);
            store.conference().end(ROOM);
            Thread.sleep(300);

            assertThat(REDIS.admin().sync().exists("conference:meeting:{room}:1:chat"))
                    .isZero();
            assertThat(Keyspace.everythingStored(REDIS.admin().sync())).doesNotContain("only in the chat");
        }
    }
}
