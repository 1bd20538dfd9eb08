package dev.conference.redis;

import java.util.OptionalInt;

/**
 * The meeting hash's {@code public} field: who may join. {@code 1} (anyone) or {@code 0} (the
 * audience), then, for a meeting with a capacity, {@code |} and the capacity ({@code 1|50}). The
 * capacity rides in this field because every changing script reads it already, with the cached
 * current instance (current in prelude.lua): a capacity costs a join no extra read, and a meeting
 * without one costs nothing. Saved before capacities, a meeting holds {@code 1} or {@code 0}.
 */
final class Admission {
    private Admission() {}

    static String of(boolean isPublic, OptionalInt capacity) {
        String open = isPublic ? "1" : "0";
        return capacity.isPresent() ? open + "|" + capacity.getAsInt() : open;
    }

    static boolean isPublic(String field) {
        return field != null && field.startsWith("1");
    }

    static OptionalInt capacity(String field) {
        int bar = field == null ? -1 : field.indexOf('|');
        return bar < 0 ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(field, bar + 1, field.length(), 10));
    }
}
