package dev.conference.model;

/**
 * Root of every failure the library reports. Unchecked: callers catch the subclass they can act on
 * ({@link NotFoundException}, {@link RefusedException}, {@link InvalidInputException},
 * {@link StoreException}) and let the rest travel.
 */
public abstract class ConferenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ConferenceException(String message) {
        super(message);
    }

    protected ConferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
