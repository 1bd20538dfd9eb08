package dev.conference.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/**
 * A Redis server from the embedded binary with configuration lines of the test's choosing (none, a
 * password, ACL users, TLS), listening on 127.0.0.1 on a free port and keeping nothing on disk. The
 * library's own tests start their servers here rather than through {@code conference-local}'s
 * {@code LocalRedis}, which depends on this module.
 */
final class ConfiguredRedis implements AutoCloseable {
    private final RedisServer server;
    private final int port;

    private ConfiguredRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a server with these lines added to its configuration file, e.g. {@code "requirepass x"}
     * or {@code "user app on >pw ~app:* +@all"}.
     */
    static ConfiguredRedis start(List<String> settings) {
        int port = freePort();
        try {
            RedisServerBuilder builder = RedisServer.newRedisServer()
                    .port(port)
                    .setting("bind 127.0.0.1")
                    .setting("daemonize no")
                    .setting("save \"\"")
                    .setting("appendonly no");
            settings.forEach(builder::setting);
            RedisServer server = builder.build();
            server.start();
            return new ConfiguredRedis(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Redis on port " + port + " with " + settings, e);
        }
    }

    /**
     * A server that keeps every acknowledged write (AOF, {@code appendfsync always}) in {@code dir},
     * so it can be killed and started again on the same port with its data: for crash tests. The
     * caller stops it.
     */
    static RedisServer durable(int port, Path dir, String... settings) throws IOException {
        RedisServerBuilder builder = RedisServer.newRedisServer()
                .port(port)
                .setting("bind 127.0.0.1")
                .setting("dir \"" + dir.toAbsolutePath() + "\"")
                .setting("appendonly yes")
                .setting("appendfsync always")
                .setting("save \"\"");
        for (String setting : settings) {
            builder.setting(setting);
        }
        RedisServer server = builder.build();
        server.start();
        return server;
    }

    /** The plain (non-TLS) port. */
    int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop Redis on port " + port, e);
        }
    }

    /** A port nothing listens on at the moment of asking. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
