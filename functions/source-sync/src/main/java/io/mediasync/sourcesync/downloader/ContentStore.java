package io.mediasync.sourcesync.downloader;

import io.mediasync.common.aws.StaleConnectionRetry;
import io.mediasync.sourcesync.config.StorageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Downloaded files in the content bucket. */
@ApplicationScoped
public class ContentStore {

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
     * Stores the file; a PutObject on a connection the server already closed is tried again (the same bytes:
     * idempotent), see {@link StaleConnectionRetry}.
     */
    public void put(String key, byte[] body, String contentType, String sha256, long sourceId) {
        StaleConnectionRetry.call("PutObject " + key, ATTEMPTS, () -> s3.putObject(b -> b.bucket(bucket).key(key)
                .contentType(contentType).metadata(Map.of("sha256", sha256, "source-id", Long.toString(sourceId))),
                RequestBody.fromBytes(body)));
    }
}
