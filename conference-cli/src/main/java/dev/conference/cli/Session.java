package dev.conference.cli;

import dev.conference.port.ConferenceStore;
import dev.conference.redis.RedisConferenceStore;
import dev.conference.redis.RedisOptions;
import dev.conference.redis.local.LocalRedis;
import java.time.Duration;
import java.util.Optional;

/**
 * The one store a CLI run uses, opened on first need (so {@code --help} never connects) and shared by
 * every command of a {@code shell}. Not thread-safe: one run, one thread (only {@link Interrupts} call in
 * from elsewhere).
 */
final class Session implements AutoCloseable {
    private final CliEnvironment environment;
    private StoreLocation location;
    private ConferenceStore store;
    private LocalRedis localRedis;
    private Interrupts.Registration interrupt;

    Session(CliEnvironment environment) {
        this.environment = environment;
    }

    boolean isOpen() {
        return store != null;
    }

    /**
     * The store at {@code location}, opened now if this is the first call.
     *
     * @param commandTimeout how long one Redis command may take before it fails
     */
    ConferenceStore store(StoreLocation wanted, Duration commandTimeout) {
        if (store == null) {
            open(wanted, RedisOptions.builder().clock(environment.clock()).commandTimeout(commandTimeout).build());
        }
        return store;
    }

    Optional<StoreLocation> location() {
        return Optional.ofNullable(location);
    }

    /**
     * Calls {@code stop} when the user presses Ctrl-C; the process then exits only once this session is
     * closed, after the store and the embedded server.
     */
    void onInterrupt(Runnable stop) {
        if (interrupt != null) {
            throw new IllegalStateException("a command of this run listens for Ctrl-C already");
        }
        interrupt = environment.interrupts().onInterrupt(stop);
    }

    private void open(StoreLocation wanted, RedisOptions options) {
        if (wanted instanceof StoreLocation.Remote remote) {
            store = RedisConferenceStore.connect(remote.uri(), options);
        } else {
            openEmbedded((StoreLocation.Embedded) wanted, options);
        }
        location = wanted;
    }

    private void openEmbedded(StoreLocation.Embedded embedded, RedisOptions options) {
        LocalRedis server = LocalRedis.persistent(embedded.dataDir());
        try {
            store = RedisConferenceStore.connect(server.uri(), options);
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
            closeStore();
        } finally {
            if (interrupt != null) {
                interrupt.close();
                interrupt = null;
            }
        }
    }

    private void closeStore() {
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
