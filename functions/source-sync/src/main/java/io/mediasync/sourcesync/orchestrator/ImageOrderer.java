package io.mediasync.sourcesync.orchestrator;

import io.mediasync.common.contracts.ResizeOrder;
import io.mediasync.common.sqs.QueueSender;
import io.mediasync.sourcesync.config.OrchestratorConfig;
import io.mediasync.sourcesync.config.QueuesConfig;
import io.mediasync.sourcesync.downloader.ContentStore;
import io.mediasync.sourcesync.downloader.adapter.MediaSniffer;
import io.mediasync.sourcesync.store.FileRecord;
import io.mediasync.sourcesync.store.FileRegistry;
import io.mediasync.sourcesync.store.ImageOrder;
import io.mediasync.sourcesync.store.SourceRecord;
import io.mediasync.common.sqs.QueueNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Turns a stored image into a resize order (seed 004) on the resizer's FIFO queue:
 * {@code image_url: "s3://<content bucket>/<key>"}, {@code bucket_name: "source-<id>"}, the source's
 * {@code postback_url} and/or {@code redirect_queue} (or THUMBNAILS_REDIRECT_QUEUE, so the order is valid), plus
 * {@code source_id}, {@code filename}, {@code file_id} and {@code sha256} (so a changed image is a different order
 * body for the resizer's dedup window). One order per file content: the file record remembers the sha256 ordered.
 */
@ApplicationScoped
public class ImageOrderer {

    private static final Logger LOG = Logger.getLogger(ImageOrderer.class);

    private final QueueSender sender;
    private final FileRegistry registry;
    private final String contentBucket;
    private final String resizeQueue;
    private final String defaultRedirect;
    private final boolean webp;
    private final Clock clock;

    public ImageOrderer(QueueSender sender, FileRegistry registry, ContentStore content,
            QueuesConfig queues, OrchestratorConfig config, Clock clock) {
        this.webp = config.webp();
        this.clock = clock;
        this.sender = sender;
        this.registry = registry;
        this.contentBucket = content.bucket();
        this.resizeQueue = QueueNames.fifo(queues.resize());
        this.defaultRedirect = queues.thumbnailsRedirect();
    }

    /** The resizer reads s3:// URLs with java.net.URI, so each key segment is percent-encoded (it decodes the path). */
    static String s3Url(String bucket, String key) {
        return "s3://" + bucket + "/" + Arrays.stream(key.split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }

    public static String bucketName(long sourceId) {
        return "source-" + sourceId;
    }

    /** @return true if an order was sent now */
    public boolean orderIfNeeded(FileRecord file, SourceRecord source) {
        String sha = file.sha256();
        String contentType = file.contentType();
        if (file.deleted() || sha == null) {
            return false;
        }
        ImageOrder earlier = file.imageOrder();
        if (!MediaSniffer.isResizable(contentType)) {
            if (earlier == null || !earlier.isFor(sha)) {
                LOG.infof("%s is %s, not an image the resizer reads: registered, not ordered", file.key(), contentType);
                registry.markImageOrdered(file.id(), ImageOrder.notAnImage(sha, contentType, Date.from(clock.instant())));
            }
            return false;
        }
        if (earlier != null && earlier.isFor(sha)) {
            return false; // this content was ordered already (a redelivered or repeated event)
        }
        long sourceId = file.sourceId();
        String postback = nonBlank(source.postbackUrl());
        String redirect = nonBlank(source.redirectQueue());
        // with neither a postback nor a queue of its own, THUMBNAILS_REDIRECT_QUEUE: the resizer needs a destination
        ResizeOrder order = new ResizeOrder(null, null,
                Map.of(ResizeOrder.IMAGE_URL, s3Url(contentBucket, file.key())), bucketName(sourceId), postback,
                redirect != null ? redirect : postback == null ? defaultRedirect : null, false, null,
                new ResizeOrder.SourceFile(sourceId, file.filename(), file.id().toHexString(), sha),
                // SYNC_WEBP: WebP renditions beside the JPEGs; without it the order is the seed's, field for field
                webp ? ResizeOrder.JPEG_AND_WEBP : List.of());
        String messageId = sender.send(resizeQueue, order.toJson(), bucketName(sourceId),
                sha + file.key());
        registry.markImageOrdered(file.id(), ImageOrder.sent(sha, messageId, resizeQueue, Date.from(clock.instant())));
        LOG.infof("image order sent for %s (%s)", file.key(), sha.substring(0, 12));
        return true;
    }

    private static String nonBlank(String value) {
        return value != null && !value.isBlank() ? value.trim() : null;
    }
}
