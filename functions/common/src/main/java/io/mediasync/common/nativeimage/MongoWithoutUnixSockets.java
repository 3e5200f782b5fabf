package io.mediasync.common.nativeimage;

import com.mongodb.MongoClientException;
import com.mongodb.ServerAddress;
import com.mongodb.UnixServerAddress;
import com.mongodb.connection.SocketSettings;
import com.mongodb.connection.SslSettings;
import com.mongodb.internal.connection.BufferProvider;
import com.mongodb.internal.connection.SocketStream;
import com.mongodb.internal.connection.Stream;
import com.mongodb.spi.dns.InetAddressResolver;
import com.oracle.svm.core.annotate.Alias;
import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;

/**
 * No Unix domain sockets: the driver's stream over one ({@code UnixSocketChannelStream}) needs jnr-unixsocket,
 * which is not packaged, so it can be neither initialized nor linked; the driver's own substitution already makes
 * {@code UnixServerAddress} unusable in a native image. The socket stream factory is the driver's, less that
 * branch: TCP streams, with TLS when the settings ask for it, exactly as {@code SocketStreamFactory.create} makes
 * them (mongodb-driver-core 5.6; NativeSubstitutionsTest pins the signatures).
 */
@TargetClass(className = "com.mongodb.internal.connection.SocketStreamFactory")
final class MongoWithoutUnixSockets {

    @Alias
    private InetAddressResolver inetAddressResolver;

    @Alias
    private SocketSettings settings;

    @Alias
    private SslSettings sslSettings;

    @Alias
    private BufferProvider bufferProvider;

    @Alias
    private native SSLContext getSslContext();

    @Substitute
    public Stream create(ServerAddress serverAddress) {
        if (serverAddress instanceof UnixServerAddress) {
            throw new MongoClientException("MongoDB over a Unix domain socket is not supported in this package");
        }
        SocketFactory factory = sslSettings.isEnabled() ? getSslContext().getSocketFactory() : SocketFactory.getDefault();
        return new SocketStream(serverAddress, inetAddressResolver, settings, sslSettings, factory, bufferProvider);
    }
}
