package dev.conference.bench;

/** The server to measure cannot be used; the message says why, in one line. */
final class ServerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ServerException(String message) {
        super(message);
    }
}
