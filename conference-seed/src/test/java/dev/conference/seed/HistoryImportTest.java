package dev.conference.seed;

import static dev.conference.seed.SeedRun.seed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.conference.model.ChatMessage;
import dev.conference.model.EventType;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.Participant;
import dev.conference.model.PastMessage;
import dev.conference.model.User;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import dev.conference.redis.LocalRedisExtension;
import dev.conference.redis.RedisConferenceStore;
import dev.conference.seed.format.RecordWriter;
import dev.conference.seed.format.SourceEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files' history goes into the store as recorded: each event into the instance that holds its
 * time, each message into its instance's chat, once. Instances here run from an hour ago to an hour
 * from now, so the store's real clock finds them active whatever the test's speed.
 */
class HistoryImportTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    static final MeetingId OPEN = MeetingId.of("open");
    static final MeetingId CLOSED = MeetingId.of("closed");
    static final MeetingId PAST = MeetingId.of("past");

    @TempDir
    Path dir;

    private Instant now;

    @BeforeEach
    void write() throws IOException {
        now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (RecordWriter users = RecordWriter.open(dir.resolve("users.json"), ZoneOffset.UTC)) {
            for (String name : List.of("ann", "bob", "cat", "dan")) {
                users.user(new User(UserId.of(name), name.toUpperCase(), 30, "Female", name + "@example.com"));
            }
        }
        try (RecordWriter meetings = RecordWriter.open(dir.resolve("meetings.json"), ZoneOffset.UTC)) {
            meetings.meeting("open", "OPEN", "anyone", true, List.of());
            meetings.meeting("closed", "CLOSED", "ann only", false, List.of("ann@example.com"));
            meetings.meeting("past", "PAST", "over", true, List.of());
        }
        try (RecordWriter instances = RecordWriter.open(dir.resolve("meetings_instances.json"), ZoneOffset.UTC)) {
            instances.instance(
                    new MeetingInstance(OPEN, 1, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))));
            instances.instance(
                    new MeetingInstance(CLOSED, 1, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))));
            instances.instance(
                    new MeetingInstance(PAST, 1, now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(2))));
        }
        try (RecordWriter events = RecordWriter.open(dir.resolve("events_log.json"), ZoneOffset.UTC)) {
            int[] n = {0};
            EventWriter log = (meeting, user, type, minutesAgo) -> events.event(new SourceEvent(
                    SourceEvent.idOf(meeting, UserId.of(user), n[0]++),
                    meeting,
                    UserId.of(user),
                    type,
                    now.minus(Duration.ofMinutes(minutesAgo))));
            log.write(OPEN, "ann", EventType.JOINED, 30); // present
            log.write(OPEN, "bob", EventType.JOINED, 20);
            log.write(OPEN, "bob", EventType.LEFT, 10); // left again
            log.write(OPEN, "dan", EventType.LEFT, 70); // before the instance: in no instance
            log.write(OPEN, "dan", EventType.JOINED, 5); // written out of time order, still last
            log.write(CLOSED, "cat", EventType.JOINED, 15); // not in the audience: history as recorded
            log.write(CLOSED, "ann", EventType.TIMED_OUT, 14);
            log.write(PAST, "ann", EventType.JOINED, 150); // an instance that is over
        }
        try (RecordWriter messages = RecordWriter.open(dir.resolve("messages.json"), ZoneOffset.UTC)) {
            messages.message(
                    new PastMessage("m2", OPEN, 1, UserId.of("dan"), "second", now.minus(Duration.ofMinutes(4))));
            messages.message(
                    new PastMessage("m1", OPEN, 1, UserId.of("ann"), "first", now.minus(Duration.ofMinutes(25))));
        }
    }

    @FunctionalInterface
    interface EventWriter {
        void write(MeetingId meeting, String user, EventType type, long minutesAgo) throws IOException;
    }

    @Test
    void storesEveryEventInItsInstanceWithItsTimeOnce() {
        SeedRun.Result first = seed().run("load", dir, "--redis", REDIS.uri());

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("events: 7 stored, 1 in no instance", "messages: 2 stored");
        assertThat(first.err())
                .contains(
                        "events_log.json:20:5: record 4: event of meeting 'open' at",
                        "not stored: no instance of its meeting holds its time");
        List<MeetingEvent> openLog;
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            assertThat(store.conference().participants(OPEN))
                    .containsExactly(
                            new Participant(UserId.of("ann"), now.minus(Duration.ofMinutes(30))),
                            new Participant(UserId.of("dan"), now.minus(Duration.ofMinutes(5))));
            assertThat(store.conference().participants(CLOSED))
                    .extracting(Participant::user)
                    .containsExactly(UserId.of("cat"));
            assertThat(store.conference().participants(PAST)).isEmpty();
            openLog = store.conference().events(OPEN);
            assertThat(openLog)
                    .extracting(MeetingEvent::type, MeetingEvent::at)
                    .containsExactly(
                            tuple(EventType.STARTED, now.minus(Duration.ofHours(1))),
                            tuple(EventType.JOINED, now.minus(Duration.ofMinutes(30))),
                            tuple(EventType.JOINED, now.minus(Duration.ofMinutes(20))),
                            tuple(EventType.LEFT, now.minus(Duration.ofMinutes(10))),
                            tuple(EventType.JOINED, now.minus(Duration.ofMinutes(5))));
            assertThat(store.conference().events(PAST))
                    .extracting(MeetingEvent::type)
                    .containsExactly(EventType.STARTED, EventType.JOINED);
            assertThat(store.conference().chat(OPEN))
                    .extracting(ChatMessage::text, ChatMessage::postedAt)
                    .containsExactly(
                            tuple("first", now.minus(Duration.ofMinutes(25))),
                            tuple("second", now.minus(Duration.ofMinutes(4))));
        }

        SeedRun.Result second = seed().run("load", dir, "--redis", REDIS.uri());

        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out())
                .contains(
                        "events: 0 stored, 7 already stored, 1 in no instance", "messages: 0 stored, 2 already stored");
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            assertThat(store.conference().events(OPEN)).isEqualTo(openLog);
            assertThat(store.conference().chat(OPEN)).hasSize(2);
        }
    }
}
