package dev.conference.redis;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded memory of recently seen keys, least recently used first out. Thread-safe. */
final class RecentlySeen {
    private final Map<String, Boolean> seen;

    RecentlySeen(int capacity) {
        this.seen = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether {@code key} is new to this memory; remembers it either way. */
    synchronized boolean firstTime(String key) {
        return seen.put(key, Boolean.TRUE) == null;
    }
}
