package dev.conference.redis.cluster;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local Redis Cluster per test class (three masters, no replicas), emptied before each test, with
 * one cluster client that tests may share so each test need not discover the topology again.
 */
public final class LocalClusterExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private LocalCluster cluster;
    private RedisClusterClient client;
    private StatefulRedisClusterConnection<String, String> admin;

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = LocalCluster.start(0);
        client = RedisClusterClient.create(RedisURI.create(cluster.uri()));
        admin = client.connect();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        flush();
    }

    /** Empties every master. */
    public void flush() {
        admin.sync()
                .nodes(node -> node.is(RedisClusterNode.NodeFlag.UPSTREAM))
                .commands()
                .flushall();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        admin.close();
        client.shutdown();
        cluster.close();
    }

    public String uri() {
        return cluster.uri();
    }

    /** A cluster client that knows the topology already; the extension shuts it down. */
    public RedisClusterClient client() {
        return client;
    }
}
