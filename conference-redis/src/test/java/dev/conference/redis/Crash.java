package dev.conference.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Kills a Redis server the hard way (SIGKILL), as a power cut would: no shutdown, no final fsync. */
public final class Crash {
    private Crash() {}

    public static void kill(String uri) {
        RedisClient client = RedisClient.create(uri);
        long pid;
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            pid = connection
                    .sync()
                    .info("server")
                    .lines()
                    .filter(line -> line.startsWith("process_id:"))
                    .mapToLong(line -> Long.parseLong(
                            line.substring("process_id:".length()).trim()))
                    .findFirst()
                    .orElseThrow();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("redis-server " + pid + " did not die", e);
        }
    }
}
