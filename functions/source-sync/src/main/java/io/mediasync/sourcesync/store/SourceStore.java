package io.mediasync.sourcesync.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.mediasync.common.failure.RecordStatus;
import io.mediasync.sourcesync.config.StorageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code sources} collection. Written by the catalog or by hand: {@code source_id} (the seed's integer id), {@code url},
 * {@code content_path}, {@code enabled}, optional {@code adapter} (feed, html, direct), {@code headers} and
 * {@code cookies} ({@code {name: "value"}} or {@code {name: {"secretRef": "SOURCE_SECRET_X"}}}) with the operator's
 * {@code headers_origin}, {@code createdBy} ("catalog-sync" on the sources the catalog created),
 * {@code postback_url} / {@code redirect_queue} (for the thumbnails) and {@code sync_postback_url}.
 * Written by the sync: {@code lastSyncStartedAt}, {@code lastSyncEndedAt}, {@code lastSyncStatus},
 * {@code lastSyncCounts}, {@code lastError {code, reason, at}}, {@code listingEtag}, {@code listingLastModified},
 * {@code listingUrl}, {@code lastFullSyncAt}, {@code currentRunId}, {@code runUpdatedAt}, {@code lastOrderedWindow}, and by the
 * orchestrator {@code lastSynchronized}, {@code lastSyncPostback}.
 */
@ApplicationScoped
public class SourceStore {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String COMPLETED_WITH_ERRORS = "completed_with_errors";

    private final MongoCollection<Document> sources;
    private volatile boolean indexed;

    public SourceStore(MongoDatabase db, StorageConfig config) {
        this.sources = db.getCollection(config.sourcesCollection());
    }

    public Optional<Document> find(long sourceId) {
        ensureIndexes();
        return Optional.ofNullable(sources.find(bySourceId(sourceId)).first());
    }

    /**
     * The sources not switched off ({@code enabled} missing counts as on: the seed synced every source) and not ordered
     * in {@code window} yet, in {@code range}, by source_id: {@code _id}, {@code source_id}, {@code url} and
     * {@code content_path} only, {@code batch} at a time.
     */
    public MongoCursor<Document> toOrder(long window, Bson range, int batch) {
        ensureIndexes();
        return sources.find(Filters.and(Filters.ne("enabled", false), Filters.ne("lastOrderedWindow", window), range))
                .projection(Projections.include("source_id", "url", "content_path")).sort(Sorts.ascending("source_id"))
                .batchSize(batch).cursor();
    }

    /** The scheduler's claim for many sources at once, by {@code _id}, after their orders were sent. */
    public void markOrdered(List<Object> ids, long window) {
        if (!ids.isEmpty()) {
            sources.updateMany(Filters.in("_id", ids), Updates.combine(Updates.set("lastOrderedWindow", window),
                    Updates.set("lastOrderedAt", new Date())));
        }
    }

    /** Claims the scheduler window for this source; false if it was already ordered in this window. */
    public boolean claimWindow(long sourceId, long window) {
        return sources.updateOne(Filters.and(bySourceId(sourceId), Filters.ne("lastOrderedWindow", window)),
                Updates.combine(Updates.set("lastOrderedWindow", window), Updates.set("lastOrderedAt", new Date())))
                .getModifiedCount() == 1;
    }

    /** Gives the window back after the order could not be sent, so the next attempt sends it. */
    public void releaseWindow(long sourceId, long window) {
        sources.updateOne(Filters.and(bySourceId(sourceId), Filters.eq("lastOrderedWindow", window)),
                Updates.unset("lastOrderedWindow"));
    }

    public void startRun(long sourceId, String runId) {
        Date now = new Date();
        update(sourceId, Updates.combine(Updates.set("currentRunId", runId), Updates.set("runUpdatedAt", now),
                Updates.set("lastSyncStartedAt", now), Updates.set("lastSyncStatus", RUNNING)));
    }

    public void touchRun(long sourceId, String runId) {
        sources.updateOne(Filters.and(bySourceId(sourceId), Filters.eq("currentRunId", runId)),
                Updates.set("runUpdatedAt", new Date()));
    }

    /** A failure of the sync as a whole; {@code status} is failed (final), retrying or dead_lettered. */
    public void recordFailure(long sourceId, RecordStatus status, String code, String reason) {
        Date now = new Date();
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("lastSyncStatus", status.value()),
                Updates.set("lastError", error(code, reason, now))));
        if (status != RecordStatus.RETRYING) {
            updates.add(Updates.set("lastSyncEndedAt", now));
        }
        update(sourceId, Updates.combine(updates));
    }

    /**
     * A completed run. The listing's validators are stored only now, so a 304 never hides files a broken
     * run did not get to.
     */
    public void recordCompleted(long sourceId, String runId, String status, Counts counts, String listingUrl,
            String listingEtag, String listingLastModified, boolean fullSync, Document lastError) {
        Date now = new Date();
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("lastSyncStatus", status),
                Updates.set("lastSyncEndedAt", now), Updates.set("lastSyncCounts", counts.toDocument()),
                Updates.set("lastRunId", runId), Updates.set("runUpdatedAt", now),
                Updates.set("listingUrl", listingUrl), Updates.set("listingEtag", listingEtag),
                Updates.set("listingLastModified", listingLastModified)));
        if (fullSync) {
            updates.add(Updates.set("lastFullSyncAt", now));
        }
        updates.add(lastError == null ? Updates.unset("lastError") : Updates.set("lastError", lastError));
        update(sourceId, Updates.combine(updates));
    }

    /** The orchestrator's view: the run announced as synchronized (once per run). */
    public void recordSynchronized(long sourceId, Document synchronizedInfo) {
        update(sourceId, Updates.set("lastSynchronized", synchronizedInfo));
    }

    public void recordSyncPostback(long sourceId, Document postback) {
        update(sourceId, Updates.set("lastSyncPostback", postback));
    }

    public static Document error(String code, String reason, Date at) {
        return new Document("code", code).append("reason", reason).append("at", at);
    }

    private void update(long sourceId, Bson update) {
        sources.updateOne(bySourceId(sourceId), Updates.combine(update, Updates.set("updatedAt", new Date())));
    }

    /** Numbers compare by value in MongoDB, so an id stored as int32, int64 or double all match. */
    static Bson bySourceId(long sourceId) {
        return Filters.eq("source_id", sourceId);
    }

    private void ensureIndexes() {
        if (!indexed) {
            sources.createIndex(Indexes.ascending("source_id"), new IndexOptions().unique(true));
            indexed = true;
        }
    }
}
