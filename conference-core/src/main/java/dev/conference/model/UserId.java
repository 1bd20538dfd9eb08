package dev.conference.model;

/**
 * A user's id: any non-blank text of at most 128 characters, compared exactly. Spaces, {@code :},
 * braces and any unicode are allowed; stores must keep two different ids apart.
 */
public record UserId(String value) implements Comparable<UserId> {
    public UserId {
        Check.id("user id", value);
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public int compareTo(UserId other) {
        return CodePointOrder.INSTANCE.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
