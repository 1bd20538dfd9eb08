package dev.conference.model;

import java.util.List;

/** The current participants of one active meeting instance, in order of joining. */
public record MeetingParticipants(MeetingId meeting, int instance, List<Participant> participants) {
    public MeetingParticipants {
        Check.notNull("meeting id", meeting);
        participants = List.copyOf(participants);
    }
}
