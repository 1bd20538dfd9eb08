package dev.conference.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conference.model.StoreException;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/** Faults of a single server: a crash and restart under load, and a server that hangs. */
class RestartTest {

    @Test
    void aCrashAndRestartUnderLoadLosesNothingAcknowledgedAndDoublesNothing() throws Exception {
        Path dir = Files.createTempDirectory("conference-restart");
        int port = ConfiguredRedis.freePort();
        String uri = "redis://127.0.0.1:" + port;
        RedisServer server = ConfiguredRedis.durable(port, dir);
        try (ConferenceStore store = RedisConferenceStore.connect(
                RedisURI.create(uri),
                RedisOptions.builder().commandTimeout(Duration.ofSeconds(2)).build())) {
            Workload workload = new Workload(store, 16, 4);
            workload.start(store.conference(), 16);
            workload.awaitSuccesses(2_000);

            Crash.kill(uri);
            long failuresBefore = workload.failures();
            server = ConfiguredRedis.durable(port, dir);
            long successesAfterRestart = workload.successes();
            workload.awaitSuccesses(successesAfterRestart + 2_000);
            workload.stop();

            assertThat(workload.failures())
                    .as("operations cut off by the crash")
                    .isGreaterThanOrEqualTo(failuresBefore);
            assertThat(workload.check(store.conference()))
                    .as("acknowledged messages lost")
                    .isZero();
        } finally {
            server.stop();
        }
    }

    @Test
    void aServerThatHangsGivesAClearErrorWithinTheTimeout() throws Exception {
        int port = ConfiguredRedis.freePort();
        String uri = "redis://127.0.0.1:" + port;
        RedisServer server = ConfiguredRedis.durable(port, Files.createTempDirectory("conference-hang"));
        RedisClient admin = RedisClient.create(uri);
        try (ConferenceStore store = RedisConferenceStore.connect(
                        RedisURI.create(uri),
                        RedisOptions.builder()
                                .commandTimeout(Duration.ofMillis(300))
                                .build());
                StatefulRedisConnection<String, String> connection = admin.connect()) {
            store.directory().saveUser(dev.conference.testing.Fixtures.aUser("ann"));
            connection.sync().clientPause(3_000);

            assertThatThrownBy(() -> store.directory().user(UserId.of("ann")))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("Redis at 127.0.0.1:" + port + " did not answer within PT0.3S");
        } finally {
            admin.shutdown();
            server.stop();
        }
    }
}
