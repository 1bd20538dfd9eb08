package dev.conference.redis;

import dev.conference.model.InvalidInputException;
import dev.conference.model.NotFoundException;
import dev.conference.model.RefusedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link Metrics} as Micrometer meters; their names are listed in the README. */
final class MicrometerMetrics implements Metrics {
    static final String OPERATIONS = "conference.operations";
    static final String REFUSALS = "conference.refusals";
    static final String RETRIES = "conference.retries";
    static final String SCHEDULER_LAG = "conference.scheduler.lag";
    static final String LEASES_EXPIRED = "conference.leases.expired";
    static final String SUBSCRIPTIONS_OPEN = "conference.subscriptions.open";

    private final MeterRegistry registry;
    private final Timer lag;
    private final Counter leasesExpired;
    private final AtomicInteger subscriptions = new AtomicInteger();

    MicrometerMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "meter registry");
        this.lag = Timer.builder(SCHEDULER_LAG)
                .description("From an instance's end time to the scheduler logging its TIMED_OUT events and ENDED")
                .register(registry);
        this.leasesExpired = Counter.builder(LEASES_EXPIRED)
                .description("Participants removed because their presence lease lapsed")
                .register(registry);
        registry.gauge(SUBSCRIPTIONS_OPEN, subscriptions);
    }

    @Override
    public void completed(String operation, long nanos, Throwable failure) {
        registry.timer(OPERATIONS, "operation", operation, "outcome", outcome(failure))
                .record(nanos, TimeUnit.NANOSECONDS);
        if (failure instanceof RefusedException || failure instanceof NotFoundException) {
            registry.counter(
                            REFUSALS,
                            "operation",
                            operation,
                            "kind",
                            failure.getClass().getSimpleName())
                    .increment();
        }
    }

    /** The outcome tag: what a dashboard separates (a refusal is the caller's business, an error ours). */
    private static String outcome(Throwable failure) {
        if (failure == null) {
            return "ok";
        }
        if (failure instanceof RefusedException || failure instanceof NotFoundException) {
            return "refused";
        }
        return failure instanceof InvalidInputException ? "invalid" : "error";
    }

    @Override
    public void retried(String operation) {
        registry.counter(RETRIES, "operation", operation).increment();
    }

    @Override
    public void ended(Duration lag) {
        this.lag.record(lag.isNegative() ? Duration.ZERO : lag);
    }

    @Override
    public void leaseExpired() {
        leasesExpired.increment();
    }

    @Override
    public void subscriptionOpened() {
        subscriptions.incrementAndGet();
    }

    @Override
    public void subscriptionClosed() {
        subscriptions.decrementAndGet();
    }
}
