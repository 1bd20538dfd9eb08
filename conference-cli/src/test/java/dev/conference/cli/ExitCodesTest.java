package dev.conference.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.cli.CliRun.Result;
import dev.conference.model.AlreadyParticipantException;
import dev.conference.model.InvalidInputException;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingNotActiveException;
import dev.conference.model.NotAllowedException;
import dev.conference.model.NotParticipantException;
import dev.conference.model.StoreException;
import dev.conference.model.UnknownMeetingException;
import dev.conference.model.UnknownUserException;
import dev.conference.model.UserId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and error lines: one line on stderr, no stack trace unless --verbose, never a password. */
class ExitCodesTest {
    private static final UserId ALICE = UserId.of("alice");
    private static final MeetingId STANDUP = MeetingId.of("standup");

    @TempDir
    Path home;

    @Test
    void eachFailureHasItsCode() {
        assertThat(ExitCodes.of(new InvalidInputException("bad"))).isEqualTo(2);
        assertThat(ExitCodes.of(new UnknownUserException(ALICE))).isEqualTo(3);
        assertThat(ExitCodes.of(new UnknownMeetingException(STANDUP))).isEqualTo(3);
        assertThat(ExitCodes.of(new NotAllowedException(ALICE, STANDUP))).isEqualTo(4);
        assertThat(ExitCodes.of(new MeetingNotActiveException(STANDUP))).isEqualTo(4);
        assertThat(ExitCodes.of(new AlreadyParticipantException(ALICE, STANDUP)))
                .isEqualTo(4);
        assertThat(ExitCodes.of(new NotParticipantException(ALICE, STANDUP))).isEqualTo(4);
        assertThat(ExitCodes.of(new StoreException("down", null))).isEqualTo(1);
        assertThat(ExitCodes.of(new IllegalStateException("bug"))).isEqualTo(1);
    }

    @Test
    void anUnreachableRedisIsOneLineNamingHostAndPort() throws IOException {
        int port = closedPort();

        Result result = CliRun.in(home).run("--redis", "redis://127.0.0.1:" + port, "users", "list");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .hasLineCount(1)
                .startsWith("conference: cannot connect to Redis at 127.0.0.1:" + port)
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void aPasswordIsNeverPrintedNotEvenWithVerbose() throws IOException {
        int port = closedPort();

        Result quiet = CliRun.in(home)
                .redisUrl("redis://admin:s3cr3t@127.0.0.1:" + port + "/1")
                .run("active");
        Result verbose =
                CliRun.in(home).run("--verbose", "--redis", "redis://admin:s3cr3t@127.0.0.1:" + port, "active");
        Result malformed = CliRun.in(home).run("--redis", "redis://admin:s3cr3t@[nowhere", "active");

        assertThat(quiet.code()).isEqualTo(1);
        assertThat(quiet.err())
                .hasLineCount(1)
                .contains("127.0.0.1:" + port + "/1")
                .doesNotContain("s3cr3t");
        assertThat(verbose.code()).isEqualTo(1);
        assertThat(verbose.err()).contains("StoreException").contains("\tat ").doesNotContain("s3cr3t");
        assertThat(malformed.code()).isEqualTo(2);
        assertThat(malformed.err())
                .hasLineCount(1)
                .contains("Redis URI")
                .contains("is not valid")
                .doesNotContain("s3cr3t");
    }

    @Test
    void usageErrorsAreOneLineNamingTheProblemWithExit2() {
        Result noCommand = CliRun.in(home).run();
        Result unknownCommand = CliRun.in(home).run("jion", "alice", "standup");
        Result missingArgument = CliRun.in(home).run("join", "alice");
        Result blankId = CliRun.in(home).run("participants", " ");
        Result badOption = CliRun.in(home).run("users", "list", "--limit", "many");
        Result bothStores = CliRun.in(home).run("--redis", "redis://127.0.0.1:1", "--data-dir", "x", "active");

        assertThat(noCommand.err())
                .isEqualTo("conference: a command is required, e.g. 'conference users list'"
                        + " (see 'conference --help')\n");
        assertThat(unknownCommand.err()).hasLineCount(1).contains("'jion'");
        assertThat(CliRun.in(home).run("joi", "alice", "standup").err()).contains("did you mean join");
        assertThat(missingArgument.err())
                .isEqualTo(
                        "conference join: Missing required parameter: 'MEETING'" + " (see 'conference join --help')\n");
        assertThat(blankId.err()).hasLineCount(1).contains("MEETING").contains("meeting id must not be blank");
        assertThat(badOption.err()).hasLineCount(1).contains("--limit").contains("'many'");
        assertThat(bothStores.err()).hasLineCount(1).contains("--data-dir").contains("--redis");
        for (Result result :
                new Result[] {noCommand, unknownCommand, missingArgument, blankId, badOption, bothStores}) {
            assertThat(result.code()).as("%s", result).isEqualTo(2);
            assertThat(result.out()).as("%s", result).isEmpty();
        }
    }

    @Test
    void helpAndVersionSucceedWithoutAStore() {
        Result help = CliRun.in(home).run("--help");
        Result version = CliRun.in(home).run("--version");

        assertThat(help.code()).isZero();
        assertThat(help.out())
                .startsWith("Usage: conference")
                .contains("Exit codes:")
                .contains("shell");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("conference ");
        assertThat(home).isEmptyDirectory();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
