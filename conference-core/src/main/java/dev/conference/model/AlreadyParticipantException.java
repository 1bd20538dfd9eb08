package dev.conference.model;

/** The user is already a participant of the meeting's running instance. */
public final class AlreadyParticipantException extends RefusedException {
    private static final long serialVersionUID = 1L;

    public AlreadyParticipantException(UserId user, MeetingId meeting) {
        super("user '" + user + "' is already in meeting '" + meeting + "'");
    }
}
