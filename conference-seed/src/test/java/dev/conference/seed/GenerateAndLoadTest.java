package dev.conference.seed;

import static dev.conference.seed.SeedRun.seed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.Page;
import dev.conference.model.Participant;
import dev.conference.port.ConferenceStore;
import dev.conference.redis.LocalRedisExtension;
import dev.conference.redis.RedisConferenceStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class GenerateAndLoadTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    @TempDir
    Path dir;

    @BeforeEach
    void generate() {
        // Generated around the real now, since the store judges "active" by its own (real) clock.
        Clock now = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        SeedRun.Result generated = seed().clock(now)
                .run(
                        "generate",
                        "--out",
                        dir,
                        "--users",
                        300,
                        "--meetings",
                        60,
                        "--instances",
                        90,
                        "--events",
                        400,
                        "--messages",
                        200,
                        "--random-seed",
                        42);
        assertThat(generated.code()).as(generated.err()).isZero();
    }

    @Test
    void everyGeneratedRecordIsStoredAsWritten() throws Exception {
        SeedRun.Result loaded = seed().run("load", dir, "--redis", REDIS.uri());

        assertThat(loaded.code()).as(loaded.err()).isZero();
        // The generator gives meetings with no started instance past visits that no instance holds.
        assertThat(loaded.errLines())
                .allMatch(line -> line.endsWith(" not stored: no instance of its meeting holds its time"));
        assertThat(loaded.out()).contains("300 users, 60 meetings, 90 instances, 400 events, ", "0 invalid");
        long messages = FileRecords.records(dir.resolve("messages.json")).size();
        assertThat(loaded.out()).contains(messages + " messages (local", "messages: " + messages + " stored");
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            assertThat(FileRecords.allUsers(store.directory()))
                    .containsExactlyInAnyOrderElementsOf(FileRecords.users(dir));
            assertThat(FileRecords.allMeetings(store.directory()))
                    .containsExactlyInAnyOrderElementsOf(FileRecords.meetings(dir));
            List<MeetingInstance> instances = FileRecords.instances(dir, ZoneOffset.UTC);
            assertThat(FileRecords.allInstances(store.directory())).containsExactlyInAnyOrderElementsOf(instances);
            long held = FileRecords.events(dir).stream()
                    .filter(event -> instances.stream()
                            .anyMatch(instance ->
                                    event.get("event_id").asText().startsWith("event_" + instance.meeting() + "_")
                                            && instance.spans(Instant.parse(
                                                    event.get("timestamp").asText() + "Z"))))
                    .count();
            long logged = 0;
            long posted = 0;
            for (MeetingInstance instance : instances) {
                logged += store.conference().events(instance.meeting(), instance.instance()).stream()
                        .filter(event -> event instanceof MeetingEvent.ParticipantEvent)
                        .count();
                posted += store.conference()
                        .chat(instance.meeting(), instance.instance(), Page.first(Page.MAX_LIMIT))
                        .size();
            }
            assertThat(logged).isEqualTo(held).isPositive();
            assertThat(loaded.out()).contains("events: " + held + " stored, " + (400 - held) + " in no instance");
            assertThat(posted).isEqualTo(messages).isGreaterThan(150);
        }
    }

    @Test
    void joinsOnlyUsersWhoseLastEventInAnActiveInstanceIsAJoin() throws Exception {
        SeedRun.Result loaded = seed().run("load", dir, "--redis", REDIS.uri());

        assertThat(loaded.code()).as(loaded.err()).isZero();
        Set<String> present = new HashSet<>();
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            for (MeetingInstance active : store.conference().activeMeetings()) {
                for (Participant participant : store.conference().participants(active.meeting())) {
                    present.add(active.meeting() + "/" + participant.user());
                }
            }
        }
        // Who is present depends on the moment (an instance may end between two lines of this test),
        // so check the rule, not a count: each present user has a JOINED as last event in that meeting.
        Set<String> lastIsJoin = new HashSet<>();
        Set<String> lastIsNot = new HashSet<>();
        for (var event : FileRecords.events(dir)) {
            String meeting = event.get("event_id").asText().split("_")[1];
            String key = meeting + "/" + event.get("userID").asText();
            if (event.get("event_type").asInt() == 1) {
                lastIsJoin.add(key);
                lastIsNot.remove(key);
            } else {
                lastIsNot.add(key);
                lastIsJoin.remove(key);
            }
        }
        assertThat(present).isNotEmpty().isSubsetOf(lastIsJoin);
    }

    @Test
    void loadingTwiceLeavesTheSameStateAsLoadingOnce() {
        Instant start = Instant.now();
        assertThat(seed().run("load", dir, "--redis", REDIS.uri()).code()).isZero();
        Snapshot once = Snapshot.of(REDIS.uri(), start);

        SeedRun.Result again = seed().run("load", dir, "--redis", REDIS.uri());

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("events: 0 stored", "messages: 0 stored, ", " already stored");
        assertThat(Snapshot.of(REDIS.uri(), start)).isEqualTo(once);
    }

    /**
     * Everything the ports show of a store's directory, and who is in which active meeting, with its
     * log. Only instances active from before {@code start} until well after it count: the others start
     * or end with the passing of time, not with a load.
     */
    record Snapshot(List<?> users, List<?> meetings, List<?> instances, Set<String> participants) {
        static Snapshot of(String uri, Instant start) {
            try (ConferenceStore store = RedisConferenceStore.connect(uri)) {
                Set<String> participants = new HashSet<>();
                for (MeetingInstance active : store.conference().activeMeetings()) {
                    if (!active.from().isBefore(start) || active.to().isBefore(start.plusSeconds(120))) {
                        continue;
                    }
                    MeetingId meeting = active.meeting();
                    store.conference().participants(meeting).forEach(p -> participants.add(meeting + "/" + p));
                    store.conference().events(meeting).forEach(e -> participants.add(meeting + " log " + e));
                }
                return new Snapshot(
                        FileRecords.allUsers(store.directory()),
                        FileRecords.allMeetings(store.directory()),
                        FileRecords.allInstances(store.directory()),
                        participants);
            }
        }
    }
}
