package dev.conference.model;

import java.time.Instant;

/**
 * An instance ended by hand: which one, when, and how many participants it timed out (each has a
 * TIMED_OUT event at {@code at} in the instance's log). A count, not the list: an instance may have
 * any number of participants, and the store ends it in bounded steps.
 */
public record Ending(MeetingId meeting, int instance, Instant at, int timedOut) {
    public Ending {
        Check.notNull("meeting id", meeting);
        Check.notNull("ended at", at);
        if (timedOut < 0) {
            throw new IllegalArgumentException("timed out must not be negative: " + timedOut);
        }
    }
}
