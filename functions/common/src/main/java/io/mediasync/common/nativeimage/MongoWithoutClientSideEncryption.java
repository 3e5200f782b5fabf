package io.mediasync.common.nativeimage;

import com.mongodb.AutoEncryptionSettings;
import com.mongodb.MongoClientException;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.internal.Crypt;
import com.mongodb.internal.connection.Cluster;
import com.mongodb.internal.diagnostics.logging.Logger;
import com.mongodb.internal.session.ServerSessionPool;
import com.oracle.svm.core.annotate.Alias;
import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * No client-side field-level encryption: it needs mongodb-crypt and its native libmongocrypt, which the packages
 * do not carry, so the driver's {@code Crypt} cannot be linked. MongoProducer never gives the driver
 * AutoEncryptionSettings (MongoProducerTest), so a client never has a {@code Crypt}: asking for one says why, and
 * closing a client does what the driver does, less closing the {@code Crypt} it cannot have.
 */
final class MongoWithoutClientSideEncryption {

    private MongoWithoutClientSideEncryption() {
    }

    @TargetClass(className = "com.mongodb.client.internal.Crypts")
    static final class Crypts {

        @Substitute
        public static Crypt createCrypt(MongoClientSettings settings, AutoEncryptionSettings autoEncryptionSettings) {
            throw new MongoClientException("client-side field level encryption is not supported in this package");
        }
    }

    @TargetClass(className = "com.mongodb.client.internal.MongoClusterImpl")
    static final class MongoCluster {

        @Alias
        public native ServerSessionPool getServerSessionPool();

        @Alias
        public native Cluster getCluster();
    }

    /** mongodb-driver-sync 5.6's {@code MongoClientImpl.close()} without its {@code Crypt}. */
    @TargetClass(className = "com.mongodb.client.internal.MongoClientImpl")
    static final class MongoClient {

        @Alias
        private static Logger LOGGER;

        @Alias
        private MongoCluster delegate;

        @Alias
        private AtomicBoolean closed;

        @Alias
        private AutoCloseable externalResourceCloser;

        @Substitute
        public void close() {
            if (closed.getAndSet(true)) {
                return;
            }
            delegate.getServerSessionPool().close();
            delegate.getCluster().close();
            if (externalResourceCloser != null) {
                try {
                    externalResourceCloser.close();
                } catch (Exception e) {
                    LOGGER.warn("Exception closing resource", e);
                }
            }
        }
    }
}
