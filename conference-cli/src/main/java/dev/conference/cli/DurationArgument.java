package dev.conference.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a length of time given on the command line: amounts with units ({@code 500ms}, {@code 30s},
 * {@code 1m30s}, {@code 2h}, {@code 1d}) or ISO-8601 ({@code PT0.5S}). Zero and negative lengths are
 * left to the option that takes them.
 */
final class DurationArgument implements ITypeConverter<Duration> {
    static final String FORMS = "use amounts with units like 500ms, 30s, 1m30s, 2h, 1d, or ISO-8601 like PT30S";
    private static final Pattern AMOUNTS = Pattern.compile("(?:\\d+(?:ms|[dhms]))+");
    private static final Pattern AMOUNT = Pattern.compile("(\\d+)(ms|[dhms])");

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (AMOUNTS.matcher(text).matches()) {
            return sum(value, text);
        }
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException notIso) {
            throw new TypeConversionException("'" + value + "' is not a length of time: " + FORMS);
        }
    }

    private static Duration sum(String value, String amounts) {
        Duration total = Duration.ZERO;
        Matcher amount = AMOUNT.matcher(amounts);
        try {
            while (amount.find()) {
                long count = Long.parseLong(amount.group(1));
                total = total.plus(
                        switch (amount.group(2)) {
                            case "d" -> Duration.ofDays(count);
                            case "h" -> Duration.ofHours(count);
                            case "m" -> Duration.ofMinutes(count);
                            case "s" -> Duration.ofSeconds(count);
                            default -> Duration.ofMillis(count);
                        });
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TypeConversionException("'" + value + "' is too long a length of time");
        }
        return total;
    }

    /** A length of time in the form this class reads, largest units first: {@code 1h30m}, {@code 500ms}. */
    static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder(duration.isNegative() ? "-" : "");
        Duration rest = duration.abs();
        append(text, rest.toDays(), "d");
        append(text, rest.toHoursPart(), "h");
        append(text, rest.toMinutesPart(), "m");
        append(text, rest.toSecondsPart(), "s");
        append(text, rest.toMillisPart(), "ms");
        return text.length() == (duration.isNegative() ? 1 : 0) ? duration.toString() : text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount != 0) {
            text.append(amount).append(unit);
        }
    }
}
