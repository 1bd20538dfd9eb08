package dev.conference.model;

/**
 * A meeting's id: any non-blank text of at most 128 characters, compared exactly. Spaces, {@code :},
 * braces and any unicode are allowed; stores must keep two different ids apart.
 */
public record MeetingId(String value) implements Comparable<MeetingId> {
    public MeetingId {
        Check.id("meeting id", value);
    }

    public static MeetingId of(String value) {
        return new MeetingId(value);
    }

    @Override
    public int compareTo(MeetingId other) {
        return CodePointOrder.INSTANCE.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
