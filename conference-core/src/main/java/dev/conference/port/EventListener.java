package dev.conference.port;

import dev.conference.model.ConferenceException;
import dev.conference.model.MeetingEvent;

/**
 * Receives a subscription's events, one at a time and in order, on the subscription's own thread.
 * A slow listener delays only its own subscription.
 */
@FunctionalInterface
public interface EventListener {

    void onEvent(MeetingEvent event);

    /**
     * The subscription could not read (the store is unreachable); it keeps trying and resumes after
     * the last event delivered, so nothing is skipped. By default ignored.
     */
    default void onError(ConferenceException error) {}
}
