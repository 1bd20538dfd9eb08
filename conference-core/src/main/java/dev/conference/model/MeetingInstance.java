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
    public MeetingInstance {
        Check.notNull("meeting id", meeting);
        if (instance < 1) {
            throw new InvalidInputException("instance number must be 1 or more, got " + instance);
        }
        from = Check.instant("instance from", from);
        to = Check.instant("instance to", to);
        if (!from.isBefore(to)) {
            throw new InvalidInputException("instance from must be before to, got " + from + " .. " + to);
        }
    }

    /** Whether the instance's time span contains {@code now}; whether it was ended early is store state. */
    public boolean spans(Instant now) {
        return !now.isBefore(from) && now.isBefore(to);
    }

    /** Whether the two spans share any instant. */
    public boolean overlaps(MeetingInstance other) {
        return from.isBefore(other.to) && other.from.isBefore(to);
    }

    public MeetingInstance withTo(Instant newTo) {
        return new MeetingInstance(meeting, instance, from, newTo);
    }
}
