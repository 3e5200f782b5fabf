package io.mediasync.sourcesync.orchestrator;

import io.mediasync.sourcesync.config.OrchestratorConfig;
import io.mediasync.sourcesync.downloader.ContentStore;
import io.mediasync.sourcesync.store.FileRecord;
import io.mediasync.sourcesync.store.FileRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.bson.types.ObjectId;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What a deleted file leaves behind: its thumbnails (unless another live file of the source has the same bytes)
 * and, with DELETE_CONTENT on, its object in the content bucket. Nothing happens if the file is live again.
 */
@ApplicationScoped
public class FileRemoval {

    private static final Logger LOG = Logger.getLogger(FileRemoval.class);

    private final FileRegistry files;
    private final ThumbnailCleaner thumbnails;
    private final S3Client s3;
    private final String contentBucket;
    private final boolean deleteContent;

    public FileRemoval(FileRegistry files, ThumbnailCleaner thumbnails, S3Client s3, ContentStore content,
            OrchestratorConfig config) {
        this.files = files;
        this.thumbnails = thumbnails;
        this.s3 = s3;
        this.contentBucket = content.bucket();
        this.deleteContent = config.deleteContent();
    }

    public void removeDerived(FileRecord file) {
        ObjectId id = file.id();
        if (!file.deleted()) {
            LOG.infof("%s is listed again: nothing removed", file.key());
            return;
        }
        if (file.thumbnailsRemovedAt() == null) {
            List<String> removed = thumbnails.removeUnlessShared(file.sourceId(), file.sha256(), id);
            files.markThumbnailsRemoved(id, removed);
        }
        if (deleteContent && file.contentRemovedAt() == null) {
            removeContent(file.key(), file.sha256());
            files.markContentRemoved(id);
        }
    }

    /** Only the bytes that were deleted: if the file came back meanwhile, its new object stays. */
    private void removeContent(String key, String sha) {
        try {
            String stored = s3.headObject(b -> b.bucket(contentBucket).key(key)).metadata().get("sha256");
            if (sha != null && stored != null && !sha.equals(stored)) {
                LOG.infof("%s holds other bytes now: kept", key);
                return;
            }
            s3.deleteObject(b -> b.bucket(contentBucket).key(key));
        } catch (NoSuchKeyException e) {
            LOG.debugf("%s already gone", key);
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
    }
}
