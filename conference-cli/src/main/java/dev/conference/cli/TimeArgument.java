package dev.conference.cli;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a time given on the command line: an ISO-8601 instant ({@code 2025-05-01T10:00:00Z}), a date-time
 * with an offset or zone, a local date-time (taken in the local zone), or {@code now} with an optional
 * offset such as {@code now+1h30m} or {@code now-15m}.
 */
final class TimeArgument implements ITypeConverter<Instant> {
    static final String FORMS = "use ISO-8601 like 2025-05-01T10:00:00Z, 2025-05-01T12:00+02:00 or 2025-05-01T12:00"
            + " (local time), or now, now+1h30m, now-15m";
    private static final Pattern RELATIVE = Pattern.compile("now(?:([+-])((?:\\d+[dhms])+))?");
    private static final Pattern AMOUNT = Pattern.compile("(\\d+)([dhms])");

    private final Clock clock;
    private final ZoneId zone;

    TimeArgument(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public Instant convert(String value) {
        String text = value.strip();
        Matcher relative = RELATIVE.matcher(text.toLowerCase(Locale.ROOT));
        if (relative.matches()) {
            Instant now = clock.instant();
            if (relative.group(1) == null) {
                return now;
            }
            Duration offset = duration(relative.group(2));
            return relative.group(1).equals("+") ? now.plus(offset) : now.minus(offset);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException notAnInstant) {
            // Try the next form.
        }
        try {
            // With an offset (+02:00) or a zone ([Europe/Paris]).
            return ZonedDateTime.parse(text, DateTimeFormatter.ISO_ZONED_DATE_TIME)
                    .toInstant();
        } catch (DateTimeException notZoned) {
            // Try the next form.
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeException notLocal) {
            throw new TypeConversionException("'" + value + "' is not a time: " + FORMS);
        }
    }

    private static Duration duration(String amounts) {
        Duration total = Duration.ZERO;
        Matcher amount = AMOUNT.matcher(amounts);
        while (amount.find()) {
            long count;
            try {
                count = Long.parseLong(amount.group(1));
                total = total.plus(
                        switch (amount.group(2)) {
                            case "d" -> Duration.ofDays(count);
                            case "h" -> Duration.ofHours(count);
                            case "m" -> Duration.ofMinutes(count);
                            default -> Duration.ofSeconds(count);
                        });
            } catch (NumberFormatException | ArithmeticException e) {
                throw new TypeConversionException("'" + amounts + "' is too long a time span");
            }
        }
        return total;
    }
}
