package dev.conference.cli;

import dev.conference.local.StoreLocation;
import dev.conference.port.ConferenceStore;
import dev.conference.redis.RedisOptions;
import java.nio.file.Path;
import java.time.Clock;
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
    private StoreLocation.OpenedStore opened;
    private Interrupts.Registration interrupt;

    Session(CliEnvironment environment) {
        this.environment = environment;
    }

    boolean isOpen() {
        return opened != null;
    }

    /**
     * The store the options and the environment name (see {@link StoreLocation#resolve}), opened now if
     * this is the first call.
     *
     * @param redisOption    {@code --redis}, or null
     * @param dataDirOption  {@code --data-dir}, or null
     * @param commandTimeout how long one Redis command may take before it fails
     */
    ConferenceStore store(String redisOption, Path dataDirOption, Duration commandTimeout) {
        if (opened == null) {
            StoreLocation wanted =
                    StoreLocation.resolve(redisOption, dataDirOption, environment.variables(), environment.home());
            RedisOptions.Builder options = RedisOptions.builder().commandTimeout(commandTimeout);
            // On the system clock, times come from the server, as for every other client of it; a
            // clock of the environment's own (a test's) is the store's clock too.
            if (!environment.clock().equals(Clock.systemUTC())) {
                options.clock(environment.clock());
            }
            opened = wanted.open(options.build());
            location = wanted;
            if (wanted instanceof StoreLocation.Embedded embedded) {
                // Only the embedded store is ever seeded: an operator's Redis gets nothing it was not told to store.
                DemoData.seedIfEmpty(opened.store(), environment.clock().instant())
                        .ifPresent(seeded -> environment
                                .err()
                                .println("conference: new store in " + embedded.dataDir() + ": seeded demo data ("
                                        + seeded + "); use --redis URI or REDIS_URL for your own Redis"));
            }
        }
        return opened.store();
    }

    Optional<StoreLocation> location() {
        return Optional.ofNullable(location);
    }

    /**
     * Where the shell keeps the lines typed in it: beside the embedded store's data (so
     * {@code ~/.conference/history} by default), or under the home when the store is a Redis elsewhere.
     */
    Path shellHistory() {
        Path base = location instanceof StoreLocation.Embedded embedded
                ? embedded.dataDir().getParent()
                : environment.home().resolve(".conference");
        return base.resolve("history");
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
        if (opened != null) {
            try {
                opened.close();
            } finally {
                opened = null;
            }
        }
    }
}
