package dev.conference.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.cli.CliRun.Result;
import dev.conference.redis.LocalRedisExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell on a terminal, driven by the keys a person presses (an xterm over streams, so JLine reads
 * the same escape sequences as from a real one): Tab completion, Up arrow, history across runs.
 */
class EditedShellTest {
    /** What an xterm sends for Up once JLine has switched it to keypad mode. */
    private static final String UP = "\033OA";

    private static final String TAB = "\t";
    private static final String CTRL_D = "\004";

    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    @TempDir
    Path home;

    @BeforeEach
    void world() {
        World.create(REDIS.uri());
    }

    private Result type(String keys, ByteArrayOutputStream screen) {
        return CliRun.in(home).redisUrl(REDIS.uri()).typing(keys, screen).run("shell");
    }

    @Test
    void tabCompletesCommandWordsAndMeetingIds() {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();

        Result result = type("partic" + TAB + "st" + TAB + "\r" + "exit\r", screen);

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(screen.toString(StandardCharsets.UTF_8)).contains("participants standup");
        assertThat(result.out()).contains("nobody is in standup now");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void tabCompletesUserIdsAndOptions() {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();

        Result result = type("join ali" + TAB + "standup --le" + TAB + "30s\r" + CTRL_D, screen);

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(screen.toString(StandardCharsets.UTF_8)).contains("join alice standup --lease 30s");
        assertThat(result.out()).contains("alice joined standup at ");
    }

    @Test
    void upRecallsTheLastLine() {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();

        Result result = type("active\r" + UP + "\r" + CTRL_D, screen);

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(result.out().split("MEETING", -1)).as("active ran twice").hasSize(3);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void theHistoryIsKeptForTheNextRun() throws Exception {
        type("join alice standup\r" + "participants standup\r" + CTRL_D, new ByteArrayOutputStream());
        Path history = home.resolve(".conference").resolve("history");
        assertThat(history).exists();
        assertThat(Files.readString(history)).contains("participants standup");

        Result again = type(UP + "\r" + "history\r" + CTRL_D, new ByteArrayOutputStream());

        assertThat(again.out()).as("the recalled line ran").contains("USER").contains("alice");
        assertThat(again.out()).contains("   1  join alice standup\n   2  participants standup\n   3  history\n");
    }
}
