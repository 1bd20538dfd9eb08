package dev.conference.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conference.testing.MutableClock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class TimeArgumentTest {
    private final TimeArgument times =
            new TimeArgument(MutableClock.at("2025-05-01T10:00:00Z"), ZoneId.of("Europe/Athens"));

    @Test
    void readsIsoInstantsOffsetsZonesAndLocalTimes() {
        assertThat(times.convert("2025-05-01T10:00:00Z")).isEqualTo("2025-05-01T10:00:00Z");
        assertThat(times.convert("2025-05-01T10:00:00.123456Z")).isEqualTo("2025-05-01T10:00:00.123456Z");
        assertThat(times.convert("2025-05-01T12:00+02:00")).isEqualTo("2025-05-01T10:00:00Z");
        assertThat(times.convert("2025-05-01T12:00+02:00[Europe/Paris]")).isEqualTo("2025-05-01T10:00:00Z");
        // Athens is at +03:00 in May.
        assertThat(times.convert("2025-05-01T13:00")).isEqualTo("2025-05-01T10:00:00Z");
        assertThat(times.convert("2025-05-01T13:00:30.5")).isEqualTo("2025-05-01T10:00:30.500Z");
    }

    @Test
    void readsNowAndOffsetsFromIt() {
        assertThat(times.convert("now")).isEqualTo("2025-05-01T10:00:00Z");
        assertThat(times.convert("NOW+1h30m")).isEqualTo("2025-05-01T11:30:00Z");
        assertThat(times.convert("now-15m")).isEqualTo("2025-05-01T09:45:00Z");
        assertThat(times.convert("now+1d2h3m4s")).isEqualTo(Instant.parse("2025-05-02T12:03:04Z"));
    }

    @Test
    void refusesAnythingElseNamingTheForms() {
        for (String bad :
                new String[] {"tomorrow", "2025-13-01T00:00:00Z", "2025-05-01", "now+", "now+5x", "10:00", ""}) {
            assertThatThrownBy(() -> times.convert(bad))
                    .as(bad)
                    .isInstanceOf(TypeConversionException.class)
                    .hasMessageStartingWith("'" + bad + "' is not a time: use ISO-8601");
        }
        assertThatThrownBy(() -> times.convert("now+99999999999999999999d"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("too long");
    }
}
