package dev.conference.scheduler;

import dev.conference.model.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link MeetingScheduler} runs; immutable. A setting out of range throws
 * {@link InvalidInputException} naming it; a null one, {@link NullPointerException}.
 *
 * @param clock     where "now" comes from; default the system clock
 * @param tick      time between passes; default 500 ms, so instances end within a second of their
 *                  {@code to}
 * @param batchSize items handled per pass call; default 200
 */
public record SchedulerOptions(Clock clock, Duration tick, int batchSize) {
    public SchedulerOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(tick, "tick");
        if (tick.isNegative() || tick.isZero()) {
            throw new InvalidInputException("scheduler tick must be positive, got " + tick);
        }
        if (batchSize < 1) {
            throw new InvalidInputException("scheduler batch size must be 1 or more, got " + batchSize);
        }
    }

    public static SchedulerOptions defaults() {
        return new SchedulerOptions(Clock.systemUTC(), Duration.ofMillis(500), 200);
    }

    public SchedulerOptions withClock(Clock clock) {
        return new SchedulerOptions(clock, tick, batchSize);
    }

    public SchedulerOptions withTick(Duration tick) {
        return new SchedulerOptions(clock, tick, batchSize);
    }

    public SchedulerOptions withBatchSize(int batchSize) {
        return new SchedulerOptions(clock, tick, batchSize);
    }
}
