package io.mediasync.common.nativeimage;

import com.mongodb.MongoClientException;
import com.mongodb.MongoCompressor;
import com.oracle.svm.core.annotate.Alias;
import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;

/**
 * Wire compression by zlib only: the driver's zstd and snappy compressors need zstd-jni and snappy-java, which are
 * not packaged (on the JVM they fail with NoClassDefFoundError when used; in a native image zstd's cannot even be
 * linked). A connection string asking for {@code compressors=zstd} or {@code snappy} gets a clear error instead
 * (mongodb-driver-core 5.6's {@code createCompressor}, less those two).
 */
@TargetClass(className = "com.mongodb.internal.connection.InternalStreamConnection")
final class MongoWithoutZstdOrSnappy {

    @Substitute
    private Compressor createCompressor(MongoCompressor compressor) {
        switch (compressor.getName()) {
            case "zlib":
                return (Compressor) (Object) new ZlibCompressor(compressor);
            default:
                throw new MongoClientException("Unsupported compressor " + compressor.getName()
                        + " (this package has zlib, not snappy or zstd)");
        }
    }

    @TargetClass(className = "com.mongodb.internal.connection.Compressor")
    static final class Compressor {
    }

    @TargetClass(className = "com.mongodb.internal.connection.ZlibCompressor")
    static final class ZlibCompressor {

        @Alias
        ZlibCompressor(MongoCompressor compressor) {
        }
    }
}
