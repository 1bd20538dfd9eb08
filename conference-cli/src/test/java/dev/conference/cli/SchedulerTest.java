package dev.conference.cli;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conference.cli.CliRun.Result;
import dev.conference.cli.CliRun.Running;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import dev.conference.redis.LocalRedisExtension;
import dev.conference.redis.RedisConferenceStore;
import dev.conference.redis.RedisOptions;
import dev.conference.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scheduler}, run in-process on a real Redis with a clock the test moves: instances end and
 * presence leases lapse as soon as the clock says so, and no test waits for time to pass.
 */
class SchedulerTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    private static final String TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";
    private static final UserId ALICE = UserId.of("alice");
    private static final MeetingId DEMO = MeetingId.of("demo");

    @TempDir
    Path home;

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private ConferenceStore store;

    /** {@code demo} runs from ten minutes ago for another thirty; alice is in it. Bob and carol are not. */
    @BeforeEach
    void world() {
        store = RedisConferenceStore.connect(
                REDIS.uri(), RedisOptions.builder().clock(clock).build());
        store.directory().saveUsers(List.of(aUser("alice"), aUser("bob"), aUser("carol")));
        store.directory().saveMeeting(aPublicMeeting("demo"));
        Instant now = clock.instant();
        store.directory()
                .saveInstance(new MeetingInstance(
                        DEMO, 1, now.minus(Duration.ofMinutes(10)), now.plus(Duration.ofMinutes(30))));
        store.conference().join(ALICE, DEMO);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private CliRun cli() {
        return CliRun.in(home).redisUrl(REDIS.uri()).clock(clock);
    }

    private Running scheduler(String... options) throws InterruptedException {
        Running scheduler = cli().start(options);
        scheduler.err().awaitContains("; Ctrl-C to stop\n");
        return scheduler;
    }

    private List<String> eventTypes() {
        return store.conference().events(DEMO, 1).stream()
                .map(Views.EventView::type)
                .toList();
    }

    @Test
    void endsAnInstanceWhenItsEndPassesAndStopsOnCtrlC() throws Exception {
        Running scheduler = scheduler("scheduler", "--tick", "10ms");

        clock.advance(Duration.ofMinutes(31));
        scheduler.out().awaitContains("1 end\n");
        Result result = scheduler.interrupt();

        assertThat(result.code()).as("%s", result).isZero();
        // Whether the instance's start (logged by alice's join already) is handled before is not up to the CLI.
        assertThat(result.out().lines()).last().asString().matches(TIME + "  handled (1 start, )?1 end");
        assertThat(result.err().lines())
                .satisfiesExactly(
                        line -> assertThat(line)
                                .isEqualTo("scheduler running on Redis at " + REDIS.uri()
                                        + ", a tick every 10ms; Ctrl-C to stop"),
                        line -> assertThat(line)
                                .matches("scheduler stopped; handled [01] starts?, 1 end, 0 presence leases in all"));
        assertThat(eventTypes()).containsExactly("STARTED", "JOINED", "TIMED_OUT", "ENDED");
        Result late = cli().run("join", "bob", "demo");
        assertThat(late.code()).as("%s", late).isEqualTo(4);
        assertThat(late.err()).contains("not active");
    }

    @Test
    void removesParticipantsWhosePresenceLeaseLapses() throws Exception {
        assertThat(cli().run("join", "bob", "demo", "--lease", "30s").out())
                .matches("bob joined demo at " + TIME + "; presence lease 30s\n");
        assertThat(cli().run("--json", "join", "carol", "demo", "--lease", "30s")
                        .json()
                        .get("lease")
                        .asText())
                .isEqualTo("PT30S");
        assertThat(cli().run("renew", "bob", "demo", "--lease", "2m").out()).isEqualTo("renewed bob in demo for 2m\n");
        Running scheduler = scheduler("scheduler", "--tick", "10ms");

        clock.advance(Duration.ofSeconds(61));
        // Both leases come due: carol's lapses, bob's was renewed and is left as it is (not counted).
        scheduler.out().awaitContains("handled 1 presence lease\n");
        List<String> afterOneMinute = participants();
        clock.advance(Duration.ofSeconds(60));
        scheduler
                .out()
                .await("a second lapsed lease", text -> text.split("handled 1 presence lease\n", -1).length == 3);
        Result result = scheduler.interrupt();

        assertThat(afterOneMinute).containsExactly("alice", "bob");
        assertThat(participants()).containsExactly("alice");
        assertThat(store.conference().events(DEMO, 1))
                .filteredOn(MeetingEvent.TimedOut.class::isInstance)
                .extracting(event -> ((MeetingEvent.TimedOut) event).user().value())
                .containsExactly("carol", "bob");
        assertThat(result.err()).contains("2 presence leases in all");
    }

    private List<String> participants() {
        return store.conference().participants(DEMO).stream()
                .map(p -> p.user().value())
                .toList();
    }

    @Test
    void withJsonEachTickThatDidSomethingIsOneObjectPerLine() throws Exception {
        Running scheduler = scheduler("--json", "scheduler", "--tick", "10ms");

        clock.advance(Duration.ofMinutes(31));
        scheduler.out().awaitContains("\"ends\":1");
        Result result = scheduler.interrupt();

        JsonNode last = result.jsonLines().get(result.jsonLines().size() - 1);
        assertThat(last.get("ends").asInt()).isEqualTo(1);
        assertThat(last.get("leases").asInt()).isZero();
        assertThat(Instant.parse(last.get("at").asText())).isEqualTo(clock.instant());
        assertThat(result.err()).contains("scheduler stopped");
    }

    @Test
    void aHiddenTimeLimitEndsItAsCtrlCWould() {
        Result result = cli().run("scheduler", "--tick", "10ms", "--for", "50ms");

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(result.err()).contains("scheduler stopped; handled ");
    }

    @Test
    void aTickMustBeALengthOfTimeAboveZero() {
        Result zero = cli().run("scheduler", "--tick", "0s");
        Result words = cli().run("scheduler", "--tick", "soon");

        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.err())
                .isEqualTo("conference scheduler: --tick must be longer than zero, got 0s"
                        + " (see 'conference scheduler --help')\n");
        assertThat(words.code()).isEqualTo(2);
        assertThat(words.err()).hasLineCount(1).contains("--tick").contains("'soon' is not a length of time");
    }
}
