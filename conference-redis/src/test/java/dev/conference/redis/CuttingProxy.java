package dev.conference.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy to a real server that can cut a connection part-way through what the server sends:
 * the fault a connection killed while the server was writing a reply leaves (the client has the
 * first bytes of the reply, then the connection is gone). Everything else passes as it is.
 */
final class CuttingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** Bytes of the server's next data to pass before cutting its connection; -1: none to cut. */
    private final AtomicInteger cutAfter = new AtomicInteger(-1);

    CuttingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "cutting-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The next data the server sends passes only its first {@code bytes}, then that connection is closed. */
    void cutNextReplyAfter(int bytes) {
        cutAfter.set(bytes);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                pump(client, server, false);
                pump(server, client, true);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromServer) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[65536];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            int cut = fromServer ? cutAfter.getAndSet(-1) : -1;
                            if (cut >= 0) {
                                out.write(buffer, 0, Math.min(n, cut));
                                out.flush();
                                from.close();
                                to.close();
                                return;
                            }
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException closed) {
                        // one side went away: the other goes too
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "cutting-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(CuttingProxy::closeQuietly);
    }
}
