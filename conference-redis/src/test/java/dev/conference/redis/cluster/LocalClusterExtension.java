package dev.conference.redis.cluster;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A local Redis Cluster per test class (three masters, no replicas), emptied before each test. */
public final class LocalClusterExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private LocalCluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = LocalCluster.start(0);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        cluster.flush();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        cluster.close();
    }

    public String uri() {
        return cluster.uri();
    }
}
