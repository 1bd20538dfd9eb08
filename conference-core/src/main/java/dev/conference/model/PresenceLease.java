package dev.conference.model;

import java.time.Duration;
import java.util.Objects;

/** The rule for presence leases: how long a participant stays without a heartbeat. */
public final class PresenceLease {
    public static final Duration MAX = Duration.ofDays(1);

    private PresenceLease() {}

    /** Checks a lease length: positive and at most a day. */
    public static Duration require(Duration lease) {
        Objects.requireNonNull(lease, "presence lease");
        if (lease.isNegative() || lease.isZero() || lease.compareTo(MAX) > 0) {
            throw new InvalidInputException("presence lease must be positive and at most " + MAX + ", got " + lease);
        }
        return lease;
    }
}
