package dev.conference.redis;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What a script is told "now" is (see time.lua). By default nothing: it reads the server's clock, so
 * one clock orders everything the server stores, whatever the clocks of the processes writing to it
 * say. A store given a clock of its own (tests, replays of history) passes that clock's time.
 */
final class ScriptTime {
    /** The store's own clock, or null for the server's. */
    private final Clock clock;

    ScriptTime(Clock clock) {
        this.clock = clock;
    }

    /** The time argument of a script that runs now. */
    String now() {
        return clock == null ? "" : Micros.of(clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * The time argument of a scheduler's pass at {@code now}: with the server's clock, {@code now}
     * but never past the server's time, so a scheduler whose clock runs ahead cannot end an
     * instance, or expire a lease, early.
     */
    String atMost(Instant now) {
        String micros = Micros.of(now.truncatedTo(ChronoUnit.MICROS));
        return clock == null ? "<" + micros : micros;
    }
}
