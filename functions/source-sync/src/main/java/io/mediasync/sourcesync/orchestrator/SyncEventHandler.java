package io.mediasync.sourcesync.orchestrator;

import io.mediasync.common.lambda.SqsMessage;
import io.mediasync.sourcesync.RetryLaterException;
import io.mediasync.sourcesync.messages.FileEvent;
import io.mediasync.sourcesync.registry.EventRecords;
import io.mediasync.sourcesync.registry.FileRegistry;
import io.mediasync.sourcesync.registry.SourceStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Seed 000's phase 2: routes each sync event. File downloaded (and skipped, as a repair) → a resize order for
 * an image whose content was not ordered yet; file deleted → its thumbnails (and content object) removed and
 * the record marked; source synchronized → the source's status and its postback. Every step checks the
 * records first, so duplicates and late events change nothing. Bad events are recorded, not retried;
 * S3/SQS/MongoDB trouble and a failed postback are retried by SQS.
 */
@ApplicationScoped
public class SyncEventHandler {

    private static final Logger LOG = Logger.getLogger(SyncEventHandler.class);

    private final SyncEventParser parser;
    private final FileRegistry files;
    private final SourceStore sources;
    private final EventRecords records;
    private final ImageOrderer orders;
    private final FileRemoval removal;
    private final SourceStatusUpdater status;
    private final ThumbnailCleaner thumbnails;

    public SyncEventHandler(SyncEventParser parser, FileRegistry files, SourceStore sources, EventRecords records,
            ImageOrderer orders, FileRemoval removal, SourceStatusUpdater status, ThumbnailCleaner thumbnails) {
        this.parser = parser;
        this.files = files;
        this.sources = sources;
        this.records = records;
        this.orders = orders;
        this.removal = removal;
        this.status = status;
        this.thumbnails = thumbnails;
    }

    public void handle(SqsMessage message) throws RetryLaterException {
        try {
            SyncEvent event = parser.parse(message);
            MDC.put("sourceId", event.sourceId());
            Document source = sources.find(event.sourceId()).orElseThrow(() -> new EventRejectedException("unknown_source",
                    "no source " + event.sourceId()));
            switch (event.type()) {
                case FileEvent.DOWNLOADED -> downloaded(event, file(event), source);
                case FileEvent.SKIPPED -> orders.orderIfNeeded(file(event), source);
                case FileEvent.DELETED -> removal.removeDerived(file(event));
                default -> status.synchronizedRun(event, source, message.messageId());
            }
        } catch (EventRejectedException e) {
            LOG.warnf("event rejected (%s): %s", e.code(), e.getMessage());
            records.recordRejected(message.messageId(), message.queueName(), message.body(), e.code(), e.getMessage());
        } catch (SyncPostbackSender.PostbackFailed e) {
            LOG.warnf("sync postback failed (%s): %s - will be retried", e.code(), e.getMessage());
            throw new RetryLaterException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new RetryLaterException("event not processed: " + e, e);
        } finally {
            MDC.remove("sourceId");
        }
    }

    /** A new content: order it; the previous content's thumbnails are obsolete unless another file shares them. */
    private void downloaded(SyncEvent event, Document file, Document source) {
        orders.orderIfNeeded(file, source);
        String previous = event.previousSha256();
        if (previous != null && !previous.equals(file.getString("sha256"))) {
            thumbnails.removeUnlessShared(event.sourceId(), previous, file.getObjectId("_id"));
        }
    }

    /** The file record: by file_id when the event has one (mediasync's), else by source and filename (the seed's). */
    private Document file(SyncEvent event) throws EventRejectedException {
        Optional<Document> file = Optional.empty();
        if (event.fileId() != null && ObjectId.isValid(event.fileId())) {
            file = files.findById(new ObjectId(event.fileId()))
                    .filter(f -> ((Number) f.get("source_id")).longValue() == event.sourceId());
        }
        if (file.isEmpty()) {
            file = files.findByFilename(event.sourceId(), event.filename());
        }
        return file.orElseThrow(() -> new EventRejectedException("unknown_file", "source " + event.sourceId()
                + " has no registered file " + event.filename()));
    }
}
