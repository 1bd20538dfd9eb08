package dev.conference.seed;

import static dev.conference.seed.SeedRun.seed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conference.model.MeetingInstance;
import dev.conference.model.User;
import dev.conference.seed.format.SeedFiles;
import dev.conference.seed.load.Loader;
import dev.conference.seed.progress.Progress;
import dev.conference.testing.MutableClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateTest {
    static final String NOW = "2025-03-14T09:26:53.589793Z";

    @TempDir
    Path dir;

    @Test
    void theSameSeedAtTheSameMomentGivesTheSameFiles() throws IOException {
        generate(dir.resolve("a"), NOW, 7, "--users", 50, "--meetings", 10, "--instances", 25, "--events", 80);
        generate(dir.resolve("b"), NOW, 7, "--users", 50, "--meetings", 10, "--instances", 25, "--events", 80);

        for (String file : List.of(SeedFiles.USERS, SeedFiles.MEETINGS, SeedFiles.INSTANCES, SeedFiles.EVENTS)) {
            assertThat(dir.resolve("b").resolve(file))
                    .as(file)
                    .hasSameBinaryContentAs(dir.resolve("a").resolve(file));
        }
    }

    @Test
    void theSameSeedAtAnotherMomentGivesTheSameRecordsShiftedInTime() throws IOException {
        generate(dir.resolve("a"), NOW, 7, "--events", 40);
        generate(dir.resolve("b"), "2025-03-15T10:00:00Z", 7, "--events", 40);
        Duration shift = Duration.between(Instant.parse(NOW), Instant.parse("2025-03-15T10:00:00Z"));

        assertThat(dir.resolve("b/users.json")).hasSameBinaryContentAs(dir.resolve("a/users.json"));
        assertThat(dir.resolve("b/meetings.json")).hasSameBinaryContentAs(dir.resolve("a/meetings.json"));
        List<MeetingInstance> a = FileRecords.instances(dir.resolve("a"), ZoneOffset.UTC);
        List<MeetingInstance> b = FileRecords.instances(dir.resolve("b"), ZoneOffset.UTC);
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i))
                    .isEqualTo(new MeetingInstance(
                            a.get(i).meeting(),
                            a.get(i).instance(),
                            a.get(i).from().plus(shift),
                            a.get(i).to().plus(shift)));
        }
        List<JsonNode> eventsA = FileRecords.events(dir.resolve("a"));
        List<JsonNode> eventsB = FileRecords.events(dir.resolve("b"));
        for (int i = 0; i < eventsA.size(); i++) {
            assertThat(eventsB.get(i).get("event_id")).isEqualTo(eventsA.get(i).get("event_id"));
            assertThat(eventsB.get(i).get("event_type"))
                    .isEqualTo(eventsA.get(i).get("event_type"));
        }
    }

    @Test
    void anotherSeedGivesOtherRecords() throws IOException {
        generate(dir.resolve("a"), NOW, 7);
        generate(dir.resolve("b"), NOW, 8);

        assertThat(FileRecords.users(dir.resolve("b")))
                .doesNotContainAnyElementsOf(FileRecords.users(dir.resolve("a")));
    }

    @Test
    void writesValidRecordsWithUniqueIdsAndEmailsAndSomeInstancesActiveNow() throws IOException {
        SeedRun.Result result =
                generate(dir, NOW, 3, "--users", 20_000, "--meetings", 500, "--instances", 1_200, "--events", 3_000);

        List<User> users = FileRecords.users(dir);
        assertThat(users).hasSize(20_000);
        assertThat(users.stream().map(User::id).distinct()).hasSize(20_000);
        assertThat(users.stream().map(User::email).distinct()).hasSize(20_000);
        assertThat(users).allSatisfy(user -> assertThat(user.id().value()).matches("[A-Za-z0-9]{8}"));
        Set<String> emails = new HashSet<>(users.stream().map(User::email).toList());
        assertThat(FileRecords.meetings(dir))
                .allSatisfy(meeting -> assertThat(emails).containsAll(meeting.audience()));
        Instant now = Instant.parse(NOW);
        long active = FileRecords.instances(dir, ZoneOffset.UTC).stream()
                .filter(i -> i.spans(now))
                .count();
        assertThat(active).isBetween(100L, 500L);
        assertThat(result.out()).contains("(" + active + " active now)", "random seed 3");
        assertThat(FileRecords.events(dir))
                .hasSize(3_000)
                .allSatisfy(
                        event -> assertThat(Instant.parse(event.get("timestamp").asText() + "Z"))
                                .isBeforeOrEqualTo(now));

        StringWriter problems = new StringWriter();
        Loader.Check check = new Loader(
                        new SeedFiles(dir), ZoneOffset.UTC, 100, 1, new PrintWriter(problems, true), Progress.NONE)
                .check();
        assertThat(problems.toString()).isEmpty();
        assertThat(check.invalid()).isZero();
        assertThat(check.records()).isEqualTo(20_000 + 500 + 1_200 + 3_000);
    }

    @Test
    void writesLocalTimesInTheZoneAsked() throws IOException {
        generate(dir.resolve("utc"), NOW, 5);
        generate(dir.resolve("athens"), NOW, 5, "--zone", "Europe/Athens");

        assertThat(FileRecords.instances(dir.resolve("athens"), ZoneId.of("Europe/Athens")))
                .isEqualTo(FileRecords.instances(dir.resolve("utc"), ZoneOffset.UTC));
        assertThat(Files.readString(dir.resolve("athens/meetings_instances.json")))
                .containsPattern("\"fromdatetime\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\"");
    }

    @Test
    void nowGivenOnTheCommandLineMakesTheSameFilesAtAnyMoment() throws IOException {
        Object[] options = {
            "--users", 40, "--meetings", 8, "--events", 60, "--messages", 50, "--now", "2026-12-01T10:00:00Z"
        };
        generate(dir.resolve("a"), NOW, 11, options);
        generate(dir.resolve("b"), "2031-01-01T00:00:00Z", 11, options);

        for (String file : List.of(
                SeedFiles.USERS, SeedFiles.MEETINGS, SeedFiles.INSTANCES, SeedFiles.EVENTS, SeedFiles.MESSAGES)) {
            assertThat(dir.resolve("b").resolve(file))
                    .as(file)
                    .hasSameBinaryContentAs(dir.resolve("a").resolve(file));
        }
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        List<MeetingInstance> instances = FileRecords.instances(dir.resolve("a"), ZoneOffset.UTC);
        List<JsonNode> messages = FileRecords.records(dir.resolve("a").resolve(SeedFiles.MESSAGES));
        assertThat(messages)
                .extracting(message -> message.get("timestamp").asText())
                .isSorted();
        assertThat(messages).hasSizeBetween(25, 50).allSatisfy(message -> {
            Instant at = Instant.parse(message.get("timestamp").asText() + "Z");
            assertThat(at).isBeforeOrEqualTo(now);
            assertThat(instances).anySatisfy(instance -> {
                assertThat(instance.meeting().value())
                        .isEqualTo(message.get("meeting_id").asText());
                assertThat(instance.instance())
                        .isEqualTo(message.get("order_id").asInt());
                assertThat(instance.spans(at)).isTrue();
            });
            assertThat(message.get("text").asText()).isNotBlank();
        });
    }

    @Test
    void refusesANowThatIsNotADateTime() {
        SeedRun.Result result = seed().run("generate", "--out", dir, "--now", "yesterday");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("conference-seed generate: --now must be a date-time like");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void refusesCountsThatCannotMakeADataSet() {
        SeedRun.Result result = seed().run("generate", "--out", dir, "--users", 0, "--meetings", 3);

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("conference-seed generate: meetings need users for their audience");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aSeedIsChosenAndShownWhenNoneIsGiven() {
        SeedRun.Result result = seed().run("generate", "--out", dir, "--users", 3, "--meetings", 1);

        assertThat(result.code()).isZero();
        assertThat(result.out()).containsPattern("random seed \\d+");
    }

    private static SeedRun.Result generate(Path out, String now, long seed, Object... more) {
        Object[] args = new Object[6 + more.length];
        System.arraycopy(
                new Object[] {"generate", "--out", out, "--random-seed", seed, "--no-progress"}, 0, args, 0, 6);
        System.arraycopy(more, 0, args, 6, more.length);
        SeedRun.Result result = seed().clock(MutableClock.at(now)).run(args);
        assertThat(result.code()).as(result.err()).isZero();
        return result;
    }
}
