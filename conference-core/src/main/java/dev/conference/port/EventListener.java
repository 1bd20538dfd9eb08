package dev.conference.port;

import dev.conference.model.ConferenceException;
import dev.conference.model.MeetingEvent;

/**
 * Receives a subscription's events, one at a time and in order, on the subscription's own thread.
 * A slow listener delays only its own subscription.
 */
@FunctionalInterface
public interface EventListener {

    /**
     * One event. If this throws, the subscription reports a {@link
     * dev.conference.model.ListenerException} to {@link #onError} and goes on with the next event.
     */
    void onEvent(MeetingEvent event);

    /**
     * The subscription could not read (a {@link dev.conference.model.StoreException}: the store is
     * unreachable; it keeps trying and resumes after the last event delivered, so nothing is skipped),
     * or {@link #onEvent} threw (a {@link dev.conference.model.ListenerException}). By default ignored.
     */
    default void onError(ConferenceException error) {}

    /**
     * The subscription resumed {@link FeedPosition#after after} an event that the store no longer
     * keeps (its instance's log has expired, or its meeting was deleted and made again): events
     * between that one and {@code oldestKeptId} may have been lost to this listener. Called once,
     * right before the first event delivered, whose id it is; delivery goes on with the events the
     * store still keeps after that position. By default ignored:
     * override it where a missed event matters (reload the state, say).
     */
    default void onGap(String oldestKeptId) {}
}
