package dev.conference.model;

import java.util.Locale;

/**
 * The kinds of {@link MeetingEvent}, one name each, everywhere: the CLI prints these names, JSON
 * carries them, the docs say them; a store may write their {@link #wireName()} (the Redis store's
 * logs did before they held one digit a type: its key schema says which). The original
 * tool's files number the participant events 1 ({@code JOINED}), 2 ({@code LEFT}) and 3
 * ({@code TIMED_OUT}).
 */
public enum EventType {
    JOINED,
    LEFT,
    TIMED_OUT,
    STARTED,
    ENDED,
    /** A participant taken out by {@code remove} (and, if banned, kept out until the instance ends). */
    REMOVED,
    /** A participant's attributes changed ({@code update}); the event carries the changes. */
    UPDATED,
    /** A chat message, in live subscriptions; an instance's event log holds the others only. */
    POSTED;

    /** The name a store writes: lower case, words joined by a hyphen ({@code timed-out}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The type a store wrote under {@code wireName}.
     *
     * @throws IllegalArgumentException if no type has that name
     */
    public static EventType ofWireName(String wireName) {
        for (EventType type : values()) {
            if (type.wireName().equals(wireName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("no event type is written '" + wireName + "'");
    }
}
