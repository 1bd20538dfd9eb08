package dev.conference.seed.format;

import dev.conference.model.EventType;
import dev.conference.model.MeetingId;
import dev.conference.model.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of {@code events_log.json}: something that happened, as the original tool logged it. Its
 * meeting is named only inside its id, {@code event_<meeting_id>_<userID>_<n>}.
 */
public record SourceEvent(String id, MeetingId meeting, UserId user, EventType type, Instant at) {
    public SourceEvent {
        Objects.requireNonNull(id, "event id");
        Objects.requireNonNull(meeting, "meeting id");
        Objects.requireNonNull(user, "user id");
        Objects.requireNonNull(type, "event type");
        Objects.requireNonNull(at, "event time");
    }

    /** The id the original tool gives an event. */
    public static String idOf(MeetingId meeting, UserId user, long n) {
        return "event_" + meeting.value() + "_" + user.value() + "_" + n;
    }
}
