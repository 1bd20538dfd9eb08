package dev.conference.model;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A current participant of a meeting instance, when they joined it, and the attributes they carry
 * there (see {@link ParticipantAttributes}), by key.
 */
public record Participant(UserId user, Instant joinedAt, Map<String, String> attributes) {
    public Participant {
        Check.notNull("user id", user);
        Check.notNull("joined at", joinedAt);
        Check.notNull("attributes", attributes);
        attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /**
     * Where this participant stands in the order of joining, as {@link Page#after()} takes it to read
     * the participants after them: their join time (µs since the epoch) and id, {@code 1764820000123456:alice}.
     * It keeps its place when they leave.
     */
    public String cursor() {
        return ParticipantCursor.of(this).toString();
    }

    /** A participant without attributes. */
    public Participant(UserId user, Instant joinedAt) {
        this(user, joinedAt, Map.of());
    }
}
