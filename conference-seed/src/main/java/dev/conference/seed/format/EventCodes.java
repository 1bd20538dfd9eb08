package dev.conference.seed.format;

import dev.conference.model.EventType;

/** The original format's {@code event_type} numbers: 1 {@code JOINED}, 2 {@code LEFT}, 3 {@code TIMED_OUT}. */
public final class EventCodes {
    private static final EventType[] BY_CODE = {null, EventType.JOINED, EventType.LEFT, EventType.TIMED_OUT};

    private EventCodes() {}

    /** The type with this code, or null if the format has none. */
    public static EventType ofCode(long code) {
        return code >= 1 && code < BY_CODE.length ? BY_CODE[(int) code] : null;
    }

    /**
     * The code of a participant event's type.
     *
     * @throws IllegalArgumentException for a type the format does not record
     */
    public static int code(EventType type) {
        for (int code = 1; code < BY_CODE.length; code++) {
            if (BY_CODE[code] == type) {
                return code;
            }
        }
        throw new IllegalArgumentException("the original format records no " + type + " events");
    }
}
