package dev.conference.seed;

import dev.conference.port.ConferenceStore;
import dev.conference.redis.RedisConferenceStore;
import dev.conference.redis.local.LocalRedis;
import java.nio.file.Path;

/**
 * Where the data goes, found as the {@code conference} CLI finds it so that a load is seen there:
 * {@code --redis}, then {@code --data-dir}, then {@code REDIS_URL}, then the embedded Redis under
 * {@code ~/.conference/redis}.
 */
sealed interface StoreLocation {

    /** Connects, starting the embedded server first if it is the one and is not running. */
    Opened open();

    /** A Redis server given by URI; shown only with its password masked. */
    record Remote(String uri) implements StoreLocation {
        @Override
        public Opened open() {
            return new Opened(RedisConferenceStore.connect(uri), null);
        }

        @Override
        public String toString() {
            return "Redis at " + uri.replaceAll("://[^/@\\s]*@", "://***@");
        }
    }

    /** The embedded Redis that keeps its data in {@code dataDir}, started here unless already running. */
    record Embedded(Path dataDir) implements StoreLocation {
        @Override
        public Opened open() {
            LocalRedis server = LocalRedis.persistent(dataDir);
            try {
                return new Opened(RedisConferenceStore.connect(server.uri()), server);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }

        @Override
        public String toString() {
            return "the embedded Redis in " + dataDir;
        }
    }

    static StoreLocation resolve(String redisOption, Path dataDirOption, SeedEnvironment environment) {
        if (redisOption != null) {
            return new Remote(redisOption);
        }
        if (dataDirOption != null) {
            return new Embedded(dataDirOption.toAbsolutePath());
        }
        String fromEnvironment = environment.variable(SeedEnvironment.REDIS_URL);
        if (fromEnvironment != null) {
            return new Remote(fromEnvironment);
        }
        return new Embedded(environment.home().resolve(".conference").resolve("redis").toAbsolutePath());
    }

    /** A store, and the embedded server this process started for it if any: closing stops both, store first. */
    record Opened(ConferenceStore store, LocalRedis server) implements AutoCloseable {
        @Override
        public void close() {
            try {
                store.close();
            } finally {
                if (server != null) {
                    server.close();
                }
            }
        }
    }
}
