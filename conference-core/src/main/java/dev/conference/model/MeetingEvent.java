package dev.conference.model;

import java.time.Instant;

/**
 * Something that happened in a meeting instance, as its event log records it. Each event has an id
 * assigned by the store, unique within its instance's log; a reader that remembers the last id it saw
 * can resume after it.
 */
public sealed interface MeetingEvent {
    /** Opaque, assigned by the store. */
    String id();

    MeetingId meeting();

    int instance();

    Instant at();

    /** The events that concern one participant. */
    sealed interface ParticipantEvent extends MeetingEvent {
        UserId user();
    }

    record Joined(String id, MeetingId meeting, int instance, UserId user, Instant at) implements ParticipantEvent {
    }

    record Left(String id, MeetingId meeting, int instance, UserId user, Instant at) implements ParticipantEvent {
    }

    /** The participant was removed because the instance ended or their presence lease lapsed. */
    record TimedOut(String id, MeetingId meeting, int instance, UserId user, Instant at) implements ParticipantEvent {
    }

    record Started(String id, MeetingId meeting, int instance, Instant at) implements MeetingEvent {
    }

    record Ended(String id, MeetingId meeting, int instance, Instant at) implements MeetingEvent {
    }
}
