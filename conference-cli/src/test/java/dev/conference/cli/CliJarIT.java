package dev.conference.cli;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import dev.conference.redis.LocalRedisExtension;
import dev.conference.redis.RedisConferenceStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run with {@code java -jar} in a process of its own, as a user runs it: nothing on
 * the class path but the jar, output on the real stdout and stderr, the real exit code.
 */
class CliJarIT {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    private static Path jar;

    @TempDir
    Path home;

    @BeforeAll
    static void findJar() {
        jar = Path.of(System.getProperty("conference.cli.jar", "target/conference-cli-0.1.0-SNAPSHOT.jar"));
        assertThat(jar)
                .as("the shaded jar; run 'mvn verify' so that package builds it")
                .isRegularFile();
    }

    private record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Run conferenceWithInput(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home,
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("REDIS_URL");
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the CLI finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Run conference(String... args) throws IOException, InterruptedException {
        return conferenceWithInput("", args);
    }

    /** A command that runs until it is stopped, its output read from files as it comes. */
    private final class Background implements AutoCloseable {
        private final Process process;
        private final Path out;
        private final Path err;

        Background(String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Duser.home=" + home,
                    "-XX:TieredStopAtLevel=1",
                    "-jar",
                    jar.toString()));
            command.addAll(List.of(args));
            out = Files.createTempFile(home, "out", ".txt");
            err = Files.createTempFile(home, "err", ".txt");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().remove("REDIS_URL");
            builder.environment().put("HOME", home.toString());
            process = builder.start();
        }

        /** Waits until {@code file} holds {@code part}: checks often, gives up after a long while. */
        void await(Path file, String part) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(file).contains(part)) {
                assertThat(process.isAlive())
                        .as("still running, waiting for '%s'; stderr: %s", part, Files.readString(err))
                        .isTrue();
                assertThat(System.nanoTime())
                        .as("waiting for '%s' in %s", part, Files.readString(file))
                        .isLessThan(deadline);
                Thread.sleep(20);
            }
        }

        void awaitOut(String part) throws IOException, InterruptedException {
            await(out, part);
        }

        void awaitErr(String part) throws IOException, InterruptedException {
            await(err, part);
        }

        /** SIGTERM, as {@code kill} sends it; Ctrl-C's SIGINT takes the same way out. */
        Run stop() throws IOException, InterruptedException {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped").isTrue();
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        }

        /** Kills what a failed test left running. */
        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    @Test
    void runsCommandsAgainstARedisGivenByUri() throws Exception {
        String redis = REDIS.uri();
        Run shell = conferenceWithInput("""
                meetings add standup --title Standup
                users add alice --name Alice --age 30 --gender female --email alice@example.com
                instances add standup --from now-5m --to now+1h
                join alice standup
                post alice standup "Hello from the jar"
                exit
                """, "--redis", redis, "shell");
        Run chat = conference("--redis", redis, "--json", "chat", "standup");

        for (Run run : List.of(shell, chat)) {
            assertThat(run.code()).as("%s", run).isZero();
            assertThat(run.err()).as("%s", run).isEmpty();
        }
        assertThat(shell.out()).contains("added public meeting standup").contains("alice joined standup");
        assertThat(chat.json()).singleElement().satisfies(message -> {
            assertThat(message.get("user").asText()).isEqualTo("alice");
            assertThat(message.get("text").asText()).isEqualTo("Hello from the jar");
        });
        Run refused = conference("--redis", redis, "join", "alice", "standup");
        assertThat(refused.code()).isEqualTo(4);
        assertThat(refused.err()).isEqualTo("conference: user 'alice' is already in meeting 'standup'\n");
    }

    @Test
    void startsOnAnEmbeddedRedisWithDemoData() throws Exception {
        Path dataDir = home.resolve("data");

        Run first = conference("--data-dir", dataDir.toString(), "active");
        Run second = conference("--data-dir", dataDir.toString(), "--json", "participants", "standup");

        assertThat(first.code()).as("%s", first).isZero();
        assertThat(first.err()).as("%s", first).contains("seeded demo data").hasLineCount(1);
        assertThat(first.out()).contains("standup").contains("design-review");
        assertThat(second.code()).as("%s", second).isZero();
        assertThat(second.err()).isEmpty();
        assertThat(second.json().get("participants"))
                .extracting(p -> p.get("user").asText())
                .containsExactly("alice", "bob");
    }

    @Test
    void watchAndSchedulerRunUntilTheProcessIsStoppedThenStopCleanly() throws Exception {
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            store.directory().saveUser(aUser("alice"));
            store.directory().saveMeeting(aPublicMeeting("standup"));
            try (Background watch = new Background("--redis", REDIS.uri(), "watch", "standup");
                    Background scheduler = new Background("--redis", REDIS.uri(), "scheduler", "--tick", "50ms")) {
                watchTheSchedulerEndAnInstance(store, watch, scheduler);
            }
        }
    }

    private void watchTheSchedulerEndAnInstance(ConferenceStore store, Background watch, Background scheduler)
            throws Exception {
        watch.awaitErr("; Ctrl-C to stop");
        scheduler.awaitErr("; Ctrl-C to stop");

        // An instance that ends a second from now: the scheduler ends it, the watch sees it happen.
        Instant now = Instant.now();
        store.directory()
                .saveInstance(new MeetingInstance(
                        MeetingId.of("standup"), 1, now.minus(Duration.ofMinutes(5)), now.plusSeconds(1)));
        store.conference().join(UserId.of("alice"), MeetingId.of("standup"));
        scheduler.awaitOut("1 end");
        watch.awaitOut("ENDED");
        Run watched = watch.stop();
        Run scheduled = scheduler.stop();

        assertThat(watched.code()).as("%s", watched).isEqualTo(128 + 15);
        assertThat(watched.out().lines())
                .extracting(line -> line.substring(21).strip())
                .containsExactly(
                        "STARTED    instance 1", "JOINED     alice", "TIMED_OUT  alice", "ENDED      instance 1");
        assertThat(watched.err()).containsPattern("\nlast event id \\S+ \\(resume with --from \\S+\\)\n$");
        assertThat(scheduled.code()).as("%s", scheduled).isEqualTo(128 + 15);
        assertThat(scheduled.err()).containsPattern("\nscheduler stopped; handled .*1 end.* in all\n$");
    }

    @Test
    void anUnreachableRedisIsOneLineAndExit1() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        Run run = conference("--redis", "redis://ops:hunter2@127.0.0.1:" + port, "active");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).hasLineCount(1).contains("127.0.0.1:" + port).doesNotContain("hunter2");
    }
}
