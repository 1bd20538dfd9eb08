package dev.conference.model;

/** No meeting has the given id. */
public final class UnknownMeetingException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public UnknownMeetingException(MeetingId meeting) {
        super("no meeting with id '" + meeting + "'");
    }
}
