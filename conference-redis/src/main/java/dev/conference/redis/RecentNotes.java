package dev.conference.redis;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The instances this JVM saw noted in a user's hash (see RedisAsyncConference.noteJoined), so that a
 * join picks its first command: a plain read of the user's hash where the note is likely there (a
 * user joining again), note-joined.lua at once where it is likely not (a first join, which would
 * otherwise read first and then note: one round trip more). Only a hint: either command checks the
 * user and the note itself. Bounded, least recently used first out. Thread-safe.
 */
final class RecentNotes {
    private static final int CAPACITY = 10_000;

    private final Map<String, Boolean> seen = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized boolean likely(String userKey, String member) {
        return seen.get(userKey + ' ' + member) != null;
    }

    synchronized void saw(String userKey, String member) {
        seen.put(userKey + ' ' + member, Boolean.TRUE);
    }
}
