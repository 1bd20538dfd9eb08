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

    record Joined(String id, MeetingId meeting, int instance, UserId user, Instant at) implements ParticipantEvent {}

    record Left(String id, MeetingId meeting, int instance, UserId user, Instant at) implements ParticipantEvent {}

    /** The participant was removed because the instance ended or their presence lease lapsed. */
    record TimedOut(String id, MeetingId meeting, int instance, UserId user, Instant at) implements ParticipantEvent {}

    /** The instance's {@code from} came; logged before anything else happens in it. */
    record Started(String id, MeetingId meeting, int instance, Instant at) implements MeetingEvent {}

    /** The instance was ended, by hand or because its {@code to} passed; logged after its TIMEOUTs. */
    record Ended(String id, MeetingId meeting, int instance, Instant at) implements MeetingEvent {}

    /**
     * A chat message, as live subscriptions deliver it (an instance's event log holds participation
     * and lifecycle events only; its chat holds the messages).
     */
    record MessagePosted(String id, ChatMessage message) implements MeetingEvent {
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
