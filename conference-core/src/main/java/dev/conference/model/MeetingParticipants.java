package dev.conference.model;

import java.time.Instant;
import java.util.List;

/**
 * The current participants of one active meeting instance, in order of joining.
 *
 * @param to when the instance ends: where it stands in the order of {@code joinTimes} (see {@link #cursor()})
 */
public record MeetingParticipants(MeetingId meeting, int instance, Instant to, List<Participant> participants) {
    public MeetingParticipants {
        Check.notNull("meeting id", meeting);
        Check.notNull("instance to", to);
        participants = List.copyOf(participants);
    }

    /** Where this meeting stands in the order of joinTimes, as {@link Page#after()} takes it: see {@link ActiveCursor}. */
    public String cursor() {
        return ActiveCursor.of(this).toString();
    }
}
