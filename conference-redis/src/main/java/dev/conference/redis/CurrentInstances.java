package dev.conference.redis;

import dev.conference.model.MeetingId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers, per meeting, which instance was current when last seen, so a script can be given that
 * instance's keys up front. A wrong guess costs one retry (the script answers RETRY with the right
 * order) and never a wrong result: the script checks the guess against the schedule. Bounded, least
 * recently used first out. Thread-safe.
 */
final class CurrentInstances {
    static final String NONE = "0";
    private static final int CAPACITY = 10_000;

    private final Map<MeetingId, String> orders = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<MeetingId, String> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized String guess(MeetingId meeting) {
        return orders.getOrDefault(meeting, NONE);
    }

    synchronized void remember(MeetingId meeting, String order) {
        orders.put(meeting, order);
    }
}
