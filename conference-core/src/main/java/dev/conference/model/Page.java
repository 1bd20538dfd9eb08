package dev.conference.model;

/**
 * Which slice of an ordered listing to read: up to {@code limit} items after the item with id
 * {@code after}, or from the start when {@code after} is null.
 */
public record Page(String after, int limit) {
    public static final int MAX_LIMIT = 10_000;

    public Page {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("page limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    public static Page first(int limit) {
        return new Page(null, limit);
    }

    public Page next(String lastSeenId) {
        return new Page(Check.notNull("page cursor", lastSeenId), limit);
    }
}
