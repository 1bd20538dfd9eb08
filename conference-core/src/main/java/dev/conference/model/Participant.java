package dev.conference.model;

import java.time.Instant;

/** A current participant of a meeting instance and when they joined it. */
public record Participant(UserId user, Instant joinedAt) {
    public Participant {
        Check.notNull("user id", user);
        Check.notNull("joined at", joinedAt);
    }
}
