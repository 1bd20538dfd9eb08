package dev.conference.redis;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static dev.conference.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingEvent.TimedOut;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.Page;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import dev.conference.scheduler.MeetingScheduler;
import dev.conference.scheduler.SchedulerOptions;
import dev.conference.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cross-slot indexes are derived from each meeting's own keys, and the scheduler's repair walk
 * puts them right after a write to them was lost or landed out of order. Each test loses or spoils
 * an index write by hand, as a caller that gave up or a node that failed over would.
 */
class RepairTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final MeetingId STANDUP = MeetingId.of("standup");
    private static final String INDEX = "conference:{instance-index}:";

    private final MutableClock clock = new MutableClock(T0);

    private ConferenceStore open() {
        return REDIS.openStore(clock);
    }

    private MeetingScheduler scheduler(ConferenceStore store) {
        return MeetingScheduler.manual(
                store.lifecycle(), SchedulerOptions.defaults().withClock(clock));
    }

    private static void givenStandupFromT0(ConferenceStore store) {
        store.directory().saveUser(aUser("alice"));
        store.directory().saveMeeting(aPublicMeeting("standup"));
        store.directory().saveInstance(anInstance(aPublicMeeting("standup"), 1, T0, HOUR));
    }

    @Test
    void aLeaseWhoseIndexWriteWasLostStillLapses() {
        try (ConferenceStore store = open()) {
            givenStandupFromT0(store);
            UserId alice = UserId.of("alice");
            store.conference().join(alice, STANDUP, Duration.ofMinutes(1));
            REDIS.admin().sync().del("conference:{lease-index}");

            clock.advance(Duration.ofMinutes(2));
            MeetingScheduler scheduler = scheduler(store);
            // The walk puts the entry back at the end of a tick; the next tick expires the lease.
            scheduler.tick();
            scheduler.tick();

            assertThat(store.conference().participants(STANDUP)).isEmpty();
            List<MeetingEvent> events = store.conference().events(STANDUP);
            assertThat(events.get(events.size() - 1)).isInstanceOf(TimedOut.class);
        }
    }

    @Test
    void anInstanceWhoseIndexWriteWasLostIsListedStartedAndEnded() {
        try (ConferenceStore store = open()) {
            givenStandupFromT0(store);
            REDIS.admin().sync().del(INDEX + "upcoming", INDEX + "active", INDEX + "spans", INDEX + "announce");
            clock.advance(Duration.ofSeconds(1));
            assertThat(store.conference().activeMeetings()).isEmpty();

            MeetingScheduler scheduler = scheduler(store);
            assertThat(scheduler.tick().started()).isZero();
            assertThat(scheduler.tick().started()).isEqualTo(1);
            assertThat(store.conference().activeMeetings())
                    .containsExactly(new MeetingInstance(STANDUP, 1, T0, T0.plus(HOUR)));

            clock.set(T0.plus(HOUR));
            assertThat(scheduler.tick().ended()).isEqualTo(1);
            assertThat(store.conference().activeMeetings()).isEmpty();
        }
    }

    @Test
    void aSpanWrittenOutOfOrderIsPutRight() {
        try (ConferenceStore store = open()) {
            givenStandupFromT0(store);
            clock.advance(Duration.ofSeconds(1));
            store.conference().activeMeetings();
            // What an older save's index write landing after a newer one leaves: the old, shorter span.
            long oldTo = T0.plus(Duration.ofMinutes(5)).toEpochMilli() * 1_000;
            long from = T0.toEpochMilli() * 1_000;
            REDIS.admin().sync().hset(INDEX + "spans", "1|standup", from + "|" + oldTo);
            REDIS.admin().sync().zadd(INDEX + "active", oldTo, "1|standup");

            scheduler(store).tick();
            clock.set(T0.plus(Duration.ofMinutes(10)));
            scheduler(store).tick();

            assertThat(store.conference().activeMeetings())
                    .containsExactly(new MeetingInstance(STANDUP, 1, T0, T0.plus(HOUR)));
            assertThat(store.conference().participants(STANDUP)).isEmpty();
        }
    }

    @Test
    void anEndedInstanceThatALateIndexWritePutBackIsNoLongerListed() {
        try (ConferenceStore store = open()) {
            givenStandupFromT0(store);
            clock.advance(Duration.ofSeconds(1));
            store.conference().end(STANDUP);
            // What an index write from an earlier save, landing after the end, leaves.
            long from = T0.toEpochMilli() * 1_000;
            long to = T0.plus(HOUR).toEpochMilli() * 1_000;
            REDIS.admin().sync().hset(INDEX + "spans", "1|standup", from + "|" + to);
            REDIS.admin().sync().zadd(INDEX + "active", to, "1|standup");
            assertThat(store.conference().activeMeetings()).hasSize(1);

            assertThat(scheduler(store).tick().ended()).isZero();

            assertThat(store.conference().activeMeetings()).isEmpty();
        }
    }

    @Test
    void anIndexWriteFromAnOlderSaveLandingLateChangesNothing() {
        try (ConferenceStore store = open()) {
            givenStandupFromT0(store);
            store.directory().saveInstance(anInstance(aPublicMeeting("standup"), 1, T0, HOUR.multipliedBy(2)));

            // The first save's index write (version 1), landing after the second's.
            Scripts.INDEX_INSTANCE.run(
                    REDIS.admin().sync(),
                    new Keys("conference:").instanceIndex().all(),
                    "1|standup",
                    Micros.of(T0),
                    Micros.of(T0.plus(HOUR)),
                    "1");
            clock.advance(Duration.ofSeconds(1));

            assertThat(store.conference().activeMeetings())
                    .containsExactly(new MeetingInstance(STANDUP, 1, T0, T0.plus(HOUR.multipliedBy(2))));
        }
    }

    @Test
    void aMeetingWithSeveralLostEntriesIsPutRightInOneStep() {
        try (ConferenceStore store = open()) {
            givenStandupFromT0(store);
            store.directory().saveUser(aUser("bob"));
            store.conference().join(UserId.of("alice"), STANDUP, Duration.ofMinutes(1));
            store.conference().join(UserId.of("bob"), STANDUP, Duration.ofMinutes(1));
            REDIS.admin().sync().del("conference:{lease-index}", INDEX + "active", INDEX + "spans", INDEX + "versions");

            assertThat(store.lifecycle().repair(clock.instant(), 10).done()).isEqualTo(1);

            clock.advance(Duration.ofMinutes(2));
            MeetingScheduler.TickResult tick = scheduler(store).tick();
            assertThat(tick.leasesExpired()).isEqualTo(2);
            assertThat(store.conference().activeMeetings()).hasSize(1);
        }
    }

    /** A mark of a change to the listing that stopped half-way {@code ago}, by the server's clock. */
    private static String aMarkFrom(Duration ago) {
        List<String> time = REDIS.admin().sync().time();
        long micros = Long.parseLong(time.get(0)) * 1_000_000 + Long.parseLong(time.get(1));
        return (micros - ago.toNanos() / 1_000) + "|token";
    }

    /** The first bucket of each listing, which holds every id of these tests (see listing-prelude.lua). */
    private static final String FIRST_USERS_BUCKET = "conference:{users}:listing:";

    private static final String FIRST_MEETINGS_BUCKET = "conference:{meetings}:listing:";

    private static boolean listed(String listing, String id) {
        return REDIS.admin().sync().zscore("conference:" + listing + ":listing:", id) != null;
    }

    @Test
    void whatTheLayoutBeforeBucketsListedIsListedAgainByTheWalk() {
        try (ConferenceStore store = open()) {
            store.directory().saveUser(aUser("alice"));
            store.directory().saveUser(aUser("bob"));
            store.directory().deleteUser(UserId.of("bob"));
            // What an earlier version left: one sorted set of every id, bob (deleted since) and a ghost
            // among them, and no buckets.
            REDIS.admin().sync().del(FIRST_USERS_BUCKET);
            REDIS.admin().sync().zadd("conference:{users}", 0.0, "alice", 0.0, "bob", 0.0, "ghost");

            scheduler(store).tick();

            assertThat(store.directory().users(Page.first(10)))
                    .extracting(user -> user.id().value())
                    .containsExactly("alice");
            assertThat(REDIS.admin().sync().exists("conference:{users}", "conference:{users}:pending"))
                    .isZero();
        }
    }

    @Test
    void aUserWhoseListingWriteWasLostIsListedAgain() {
        try (ConferenceStore store = open()) {
            store.directory().saveUser(aUser("alice"));
            // What a saveUser whose last step was lost leaves: the user, unlisted, still marked.
            REDIS.admin().sync().zrem(FIRST_USERS_BUCKET, "alice");
            REDIS.admin().sync().hset("conference:{users}:pending", "alice", aMarkFrom(Duration.ofMinutes(2)));

            scheduler(store).tick();

            assertThat(listed("{users}", "alice")).isTrue();
            assertThat(REDIS.admin().sync().exists("conference:{users}:pending"))
                    .isZero();
        }
    }

    @Test
    void aMeetingDeleteThatStoppedHalfWayLeavesTheListing() {
        try (ConferenceStore store = open()) {
            givenStandupFromT0(store);
            // What a deleteMeeting that stopped after the meeting's keys went leaves: listed, marked.
            REDIS.admin().sync().del("conference:meeting:{standup}");
            REDIS.admin().sync().hset("conference:{meetings}:pending", "standup", aMarkFrom(Duration.ofMinutes(2)));

            scheduler(store).tick();

            assertThat(listed("{meetings}", "standup")).isFalse();
            assertThat(REDIS.admin().sync().exists("conference:{meetings}:pending"))
                    .isZero();
        }
    }

    @Test
    void aMeetingSavedAndDeletedByOverlappingChangesIsListedAsItsKeysSay() {
        try (ConferenceStore store = open()) {
            givenStandupFromT0(store);
            // Two changes overlapped (the mark ends in '*'), and the delete's unlisting came last.
            REDIS.admin().sync().zrem(FIRST_MEETINGS_BUCKET, "standup");
            REDIS.admin()
                    .sync()
                    .hset("conference:{meetings}:pending", "standup", aMarkFrom(Duration.ofMinutes(2)) + "*");

            scheduler(store).tick();

            assertThat(listed("{meetings}", "standup")).isTrue();
            assertThat(REDIS.admin().sync().exists("conference:{meetings}:pending"))
                    .isZero();
        }
    }

    @Test
    void aChangeStillUnderWayIsLeftToSettleItsListing() {
        try (ConferenceStore store = open()) {
            // A deleteUser of bob under way: marked a moment ago, record gone, not yet unlisted.
            REDIS.admin().sync().hset("conference:{users}:pending", "bob", aMarkFrom(Duration.ofSeconds(5)));
            REDIS.admin().sync().zadd(FIRST_USERS_BUCKET, 0, "bob");

            scheduler(store).tick();

            assertThat(listed("{users}", "bob")).isTrue();
            // A save overlapping it lists bob, and leaves the mark for the walk to settle.
            store.directory().saveUser(aUser("bob"));
            assertThat(store.directory().users(Page.first(10)))
                    .extracting(user -> user.id().value())
                    .containsExactly("bob");
            assertThat(REDIS.admin().sync().hget("conference:{users}:pending", "bob"))
                    .endsWith("*");
        }
    }
}
