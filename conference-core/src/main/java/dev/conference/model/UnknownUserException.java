package dev.conference.model;

/** No user has the given id. */
public final class UnknownUserException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public UnknownUserException(UserId user) {
        super("no user with id '" + user + "'");
    }
}
