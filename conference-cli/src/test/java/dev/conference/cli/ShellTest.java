package dev.conference.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.cli.CliRun.Result;
import dev.conference.redis.LocalRedisExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The shell driven by scripted input, as a user would type it. */
class ShellTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    @TempDir
    Path home;

    @BeforeEach
    void world() {
        World.create(REDIS.uri());
    }

    private Result shell(String script) {
        return CliRun.in(home).redisUrl(REDIS.uri()).input(script).run("shell");
    }

    @Test
    void runsCommandsLineByLineAndAnErrorDoesNotEndIt() {
        Result result = shell("""
                join alice standup
                post alice standup "Hello, \\"team\\": shipping   today"
                join ghost standup
                post bob standup 'not in'
                join bob standup
                chat standup
                exit
                join carol standup
                """);

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(result.out())
                .contains("alice joined standup at ")
                .contains("bob joined standup at ")
                .contains("alice  Hello, \"team\": shipping   today")
                .doesNotContain("carol");
        assertThat(result.err().lines())
                .containsExactly(
                        "conference: no user with id 'ghost'", "conference: user 'bob' is not in meeting 'standup'");
        Result after = CliRun.in(home).redisUrl(REDIS.uri()).run("--json", "participants", "standup");
        assertThat(after.json().get("participants"))
                .extracting(p -> p.get("user").asText())
                .containsExactly("alice", "bob");
    }

    @Test
    void keepsAHistoryAndOffersHelp() {
        Result result = shell("""
                active

                # a comment is not a command
                history
                help
                help join
                quit
                """);

        assertThat(result.code()).isZero();
        assertThat(result.out())
                .contains("   1  active\n   2  history\n")
                .contains("Commands (each takes --help):")
                .containsPattern("  join +Join the meeting's running instance.")
                .contains("  exit, quit")
                .doesNotContainPattern("(?m)^  (watch|scheduler|shell) ")
                .contains("Usage: conference join");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void takesOptionsPerLineAndReportsBadLines() {
        Result result = shell("""
                --json users list --limit 1
                post alice standup "no end
                --redis redis://elsewhere:6379 active
                shell
                users list --limit 0
                """);

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("\"id\" : \"alice\"").doesNotContain("\"bob\"");
        assertThat(result.err().lines())
                .satisfiesExactly(
                        line -> assertThat(line).isEqualTo("shell: unterminated \" quote at column 20"),
                        line -> assertThat(line).contains("the shell is connected to Redis at"),
                        line -> assertThat(line).contains("the shell is running already"),
                        line -> assertThat(line).contains("--limit must be 1 or more"));
    }

    @Test
    void endsAtTheEndOfInput() {
        Result result = shell("active\n");

        assertThat(result.code()).isZero();
        assertThat(result.out())
                .startsWith("conference shell on Redis at redis://127.0.0.1:")
                .contains("standup")
                .endsWith(ShellCommand.PROMPT + "\n");
    }
}
