package dev.conference.redis;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static dev.conference.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.NotParticipantException;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import dev.conference.port.FeedPosition;
import dev.conference.port.Subscription;
import dev.conference.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What an operator sees through Micrometer when the options name a registry. */
class MetricsTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private final UserId alice = UserId.of("alice");
    private final MeetingId standup = MeetingId.of("standup");
    private final MutableClock clock = new MutableClock(T0);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ConferenceStore store;

    @BeforeEach
    void openStore() {
        store = RedisConferenceStore.connect(
                REDIS.uri(),
                RedisOptions.builder().clock(clock).meterRegistry(registry).build());
        store.directory().saveUser(aUser("alice"));
        store.directory().saveMeeting(aPublicMeeting("standup"));
        store.directory().saveInstance(anInstance(aPublicMeeting("standup"), 1, T0, Duration.ofHours(1)));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void operationsAreTimedByOutcomeAndRefusalsCountedByKind() {
        store.conference().join(alice, standup);
        store.conference().post(alice, standup, "hello");
        store.async().post(alice, standup, "again").toCompletableFuture().join();
        store.conference().leave(alice, standup);
        assertThatThrownBy(() -> store.conference().leave(alice, standup)).isInstanceOf(NotParticipantException.class);

        assertThat(timer("join", "ok")).isEqualTo(1);
        assertThat(timer("post", "ok")).isEqualTo(2);
        assertThat(timer("leave", "ok")).isEqualTo(1);
        assertThat(timer("leave", "refused")).isEqualTo(1);
        assertThat(registry.get(MicrometerMetrics.OPERATIONS)
                        .tags("operation", "post", "outcome", "ok")
                        .timer()
                        .totalTime(TimeUnit.NANOSECONDS))
                .isPositive();
        assertThat(registry.get(MicrometerMetrics.REFUSALS)
                        .tags("operation", "leave", "kind", "NotParticipantException")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aStaleGuessOfTheCurrentInstanceCountsAsARetry() {
        store.conference().join(alice, standup);
        store.conference().end(standup);
        clock.advance(Duration.ofHours(2));
        store.directory()
                .saveInstance(new MeetingInstance(
                        standup, 2, clock.instant(), clock.instant().plusSeconds(60)));
        double before = retries();

        store.conference().join(alice, standup);

        assertThat(retries())
                .as("the guess was instance 1, the meeting is on 2")
                .isEqualTo(before + 1);
    }

    private double retries() {
        return registry.get(MicrometerMetrics.RETRIES)
                .tags("operation", "join")
                .counter()
                .count();
    }

    @Test
    void theSchedulerReportsHowLateItEndedAndWhichLeasesLapsed() {
        store.conference().join(alice, standup, Duration.ofSeconds(30));
        clock.advance(Duration.ofMinutes(1));
        assertThat(store.lifecycle().expireLeases(clock.instant(), 10).done()).isEqualTo(1);

        clock.advance(Duration.ofHours(1));
        assertThat(store.lifecycle().endDue(clock.instant(), 10).done()).isEqualTo(1);

        assertThat(registry.get(MicrometerMetrics.LEASES_EXPIRED).counter().count())
                .isEqualTo(1);
        assertThat(registry.get(MicrometerMetrics.SCHEDULER_LAG).timer().count())
                .isEqualTo(1);
        assertThat(registry.get(MicrometerMetrics.SCHEDULER_LAG).timer().max(TimeUnit.SECONDS))
                .as("ended one minute after its end time")
                .isEqualTo(60);
    }

    @Test
    void openSubscriptionsAreAGauge() throws InterruptedException {
        Subscription first = store.liveEvents().subscribe(standup, FeedPosition.latest(), event -> {});
        Subscription second = store.liveEvents().subscribe(standup, FeedPosition.oldest(), event -> {});
        assertThat(gauge()).isEqualTo(2);

        first.close();
        second.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (gauge() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(gauge()).isZero();
    }

    private double gauge() {
        return registry.get(MicrometerMetrics.SUBSCRIPTIONS_OPEN).gauge().value();
    }

    private long timer(String operation, String outcome) {
        return registry.get(MicrometerMetrics.OPERATIONS)
                .tags("operation", operation, "outcome", outcome)
                .timer()
                .count();
    }
}
