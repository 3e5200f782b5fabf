package io.mediasync.common.nativeimage;

import com.oracle.svm.core.annotate.Alias;
import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import java.util.List;
import org.apache.hc.client5.http.entity.DeflateInputStreamFactory;
import org.apache.hc.client5.http.entity.GZIPInputStreamFactory;
import org.apache.hc.client5.http.entity.InputStreamFactory;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.config.Lookup;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.message.MessageSupport;

/**
 * No brotli decoding: brotli's decoder is not packaged, so HttpClient's {@code BrotliInputStreamFactory} cannot
 * be linked, and the guarded client disables content compression anyway (a body is capped as it arrives, never
 * inflated: SafeHttpClientGetTest). HttpClient 5.5's {@code ContentCompressionExec} constructor as it behaves
 * without brotli on the JVM: gzip, x-gzip and deflate.
 */
@TargetClass(className = "org.apache.hc.client5.http.impl.classic.ContentCompressionExec")
final class HttpClientWithoutBrotli {

    @Alias
    private Header acceptEncoding;

    @Alias
    private Lookup<InputStreamFactory> decoderRegistry;

    @Alias
    private boolean ignoreUnknown;

    @Substitute
    HttpClientWithoutBrotli(List<String> acceptEncoding, Lookup<InputStreamFactory> decoderRegistry, boolean ignoreUnknown) {
        this.acceptEncoding = MessageSupport.headerOfTokens("Accept-Encoding", List.of("gzip", "x-gzip", "deflate"));
        this.decoderRegistry = decoderRegistry != null ? decoderRegistry : RegistryBuilder.<InputStreamFactory>create()
                .register("gzip", GZIPInputStreamFactory.getInstance())
                .register("x-gzip", GZIPInputStreamFactory.getInstance())
                .register("deflate", DeflateInputStreamFactory.getInstance())
                .build();
        this.ignoreUnknown = ignoreUnknown;
    }
}
