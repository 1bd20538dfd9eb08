package dev.conference.model;

/**
 * A value was refused before anything was stored: a blank id, a malformed email, an instance whose
 * {@code from} is not before its {@code to}, a chat text that is blank or too long. The message names
 * the field and the value.
 */
public final class InvalidInputException extends ConferenceException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    /** The refusal for an instance that would overlap another instance of its meeting. */
    public static InvalidInputException overlap(MeetingInstance wanted, MeetingInstance existing) {
        return new InvalidInputException("instance " + wanted.instance() + " of meeting '" + wanted.meeting()
                + "' (" + wanted.from() + " .. " + wanted.to() + ") overlaps its instance " + existing.instance()
                + " (" + existing.from() + " .. " + existing.to() + ")");
    }
}
