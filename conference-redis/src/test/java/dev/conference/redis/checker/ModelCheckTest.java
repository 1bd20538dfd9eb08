package dev.conference.redis.checker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.redis.LocalRedisExtension;
import dev.conference.redis.RedisConferenceStore;
import dev.conference.redis.RedisOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link Checker} on a standalone Redis: about 15 s in {@code mvn verify}. */
class ModelCheckTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    @Test
    void redisAnswersWhatTheModelAnswersOverRandomSequences() {
        try (Checker checker = new Checker(
                clock -> RedisConferenceStore.connect(
                        REDIS.uri(), RedisOptions.builder().clock(clock).build()),
                () -> REDIS.admin().sync().flushall())) {
            Checker.Report report = checker.check(Duration.ofSeconds(15));

            System.out.println("model check, standalone Redis: " + report);
            assertThat(report.sequences()).isPositive();
        }
    }
}
