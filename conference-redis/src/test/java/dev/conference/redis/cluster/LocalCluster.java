package dev.conference.redis.cluster;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import redis.embedded.RedisServer;

/**
 * A Redis Cluster on this machine from the embedded-redis binary: three masters with one replica
 * each, slots assigned with CLUSTER ADDSLOTS, nodes joined with CLUSTER MEET, ready when every node
 * says {@code cluster_state:ok}. For tests; no external tool needed.
 */
public final class LocalCluster implements AutoCloseable {
    private static final int MASTERS = 3;
    private static final int SLOTS = 16384;
    /** Short, so a killed master's replica takes over within a couple of seconds. */
    private static final int NODE_TIMEOUT_MILLIS = 1_000;

    private final List<Node> nodes;
    private final Path dir;

    /** One server of the cluster. */
    public record Node(int port, RedisServer server) {
        RedisURI uri() {
            return RedisURI.create("redis://127.0.0.1:" + port);
        }
    }

    private LocalCluster(List<Node> nodes, Path dir) {
        this.nodes = nodes;
        this.dir = dir;
    }

    /** Starts three masters, each with {@code replicasPerMaster} replicas (0 or 1). */
    public static LocalCluster start(int replicasPerMaster) {
        try {
            Path dir = Files.createTempDirectory("conference-cluster");
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < MASTERS * (1 + replicasPerMaster); i++) {
                nodes.add(startNode(freeClusterPort(), dir));
            }
            LocalCluster cluster = new LocalCluster(nodes, dir);
            cluster.form(replicasPerMaster);
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Node startNode(int port, Path dir) throws IOException {
        Path nodeDir = Files.createDirectories(dir.resolve(Integer.toString(port)));
        RedisServer server = RedisServer.newRedisServer()
                .port(port)
                .setting("bind 127.0.0.1")
                .setting("dir \"" + nodeDir.toAbsolutePath() + "\"")
                .setting("cluster-enabled yes")
                .setting("cluster-config-file nodes.conf")
                .setting("cluster-node-timeout " + NODE_TIMEOUT_MILLIS)
                .setting("appendonly yes")
                .setting("appendfsync always")
                .setting("save \"\"")
                .build();
        server.start();
        return new Node(port, server);
    }

    private void form(int replicasPerMaster) {
        RedisClient client = RedisClient.create();
        try {
            List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();
            for (Node node : nodes) {
                connections.add(client.connect(node.uri()));
            }
            int perMaster = SLOTS / MASTERS;
            for (int m = 0; m < MASTERS; m++) {
                int first = m * perMaster;
                int last = m == MASTERS - 1 ? SLOTS - 1 : first + perMaster - 1;
                connections
                        .get(m)
                        .sync()
                        .clusterAddSlots(IntStream.rangeClosed(first, last).toArray());
            }
            RedisCommands<String, String> seed = connections.get(0).sync();
            for (Node node : nodes.subList(1, nodes.size())) {
                seed.clusterMeet("127.0.0.1", node.port());
            }
            await(
                    "all nodes know each other",
                    () -> connections.stream()
                            .allMatch(c -> c.sync().clusterNodes().lines().count() == nodes.size()));
            for (int r = 0; r < MASTERS * replicasPerMaster; r++) {
                String masterId = connections.get(r % MASTERS).sync().clusterMyId();
                RedisCommands<String, String> replica =
                        connections.get(MASTERS + r).sync();
                await(
                        "replica " + r + " sees its master",
                        () -> replica.clusterNodes().contains(masterId));
                replica.clusterReplicate(masterId);
            }
            await(
                    "cluster_state:ok on every node",
                    () -> connections.stream()
                            .allMatch(c -> c.sync().clusterInfo().contains("cluster_state:ok")));
            if (replicasPerMaster > 0) {
                await(
                        "replicas in sync",
                        () -> connections.subList(MASTERS, connections.size()).stream()
                                .allMatch(c -> c.sync().info("replication").contains("master_link_status:up")));
            }
            connections.forEach(StatefulRedisConnection::close);
        } finally {
            client.shutdown();
        }
    }

    /** Polls a condition of the servers, each poll a round trip, for at most 30 s. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cluster not ready: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for: " + what, e);
            }
        }
    }

    /** The master that serves {@code slot} when the cluster was formed. */
    public Node masterOf(int slot) {
        return nodes.get(Math.min(slot / (SLOTS / MASTERS), MASTERS - 1));
    }

    /** Waits until the nodes other than {@code dead} report {@code cluster_state:ok} again (a replica took over). */
    public void awaitHealthyWithout(Node dead) {
        RedisClient client = RedisClient.create();
        try {
            List<StatefulRedisConnection<String, String>> alive = new ArrayList<>();
            for (Node node : nodes) {
                if (node != dead) {
                    alive.add(client.connect(node.uri()));
                }
            }
            await(
                    "a replica replaced the master on port " + dead.port(),
                    () -> alive.stream()
                            .allMatch(c -> c.sync().clusterInfo().contains("cluster_state:ok")
                                    && c.sync().clusterNodes().lines().noneMatch(line -> line.contains("fail?"))));
            alive.forEach(StatefulRedisConnection::close);
        } finally {
            client.shutdown();
        }
    }

    /** The URI of one node; the library finds the rest. */
    public String uri() {
        return "redis://127.0.0.1:" + nodes.get(0).port();
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** Empties every master (replicas follow). */
    public void flush() {
        RedisClient client = RedisClient.create();
        try {
            for (Node node : nodes) {
                try (StatefulRedisConnection<String, String> connection = client.connect(node.uri())) {
                    if (connection.sync().info("replication").contains("role:master")) {
                        connection.sync().flushall();
                    }
                }
            }
        } finally {
            client.shutdown();
        }
    }

    @Override
    public void close() {
        for (Node node : nodes) {
            try {
                node.server().stop();
            } catch (IOException | RuntimeException e) {
                // Already stopped by a test that killed it.
            }
        }
        // The nodes' append-only files and cluster configs: each run would leave them in the temp dir.
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Left for the system to clean; the servers are stopped either way.
        }
    }

    /** A free port below 55535, so that its cluster bus port (port + 10000) exists; both must be free. */
    private static int freeClusterPort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (port < 55535 && isFree(port + 10000)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free port pair for a cluster node");
    }

    private static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
