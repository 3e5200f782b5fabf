package io.mediasync.sourcesync.downloader;

import io.mediasync.sourcesync.config.StorageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Downloaded files in the content bucket. */
@ApplicationScoped
public class ContentStore {

    private static final Logger LOG = Logger.getLogger(ContentStore.class);
    /** Attempts of one PutObject that failed with a connection dropped under it (see {@link #put}). */
    private static final int ATTEMPTS = 3;

    private final S3Client s3;
    private final String bucket;

    public ContentStore(S3Client s3, StorageConfig config) {
        this.s3 = s3;
        this.bucket = config.contentBucket();
    }

    public String bucket() {
        return bucket;
    }

    /**
     * Stores the file. The url-connection HTTP client sends PutObject with "Expect: 100-continue"; when the server
     * has closed the pooled connection meanwhile, it throws an UncheckedIOException that the SDK's retry policy
     * never sees, so that one case is retried here (PutObject of the same bytes is idempotent).
     */
    public void put(String key, byte[] body, String contentType, String sha256, long sourceId) {
        for (int attempt = 1; ; attempt++) {
            try {
                s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType)
                        .metadata(Map.of("sha256", sha256, "source-id", Long.toString(sourceId))), RequestBody.fromBytes(body));
                return;
            } catch (UncheckedIOException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.debugf("PutObject %s: %s, trying again", key, e.getMessage());
            }
        }
    }
}
