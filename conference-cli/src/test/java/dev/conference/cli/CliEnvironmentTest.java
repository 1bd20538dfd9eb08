package dev.conference.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CliEnvironmentTest {
    @Test
    void theHomeVariableWinsOverJavasUserHome() {
        assertThat(CliEnvironment.home("/tmp/try-conference")).isEqualTo(Path.of("/tmp/try-conference"));
        assertThat(CliEnvironment.home(null)).isEqualTo(Path.of(System.getProperty("user.home")));
        assertThat(CliEnvironment.home(" ")).isEqualTo(Path.of(System.getProperty("user.home")));
    }
}
