package dev.conference.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conference.cli.CliRun.Result;
import dev.conference.cli.CliRun.Running;
import dev.conference.model.MeetingId;
import dev.conference.model.UserId;
import dev.conference.port.Conference;
import dev.conference.port.ConferenceStore;
import dev.conference.redis.LocalRedisExtension;
import dev.conference.redis.RedisConferenceStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch}, run in-process on a real Redis while another store (another application, as it were)
 * makes things happen in the meeting.
 */
class WatchTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    private static final String TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";
    private static final Pattern LAST_ID = Pattern.compile("last event id (\\S+) \\(resume with --from \\1\\)");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final MeetingId STANDUP = MeetingId.of("standup");

    @TempDir
    Path home;

    private ConferenceStore elsewhere;
    private Conference conference;

    @BeforeEach
    void world() {
        World.create(REDIS.uri());
        elsewhere = RedisConferenceStore.connect(REDIS.uri());
        conference = elsewhere.conference();
    }

    @AfterEach
    void close() {
        elsewhere.close();
    }

    private CliRun cli() {
        return CliRun.in(home).redisUrl(REDIS.uri());
    }

    /** Starts a watch and returns once it is subscribed: what happens from then on reaches it. */
    private Running watching(String... args) throws InterruptedException {
        Running watch = cli().start(args);
        watch.err().awaitContains("; Ctrl-C to stop\n");
        return watch;
    }

    private static String lastId(Result result) {
        Matcher last = LAST_ID.matcher(result.err());
        assertThat(last.find()).as("%s", result).isTrue();
        return last.group(1);
    }

    @Test
    void printsWhatAnotherStoreDoesWhileItRunsAndStopsOnCtrlC() throws Exception {
        Running watch = watching("watch", "standup");

        conference.join(ALICE, STANDUP);
        conference.post(ALICE, STANDUP, "Hello\nteam");
        conference.leave(ALICE, STANDUP);
        watch.out().awaitLines(4);
        Result result = watch.interrupt();

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(result.out().lines())
                .satisfiesExactly(
                        // The first join logs the instance's start, at its start time.
                        line -> assertThat(line).matches(TIME + "  STARTED    instance 2"),
                        line -> assertThat(line).matches(TIME + "  JOINED     alice"),
                        line -> assertThat(line).matches(TIME + "  POSTED     alice  Hello\\\\nteam"),
                        line -> assertThat(line).matches(TIME + "  LEFT       alice"));
        assertThat(result.err().lines())
                .satisfiesExactly(
                        line -> assertThat(line).isEqualTo("watching standup from now; Ctrl-C to stop"),
                        line -> assertThat(line).matches(LAST_ID.pattern()));
    }

    @Test
    void withJsonPrintsOneObjectPerLine() throws Exception {
        Running watch = watching("--json", "watch", "standup");

        conference.join(BOB, STANDUP);
        conference.post(BOB, STANDUP, "-1 for Fridays");
        conference.end(STANDUP);
        watch.out().awaitLines(5);
        Result result = watch.interrupt();

        List<JsonNode> events = result.jsonLines();
        assertThat(events)
                .extracting(event -> event.get("type").asText())
                .containsExactly("STARTED", "JOINED", "POSTED", "TIMED_OUT", "ENDED");
        assertThat(events.get(2).get("text").asText()).isEqualTo("-1 for Fridays");
        assertThat(events.get(2).get("user").asText()).isEqualTo("bob");
        assertThat(events.get(4).has("user")).isFalse();
        assertThat(events).allSatisfy(event -> {
            assertThat(event.get("meeting").asText()).isEqualTo("standup");
            assertThat(event.get("instance").asInt()).isEqualTo(2);
            assertThat(Instant.parse(event.get("at").asText()))
                    .isBefore(Instant.now().plusSeconds(1));
        });
        assertThat(lastId(result)).isEqualTo(events.get(4).get("id").asText());
    }

    @Test
    void resumesFromTheLastSeenIdWithoutMissingOrRepeatingAnEvent() throws Exception {
        Running first = watching("watch", "standup");
        conference.join(ALICE, STANDUP);
        first.out().awaitContains("JOINED");
        String seen = lastId(first.interrupt());

        // While nobody watches.
        conference.post(ALICE, STANDUP, "missed while away");
        conference.leave(ALICE, STANDUP);
        Result resumed = cli().run("watch", "standup", "--from", seen, "--max-events", "2");

        assertThat(resumed.code()).as("%s", resumed).isZero();
        assertThat(resumed.out().lines())
                .satisfiesExactly(
                        line -> assertThat(line).endsWith("POSTED     alice  missed while away"),
                        line -> assertThat(line).endsWith("LEFT       alice"));
        assertThat(resumed.err()).startsWith("watching standup after event " + seen + "; Ctrl-C to stop\n");

        conference.join(BOB, STANDUP);
        Result again = cli().run("--json", "watch", "standup", "--from", lastId(resumed), "--max-events", "1");
        assertThat(again.jsonLines()).singleElement().satisfies(event -> {
            assertThat(event.get("type").asText()).isEqualTo("JOINED");
            assertThat(event.get("user").asText()).isEqualTo("bob");
        });
    }

    @Test
    void aHiddenTimeLimitEndsItAsCtrlCWould() {
        Result result = cli().run("watch", "standup", "--for", "50ms");

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("last event id ");
    }

    @Test
    void badMeetingsAndIdsAreRefusedBeforeWatching() {
        Result unknown = cli().run("watch", "nowhere");
        Result badId = cli().run("watch", "standup", "--from", "yesterday");
        Result noEvents = cli().run("watch", "standup", "--max-events", "0");

        assertThat(unknown.code()).isEqualTo(3);
        assertThat(unknown.err()).isEqualTo("conference: no meeting with id 'nowhere'\n");
        assertThat(badId.code()).isEqualTo(2);
        assertThat(badId.err()).hasLineCount(1).contains("--from").contains("yesterday");
        assertThat(noEvents.code()).isEqualTo(2);
        for (Result result : List.of(unknown, badId, noEvents)) {
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).doesNotContain("watching");
        }
    }

    @Test
    void theShellRefusesItBecauseCtrlCWouldEndTheShell() {
        Result result = cli().input("watch standup\nscheduler\nactive\n").run("shell");

        assertThat(result.code()).isZero();
        assertThat(result.err().lines())
                .satisfiesExactly(
                        line -> assertThat(line)
                                .startsWith("conference watch: watch runs until Ctrl-C, which would end the"
                                        + " shell too"),
                        line -> assertThat(line).startsWith("conference scheduler: scheduler runs until Ctrl-C"));
        assertThat(result.out()).contains("standup");
    }
}
