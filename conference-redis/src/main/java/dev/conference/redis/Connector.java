package dev.conference.redis;

import dev.conference.model.StoreException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.GenericMapOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens connections to one Redis server or to a Redis Cluster, the same way for the store's shared
 * connection and for each subscription's own. The rest of the adapter sees only {@link Link}s, whose
 * command interfaces are common to both.
 */
abstract class Connector {
    private static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(30);

    /** One connection and its command interfaces. */
    record Link(
            StatefulConnection<String, String> connection,
            RedisClusterCommands<String, String> sync,
            RedisClusterAsyncCommands<String, String> async) {
        static Link of(StatefulRedisConnection<String, String> connection) {
            return new Link(connection, connection.sync(), connection.async());
        }

        static Link of(StatefulRedisClusterConnection<String, String> connection) {
            return new Link(connection, connection.sync(), connection.async());
        }
    }

    private final RedisURI uri;
    private final Duration timeout;

    private Connector(RedisURI uri, Duration timeout) {
        this.uri = uri;
        this.timeout = timeout;
    }

    /** The server as messages name it: host:port, never a password. */
    final String server() {
        return RedisUris.describe(uri);
    }

    final Link connect() {
        try {
            Link link = open();
            link.connection().setTimeout(timeout);
            return link;
        } catch (RedisException e) {
            throw new StoreException("cannot connect to Redis at " + server() + ": " + RedisUris.reason(e), e);
        }
    }

    abstract Link open();

    /**
     * The slot of {@code key} as far as one script call goes: on a cluster, Redis's slot of the key;
     * on one server every key is in the one slot there is, so a script may take keys of many.
     */
    abstract int slot(String key);

    /** Releases the client if this connector created it. */
    abstract void shutdown();

    /**
     * Connects to whatever {@code uri} points at with clients of its own: a cluster node (seen by
     * {@code cluster_enabled:1}) gets a cluster client with periodic and adaptive topology refresh.
     */
    static Connector discover(RedisURI uri, Duration timeout) {
        uri.setTimeout(timeout);
        RedisClient probe = RedisClient.create();
        probe.setOptions(clientOptions(timeout));
        StatefulRedisConnection<String, String> connection = null;
        boolean cluster;
        try {
            connection = probe.connect(ResendMarks.CODEC, uri);
            connection.setTimeout(timeout);
            cluster = isClusterNode(connection);
        } catch (RuntimeException e) {
            probe.shutdown();
            throw new StoreException(
                    "cannot connect to Redis at " + RedisUris.describe(uri) + ": " + RedisUris.reason(e), e);
        }
        if (!cluster) {
            // The connection that asked becomes the store's first: one handshake, not two.
            return new Standalone(probe, uri, timeout, true, connection);
        }
        connection.close();
        probe.shutdown();
        RedisClusterClient client = RedisClusterClient.create(uri);
        client.setOptions(ClusterClientOptions.builder(clientOptions(timeout))
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enablePeriodicRefresh(TOPOLOGY_REFRESH)
                        .enableAllAdaptiveRefreshTriggers()
                        .build())
                .build());
        return new Cluster(client, uri, timeout, true);
    }

    /**
     * Asks the server's mode with HELLO, which every user may send; INFO would do too, but an ACL
     * user without {@code @dangerous} commands may not run it.
     */
    private static boolean isClusterNode(StatefulRedisConnection<String, String> connection) {
        Map<String, Object> hello = connection
                .sync()
                .dispatch(
                        CommandType.HELLO,
                        new GenericMapOutput<String, String>(StringCodec.UTF8),
                        new CommandArgs<>(StringCodec.UTF8).add(3));
        return "cluster".equals(String.valueOf(hello.get("mode")));
    }

    static Connector standalone(RedisClient client, RedisURI uri, Duration timeout) {
        uri.setTimeout(timeout);
        return new Standalone(client, uri, timeout, false, null);
    }

    static Connector cluster(RedisClusterClient client, RedisURI someNode, Duration timeout) {
        return new Cluster(client, someNode, timeout, false);
    }

    private static ClientOptions clientOptions(Duration timeout) {
        // Lettuce reconnects by itself and sends again the commands whose replies were lost, as long as
        // their callers still wait (the timeout bounds that). Every command the adapter sends is safe to
        // run twice: plain ones are idempotent, and changing scripts carry an operation id (see prelude.lua)
        // and a mark that tells them when they are sent again (ResendMarks).
        return ClientOptions.builder()
                .autoReconnect(true)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build();
    }

    private static final class Standalone extends Connector {
        private final RedisClient client;
        private final RedisURI uri;
        private final boolean owned;
        /** A connection opened already (to learn the server's mode), handed out by the first open(). */
        private final AtomicReference<StatefulRedisConnection<String, String>> first;

        Standalone(
                RedisClient client,
                RedisURI uri,
                Duration timeout,
                boolean owned,
                StatefulRedisConnection<String, String> first) {
            super(uri, timeout);
            this.client = client;
            this.uri = uri;
            this.owned = owned;
            this.first = new AtomicReference<>(first);
        }

        @Override
        Link open() {
            StatefulRedisConnection<String, String> opened = first.getAndSet(null);
            return Link.of(opened != null ? opened : client.connect(ResendMarks.CODEC, uri));
        }

        @Override
        int slot(String key) {
            return 0;
        }

        @Override
        void shutdown() {
            if (owned) {
                client.shutdown();
            }
        }
    }

    private static final class Cluster extends Connector {
        private final RedisClusterClient client;
        private final boolean owned;

        Cluster(RedisClusterClient client, RedisURI uri, Duration timeout, boolean owned) {
            super(uri, timeout);
            this.client = client;
            this.owned = owned;
        }

        @Override
        Link open() {
            return Link.of(client.connect(ResendMarks.CODEC));
        }

        @Override
        int slot(String key) {
            return SlotHash.getSlot(key);
        }

        @Override
        void shutdown() {
            if (owned) {
                client.shutdown();
            }
        }
    }
}
