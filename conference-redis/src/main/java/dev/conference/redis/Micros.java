package dev.conference.redis;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants as whole microseconds since the epoch, the form scripts compare and sorted sets score.
 * Below 2^53 (the year 2255), so Lua's doubles and Redis scores hold them exactly.
 */
final class Micros {
    private Micros() {}

    static String of(Instant instant) {
        return Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
    }

    /** Reads a value written by {@link #of}, also when Redis prints it as a score. */
    static Instant parse(String micros) {
        long value = new BigDecimal(micros).longValueExact();
        return Instant.EPOCH.plus(value, ChronoUnit.MICROS);
    }
}
