package dev.conference.redis;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.Meeting;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingEvent.Ended;
import dev.conference.model.MeetingEvent.TimedOut;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import dev.conference.port.FeedPosition;
import dev.conference.port.Subscription;
import dev.conference.scheduler.MeetingScheduler;
import dev.conference.scheduler.SchedulerOptions;
import dev.conference.testing.MutableClock;
import io.lettuce.core.RedisURI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Several schedulers over one Redis: every instance ends exactly once, and a dead one's work is finished. */
class SchedulersTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final List<UserId> USERS = List.of(UserId.of("ann"), UserId.of("ben"));

    private static ConferenceStore open(Clock clock) {
        return RedisConferenceStore.connect(
                RedisURI.create(REDIS.uri()),
                RedisOptions.builder().clock(clock).build());
    }

    /** {@code count} meetings, each with one instance ending at T0 + 1 min and both users in it. */
    private static List<MeetingId> givenRunningMeetingsWithParticipants(ConferenceStore store, int count) {
        USERS.forEach(user -> store.directory().saveUser(aUser(user.value())));
        List<Meeting> meetings = new ArrayList<>();
        List<MeetingInstance> instances = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Meeting meeting = aPublicMeeting("meeting " + i);
            meetings.add(meeting);
            instances.add(new MeetingInstance(meeting.id(), 1, T0.minusSeconds(60), T0.plusSeconds(60)));
        }
        store.directory().saveMeetings(meetings);
        store.directory().saveInstances(instances);
        List<CompletableFuture<?>> joins = new ArrayList<>();
        for (Meeting meeting : meetings) {
            USERS.forEach(
                    user -> joins.add(store.async().join(user, meeting.id()).toCompletableFuture()));
        }
        joins.forEach(CompletableFuture::join);
        return meetings.stream().map(Meeting::id).toList();
    }

    private static void assertEndedExactlyOnce(ConferenceStore store, List<MeetingId> meetings) {
        for (MeetingId meeting : meetings) {
            List<MeetingEvent> events = store.conference().events(meeting, 1);
            assertThat(events.stream().filter(TimedOut.class::isInstance))
                    .as("TIMED_OUT events of %s", meeting)
                    .hasSize(2);
            assertThat(events.stream().filter(Ended.class::isInstance))
                    .as("ENDED of %s", meeting)
                    .hasSize(1);
        }
        assertThat(store.conference().activeMeetings()).isEmpty();
        assertThat(REDIS.admin().sync().zcard("conference:{instance-index}:active"))
                .as("left in the index")
                .isZero();
    }

    @Test
    void threeSchedulersEndAThousandInstancesExactlyOnce() throws Exception {
        MutableClock clock = new MutableClock(T0);
        List<ConferenceStore> stores = List.of(open(clock), open(clock), open(clock));
        try {
            List<MeetingId> meetings = givenRunningMeetingsWithParticipants(stores.get(0), 1_000);
            clock.set(T0.plusSeconds(61));

            AtomicInteger handled = new AtomicInteger();
            ExecutorService nodes = Executors.newFixedThreadPool(stores.size());
            List<Future<?>> running = new ArrayList<>();
            for (ConferenceStore store : stores) {
                MeetingScheduler scheduler = MeetingScheduler.manual(
                        store.lifecycle(),
                        SchedulerOptions.defaults().withClock(clock).withBatchSize(50));
                running.add(nodes.submit(() -> {
                    // Each node ticks until a tick finds nothing left: all three race over the same work.
                    while (scheduler.tick().ended() > 0) {
                        handled.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> node : running) {
                node.get(60, TimeUnit.SECONDS);
            }
            nodes.shutdown();

            assertEndedExactlyOnce(stores.get(0), meetings);
        } finally {
            stores.forEach(ConferenceStore::close);
        }
    }

    @Test
    void workClaimedByADeadSchedulerIsFinishedByAnotherAfterTheClaimLease() {
        MutableClock clock = new MutableClock(T0);
        try (ConferenceStore dying = open(clock);
                ConferenceStore survivor = open(clock)) {
            List<MeetingId> meetings = givenRunningMeetingsWithParticipants(survivor, 100);
            clock.set(T0.plusSeconds(61));
            // The dying node claims everything due and stops before handling any of it.
            assertThat(((RedisLifecycle) dying.lifecycle()).claimEnds(clock.instant(), 1_000))
                    .hasSize(100);

            MeetingScheduler scheduler = MeetingScheduler.manual(
                    survivor.lifecycle(), SchedulerOptions.defaults().withClock(clock));
            assertThat(scheduler.tick().ended()).as("still claimed").isZero();
            clock.advance(RedisLifecycle.CLAIM_LEASE);
            assertThat(scheduler.tick().ended()).isEqualTo(100);

            assertEndedExactlyOnce(survivor, meetings);
        }
    }

    @Test
    void aStartedSchedulerEndsAnInstanceOnItsOwn() throws InterruptedException {
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            store.directory().saveUser(aUser("ann"));
            Meeting meeting = aPublicMeeting("short");
            store.directory().saveMeeting(meeting);
            Instant now = Instant.now();
            store.directory().saveInstance(new MeetingInstance(meeting.id(), 1, now, now.plusMillis(300)));
            store.conference().join(UserId.of("ann"), meeting.id());
            BlockingQueue<MeetingEvent> events = new LinkedBlockingQueue<>();

            try (Subscription ignored = store.liveEvents().subscribe(meeting.id(), FeedPosition.latest(), events::add);
                    MeetingScheduler scheduler = MeetingScheduler.start(
                            store.lifecycle(), SchedulerOptions.defaults().withTick(Duration.ofMillis(50)))) {
                assertThat(events.poll(10, TimeUnit.SECONDS)).isInstanceOf(TimedOut.class);
                assertThat(events.poll(10, TimeUnit.SECONDS)).isInstanceOf(Ended.class);
            }
        }
    }
}
