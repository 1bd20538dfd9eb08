package dev.conference.seed.format;

/** One record breaks a rule of the format or of the domain; the message says which, in one sentence. */
public final class InvalidRecordException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidRecordException(String message) {
        super(message, null, false, false);
    }
}
