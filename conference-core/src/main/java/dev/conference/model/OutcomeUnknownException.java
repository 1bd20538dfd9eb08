package dev.conference.model;

/**
 * A change whose outcome is unknown: the store did not answer in time, but the command may already
 * have been applied, or may still be. Retry it with the same {@link IdempotencyKey} to find out: the
 * retry applies it if it never was, and otherwise answers what it did.
 */
public class OutcomeUnknownException extends StoreException {
    private static final long serialVersionUID = 1L;

    public OutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
