package dev.conference.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * The rules of a participant's attributes (for example {@code muted=true}, {@code hand=raised}): at
 * most {@link #MAX_KEYS} keys of 1 to {@link #MAX_KEY_LENGTH} characters, values of up to
 * {@link #MAX_VALUE_LENGTH}. In a change, an empty value removes its key.
 */
public final class ParticipantAttributes {
    public static final int MAX_KEYS = 16;
    public static final int MAX_KEY_LENGTH = 64;
    public static final int MAX_VALUE_LENGTH = 256;

    private ParticipantAttributes() {}

    /**
     * {@code changes} checked, as a sorted copy.
     *
     * @throws InvalidInputException naming the key or value that breaks a rule
     */
    public static Map<String, String> changes(Map<String, String> changes) {
        Check.notNull("attributes", changes);
        if (changes.isEmpty()) {
            throw new InvalidInputException("attributes: give at least one key");
        }
        if (changes.size() > MAX_KEYS) {
            throw new InvalidInputException("attributes: at most " + MAX_KEYS + " keys, got " + changes.size());
        }
        Map<String, String> sorted = new TreeMap<>();
        changes.forEach((key, value) -> {
            Check.text("attribute key", key, MAX_KEY_LENGTH);
            Check.bounded("value of attribute '" + Check.shorten(key) + "'", value, MAX_VALUE_LENGTH);
            sorted.put(key, value);
        });
        return java.util.Collections.unmodifiableMap(sorted);
    }

    /**
     * {@code current} with {@code changes} applied (an empty value removes its key).
     *
     * @throws InvalidInputException if the result would hold more than {@link #MAX_KEYS} keys
     */
    public static Map<String, String> applied(Map<String, String> current, Map<String, String> changes) {
        Map<String, String> out = new TreeMap<>(current);
        changes.forEach((key, value) -> {
            if (value.isEmpty()) {
                out.remove(key);
            } else {
                out.put(key, value);
            }
        });
        if (out.size() > MAX_KEYS) {
            throw tooMany(out.size());
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The refusal of a change that would leave {@code keys} keys. */
    public static InvalidInputException tooMany(int keys) {
        return new InvalidInputException(
                "attributes: a participant holds at most " + MAX_KEYS + " keys; this change would leave " + keys);
    }
}
