package dev.conference.model;

/** The user is not a participant of the meeting's running instance. */
public final class NotParticipantException extends RefusedException {
    private static final long serialVersionUID = 1L;

    public NotParticipantException(UserId user, MeetingId meeting) {
        super("user '" + user + "' is not in meeting '" + meeting + "'");
    }
}
