package dev.conference.seed;

import static dev.conference.seed.SeedRun.seed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.EventType;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.Participant;
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
 * Events are history; what they say about now (who is in a meeting running now) is replayed through
 * {@code join}, once. Instances here run from an hour ago to an hour from now, so the store's real
 * clock finds them active whatever the test's speed.
 */
class PresenceReplayTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    static final MeetingId OPEN = MeetingId.of("open");
    static final MeetingId CLOSED = MeetingId.of("closed");
    static final MeetingId PAST = MeetingId.of("past");

    @TempDir
    Path dir;

    @BeforeEach
    void write() throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
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
            log.write(OPEN, "dan", EventType.LEFT, 70); // before the instance: history
            log.write(OPEN, "dan", EventType.JOINED, 5); // written out of time order, still last
            log.write(CLOSED, "cat", EventType.JOINED, 15); // not in the audience
            log.write(CLOSED, "ann", EventType.TIMED_OUT, 15);
            log.write(PAST, "ann", EventType.JOINED, 150); // an earlier instance: history
        }
    }

    @FunctionalInterface
    interface EventWriter {
        void write(MeetingId meeting, String user, EventType type, long minutesAgo) throws IOException;
    }

    @Test
    void usersWhoseLastEventInARunningInstanceIsAJoinAreJoinedOnce() {
        SeedRun.Result first = seed().run("load", dir, "--redis", REDIS.uri());

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out())
                .contains("events: 8 valid; 6 fall in instances active now; present users: 2 joined,"
                        + " 0 already present, 1 refused");
        assertThat(first.err())
                .contains("events_log.json:32:5: record 6: JOINED not replayed: user 'cat' is not in"
                        + " the audience of meeting 'closed'");
        List<MeetingEvent> openLog;
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            assertThat(store.conference().participants(OPEN))
                    .extracting(Participant::user)
                    .containsExactlyInAnyOrder(UserId.of("ann"), UserId.of("dan"));
            assertThat(store.conference().participants(CLOSED)).isEmpty();
            openLog = store.conference().events(OPEN);
            assertThat(openLog)
                    .filteredOn(event -> event instanceof MeetingEvent.Joined)
                    .hasSize(2);
        }

        SeedRun.Result second = seed().run("load", dir, "--redis", REDIS.uri());

        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).contains("present users: 0 joined, 2 already present, 1 refused");
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            assertThat(store.conference().participants(OPEN))
                    .extracting(Participant::user)
                    .containsExactlyInAnyOrder(UserId.of("ann"), UserId.of("dan"));
            assertThat(store.conference().events(OPEN)).isEqualTo(openLog);
        }
    }
}
