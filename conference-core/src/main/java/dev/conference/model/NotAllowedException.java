package dev.conference.model;

/** The meeting is restricted and the user's email is not in its audience. */
public final class NotAllowedException extends RefusedException {
    private static final long serialVersionUID = 1L;

    public NotAllowedException(UserId user, MeetingId meeting) {
        super("user '" + user + "' is not in the audience of meeting '" + meeting + "'");
    }
}
