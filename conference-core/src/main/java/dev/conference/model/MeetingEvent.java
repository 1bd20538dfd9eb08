package dev.conference.model;

import java.time.Instant;
import java.util.Map;

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

    EventType type();

    /** The events that concern one participant. */
    sealed interface ParticipantEvent extends MeetingEvent {
        UserId user();
    }

    /** JOINED: the user became a participant. */
    record Joined(String id, MeetingId meeting, int instance, UserId user, Instant at) implements ParticipantEvent {
        @Override
        public EventType type() {
            return EventType.JOINED;
        }
    }

    /** LEFT: the participant left. */
    record Left(String id, MeetingId meeting, int instance, UserId user, Instant at) implements ParticipantEvent {
        @Override
        public EventType type() {
            return EventType.LEFT;
        }
    }

    /** TIMED_OUT: the participant was removed because the instance ended or their presence lease lapsed. */
    record TimedOut(String id, MeetingId meeting, int instance, UserId user, Instant at) implements ParticipantEvent {
        @Override
        public EventType type() {
            return EventType.TIMED_OUT;
        }
    }

    /** REMOVED: the participant was taken out by {@code remove}, with or without a ban. */
    record Removed(String id, MeetingId meeting, int instance, UserId user, Instant at) implements ParticipantEvent {
        @Override
        public EventType type() {
            return EventType.REMOVED;
        }
    }

    /**
     * UPDATED: the participant's attributes changed; {@code changes} holds each key set, an empty
     * value for one removed.
     */
    record Updated(String id, MeetingId meeting, int instance, UserId user, Instant at, Map<String, String> changes)
            implements ParticipantEvent {
        public Updated {
            changes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(changes));
        }

        @Override
        public EventType type() {
            return EventType.UPDATED;
        }
    }

    /** STARTED: the instance's {@code from} came; logged before anything else happens in it. */
    record Started(String id, MeetingId meeting, int instance, Instant at) implements MeetingEvent {
        @Override
        public EventType type() {
            return EventType.STARTED;
        }
    }

    /** ENDED: the instance was ended, by hand or because its {@code to} passed; logged after its TIMED_OUTs. */
    record Ended(String id, MeetingId meeting, int instance, Instant at) implements MeetingEvent {
        @Override
        public EventType type() {
            return EventType.ENDED;
        }
    }

    /**
     * POSTED: a chat message, as live subscriptions deliver it (an instance's event log holds
     * participation and lifecycle events only; its chat holds the messages).
     */
    record Posted(String id, ChatMessage message) implements MeetingEvent {
        @Override
        public EventType type() {
            return EventType.POSTED;
        }

        @Override
        public MeetingId meeting() {
            return message.meeting();
        }

        @Override
        public int instance() {
            return message.instance();
        }

        @Override
        public Instant at() {
            return message.postedAt();
        }
    }
}
