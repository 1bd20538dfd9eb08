package dev.conference.port;

/** A running subscription; thread-safe. Closing it stops deliveries and frees its connection. */
public interface Subscription extends AutoCloseable {

    /**
     * The id of the last event delivered, or of the position the subscription started from; pass it to
     * {@link LiveEvents#subscribe} to resume after a reconnect without missing or repeating an event.
     */
    String lastSeenId();

    /**
     * Stops deliveries. If an event is being delivered, waits until the listener returns (unless
     * called from the listener itself), so that afterwards {@link #lastSeenId()} names the last event
     * the listener received.
     */
    @Override
    void close();
}
