package dev.conference.model;

/** The meeting's active instance holds as many participants as the meeting's capacity allows. */
public final class MeetingFullException extends RefusedException {
    private static final long serialVersionUID = 1L;

    public MeetingFullException(UserId user, MeetingId meeting, int capacity) {
        super("meeting '" + meeting + "' is full (capacity " + capacity + "): user '" + user + "' cannot join");
    }
}
