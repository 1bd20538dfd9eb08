package dev.conference.redis;

import dev.conference.model.StoreException;
import dev.conference.port.AsyncConference;
import dev.conference.port.Conference;
import dev.conference.port.ConferenceStore;
import dev.conference.port.Directory;
import dev.conference.port.Lifecycle;
import dev.conference.port.LiveEvents;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
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
    private final StatefulRedisConnection<String, String> connection;
    private final RedisClient ownedClient;
    private final Directory directory;
    private final Conference conference;
    private final AsyncConference async;
    private final Lifecycle lifecycle;
    private final LiveEvents liveEvents;

    private RedisConferenceStore(StatefulRedisConnection<String, String> connection, RedisClient client,
            RedisURI uri, RedisClient ownedClient, String server, RedisOptions options) {
        this.connection = connection;
        this.ownedClient = ownedClient;
        RedisGateway gateway = new RedisGateway(connection.sync(), connection.async(), server,
                options.commandTimeout());
        Keys keys = new Keys(options.keyPrefix());
        this.directory = new RedisDirectory(gateway, keys);
        RedisAsyncConference asyncConference = new RedisAsyncConference(gateway, keys, options.clock());
        this.async = asyncConference;
        this.conference = new RedisConference(asyncConference, gateway);
        this.lifecycle = new RedisLifecycle(gateway, keys);
        this.liveEvents = new RedisLiveEvents(client, uri, gateway, keys);
    }

    /**
     * Connects with default options.
     *
     * @param uri {@code redis://[[user:]password@]host[:port][/database]}, or {@code rediss://} for TLS;
     *            not null
     * @throws dev.conference.model.InvalidInputException if the URI is malformed
     * @throws StoreException                            if the server cannot be reached
     */
    public static RedisConferenceStore connect(String uri) {
        return connect(RedisUris.parse(uri), RedisOptions.defaults());
    }

    /**
     * Connects to the server {@code uri} names (password, TLS and database come from it) with a client
     * of its own, closed with the store.
     */
    public static RedisConferenceStore connect(RedisURI uri, RedisOptions options) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(options, "options");
        RedisClient client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .timeoutOptions(TimeoutOptions.enabled(options.commandTimeout()))
                .build());
        try {
            return open(client, uri, options, client);
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    /** Opens a store on a client the caller owns and closes; the store closes only its connection. */
    public static RedisConferenceStore create(RedisClient client, RedisURI uri, RedisOptions options) {
        return open(Objects.requireNonNull(client, "client"), Objects.requireNonNull(uri, "uri"),
                Objects.requireNonNull(options, "options"), null);
    }

    private static RedisConferenceStore open(RedisClient client, RedisURI uri, RedisOptions options,
            RedisClient owned) {
        String server = RedisUris.describe(uri);
        uri.setTimeout(options.commandTimeout());
        try {
            StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8, uri);
            connection.setTimeout(options.commandTimeout());
            return new RedisConferenceStore(connection, client, uri, owned, server, options);
        } catch (RedisException e) {
            throw new StoreException("cannot connect to Redis at " + server + ": " + RedisUris.reason(e), e);
        }
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
    public void close() {
        connection.close();
        if (ownedClient != null) {
            ownedClient.shutdown();
        }
    }
}
