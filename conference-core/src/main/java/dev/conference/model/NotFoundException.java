package dev.conference.model;

/** A user or meeting named by the caller does not exist. */
public abstract sealed class NotFoundException extends ConferenceException
        permits UnknownUserException, UnknownMeetingException {
    private static final long serialVersionUID = 1L;

    protected NotFoundException(String message) {
        super(message);
    }
}
