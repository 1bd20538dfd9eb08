package dev.conference.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conference.redis.LocalRedisExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(jar).as("the shaded jar; run 'mvn verify' so that package builds it").isRegularFile();
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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("REDIS_URL");
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the CLI finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Run conference(String... args) throws IOException, InterruptedException {
        return conferenceWithInput("", args);
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
        assertThat(second.json().get("participants")).extracting(p -> p.get("user").asText())
                .containsExactly("alice", "bob");
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
