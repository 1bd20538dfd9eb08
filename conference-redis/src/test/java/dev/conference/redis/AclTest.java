package dev.conference.redis;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aRestrictedMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.conference.model.ChatMessage;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingEvent.Ended;
import dev.conference.model.MeetingEvent.Joined;
import dev.conference.model.MeetingEvent.Posted;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.NotAllowedException;
import dev.conference.model.Page;
import dev.conference.model.Participant;
import dev.conference.model.StoreException;
import dev.conference.model.UserId;
import dev.conference.port.Conference;
import dev.conference.port.ConferenceStore;
import dev.conference.port.Directory;
import dev.conference.port.FeedPosition;
import dev.conference.port.Subscription;
import dev.conference.scheduler.MeetingScheduler;
import dev.conference.scheduler.SchedulerOptions;
import dev.conference.testing.ConferenceContract;
import dev.conference.testing.DirectoryContract;
import dev.conference.testing.LifecycleContract;
import dev.conference.testing.LiveEventsContract;
import dev.conference.testing.MutableClock;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The store as an ACL user restricted to its own keys ({@code ~conference:*}) and denied every
 * dangerous command (FLUSHALL, KEYS, DEBUG, CONFIG, ...): every operation works, every contract suite
 * passes, and a wrong password is one clear StoreException. The test's own cleaning goes through the
 * default user, whose password only the test knows.
 */
class AclTest {
    private static final String ADMIN_PASSWORD = "admin-only";
    private static final String USER = "conf";
    private static final String PASSWORD = "s3cret";
    /** The restricted user: only the library's keys, no dangerous commands (INFO among them). */
    private static final String RESTRICTED =
            "user " + USER + " on >" + PASSWORD + " ~conference:* &* +@all -@dangerous";
    /** The same rights under another name, for the discovery test. */
    private static final String STRICT = "user strict on >" + PASSWORD + " ~conference:* &* +@all -@dangerous";

    private static ConfiguredRedis server;
    private static RedisClient adminClient;
    private static StatefulRedisConnection<String, String> admin;

    @BeforeAll
    static void startServer() {
        server = ConfiguredRedis.start(List.of("requirepass " + ADMIN_PASSWORD, RESTRICTED, STRICT));
        adminClient = RedisClient.create(RedisURI.Builder.redis("127.0.0.1", server.port())
                .withPassword(ADMIN_PASSWORD.toCharArray())
                .build());
        admin = adminClient.connect();
    }

    @AfterAll
    static void stopServer() {
        admin.close();
        adminClient.shutdown();
        server.close();
    }

    static String restrictedUri() {
        return "redis://" + USER + ":" + PASSWORD + "@127.0.0.1:" + server.port();
    }

    /** An empty database and a store on it, as the restricted user. */
    static ConferenceStore openEmpty(Clock clock) {
        admin.sync().flushall();
        return RedisConferenceStore.connect(
                RedisURI.create(restrictedUri()),
                RedisOptions.builder().clock(clock).build());
    }

    @Test
    void theUserIsReallyRestricted() {
        RedisClient client = RedisClient.create(restrictedUri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            assertThat(redis.set("conference:probe", "ok")).isEqualTo("OK");
            assertThat(catchThrowable(() -> redis.set("elsewhere", "x"))).hasMessageContaining("NOPERM");
            assertThat(catchThrowable(() -> redis.get("elsewhere"))).hasMessageContaining("NOPERM");
            assertThat(catchThrowable(() -> redis.keys("*"))).hasMessageContaining("NOPERM");
            assertThat(catchThrowable(() -> redis.flushall())).hasMessageContaining("NOPERM");
            assertThat(catchThrowable(() -> redis.flushdb())).hasMessageContaining("NOPERM");
            assertThat(catchThrowable(() -> redis.configGet("*"))).hasMessageContaining("NOPERM");
            assertThat(catchThrowable(() -> redis.dispatch(
                            CommandType.DEBUG,
                            new StatusOutput<>(StringCodec.UTF8),
                            new CommandArgs<>(StringCodec.UTF8).add("DIGEST"))))
                    .hasMessageContaining("NOPERM");
        } finally {
            client.shutdown();
        }
    }

    @Test
    void everyOperationWorksAsTheRestrictedUser() throws InterruptedException {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        MutableClock clock = new MutableClock(t0);
        UserId ann = UserId.of("ann");
        UserId bob = UserId.of("bob");
        UserId eve = UserId.of("eve");
        try (ConferenceStore store = openEmpty(clock)) {
            Directory directory = store.directory();
            Conference conference = store.conference();
            directory.saveUsers(List.of(aUser("ann"), aUser("bob"), aUser("eve")));
            Meeting standup = aPublicMeeting("standup");
            Meeting board = aRestrictedMeeting("board", "ANN@example.com");
            directory.saveMeetings(List.of(standup, board));
            directory.saveInstances(List.of(
                    new MeetingInstance(standup.id(), 1, t0, t0.plus(Duration.ofHours(1))),
                    new MeetingInstance(board.id(), 1, t0.plusSeconds(60), t0.plus(Duration.ofHours(2)))));
            assertThat(directory.user(ann)).contains(aUser("ann"));
            assertThat(directory.users(Page.first(10))).hasSize(3);
            assertThat(directory.meeting(board.id())).contains(board);
            assertThat(directory.meetings(Page.first(10))).hasSize(2);
            assertThat(directory.instances(standup.id())).hasSize(1);

            LinkedBlockingQueue<MeetingEvent> live = new LinkedBlockingQueue<>();
            try (Subscription subscription =
                    store.liveEvents().subscribe(standup.id(), FeedPosition.latest(), live::add)) {
                assertThat(store.lifecycle().startDue(clock.instant(), 10).done())
                        .isEqualTo(1);
                conference.join(ann, standup.id());
                store.async().join(bob, standup.id()).toCompletableFuture().join();
                conference.join(eve, standup.id(), Duration.ofMinutes(1));
                conference.renew(eve, standup.id(), Duration.ofMinutes(2));
                ChatMessage hello = conference.post(ann, standup.id(), "hello");
                store.async()
                        .post(bob, standup.id(), "hi")
                        .toCompletableFuture()
                        .join();
                conference.leave(bob, standup.id());
                assertThat(conference.participants(standup.id()))
                        .extracting(Participant::user)
                        .containsExactly(ann, eve);
                assertThat(conference.activeMeetings())
                        .extracting(MeetingInstance::meeting)
                        .containsExactly(standup.id());
                assertThat(conference.joinTimes())
                        .singleElement()
                        .satisfies(entry -> assertThat(entry.participants()).hasSize(2));
                assertThat(conference.chat(standup.id()))
                        .extracting(ChatMessage::text)
                        .containsExactly("hello", "hi");
                assertThat(conference.chat(standup.id(), Page.first(1).next(hello.id())))
                        .extracting(ChatMessage::text)
                        .containsExactly("hi");
                assertThat(conference.chat(standup.id(), 1, Page.first(10))).hasSize(2);
                assertThat(conference.messages(standup.id(), ann)).containsExactly(hello);
                assertThat(conference.events(standup.id(), 1))
                        .filteredOn(Joined.class::isInstance)
                        .hasSize(3);
                assertThat(poll(live, 7)).filteredOn(Posted.class::isInstance).hasSize(2);
                assertThat(subscription.lastSeenId()).isNotNull();
            }

            clock.set(t0.plus(Duration.ofMinutes(3)));
            assertThat(store.lifecycle().expireLeases(clock.instant(), 10).done())
                    .isEqualTo(1);
            assertThat(conference.participants(standup.id()))
                    .extracting(Participant::user)
                    .containsExactly(ann);
            clock.set(t0.plus(Duration.ofMinutes(4)));
            conference.join(ann, board.id());
            assertThatThrownBy(() -> conference.join(bob, board.id())).isInstanceOf(NotAllowedException.class);
            assertThat(conference.end(board.id()).orElseThrow().timedOut()).isEqualTo(1);
            clock.set(t0.plus(Duration.ofHours(3)));
            try (MeetingScheduler scheduler = MeetingScheduler.manual(
                    store.lifecycle(), SchedulerOptions.defaults().withClock(clock))) {
                assertThat(scheduler.tick().ended()).isEqualTo(1);
            }
            assertThat(conference.events(standup.id())).last().isInstanceOf(Ended.class);

            assertThat(directory.deleteUser(ann)).isTrue();
            assertThat(conference.chat(standup.id()))
                    .extracting(ChatMessage::text)
                    .containsExactly("hi");
            assertThat(directory.deleteInstance(board.id(), 1)).isTrue();
            assertThat(directory.deleteMeeting(standup.id())).isTrue();
            assertThat(directory.meetings(Page.first(10)))
                    .extracting(Meeting::id)
                    .containsExactly(board.id());
        }
        assertThat(admin.sync().keys("*"))
                .as("every key the store wrote")
                .isNotEmpty()
                .allSatisfy(key -> assertThat(key).startsWith("conference:"));
    }

    @Test
    void aWrongPasswordIsOneClearStoreException() {
        for (String uri : List.of(
                "redis://" + USER + ":wrong@127.0.0.1:" + server.port(),
                "redis://nobody:" + PASSWORD + "@127.0.0.1:" + server.port(),
                "redis://:wrong@127.0.0.1:" + server.port())) {
            Throwable refused =
                    catchThrowable(() -> RedisConferenceStore.connect(uri).close());
            assertThat(refused)
                    .as(uri)
                    .isInstanceOf(StoreException.class)
                    .hasMessage("cannot connect to Redis at 127.0.0.1:" + server.port()
                            + ": WRONGPASS invalid username-password pair or user is disabled.");
        }
    }

    @Test
    void aKeyPrefixOutsideTheUsersKeysIsRefusedClearly() {
        try (ConferenceStore store = RedisConferenceStore.connect(
                RedisURI.create(restrictedUri()),
                RedisOptions.builder().keyPrefix("other:").build())) {
            assertThatThrownBy(() -> store.directory().saveUser(aUser("ann")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("127.0.0.1:" + server.port())
                    .hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> store.conference().join(UserId.of("ann"), MeetingId.of("standup")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("NOPERM");
        }
    }

    /**
     * Discovery (standalone or cluster) must not need INFO, which is in @dangerous: it asks HELLO,
     * which every user may send. Found by this test when discovery still read {@code INFO cluster}.
     */
    @Test
    void connectsWithoutTheInfoCommand() {
        admin.sync().flushall();
        try (ConferenceStore store =
                RedisConferenceStore.connect("redis://strict:" + PASSWORD + "@127.0.0.1:" + server.port())) {
            store.directory().saveUser(aUser("ann"));
            assertThat(store.directory().users(Page.first(10))).hasSize(1);
        }
    }

    private static List<MeetingEvent> poll(LinkedBlockingQueue<MeetingEvent> queue, int count)
            throws InterruptedException {
        List<MeetingEvent> out = new java.util.ArrayList<>();
        while (out.size() < count) {
            MeetingEvent event = queue.poll(10, TimeUnit.SECONDS);
            if (event == null) {
                break;
            }
            out.add(event);
        }
        return out;
    }

    @Nested
    class DirectorySuite extends DirectoryContract {
        @Override
        protected ConferenceStore open(Clock clock) {
            return openEmpty(clock);
        }
    }

    @Nested
    class ConferenceSuite extends ConferenceContract {
        @Override
        protected ConferenceStore open(Clock clock) {
            return openEmpty(clock);
        }
    }

    @Nested
    class LifecycleSuite extends LifecycleContract {
        @Override
        protected ConferenceStore open(Clock clock) {
            return openEmpty(clock);
        }
    }

    @Nested
    class LiveEventsSuite extends LiveEventsContract {
        @Override
        protected ConferenceStore open(Clock clock) {
            return openEmpty(clock);
        }
    }
}
