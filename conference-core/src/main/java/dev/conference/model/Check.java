package dev.conference.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Validation shared by the value types; every failure names the field and the value. */
final class Check {
    static final int MAX_ID_LENGTH = 128;

    private Check() {}

    static String id(String field, String value) {
        notNull(field, value);
        if (value.isBlank()) {
            throw new InvalidInputException(field + " must not be blank");
        }
        wellFormed(field, value);
        if (value.codePointCount(0, value.length()) > MAX_ID_LENGTH) {
            throw new InvalidInputException(
                    field + " must be at most " + MAX_ID_LENGTH + " characters: " + shorten(value));
        }
        return value;
    }

    static String text(String field, String value, int maxLength) {
        notNull(field, value);
        if (value.isBlank()) {
            throw new InvalidInputException(field + " must not be blank");
        }
        return bounded(field, value, maxLength);
    }

    static String bounded(String field, String value, int maxLength) {
        notNull(field, value);
        wellFormed(field, value);
        if (value.length() > maxLength) {
            throw new InvalidInputException(field + " must be at most " + maxLength + " characters, got "
                    + value.length() + ": " + shorten(value));
        }
        return value;
    }

    /**
     * Refuses half a surrogate pair: it is not a character, has no UTF-8 form, and a store that
     * encodes it as '?' would merge two different ids.
     */
    static void wellFormed(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(
                        field + " holds half a surrogate pair at index " + i + " (not a character)");
            }
        }
    }

    static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field + " is required");
        }
        return value;
    }

    /** Stores keep microseconds, so values are cut there once, on the way in, for every store alike. */
    static Instant instant(String field, Instant value) {
        return notNull(field, value).truncatedTo(ChronoUnit.MICROS);
    }

    /** {@code value} in µs since the epoch, as the stores keep times (see {@link #instant}). */
    static long micros(Instant value) {
        return value.getEpochSecond() * 1_000_000L + value.getNano() / 1_000;
    }

    static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }
}
