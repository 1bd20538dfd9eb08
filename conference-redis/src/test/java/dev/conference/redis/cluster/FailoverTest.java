package dev.conference.redis.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.MeetingId;
import dev.conference.port.ConferenceStore;
import dev.conference.redis.Crash;
import dev.conference.redis.RedisConferenceStore;
import dev.conference.redis.RedisOptions;
import dev.conference.redis.Workload;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A master killed under load: its replica takes over, the library resumes, the invariants hold. */
class FailoverTest {

    @Test
    void aKilledMastersReplicaTakesOverAndTheInvariantsHold() throws Exception {
        try (LocalCluster cluster = LocalCluster.start(1);
                ConferenceStore store = RedisConferenceStore.connect(
                        RedisURI.create(cluster.uri()),
                        RedisOptions.builder()
                                .commandTimeout(Duration.ofSeconds(2))
                                .build())) {
            Workload workload = new Workload(store, 16, 6);
            workload.start(store.conference(), 16);
            workload.awaitSuccesses(2_000);

            LocalCluster.Node victim =
                    cluster.masterOf(slotOf(workload.meetings().get(0)));
            Crash.kill("redis://127.0.0.1:" + victim.port());
            long failuresBefore = workload.failures();
            cluster.awaitHealthyWithout(victim);
            long afterFailover = workload.successes();
            workload.awaitSuccesses(afterFailover + 2_000);
            workload.stop();

            int lost = workload.check(store.conference());
            System.out.printf(
                    "failover: %d operations failed while the master was down, %d acknowledged"
                            + " messages lost to asynchronous replication%n",
                    workload.failures() - failuresBefore, lost);
            assertThat(workload.failures()).as("operations cut off by the kill").isGreaterThan(failuresBefore);
        }
    }

    private static int slotOf(MeetingId meeting) {
        return SlotHash.getSlot(
                "conference:meeting:{" + meeting.value().replace("{", "%7B").replace("}", "%7D") + "}");
    }
}
