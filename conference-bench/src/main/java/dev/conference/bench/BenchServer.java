package dev.conference.bench;

import dev.conference.local.LocalRedis;
import dev.conference.port.ConferenceStore;
import dev.conference.redis.RedisConferenceStore;
import dev.conference.redis.RedisOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;

/**
 * The Redis server under measurement and the raw connections the harness keeps beside the library's
 * own: one for the pipelined baseline, one for administration (INFO, FLUSHDB, filling the keyspace).
 */
final class BenchServer implements AutoCloseable {
    private final LocalRedis local;
    private final String uri;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> admin;
    private final StatefulRedisConnection<String, String> raw;

    private BenchServer(
            LocalRedis local,
            String uri,
            RedisClient client,
            StatefulRedisConnection<String, String> admin,
            StatefulRedisConnection<String, String> raw) {
        this.local = local;
        this.uri = uri;
        this.client = client;
        this.admin = admin;
        this.raw = raw;
    }

    /**
     * Starts an embedded server when {@code uri} is null, else connects to the given one, whose
     * database must be empty (the harness flushes it).
     *
     * @throws ServerException if the server cannot be reached or its database holds keys
     */
    static BenchServer open(String uri) {
        LocalRedis local = uri == null ? LocalRedis.ephemeral() : null;
        String target = local == null ? uri : local.uri();
        RedisClient client = RedisClient.create();
        try {
            RedisURI redisUri = RedisURI.create(target);
            redisUri.setTimeout(Duration.ofSeconds(60));
            StatefulRedisConnection<String, String> admin = client.connect(StringCodec.UTF8, redisUri);
            long keys = admin.sync().dbsize();
            if (keys > 0) {
                throw new ServerException("the database at " + describe(redisUri) + " holds " + keys
                        + " keys; the benchmark flushes it, so give it an empty one (e.g. redis://host:6379/15)");
            }
            return new BenchServer(local, target, client, admin, client.connect(StringCodec.UTF8, redisUri));
        } catch (RedisException | IllegalArgumentException | ServerException e) {
            client.shutdown();
            if (local != null) {
                local.close();
            }
            throw e instanceof ServerException refused
                    ? refused
                    : new ServerException("cannot use Redis at " + target + ": " + e.getMessage());
        }
    }

    private static String describe(RedisURI uri) {
        return uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
    }

    /**
     * A library store on this server, on the harness's client (an application that owns its Lettuce
     * client opens it so); closing the store closes only its connections.
     */
    ConferenceStore openStore() {
        return RedisConferenceStore.create(client, RedisURI.create(uri), RedisOptions.defaults());
    }

    /**
     * A store with a clock of its own, for measurements that hand the lifecycle passes a "now" ahead
     * of the server's clock (with the server's clock a pass never runs ahead of it).
     */
    ConferenceStore openStoreWithClock() {
        return RedisConferenceStore.create(
                client,
                RedisURI.create(uri),
                RedisOptions.builder().clock(java.time.Clock.systemUTC()).build());
    }

    RedisCommands<String, String> admin() {
        return admin.sync();
    }

    RedisAsyncCommands<String, String> adminAsync() {
        return admin.async();
    }

    /** The connection of the raw baseline: commands pipelined, nothing of the library around them. */
    RedisAsyncCommands<String, String> raw() {
        return raw.async();
    }

    /** What the allocator reports Redis holds ({@code used_memory} of INFO memory). */
    long usedMemory() {
        for (String line : admin().info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        throw new IllegalStateException("INFO memory has no used_memory line");
    }

    String describe() {
        String version = "unknown";
        for (String line : admin().info("server").split("\r?\n")) {
            if (line.startsWith("redis_version:")) {
                version = line.substring("redis_version:".length()).trim();
            }
        }
        return (local != null ? "embedded Redis " : "Redis ") + version + " at " + uri.replaceAll("//[^@]*@", "//");
    }

    /** The embedded server's process id, or -1 for a server given by URI (it may run anywhere). */
    long embeddedPid() {
        if (local == null) {
            return -1;
        }
        for (String line : admin().info("server").split("\r?\n")) {
            if (line.startsWith("process_id:")) {
                return Long.parseLong(line.substring("process_id:".length()).trim());
            }
        }
        return -1;
    }

    void flush() {
        admin().flushdb();
    }

    @Override
    public void close() {
        try {
            if (admin.isOpen()) {
                admin.sync().flushdb();
            }
        } finally {
            raw.close();
            admin.close();
            client.shutdown();
            if (local != null) {
                local.close();
            }
        }
    }
}
