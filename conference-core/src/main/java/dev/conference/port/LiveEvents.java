package dev.conference.port;

import dev.conference.model.MeetingId;

/**
 * Live events of a meeting, across its instances: joins, leaves, timeouts, starts, ends and chat
 * messages, in the order they happened. For applications that push to browsers. Thread-safe.
 *
 * <p>The {@code id} of a delivered event is its position in the meeting's live feed (not its id in an
 * instance's event log); it is what {@link Subscription#lastSeenId()} returns.
 */
public interface LiveEvents {

    /** Pass as {@code afterId} to deliver every event the feed still keeps, oldest first. */
    String FROM_OLDEST = "";

    /**
     * Delivers the meeting's events to {@code listener} until the subscription is closed.
     *
     * @param afterId deliver the events after this id; {@link #FROM_OLDEST} for every event the feed
     *                still keeps; null for only events from now on
     * @throws dev.conference.model.UnknownMeetingException if the meeting does not exist
     * @throws dev.conference.model.InvalidInputException   if {@code afterId} is not an event id
     */
    Subscription subscribe(MeetingId meeting, String afterId, EventListener listener);
}
