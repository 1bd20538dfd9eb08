package dev.conference.cli;

/** A command whose word exists already but whose machinery is not built yet. */
final class NotAvailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotAvailableException(String what) {
        super("not available yet: " + what);
    }
}
