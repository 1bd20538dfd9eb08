package dev.conference.local;

import dev.conference.port.ConferenceStore;
import dev.conference.redis.Redaction;
import dev.conference.redis.RedisConferenceStore;
import dev.conference.redis.RedisOptions;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the applications ({@code conference}, {@code conference-seed}) find their store, by one rule so
 * that what one stores the other sees: a Redis the operator names, or the embedded one in a data
 * directory. Immutable.
 */
public sealed interface StoreLocation {
    /** The environment variable naming a Redis when no option does. */
    String REDIS_URL = "REDIS_URL";

    /**
     * Connects, starting the embedded server first if this is the embedded store and it is not running.
     *
     * @throws dev.conference.model.StoreException        if the server cannot be reached
     * @throws dev.conference.model.InvalidInputException if a remote location's URI is malformed
     * @throws java.io.UncheckedIOException                if the embedded server cannot start
     */
    OpenedStore open(RedisOptions options);

    /** A Redis server given by URI; the URI may hold a password, which {@link #toString()} hides. */
    record Remote(String uri) implements StoreLocation {
        @Override
        public OpenedStore open(RedisOptions options) {
            return new OpenedStore(RedisConferenceStore.connect(uri, options), null);
        }

        @Override
        public String toString() {
            return "Redis at " + Redaction.hidePasswords(uri);
        }
    }

    /** The embedded Redis that keeps its data in {@code dataDir}; see {@link LocalRedis#persistent}. */
    record Embedded(Path dataDir) implements StoreLocation {
        @Override
        public OpenedStore open(RedisOptions options) {
            LocalRedis server = LocalRedis.persistent(dataDir);
            try {
                return new OpenedStore(RedisConferenceStore.connect(server.uri(), options), server);
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

    /**
     * Explicit options win over the environment: {@code --redis}, then {@code --data-dir}, then
     * {@code REDIS_URL}, then the embedded store under the home directory.
     *
     * @param redisOption   {@code --redis}, or null
     * @param dataDirOption {@code --data-dir}, or null
     * @param variables     the environment; a blank {@code REDIS_URL} counts as unset
     * @param home          the user's home directory
     */
    static StoreLocation resolve(String redisOption, Path dataDirOption, Map<String, String> variables, Path home) {
        if (redisOption != null) {
            return new Remote(redisOption);
        }
        if (dataDirOption != null) {
            return new Embedded(dataDirOption.toAbsolutePath());
        }
        String fromEnvironment = variables.get(REDIS_URL);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new Remote(fromEnvironment);
        }
        return new Embedded(defaultDataDir(home));
    }

    /**
     * The user's home: {@code $HOME} if set. Java's {@code user.home} comes from the password database
     * and ignores it, but people expect {@code HOME=/tmp/try conference ...} to keep its data there.
     */
    static Path userHome(String homeVariable) {
        return homeVariable != null && !homeVariable.isBlank()
                ? Path.of(homeVariable)
                : Path.of(System.getProperty("user.home"));
    }

    /** Where the embedded store keeps its data unless told otherwise: {@code ~/.conference/redis}. */
    static Path defaultDataDir(Path home) {
        return home.resolve(".conference").resolve("redis").toAbsolutePath();
    }

    /**
     * A store, and the embedded server this process started for it if any: closing stops both, store
     * first.
     */
    record OpenedStore(ConferenceStore store, LocalRedis server) implements AutoCloseable {
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
