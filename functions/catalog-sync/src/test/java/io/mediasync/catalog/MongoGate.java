package io.mediasync.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback between the function and the devstack's MongoDB, so a test can drop every open connection
 * at a chosen moment (as a failover or a network cut does); new connections pass again at once.
 */
final class MongoGate implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    /** @param mongoUri the devstack's {@code mongodb://127.0.0.1:PORT} */
    MongoGate(String mongoUri) throws IOException {
        URI uri = URI.create(mongoUri);
        this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), uri.getPort());
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "mongo-gate");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Where the function connects; no retried reads or writes, so a dropped connection fails the call it was in. */
    String connectionString() {
        return "mongodb://127.0.0.1:" + listener.getLocalPort() + "/?retryReads=false&retryWrites=false";
    }

    /** Closes every connection open now. */
    void dropConnections() {
        for (Socket socket : open) {
            close(socket);
        }
        open.clear();
    }

    @Override
    public void close() {
        dropConnections();
        close(listener);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(upstream.getAddress(), upstream.getPort());
                open.add(client);
                open.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                // the listener closed, or the devstack refused: the driver sees a failed connect
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread relay = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // dropped: the other direction ends too
            } finally {
                close(from);
                close(to);
            }
        }, "mongo-gate-relay");
        relay.setDaemon(true);
        relay.start();
    }

    private static void close(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
