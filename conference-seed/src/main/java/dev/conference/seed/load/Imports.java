package dev.conference.seed.load;

import dev.conference.model.Imported;
import dev.conference.port.History;
import dev.conference.seed.format.RecordPosition;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the store did with the records of one history file, by outcome. The records it could not
 * store are not errors (the original tool's own sample has events outside every instance): the
 * first few of each kind are reported with their place in the file, the rest only counted.
 * Thread-safe.
 */
final class Imports {
    /** Records of one outcome reported one by one; beyond them only the count. */
    static final int REPORTED = 5;

    private final String what;
    private final Problems problems;
    private final Map<Imported, Long> counts = new EnumMap<>(Imported.class);
    private double seconds;

    Imports(String what, Problems problems) {
        this.what = what;
        this.problems = problems;
    }

    /** Counts one record's outcome; {@code subject} names it in a report ("of meeting 'm1' at ..."). */
    synchronized void count(Imported outcome, RecordPosition position, String subject) {
        long seen = counts.merge(outcome, 1L, Long::sum);
        String why = reason(outcome);
        if (why != null && seen <= REPORTED) {
            problems.note(position + ": " + what + " " + subject + " not stored: " + why);
        }
    }

    synchronized long count(Imported outcome) {
        return counts.getOrDefault(outcome, 0L);
    }

    /** Why a record of this outcome was not stored; null for those that need no word. */
    private static String reason(Imported outcome) {
        return switch (outcome) {
            case STORED, ALREADY_STORED -> null;
            case NO_INSTANCE -> "no instance of its meeting holds its time";
            case IN_FUTURE -> "its time is in the future";
            case TOO_FAR_BACK -> "more than " + History.MAX_LATER_ENTRIES + " entries of its instance are later";
            case UNKNOWN_USER -> "the store holds no such user";
            case UNKNOWN_MEETING -> "the store holds no such meeting";
        };
    }

    /** How long the import took, sorting included. */
    synchronized void took(double seconds) {
        this.seconds = seconds;
    }

    /** One line: how many of each outcome and how long it took, e.g. "1,200 stored, 3 in no instance (0.4 s)". */
    synchronized String summary() {
        StringBuilder out = new StringBuilder(String.format("%,d stored", count(Imported.STORED)));
        append(out, Imported.ALREADY_STORED, "already stored");
        append(out, Imported.NO_INSTANCE, "in no instance");
        append(out, Imported.IN_FUTURE, "in the future");
        append(out, Imported.TOO_FAR_BACK, "too far back");
        append(out, Imported.UNKNOWN_USER, "of unknown users");
        append(out, Imported.UNKNOWN_MEETING, "of unknown meetings");
        return out.append(String.format(" (%.1f s)", seconds)).toString();
    }

    private void append(StringBuilder out, Imported outcome, String label) {
        long n = count(outcome);
        if (n > 0) {
            out.append(String.format(", %,d %s", n, label));
        }
    }
}
