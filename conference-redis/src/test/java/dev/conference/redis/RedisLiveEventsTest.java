package dev.conference.redis;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static dev.conference.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.EventType;
import dev.conference.model.Imported;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingEvent.Joined;
import dev.conference.model.MeetingEvent.Posted;
import dev.conference.model.MeetingId;
import dev.conference.model.PastEvent;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import dev.conference.port.FeedPosition;
import dev.conference.port.Subscription;
import dev.conference.testing.LiveEventsContract;
import io.lettuce.core.RedisURI;
import io.lettuce.core.XAddArgs;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisLiveEventsTest extends LiveEventsContract {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    @Override
    protected ConferenceStore open(Clock clock) {
        return RedisConferenceStore.connect(
                RedisURI.create(REDIS.uri()),
                RedisOptions.builder().clock(clock).build());
    }

    /** Saves the users and meeting "room", public, with instance 1 running from T0 for an hour. */
    private MeetingId givenARunningRoom(String... users) {
        for (String user : users) {
            directory.saveUser(aUser(user));
        }
        Meeting meeting = aPublicMeeting("room");
        directory.saveMeeting(meeting);
        directory.saveInstance(anInstance(meeting, 1, T0, Duration.ofHours(1)));
        return meeting.id();
    }

    /** Adds an entry whose id is far ahead of the server's clock, so the next ids of the stream follow it. */
    private static void addFarInTheFuture(String stream, Map<String, String> fields) {
        REDIS.admin().sync().xadd(stream, new XAddArgs().id("9999999999999-0"), fields);
    }

    /**
     * An instance's log and chat are two streams, whose ids cannot tell which of two entries of one
     * millisecond came first: entries far in the future make every id of both streams tie on it, and
     * the meeting's {@code seq} still orders them as they happened.
     */
    @Test
    void eventsAndMessagesOfOneMillisecondComeInTheOrderTheyHappened() throws InterruptedException {
        MeetingId room = givenARunningRoom("alice", "bob");
        addFarInTheFuture("conference:meeting:{room}:1:events", Map.of("type", "4", "user", "", "at", Micros.of(T0)));
        REDIS.admin().sync().sadd("conference:meeting:{room}:started", "1");
        addFarInTheFuture("conference:meeting:{room}:1:chat", Map.of("user", "x", "text", "x", "at", Micros.of(T0)));
        UserId alice = UserId.of("alice");
        UserId bob = UserId.of("bob");
        BlockingQueue<MeetingEvent> received = new LinkedBlockingQueue<>();

        try (Subscription subscription = store.liveEvents().subscribe(room, FeedPosition.latest(), received::add)) {
            conference.join(alice, room);
            conference.post(alice, room, "one");
            conference.join(bob, room);
            conference.post(alice, room, "two");
            conference.leave(alice, room);
            conference.post(bob, room, "three");
            List<String> delivered = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                MeetingEvent event = received.poll(10, TimeUnit.SECONDS);
                assertThat(event).as("event %d", i + 1).isNotNull();
                delivered.add(
                        event instanceof Posted posted
                                ? "posted " + posted.message().text()
                                : event.getClass().getSimpleName() + " " + event.id());
            }

            assertThat(delivered.get(0)).startsWith("Joined ");
            assertThat(delivered)
                    .extracting(line -> line.replaceAll(" \\d+:\\d+$", ""))
                    .containsExactly("Joined", "posted one", "Joined", "posted two", "Left", "posted three");
            assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    /**
     * A subscription that resumes after an event of an instance whose log has expired since is told
     * of the gap, with the id of the first event it then delivers.
     */
    @Test
    void resumingAfterAnEventWhoseLogHasExpiredSaysSoBeforeDelivering() throws InterruptedException {
        try (ConferenceStore brief = RedisConferenceStore.connect(
                RedisURI.create(REDIS.uri()),
                RedisOptions.builder()
                        .clock(clock)
                        .retention(Duration.ofMillis(50))
                        .build())) {
            MeetingId room = givenARunningRoom("alice");
            Meeting meeting = directory.meeting(room).orElseThrow();
            directory.saveInstance(anInstance(meeting, 2, T0.plus(Duration.ofHours(1)), Duration.ofHours(1)));
            UserId alice = UserId.of("alice");
            BlockingQueue<MeetingEvent> first = new LinkedBlockingQueue<>();
            String resumeAfter;
            try (Subscription subscription = brief.liveEvents().subscribe(room, FeedPosition.latest(), first::add)) {
                brief.conference().join(alice, room);
                first.poll(10, TimeUnit.SECONDS);
                assertThat(first.poll(10, TimeUnit.SECONDS)).isInstanceOf(Joined.class);
                resumeAfter = subscription.lastSeenId();
            }
            brief.conference().end(room);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (REDIS.admin().sync().exists("conference:meeting:{room}:1:events") > 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            clock.advance(Duration.ofHours(1));
            brief.conference().join(alice, room);

            BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
            dev.conference.port.EventListener listener = new dev.conference.port.EventListener() {
                @Override
                public void onEvent(MeetingEvent event) {
                    signals.add(event);
                }

                @Override
                public void onGap(String oldestKeptId) {
                    signals.add("gap until " + oldestKeptId);
                }
            };
            try (Subscription resumed = brief.liveEvents().subscribe(room, FeedPosition.after(resumeAfter), listener)) {
                Object gap = signals.poll(10, TimeUnit.SECONDS);
                Object next = signals.poll(10, TimeUnit.SECONDS);
                assertThat(next).isInstanceOf(MeetingEvent.Started.class);
                assertThat(((MeetingEvent) next).instance()).isEqualTo(2);
                assertThat(gap).isEqualTo("gap until " + ((MeetingEvent) next).id());
                assertThat(signals.poll(10, TimeUnit.SECONDS)).isInstanceOf(Joined.class);
            }
        }
    }

    /**
     * An import puts an event among live ones; the live entry after it that must move and cannot keep
     * its id (its neighbour's id is the next one) takes a later one, and keeps its {@code seq}: it is
     * delivered once. A first log entry far in the future makes the live ids consecutive.
     */
    @Test
    void aLiveEventAnImportMovedToANewIdIsStillDelivered() throws InterruptedException {
        MeetingId room = givenARunningRoom("alice", "bob", "carol");
        addFarInTheFuture("conference:meeting:{room}:1:events", Map.of("type", "started", "at", Micros.of(T0)));
        REDIS.admin().sync().sadd("conference:meeting:{room}:started", "1");
        clock.advance(Duration.ofMinutes(1));
        conference.join(UserId.of("alice"), room);
        clock.advance(Duration.ofMinutes(1));
        conference.join(UserId.of("bob"), room);

        assertThat(store.history()
                        .importEvents(List.of(
                                new PastEvent("e1", room, UserId.of("carol"), EventType.JOINED, T0.plusSeconds(90)))))
                .containsExactly(Imported.STORED);
        BlockingQueue<MeetingEvent> received = new LinkedBlockingQueue<>();
        try (Subscription subscription = store.liveEvents().subscribe(room, FeedPosition.oldest(), received::add)) {
            MeetingEvent first = received.poll(10, TimeUnit.SECONDS);
            MeetingEvent second = received.poll(10, TimeUnit.SECONDS);

            assertThat(List.of(first, second))
                    .extracting(event -> ((Joined) event).user().value())
                    .containsExactly("alice", "bob");
            assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
        }
        assertThat(conference.events(room))
                .filteredOn(event -> event instanceof Joined)
                .extracting(event -> ((Joined) event).user().value())
                .containsExactly("alice", "carol", "bob");
    }
}
