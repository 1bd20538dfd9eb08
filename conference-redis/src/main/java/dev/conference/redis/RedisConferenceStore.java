package dev.conference.redis;

import dev.conference.model.StoreException;
import dev.conference.port.AsyncConference;
import dev.conference.port.Conference;
import dev.conference.port.ConferenceStore;
import dev.conference.port.Directory;
import dev.conference.port.History;
import dev.conference.port.Lifecycle;
import dev.conference.port.LiveEvents;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import java.util.Objects;

/**
 * The conference ports on Redis: the entry point of this module. Thread-safe; share one per
 * application. All operations go over one multiplexed connection, which pipelines the commands of
 * concurrent callers by itself.
 *
 * <pre>{@code
 * try (ConferenceStore store = RedisConferenceStore.connect("redis://localhost:6379")) {
 *     store.conference().join(UserId.of("alice"), MeetingId.of("standup"));
 * }
 * }</pre>
 */
public final class RedisConferenceStore implements ConferenceStore {
    private final Connector connector;
    private final Connector.Link link;
    private final RedisGateway gateway;
    private final Directory directory;
    private final Conference conference;
    private final AsyncConference async;
    private final Lifecycle lifecycle;
    private final RedisLiveEvents liveEvents;
    private final History history;

    private RedisConferenceStore(Connector connector, RedisOptions options) {
        this.connector = connector;
        this.link = connector.connect();
        this.gateway = new RedisGateway(
                link.sync(), link.async(), connector.server(), options.commandTimeout(), connector::slot);
        Keys keys = new Keys(options.keyPrefix());
        Metrics metrics = metrics(options);
        ScriptTime time = new ScriptTime(options.clock().orElse(null));
        this.directory = new RedisDirectory(gateway, keys, time, options.replayWindow());
        this.async = new ObservedConference(
                new RedisAsyncConference(gateway, keys, time, options.replayWindow(), options.retention(), metrics),
                metrics);
        this.conference = new RedisConference(async, gateway);
        this.lifecycle = new RedisLifecycle(gateway, keys, time, options.retention(), metrics);
        this.liveEvents = new RedisLiveEvents(connector, gateway, keys, time, metrics);
        this.history = new RedisHistory(gateway, keys, time, options.retention());
    }

    /**
     * Micrometer's meters if the options name a registry. No lambda or method reference here: linking
     * one would load Micrometer's classes even when no registry is given and Micrometer is absent.
     */
    private static Metrics metrics(RedisOptions options) {
        return options.meterRegistry().isPresent()
                ? new MicrometerMetrics(options.meterRegistry().get())
                : Metrics.NONE;
    }

    /**
     * Connects with default options.
     *
     * @param uri {@code redis://[[user:]password@]host[:port][/database]}, or {@code rediss://} for TLS;
     *            any node of a Redis Cluster will do; not null
     * @throws dev.conference.model.InvalidInputException if the URI is malformed
     * @throws StoreException                            if the server cannot be reached
     */
    public static RedisConferenceStore connect(String uri) {
        return connect(uri, RedisOptions.defaults());
    }

    /** Connects like {@link #connect(String)}, with the given options. */
    public static RedisConferenceStore connect(String uri, RedisOptions options) {
        return connect(RedisUris.parse(uri), options);
    }

    /**
     * Connects to the server {@code uri} names (user, password, TLS and database come from it) with a
     * client of its own, closed with the store. If the server is a Redis Cluster node, the store uses
     * Lettuce's cluster client, with periodic and adaptive topology refresh.
     *
     * @throws StoreException if the server cannot be reached
     */
    public static RedisConferenceStore connect(RedisURI uri, RedisOptions options) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(options, "options");
        Connector connector = Connector.discover(uri, options.commandTimeout());
        try {
            return new RedisConferenceStore(connector, options);
        } catch (RuntimeException e) {
            connector.shutdown();
            throw e;
        }
    }

    /**
     * Opens a store on a standalone client the caller owns and shuts down; the store closes only its
     * own connections. Prefer {@link #connect(RedisURI, RedisOptions)}, which also sets the reconnect
     * policy (scripts are never re-sent after a reconnect) on its client.
     */
    public static RedisConferenceStore create(RedisClient client, RedisURI uri, RedisOptions options) {
        return new RedisConferenceStore(
                Connector.standalone(
                        Objects.requireNonNull(client, "client"),
                        Objects.requireNonNull(uri, "uri"),
                        Objects.requireNonNull(options, "options").commandTimeout()),
                options);
    }

    /** Opens a store on a cluster client the caller owns and shuts down; see {@link #create(RedisClient, RedisURI, RedisOptions)}. */
    public static RedisConferenceStore create(RedisClusterClient client, RedisOptions options) {
        Objects.requireNonNull(client, "client");
        RedisURI someNode = client.getPartitions().isEmpty()
                ? RedisURI.create("redis://cluster")
                : client.getPartitions().getPartition(0).getUri();
        return new RedisConferenceStore(
                Connector.cluster(
                        client,
                        someNode,
                        Objects.requireNonNull(options, "options").commandTimeout()),
                options);
    }

    @Override
    public Directory directory() {
        return directory;
    }

    @Override
    public Conference conference() {
        return conference;
    }

    @Override
    public AsyncConference async() {
        return async;
    }

    @Override
    public Lifecycle lifecycle() {
        return lifecycle;
    }

    @Override
    public LiveEvents liveEvents() {
        return liveEvents;
    }

    @Override
    public History history() {
        return history;
    }

    /** Closes the store's subscriptions, then its connections. */
    @Override
    public void close() {
        liveEvents.closeAll();
        link.connection().close();
        connector.shutdown();
    }
}
