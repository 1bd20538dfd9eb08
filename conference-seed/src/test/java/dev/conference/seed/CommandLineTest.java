package dev.conference.seed;

import static dev.conference.seed.SeedRun.seed;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages: 2 for what the user can fix, 1 for the rest, one line each, no stack trace. */
class CommandLineTest {
    @TempDir
    Path dir;

    @BeforeEach
    void aSmallDataSet() {
        assertThat(seed().run("generate", "--out", dir, "--users", 5, "--meetings", 2, "--events", 4)
                        .code())
                .isZero();
    }

    @Test
    void anUnreachableRedisIsOneLineNamingTheServerAndExitCode1() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        SeedRun.Result result = seed().run("load", dir, "--redis", "redis://127.0.0.1:" + closedPort);

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.errLines().get(0))
                .startsWith("conference-seed load: cannot connect to Redis at 127.0.0.1:" + closedPort);
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        SeedRun.Result result = seed().run("load", dir, "--redis", "redis://127.0.0.1:" + closedPort, "--verbose");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("cannot connect to Redis", "\tat ");
    }

    @Test
    void aRedisUrlFromTheEnvironmentIsUsedWhenNoOptionIsGiven() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        SeedRun.Result result = seed().variables(java.util.Map.of("REDIS_URL", "redis://127.0.0.1:" + closedPort))
                .run("load", dir);

        assertThat(result.err()).contains("127.0.0.1:" + closedPort);
    }

    @Test
    void aMalformedRedisUriIsAUsageError() {
        SeedRun.Result result = seed().run("load", dir, "--redis", "http://:::");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).startsWith("conference-seed load: Redis URI");
    }

    @Test
    void aMissingFileIsAUsageErrorNamingIt() {
        SeedRun.Result result = seed().run("load", dir.resolve("nowhere"));

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo(
                        "conference-seed load: no such file or directory: " + dir.resolve("nowhere/users.json") + "\n");
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(seed().run().code()).isEqualTo(2);
        assertThat(seed().run("load").code()).isEqualTo(2);
        assertThat(seed().run("load", dir, "--no-such-option").code()).isEqualTo(2);
        assertThat(seed().run("load", dir, "--batch-size", 0).code()).isEqualTo(2);
        assertThat(seed().run("generate").code()).isEqualTo(2);
        assertThat(seed().run("generate", "--out", dir, "--users", "many").code())
                .isEqualTo(2);

        SeedRun.Result zone = seed().run("load", dir, "--zone", "Mars/Olympus");
        assertThat(zone.code()).isEqualTo(2);
        assertThat(zone.err()).contains("unknown zone 'Mars/Olympus'");
    }

    @Test
    void anOutputThatIsAFileIsOneLineAndExitCode1() throws IOException {
        Path file = java.nio.file.Files.writeString(dir.resolve("plain-file"), "x");

        SeedRun.Result result = seed().run("generate", "--out", file);

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("conference-seed generate: " + file + " already exists and is not a directory\n");
    }

    @Test
    void helpExitsWith0() {
        SeedRun.Result help = seed().run("load", "--help");

        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--skip-invalid", "--redis", "--zone", "Exit codes");
    }
}
