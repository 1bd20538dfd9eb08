package dev.conference.redis.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.redis.RedisConferenceStore;
import dev.conference.redis.RedisOptions;
import dev.conference.redis.checker.Checker;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The model-based {@link Checker} on the three-master cluster: about 10 s in {@code mvn verify}. */
class ClusterModelCheckTest {
    @RegisterExtension
    static final LocalClusterExtension CLUSTER = new LocalClusterExtension();

    @Test
    void theClusterAnswersWhatTheModelAnswersOverRandomSequences() {
        try (Checker checker = new Checker(
                clock -> RedisConferenceStore.create(
                        CLUSTER.client(), RedisOptions.builder().clock(clock).build()),
                CLUSTER::flush)) {
            Checker.Report report = checker.check(Duration.ofSeconds(10));

            System.out.println("model check, Redis Cluster: " + report);
            assertThat(report.sequences()).isPositive();
        }
    }
}
