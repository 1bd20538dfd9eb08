package dev.conference.redis;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static dev.conference.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.ChatMessage;
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
     * A feed note takes its entry's id unless the feed already holds a later one (another
     * instance's entry of the same millisecond); then it points to the entry by {@code ref}. A note
     * far in the future forces that here, and points to nothing itself: it is skipped.
     */
    @Test
    void aNoteThatCannotTakeItsEntrysIdFindsItByReference() throws InterruptedException {
        MeetingId room = givenARunningRoom("alice");
        addFarInTheFuture("conference:meeting:{room}:feed", Map.of("instance", "1", "chat", "0"));
        UserId alice = UserId.of("alice");
        conference.join(alice, room);
        conference.post(alice, room, "found by reference");
        BlockingQueue<MeetingEvent> received = new LinkedBlockingQueue<>();

        try (Subscription subscription = store.liveEvents().subscribe(room, FeedPosition.oldest(), received::add)) {
            MeetingEvent started = received.poll(10, TimeUnit.SECONDS);
            MeetingEvent joined = received.poll(10, TimeUnit.SECONDS);
            MeetingEvent posted = received.poll(10, TimeUnit.SECONDS);

            assertThat(started).isNotNull();
            assertThat(joined).isInstanceOf(Joined.class);
            assertThat(posted).isInstanceOf(Posted.class);
            ChatMessage message = ((Posted) posted).message();
            assertThat(message.text()).isEqualTo("found by reference");
            assertThat(message.id()).isNotEqualTo(posted.id());
            assertThat(conference.chat(room)).containsExactly(message);
            assertThat(posted.id()).startsWith("9999999999999-");
            assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    /**
     * An import puts an event among live ones; the live entry after it that must move and cannot keep
     * its id (its neighbour's id is the next one) leaves its new id where its feed note finds it. A
     * first log entry far in the future makes the live ids consecutive.
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
