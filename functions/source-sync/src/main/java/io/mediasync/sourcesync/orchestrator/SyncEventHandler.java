package io.mediasync.sourcesync.orchestrator;

import io.mediasync.common.lambda.Delivery;
import io.mediasync.common.lambda.SqsHandler;
import io.mediasync.common.lambda.SqsMessage;
import io.mediasync.common.postback.PostbackFailure;
import io.mediasync.sourcesync.messages.FileEvent;
import io.mediasync.sourcesync.store.EventRecords;
import io.mediasync.sourcesync.store.FileRecord;
import io.mediasync.sourcesync.store.FileRegistry;
import io.mediasync.sourcesync.store.SourceRecord;
import io.mediasync.sourcesync.store.SourceStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Seed 000's phase 2: routes each sync event. An event only says where to look: what is done follows the
 * registry. File downloaded (and skipped, as a repair) → a resize order for an image whose content was not
 * ordered yet, and the thumbnails of contents the registry says were replaced are removed; file deleted → its
 * thumbnails (and content object) removed, only if the registry says the file is deleted; source synchronized →
 * the source's status and postback, only for a run the registry says completed. Bad events are recorded, not
 * retried; S3/SQS/MongoDB trouble and a failed postback are thrown (see {@link OrchestratorFailureRecorder}).
 */
@ApplicationScoped
public class SyncEventHandler implements SqsHandler<SyncEvent> {

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

    @Override
    public SyncEvent parse(SqsMessage message) throws EventRejectedException {
        return parser.parse(message);
    }

    @Override
    public void refused(Exception refusal, Delivery delivery) throws Exception {
        if (!(refusal instanceof EventRejectedException rejected)) {
            throw refusal;
        }
        reject(delivery, rejected);
    }

    @Override
    public void handle(SyncEvent event, Delivery delivery) throws PostbackFailure {
        try {
            MDC.put("sourceId", event.sourceId());
            SourceRecord source = sources.find(event.sourceId()).orElseThrow(() -> new EventRejectedException("unknown_source",
                    "no source " + event.sourceId()));
            switch (event.type()) {
                case FileEvent.DOWNLOADED -> downloaded(file(event), source);
                case FileEvent.SKIPPED -> orders.orderIfNeeded(file(event), source);
                case FileEvent.DELETED -> removal.removeDerived(file(event));
                default -> status.synchronizedRun(event, source, delivery.deadline());
            }
        } catch (EventRejectedException e) {
            reject(delivery, e);
        }
    }

    /** A bad event: recorded with its queue and body, not retried. */
    private void reject(Delivery delivery, EventRejectedException e) {
        SqsMessage message = delivery.message();
        LOG.warnf("event rejected (%s): %s", e.code(), e.getMessage());
        records.recordRejected(message.messageId(), message.queueName(), message.body(), e.code(), e.getMessage());
        delivery.rejected(e.code());
    }

    /** A new content: order it; contents the registry says this file replaced lose their thumbnails, unless shared. */
    private void downloaded(FileRecord file, SourceRecord source) {
        orders.orderIfNeeded(file, source);
        for (String replaced : file.replacedSha256()) {
            if (!replaced.equals(file.sha256())) {
                thumbnails.removeUnlessShared(file.sourceId(), replaced, file.id());
            }
            files.forgetReplaced(file.id(), replaced);
        }
    }

    /** The file record: by file_id when the event has one (mediasync's), else by source and filename (the seed's). */
    private FileRecord file(SyncEvent event) throws EventRejectedException {
        Optional<FileRecord> file = Optional.empty();
        if (event.fileId() != null && ObjectId.isValid(event.fileId())) {
            file = files.findById(new ObjectId(event.fileId()))
                    .filter(f -> f.sourceId() == event.sourceId());
        }
        if (file.isEmpty()) {
            file = files.findByFilename(event.sourceId(), event.filename());
        }
        return file.orElseThrow(() -> new EventRejectedException("unknown_file", "source " + event.sourceId()
                + " has no registered file " + event.filename()));
    }
}
