package dev.conference.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.port.ConferenceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sixteen threads join, leave and post at random on a few meetings; afterwards each meeting's
 * participants must be exactly what its event log says, and every acknowledged message must be in the
 * chat exactly once (and nothing that was not posted).
 */
class ConcurrencyTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    @Test
    void participantsAgreeWithTheEventLogAndNoMessageIsLostOrDoubled() throws Exception {
        try (ConferenceStore store = RedisConferenceStore.connect(REDIS.uri())) {
            Workload workload = new Workload(store, 24, 4);
            workload.start(store.conference(), 16);
            workload.awaitSuccesses(20_000);
            workload.stop();

            assertThat(workload.failures()).isZero();
            assertThat(workload.check(store.conference()))
                    .as("acknowledged messages missing")
                    .isZero();
        }
    }
}
