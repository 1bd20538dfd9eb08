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

    /**
     * About how many recent events a meeting's feed keeps, across its instances. A subscription that
     * resumes from an event older than those is told by {@link EventListener#onGap}. Of those, it
     * delivers what the store still holds: not the messages of an erased user, nor the events of an
     * instance whose log a store's retention has let expire.
     */
    int FEED_KEEPS = 10_000;

    /**
     * Delivers the meeting's events to {@code listener} until the subscription is closed.
     *
     * @param from where to start: {@link FeedPosition#latest()}, {@link FeedPosition#oldest()}, or
     *             {@link FeedPosition#after(String)} an event delivered before; if the feed no longer
     *             keeps the events right after it, the listener's {@link EventListener#onGap} is
     *             called before any event
     * @throws dev.conference.model.UnknownMeetingException if the meeting does not exist
     * @throws dev.conference.model.InvalidInputException   if the id to resume after is not an event id
     *                                                      of this store
     * @throws dev.conference.model.StoreException          if the store cannot answer
     */
    Subscription subscribe(MeetingId meeting, FeedPosition from, EventListener listener);
}
