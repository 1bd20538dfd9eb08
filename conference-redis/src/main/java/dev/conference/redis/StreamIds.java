package dev.conference.redis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Redis stream entry ids ({@code <ms>-<seq>}, each an unsigned 64-bit number) as callers pass them back. */
final class StreamIds {
    private static final Pattern FORM = Pattern.compile("(\\d{1,20})-(\\d{1,20})");

    private StreamIds() {}

    /** Whether Redis accepts {@code id} as an entry id: the form, and both parts within 64 bits. */
    static boolean valid(String id) {
        Matcher parts = FORM.matcher(id);
        if (!parts.matches()) {
            return false;
        }
        try {
            Long.parseUnsignedLong(parts.group(1));
            Long.parseUnsignedLong(parts.group(2));
            return true;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }

    /** Orders two valid ids as Redis does: by time, then by sequence. */
    static int compare(String left, String right) {
        int dash = left.indexOf('-');
        int otherDash = right.indexOf('-');
        int byTime = Long.compareUnsigned(
                Long.parseUnsignedLong(left.substring(0, dash)), Long.parseUnsignedLong(right.substring(0, otherDash)));
        return byTime != 0
                ? byTime
                : Long.compareUnsigned(
                        Long.parseUnsignedLong(left.substring(dash + 1)),
                        Long.parseUnsignedLong(right.substring(otherDash + 1)));
    }
}
