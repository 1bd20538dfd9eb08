package dev.conference.model;

import java.time.Instant;

/**
 * One scheduled occurrence of a meeting, running over {@code [from, to)}. Instances of one meeting
 * never overlap, so at most one is active at any time. Times are kept to the microsecond.
 *
 * @param instance the instance's number within its meeting, 1 or more: what events, chat messages
 *     and every read of one instance call {@code instance}
 */
public record MeetingInstance(MeetingId meeting, int instance, Instant from, Instant to) {
    /**
     * The times an instance may take, from the epoch to the start of 2200: within them every store keeps
     * a time to the microsecond (Redis keeps times as sorted-set scores, doubles, exact to 2^53 µs).
     */
    public static final Instant EARLIEST = Instant.EPOCH;

    /** See {@link #EARLIEST}; excluded. */
    public static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    public MeetingInstance {
        Check.notNull("meeting id", meeting);
        if (instance < 1) {
            throw new InvalidInputException("instance number must be 1 or more, got " + instance);
        }
        from = supported("instance from", from);
        to = supported("instance to", to);
        if (!from.isBefore(to)) {
            throw new InvalidInputException("instance from must be before to, got " + from + " .. " + to);
        }
    }

    private static Instant supported(String field, Instant value) {
        Instant instant = Check.instant(field, value);
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw new InvalidInputException(
                    field + " must be from " + EARLIEST + " and before " + LATEST + ", got " + value);
        }
        return instant;
    }

    /** Whether the instance's time span contains {@code now}; whether it was ended early is store state. */
    public boolean spans(Instant now) {
        return !now.isBefore(from) && now.isBefore(to);
    }

    /** Whether the two spans share any instant. */
    public boolean overlaps(MeetingInstance other) {
        return from.isBefore(other.to) && other.from.isBefore(to);
    }

    /**
     * Where this instance stands in the order of activeMeetings, as {@link Page#after()} takes it to read
     * on after it: its end (µs since the epoch) and meeting id, {@code 1764823600000000:standup}.
     */
    public String cursor() {
        return ActiveCursor.of(this).toString();
    }

    public MeetingInstance withTo(Instant newTo) {
        return new MeetingInstance(meeting, instance, from, newTo);
    }
}
