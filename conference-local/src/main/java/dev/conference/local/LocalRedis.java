package dev.conference.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import redis.embedded.RedisServer;

/**
 * A Redis server on this machine for demos and tests, run from the binary that embedded-redis ships
 * (declare {@code com.github.codemonstur:embedded-redis} to use this class). It listens on
 * 127.0.0.1 only, on a free port.
 *
 * <p>{@link #persistent(Path)} keeps its data in a directory (append-only file) so that one process
 * after another sees the same state. Several processes may open the same directory at once: the first
 * starts the server and writes its port in the directory; the others find it there and connect to it.
 * The server stops when the process that started it closes it.
 *
 * <p>Thread-safe: its state is fixed once started. The factories throw {@link UncheckedIOException}
 * when the directory cannot be written or the server cannot start.
 */
public final class LocalRedis implements AutoCloseable {
    private static final String PORT_FILE = "redis.port";

    private final RedisServer server;
    private final int port;
    private final Path portFile;

    private LocalRedis(RedisServer server, int port, Path portFile) {
        this.server = server;
        this.port = port;
        this.portFile = portFile;
    }

    /** Starts a server that keeps nothing on disk. */
    public static LocalRedis ephemeral() {
        int port = freePort();
        return new LocalRedis(start(port, null), port, null);
    }

    /**
     * Connects to the server already running on {@code dataDir}, or starts one there.
     *
     * @throws UncheckedIOException if the directory cannot be created or the server cannot start
     */
    public static LocalRedis persistent(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            try (FileChannel lockFile = FileChannel.open(
                            dataDir.resolve("redis.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = lockFile.lock()) {
                Path portFile = dataDir.resolve(PORT_FILE);
                if (Files.exists(portFile)) {
                    int running = Integer.parseInt(Files.readString(portFile).trim());
                    if (answers(running)) {
                        return new LocalRedis(null, running, null);
                    }
                }
                int port = freePort();
                RedisServer server = start(port, dataDir);
                Files.writeString(portFile, Integer.toString(port), StandardCharsets.UTF_8);
                return new LocalRedis(server, port, portFile);
            }
        } catch (IOException | NumberFormatException e) {
            throw new UncheckedIOException(
                    "cannot start a local Redis in " + dataDir + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    private static RedisServer start(int port, Path dataDir) {
        try {
            var builder = RedisServer.newRedisServer()
                    .port(port)
                    .setting("bind 127.0.0.1")
                    .setting("daemonize no");
            if (dataDir == null) {
                builder.setting("save \"\"").setting("appendonly no");
            } else {
                builder.setting("dir \"" + dataDir.toAbsolutePath().toString().replace("\"", "\\\"") + "\"")
                        .setting("appendonly yes")
                        .setting("appendfsync everysec");
            }
            RedisServer server = builder.build();
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a local Redis on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** The URI clients connect with. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Whether this object started the server (and stops it on close) rather than joined a running one. */
    public boolean startedHere() {
        return server != null;
    }

    /** Stops the server if this object started it; the data directory keeps the data. */
    @Override
    public void close() {
        if (server == null) {
            return;
        }
        try {
            // SIGTERM: Redis flushes its append-only file before it exits.
            server.stop();
            if (portFile != null) {
                Files.deleteIfExists(portFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the local Redis on port " + port, e);
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            socket.setSoTimeout(1_000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[7];
            int read = socket.getInputStream().read(reply);
            return read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for a local Redis", e);
        }
    }
}
