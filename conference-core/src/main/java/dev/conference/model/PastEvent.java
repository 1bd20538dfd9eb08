package dev.conference.model;

import java.time.Instant;

/**
 * A participant event that happened before it reached the store, as another system recorded it:
 * what {@link dev.conference.port.History#importEvents} stores in the log of the meeting's instance
 * whose {@code [from, to)} holds {@code at}.
 *
 * @param source the record's id where it comes from (the original tool's {@code event_id}): the key
 *     that makes a second import of it change nothing
 * @param type {@link EventType#JOINED}, {@link EventType#LEFT} or {@link EventType#TIMED_OUT}
 */
public record PastEvent(String source, MeetingId meeting, UserId user, EventType type, Instant at) {
    public PastEvent {
        Check.id("source id", source);
        Check.notNull("meeting id", meeting);
        Check.notNull("user id", user);
        Check.notNull("event type", type);
        if (type != EventType.JOINED && type != EventType.LEFT && type != EventType.TIMED_OUT) {
            throw new InvalidInputException("a past event is JOINED, LEFT or TIMED_OUT, got " + type);
        }
        at = Check.instant("event time", at);
    }
}
