package dev.conference.model;

/** The meeting has no instance running now. */
public final class MeetingNotActiveException extends RefusedException {
    private static final long serialVersionUID = 1L;

    public MeetingNotActiveException(MeetingId meeting) {
        super("meeting '" + meeting + "' is not active now");
    }
}
