package dev.conference.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationArgumentTest {
    private final DurationArgument argument = new DurationArgument();

    @Test
    void readsAmountsWithUnitsAndIso() {
        assertThat(argument.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(argument.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(argument.convert("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(argument.convert("1d2h")).isEqualTo(Duration.ofHours(26));
        assertThat(argument.convert(" 2H ")).isEqualTo(Duration.ofHours(2));
        assertThat(argument.convert("PT0.25S")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void refusesWhatIsNotALengthOfTime() {
        assertThatThrownBy(() -> argument.convert("soon"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("'soon' is not a length of time: " + DurationArgument.FORMS);
        assertThatThrownBy(() -> argument.convert("5")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> argument.convert("99999999999999999999d"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("too long");
    }

    @Test
    void formatsAsItReads() {
        assertThat(DurationArgument.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(DurationArgument.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(DurationArgument.format(Duration.ofHours(26))).isEqualTo("1d2h");
        assertThat(DurationArgument.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(DurationArgument.format(Duration.ofNanos(10))).isEqualTo("PT0.00000001S");
    }
}
