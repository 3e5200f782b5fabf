package io.mediasync.common.net;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The JDK's default TLS, built on the first https connection rather than with the client: building it loads and
 * parses the trust store (about 100 ms of a JVM cold start), which an order whose image is served over plain http
 * never needs. {@link #prepare()} builds it ahead of time (the cold-start warm-up calls it off the order's thread).
 */
final class LazyTlsStrategy implements TlsSocketStrategy {

    private volatile TlsSocketStrategy tls;

    /** Builds the TLS context now, if it is not built yet. */
    TlsSocketStrategy prepare() {
        TlsSocketStrategy built = tls;
        if (built == null) {
            synchronized (this) {
                built = tls;
                if (built == null) {
                    built = DefaultClientTlsStrategy.createDefault();
                    tls = built;
                }
            }
        }
        return built;
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context) throws IOException {
        return prepare().upgrade(socket, target, port, attachment, context);
    }
}
