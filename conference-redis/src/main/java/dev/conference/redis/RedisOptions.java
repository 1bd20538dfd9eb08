package dev.conference.redis;

import dev.conference.model.InvalidInputException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the Redis store behaves; immutable and thread-safe. Start from {@link #defaults()} or
 * {@link #builder()}. A setting out of range throws {@link dev.conference.model.InvalidInputException}
 * naming it; a null one, {@link NullPointerException}.
 *
 * @param clock          the time every operation takes as now, if the store is to have a clock of its
 *                       own (tests, replays of history; then every process writing to the database
 *                       should use the same one); default none: the server's clock ({@code TIME}),
 *                       so one clock orders everything stored, whatever the clients' clocks say
 * @param commandTimeout how long a command may take before it fails with a
 *                       {@link dev.conference.model.StoreException}; default 5 seconds
 * @param keyPrefix      put before every key, so several applications can share one database;
 *                       default {@code "conference:"}
 * @param retention      how long an instance's event log and chat are kept after it ends;
 *                       default 30 days
 * @param meterRegistry  where the store reports its metrics (the README lists them); default none,
 *                       and then Micrometer need not be on the class path. An {@link Optional} rather
 *                       than a {@code MeterRegistry} so that this record loads without Micrometer.
 */
public record RedisOptions(
        Optional<Clock> clock,
        Duration commandTimeout,
        String keyPrefix,
        Duration retention,
        Optional<MeterRegistry> meterRegistry) {
    public RedisOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(meterRegistry, "meterRegistry");
        if (retention.toMillis() < 1) {
            throw new InvalidInputException("retention must be at least a millisecond, got " + retention);
        }
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new InvalidInputException("command timeout must be positive, got " + commandTimeout);
        }
        if (keyPrefix.contains("{") || keyPrefix.contains("}")) {
            throw new InvalidInputException("key prefix must not contain braces (they make hash tags): " + keyPrefix);
        }
    }

    /**
     * How long a record kept only for re-sent commands lives: longer than a command can wait to be
     * sent again (twice the command timeout), and at least 10 s.
     */
    Duration replayWindow() {
        Duration window = commandTimeout.multipliedBy(2);
        return window.compareTo(MIN_REPLAY_WINDOW) < 0 ? MIN_REPLAY_WINDOW : window;
    }

    private static final Duration MIN_REPLAY_WINDOW = Duration.ofSeconds(10);

    public static RedisOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .clock(clock)
                .commandTimeout(commandTimeout)
                .keyPrefix(keyPrefix)
                .retention(retention)
                .meterRegistry(meterRegistry);
    }

    /** Builds {@link RedisOptions}; not thread-safe. */
    public static final class Builder {
        private Optional<Clock> clock = Optional.empty();
        private Duration commandTimeout = Duration.ofSeconds(5);
        private String keyPrefix = "conference:";
        private Duration retention = Duration.ofDays(30);
        private Optional<MeterRegistry> meterRegistry = Optional.empty();

        private Builder() {}

        /** Gives the store a clock of its own instead of the server's; not null. */
        public Builder clock(Clock clock) {
            this.clock = Optional.of(clock);
            return this;
        }

        private Builder clock(Optional<Clock> clock) {
            this.clock = clock;
            return this;
        }

        public Builder commandTimeout(Duration commandTimeout) {
            this.commandTimeout = commandTimeout;
            return this;
        }

        public Builder keyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
            return this;
        }

        public Builder retention(Duration retention) {
            this.retention = retention;
            return this;
        }

        /** Reports the store's metrics to {@code registry}; not null. */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = Optional.of(registry);
            return this;
        }

        private Builder meterRegistry(Optional<MeterRegistry> registry) {
            this.meterRegistry = registry;
            return this;
        }

        public RedisOptions build() {
            return new RedisOptions(clock, commandTimeout, keyPrefix, retention, meterRegistry);
        }
    }
}
