package dev.conference.redis;

import java.time.Duration;

/**
 * Where the store reports what it does, for an operator's dashboards. {@link #NONE} unless the
 * options name a meter registry; then {@link MicrometerMetrics}, the only class that touches
 * Micrometer, so the library runs without Micrometer on the class path.
 */
interface Metrics {
    /** Reports nothing. */
    Metrics NONE = new Metrics() {};

    /**
     * An operation of the conference port finished.
     *
     * @param failure why it failed, or null when it succeeded
     */
    default void completed(String operation, long nanos, Throwable failure) {}

    /** An operation ran again on another instance because its guess of the current one was stale. */
    default void retried(String operation) {}

    /** The scheduler ended an instance this long after its {@code to}. */
    default void ended(Duration lag) {}

    /** The scheduler removed a participant whose presence lease had lapsed. */
    default void leaseExpired() {}

    default void subscriptionOpened() {}

    default void subscriptionClosed() {}
}
