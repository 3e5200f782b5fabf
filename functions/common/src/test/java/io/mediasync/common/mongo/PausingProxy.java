package io.mediasync.common.mongo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on loopback in front of a MongoDB server that pauses like a stalled database: a connection whose
 * request names {@code pausedName} (a collection) is read from but never answered again, while the others (the
 * driver's monitor, other collections) go on. The driver's handshake succeeds, so only its socket (read) timeout
 * can end such a call.
 */
final class PausingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final byte[] pausedName;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final CountDownLatch paused = new CountDownLatch(1);

    PausingProxy(InetSocketAddress upstream, String pausedName) throws IOException {
        this.upstream = upstream;
        this.pausedName = pausedName.getBytes(StandardCharsets.UTF_8);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Waits until a request reached the proxy and was left unanswered. */
    boolean awaitPaused(long seconds) throws InterruptedException {
        return paused.await(seconds, TimeUnit.SECONDS);
    }

    private void accept() {
        try {
            while (true) {
                Socket client = listener.accept();
                Socket server = new Socket(upstream.getAddress(), upstream.getPort());
                sockets.add(client);
                sockets.add(server);
                daemon(() -> pump(client, server, true));
                daemon(() -> pump(server, client, false));
            }
        } catch (IOException closed) {
            // the proxy was closed
        }
    }

    /** Copies one direction; from a request naming the paused collection on, the requests go nowhere. */
    private void pump(Socket from, Socket to, boolean requests) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (requests && contains(buffer, n, pausedName)) {
                    paused.countDown();
                    // still reading, as a stalled server does; the server never gets the request, so never answers
                    in.transferTo(OutputStream.nullOutputStream());
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // either side went away
        }
    }

    private static boolean contains(byte[] data, int length, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "pausing-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
