package dev.conference.redis;

import dev.conference.port.ConferenceStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis server per test class, on a free port, emptied before each test. Register it as a
 * static field: {@code @RegisterExtension static final LocalRedisExtension REDIS = new LocalRedisExtension();}
 */
public final class LocalRedisExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private ConfiguredRedis server;
    private RedisClient client;
    private StatefulRedisConnection<String, String> admin;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = ConfiguredRedis.start(List.of());
        client = RedisClient.create(uri());
        admin = client.connect();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        admin.sync().flushall();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        admin.close();
        client.shutdown();
        server.close();
    }

    public int port() {
        return server.port();
    }

    public String uri() {
        return "redis://127.0.0.1:" + server.port();
    }

    /** A store on this server whose time is {@code clock}'s (the test moves it). */
    public ConferenceStore openStore(Clock clock) {
        return RedisConferenceStore.connect(
                RedisURI.create(uri()), RedisOptions.builder().clock(clock).build());
    }

    /** A connection for a test's own checks on the server (INFO, DBSIZE, raw keys). */
    public StatefulRedisConnection<String, String> admin() {
        return admin;
    }
}
