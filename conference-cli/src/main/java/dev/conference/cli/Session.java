package dev.conference.cli;

import dev.conference.port.ConferenceStore;
import dev.conference.redis.RedisConferenceStore;
import dev.conference.redis.local.LocalRedis;
import java.util.Optional;

/**
 * The one store a CLI run uses, opened on first need (so {@code --help} never connects) and shared by
 * every command of a {@code shell}. Not thread-safe: one run, one thread.
 */
final class Session implements AutoCloseable {
    private final CliEnvironment environment;
    private StoreLocation location;
    private ConferenceStore store;
    private LocalRedis localRedis;

    Session(CliEnvironment environment) {
        this.environment = environment;
    }

    boolean isOpen() {
        return store != null;
    }

    /** The store at {@code location}, opened now if this is the first call. */
    ConferenceStore store(StoreLocation wanted) {
        if (store == null) {
            open(wanted);
        }
        return store;
    }

    Optional<StoreLocation> location() {
        return Optional.ofNullable(location);
    }

    private void open(StoreLocation wanted) {
        if (wanted instanceof StoreLocation.Remote remote) {
            store = RedisConferenceStore.connect(remote.uri());
        } else {
            openEmbedded((StoreLocation.Embedded) wanted);
        }
        location = wanted;
    }

    private void openEmbedded(StoreLocation.Embedded embedded) {
        LocalRedis server = LocalRedis.persistent(embedded.dataDir());
        try {
            store = RedisConferenceStore.connect(server.uri());
            localRedis = server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        // Only the embedded store is ever seeded: an operator's Redis gets nothing it was not told to store.
        DemoData.seedIfEmpty(store, environment.clock().instant()).ifPresent(seeded ->
                environment.err().println("conference: new store in " + embedded.dataDir() + ": seeded demo data ("
                        + seeded + "); use --redis URI or REDIS_URL for your own Redis"));
    }

    @Override
    public void close() {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            store = null;
            if (localRedis != null) {
                localRedis.close();
                localRedis = null;
            }
        }
    }
}
