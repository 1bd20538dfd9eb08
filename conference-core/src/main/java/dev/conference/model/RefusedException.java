package dev.conference.model;

/**
 * The operation is not allowed in the meeting's current state; nothing was recorded. Each subclass
 * names one reason.
 */
public abstract sealed class RefusedException extends ConferenceException
        permits MeetingNotActiveException,
                NotAllowedException,
                AlreadyParticipantException,
                NotParticipantException,
                MeetingFullException,
                BannedException {
    private static final long serialVersionUID = 1L;

    protected RefusedException(String message) {
        super(message);
    }
}
