package dev.conference.redis;

import dev.conference.model.EventType;

/**
 * Event types as an instance's log stores them: one digit each (JOINED, LEFT, ... in prelude.lua),
 * the original tool's numbers for the participant events, where the names would take up to nine
 * bytes an event.
 */
final class EventCodes {
    private EventCodes() {}

    /** The digit a log stores for {@code type} (not POSTED: messages go to the chat). */
    static String of(EventType type) {
        return switch (type) {
            case JOINED -> "1";
            case LEFT -> "2";
            case TIMED_OUT -> "3";
            case STARTED -> "4";
            case ENDED -> "5";
            case REMOVED -> "6";
            case UPDATED -> "7";
            case POSTED -> throw new IllegalArgumentException("a log holds no POSTED");
        };
    }

    /**
     * The type a log entry holds: a digit, or the name a log written before holds.
     *
     * @throws IllegalArgumentException if it is neither
     */
    static EventType type(String stored) {
        return switch (stored) {
            case "1" -> EventType.JOINED;
            case "2" -> EventType.LEFT;
            case "3" -> EventType.TIMED_OUT;
            case "4" -> EventType.STARTED;
            case "5" -> EventType.ENDED;
            case "6" -> EventType.REMOVED;
            case "7" -> EventType.UPDATED;
            default -> EventType.ofWireName(stored);
        };
    }
}
