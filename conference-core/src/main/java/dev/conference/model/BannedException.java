package dev.conference.model;

/** The user was removed from the meeting's active instance with a ban: they may join its next instance. */
public final class BannedException extends RefusedException {
    private static final long serialVersionUID = 1L;

    public BannedException(UserId user, MeetingId meeting) {
        super("user '" + user + "' was removed from meeting '" + meeting
                + "' with a ban and cannot join again until this instance ends");
    }
}
