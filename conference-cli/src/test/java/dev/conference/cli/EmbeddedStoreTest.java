package dev.conference.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.cli.CliRun.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default mode: an embedded Redis that keeps its data between runs and starts with demo data. */
class EmbeddedStoreTest {
    @TempDir
    Path home;

    @Test
    void theFirstRunSeedsDemoDataAndLaterRunsSeeTheSameState() {
        Path dataDir = home.resolve("data");

        Result first = CliRun.in(home).run("--data-dir", dataDir.toString(), "active");
        assertThat(first.code()).as("%s", first).isZero();
        assertThat(first.err()).hasLineCount(1).contains("seeded demo data").contains(dataDir.toString());
        assertThat(first.out()).contains("standup").contains("design-review");

        Result added = CliRun.in(home)
                .run(
                        "--data-dir",
                        dataDir.toString(),
                        "users",
                        "add",
                        "zoe",
                        "--name",
                        "Zoe",
                        "--age",
                        "27",
                        "--gender",
                        "female",
                        "--email",
                        "zoe@example.com");
        assertThat(added.code()).as("%s", added).isZero();
        assertThat(added.err()).isEmpty();

        Result later = CliRun.in(home).run("--data-dir", dataDir.toString(), "--json", "users", "list");
        assertThat(later.err()).isEmpty();
        assertThat(later.json())
                .extracting(user -> user.get("id").asText())
                .containsExactly("alice", "bob", "carol", "dave", "erin", "zoe");
        assertThat(CliRun.in(home)
                        .run("--data-dir", dataDir.toString(), "chat", "standup")
                        .out())
                .contains("Morning! I am wiring the CLI today.");
    }

    @Test
    void withoutOptionsTheDataLivesUnderTheHomeDirectory() {
        Result result = CliRun.in(home).run("participants", "design-review");

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(result.out()).contains("alice").contains("carol");
        Path dataDir = home.resolve(".conference").resolve("redis");
        assertThat(result.err()).contains(dataDir.toString());
        assertThat(dataDir).isDirectory();
        assertThat(dataDir.toFile().list()).isNotEmpty();
    }
}
