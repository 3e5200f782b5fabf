package io.mediasync.common.nativeimage;

import com.mongodb.MongoClientException;
import com.mongodb.connection.NettyTransportSettings;
import com.mongodb.internal.connection.netty.NettyStreamFactoryFactory;
import com.mongodb.spi.dns.InetAddressResolver;
import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;

/**
 * The driver's default socket transport only: MongoProducer sets no TransportSettings, and Netty (which
 * quarkus-mongodb-client brought along with its own substitutions) is not in the packages, so the driver's Netty
 * stream factory cannot be linked. Asking for it says so instead.
 */
@TargetClass(className = "com.mongodb.internal.connection.StreamFactoryHelper")
final class MongoWithoutNettyTransport {

    @Substitute
    @SuppressWarnings("unused")
    private static NettyStreamFactoryFactory getNettyStreamFactoryFactory(InetAddressResolver resolver, NettyTransportSettings settings) {
        throw new MongoClientException("the Netty transport is not in this package: use the driver's default transport");
    }
}
