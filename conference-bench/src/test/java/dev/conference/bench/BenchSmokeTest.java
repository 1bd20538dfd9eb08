package dev.conference.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Runs the whole harness with tiny sizes on an embedded server. It checks that every section runs and
 * that the raw baseline and the library did every operation without error (a baseline whose scripts
 * fail would look fast); it never looks at a figure.
 */
class BenchSmokeTest {

    @Test
    void everySectionRunsWithoutAFailedOperation() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = BenchMain.run(
                new String[] {"--quick"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(report)
                .contains(
                        "## Throughput",
                        "## Server CPU per operation",
                        "## Latency",
                        "## Memory",
                        "## Memory by part",
                        "## Scheduler")
                .doesNotContain("failed operations", "ran out");
    }

    @Test
    void aWrongOptionIsOneLineAndExitCodeTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = BenchMain.run(
                new String[] {"--fast"},
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(BenchMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("conference-bench: unknown option '--fast' (try --help)" + System.lineSeparator());
    }
}
