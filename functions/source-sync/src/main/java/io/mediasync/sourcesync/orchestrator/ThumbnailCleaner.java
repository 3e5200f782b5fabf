package io.mediasync.sourcesync.orchestrator;

import io.mediasync.sourcesync.config.OrchestratorConfig;
import io.mediasync.sourcesync.config.StorageConfig;
import io.mediasync.sourcesync.store.FileRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import io.mediasync.common.hash.Sha256;
import java.util.List;
import org.bson.types.ObjectId;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Removes the thumbnails the resizer made from some bytes of a source. Thumbnails are content-addressed, so
 * they are kept while another live file of the same source has the same bytes.
 */
@ApplicationScoped
public class ThumbnailCleaner {

    private static final Logger LOG = Logger.getLogger(ThumbnailCleaner.class);

    private final S3Client s3;
    private final FileRegistry registry;
    private final ThumbnailSizes sizes;
    private final String bucket;
    /** The WebPs too when the orders ask for them (SYNC_WEBP); else the seed's JPEGs only, as recorded before. */
    private final List<String> extensions;

    public ThumbnailCleaner(S3Client s3, FileRegistry registry, ThumbnailSizes sizes, StorageConfig storage,
            OrchestratorConfig config) {
        this.s3 = s3;
        this.registry = registry;
        this.sizes = sizes;
        this.bucket = storage.resizedBucket();
        this.extensions = config.webp() ? List.of("jpeg", "webp") : List.of("jpeg");
    }

    /** @return the keys removed; empty when another live file still uses them */
    public List<String> removeUnlessShared(long sourceId, String sha256, ObjectId exceptFile) {
        if (!Sha256.isHex(sha256)) {
            return List.of(); // hashes are compared at one length: a partial or malformed one names nothing
        }
        if (registry.otherLiveWithSha(sourceId, sha256, exceptFile)) {
            LOG.infof("thumbnails of %s kept: another file of source %d has the same bytes", sha256, sourceId);
            return List.of();
        }
        List<String> keys = sizes.keys(ImageOrderer.bucketName(sourceId), sha256, extensions);
        for (String key : keys) {
            s3.deleteObject(b -> b.bucket(bucket).key(key)); // idempotent: a missing key is not an error
        }
        LOG.infof("removed %d thumbnail(s) of %s from %s", keys.size(), sha256, bucket);
        return keys;
    }
}
