package dev.conference.seed.format;

/** The {@code event_type} codes of the original format. */
public enum EventType {
    JOIN(1),
    LEAVE(2),
    TIMEOUT(3);

    private final int code;

    EventType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type with this code, or null. */
    public static EventType ofCode(long code) {
        for (EventType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
