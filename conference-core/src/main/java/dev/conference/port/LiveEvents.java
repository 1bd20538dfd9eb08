package dev.conference.port;

import dev.conference.model.MeetingId;

/**
 * Live events of a meeting, across its instances: joins, leaves, timeouts, starts, ends and chat
 * messages, in the order they happened. For applications that push to browsers. Thread-safe.
 *
 * <p>The {@code id} of a delivered event is its position in the meeting's live feed (not its id in an
 * instance's event log); it is what {@link Subscription#lastSeenId()} returns.
 *
 * <p>The feed is the instances' logs and chats: it keeps what they keep. A subscription delivers what
 * the store still holds (not the messages of an erased user, nor an instance deleted); one that
 * resumes after an event of an instance whose log the store's retention has let expire is told by
 * {@link EventListener#onGap}. Imported history ({@link History}) is not news, and is not delivered.
 */
public interface LiveEvents {

    /**
     * Delivers the meeting's events to {@code listener} until the subscription is closed.
     *
     * @param from where to start: {@link FeedPosition#latest()}, {@link FeedPosition#oldest()}, or
     *             {@link FeedPosition#after(String)} an event delivered before; if the store no
     *             longer keeps the events right after it, the listener's {@link EventListener#onGap}
     *             is called before the first event delivered
     * @throws dev.conference.model.UnknownMeetingException if the meeting does not exist
     * @throws dev.conference.model.InvalidInputException   if the id to resume after is not an event id
     *                                                      of this store
     * @throws dev.conference.model.StoreException          if the store cannot answer
     */
    Subscription subscribe(MeetingId meeting, FeedPosition from, EventListener listener);
}
