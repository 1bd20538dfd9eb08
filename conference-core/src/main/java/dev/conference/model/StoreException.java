package dev.conference.model;

/**
 * The store could not answer: the server is unreachable, timed out or replied with an error. The
 * operation may or may not have been applied; each operation's Javadoc says what a retry does.
 */
public class StoreException extends ConferenceException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
