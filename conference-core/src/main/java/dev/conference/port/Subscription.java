package dev.conference.port;

/** A running subscription; thread-safe. Closing it stops deliveries and frees its connection. */
public interface Subscription extends AutoCloseable {

    /**
     * The id of the last event delivered, or of the position the subscription started from; pass it to
     * {@link LiveEvents#subscribe} to resume after a reconnect without missing or repeating an event.
     */
    String lastSeenId();

    @Override
    void close();
}
