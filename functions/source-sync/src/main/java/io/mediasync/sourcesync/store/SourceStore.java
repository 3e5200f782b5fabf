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
import io.mediasync.common.contracts.SourceFields;
import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.sourcesync.config.StorageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.conversions.Bson;

/**
 * The {@code sources} collection, written by the catalog or by hand (the seed's fields) and by the sync (its own):
 * the fields are {@link SourceRecord}'s. A source's {@code currentRunId} and {@code runUpdatedAt} say which run owns
 * its sync and when that run last made progress.
 */
@ApplicationScoped
public class SourceStore {

    private final MongoCollection<SourceRecord> sources;
    private final Clock clock;
    private volatile boolean indexed;

    public SourceStore(MongoDatabase db, StorageConfig config, Clock clock) {
        this.sources = SourceRecord.CODEC.typed(db.getCollection(config.sourcesCollection()));
        this.clock = clock;
    }

    public Optional<SourceRecord> find(long sourceId) {
        ensureIndexes();
        return Optional.ofNullable(sources.find(bySourceId(sourceId)).first());
    }

    /**
     * The sources not switched off ({@code enabled} missing counts as on: the seed synced every source) and not ordered
     * in {@code window} yet, in {@code range}, by source_id: {@code _id}, {@code source_id}, {@code url} and
     * {@code content_path} only, {@code batch} at a time.
     */
    public MongoCursor<SourceRecord> toOrder(long window, Bson range, int batch) {
        ensureIndexes();
        return sources.find(Filters.and(Filters.ne(SourceFields.ENABLED, false), Filters.ne(SourceRecord.LAST_ORDERED_WINDOW, window),
                        range))
                .projection(Projections.include(SourceFields.SOURCE_ID, SourceFields.URL, SourceFields.CONTENT_PATH))
                .sort(Sorts.ascending(SourceFields.SOURCE_ID)).batchSize(batch).cursor();
    }

    /** The scheduler's claim for many sources at once, by {@code _id}, after their orders were sent. */
    public void markOrdered(List<Object> ids, long window) {
        if (!ids.isEmpty()) {
            sources.updateMany(Filters.in(SourceRecord.ID, ids), Updates.combine(
                    Updates.set(SourceRecord.LAST_ORDERED_WINDOW, window), Updates.set(SourceRecord.LAST_ORDERED_AT, now())));
        }
    }

    /** Claims the scheduler window for this source; false if it was already ordered in this window. */
    public boolean claimWindow(long sourceId, long window) {
        return sources.updateOne(Filters.and(bySourceId(sourceId), Filters.ne(SourceRecord.LAST_ORDERED_WINDOW, window)),
                Updates.combine(Updates.set(SourceRecord.LAST_ORDERED_WINDOW, window),
                        Updates.set(SourceRecord.LAST_ORDERED_AT, now()))).getModifiedCount() == 1;
    }

    /** Gives the window back after the order could not be sent, so the next attempt sends it. */
    public void releaseWindow(long sourceId, long window) {
        sources.updateOne(Filters.and(bySourceId(sourceId), Filters.eq(SourceRecord.LAST_ORDERED_WINDOW, window)),
                Updates.unset(SourceRecord.LAST_ORDERED_WINDOW));
    }

    public void startRun(long sourceId, String runId) {
        Date now = now();
        update(sourceId, Updates.combine(Updates.set(SourceRecord.CURRENT_RUN_ID, runId),
                Updates.set(SourceRecord.RUN_UPDATED_AT, now),
                Updates.set(SourceRecord.LAST_SYNC_STARTED_AT, now),
                Updates.set(SourceRecord.LAST_SYNC_STATUS, RunStatus.RUNNING.value())));
    }

    public void touchRun(long sourceId, String runId) {
        sources.updateOne(Filters.and(bySourceId(sourceId), Filters.eq(SourceRecord.CURRENT_RUN_ID, runId)),
                Updates.set(SourceRecord.RUN_UPDATED_AT, now()));
    }

    /** A failure of the sync as a whole; {@code status} is failed (final), retrying or dead_lettered. */
    public void recordFailure(long sourceId, RecordStatus status, String code, String reason) {
        Date now = now();
        List<Bson> updates = new ArrayList<>(List.of(Updates.set(SourceRecord.LAST_SYNC_STATUS, RunStatus.of(status).value()),
                Updates.set(SourceRecord.LAST_ERROR, new RecordedError(code, reason, now).toDocument())));
        if (status != RecordStatus.RETRYING) {
            updates.add(Updates.set(SourceRecord.LAST_SYNC_ENDED_AT, now));
        }
        update(sourceId, Updates.combine(updates));
    }

    /** The listing a completed run read, whose validators are the next run's: {@code url}, ETag and Last-Modified. */
    public record Listing(String url, String etag, String lastModified) {
    }

    /**
     * A completed run. The listing's validators are stored only now, so a 304 never hides files a broken
     * run did not get to.
     */
    public void recordCompleted(long sourceId, String runId, RunStatus status, Counts counts, Listing listing,
            boolean fullSync, RecordedError lastError) {
        Date now = now();
        List<Bson> updates = new ArrayList<>(List.of(Updates.set(SourceRecord.LAST_SYNC_STATUS, status.value()),
                Updates.set(SourceRecord.LAST_SYNC_ENDED_AT, now), Updates.set(SourceRecord.LAST_SYNC_COUNTS, counts.toDocument()),
                Updates.set(SourceRecord.LAST_RUN_ID, runId), Updates.set(SourceRecord.RUN_UPDATED_AT, now),
                Updates.set(SourceRecord.LISTING_URL, listing.url()), Updates.set(SourceRecord.LISTING_ETAG, listing.etag()),
                Updates.set(SourceRecord.LISTING_LAST_MODIFIED, listing.lastModified())));
        if (fullSync) {
            updates.add(Updates.set(SourceRecord.LAST_FULL_SYNC_AT, now));
        }
        updates.add(lastError == null ? Updates.unset(SourceRecord.LAST_ERROR)
                : Updates.set(SourceRecord.LAST_ERROR, lastError.toDocument()));
        update(sourceId, Updates.combine(updates));
    }

    /** The orchestrator's view: the run announced as synchronized (once per run). */
    public void recordSynchronized(long sourceId, SyncAnnouncement announcement) {
        update(sourceId, Updates.set(SourceRecord.LAST_SYNCHRONIZED, announcement.toDocument()));
    }

    public void recordSyncPostback(long sourceId, SyncPostback postback) {
        update(sourceId, Updates.set(SourceRecord.LAST_SYNC_POSTBACK, postback.toDocument()));
    }

    private void update(long sourceId, Bson update) {
        sources.updateOne(bySourceId(sourceId), Updates.combine(update, Updates.set(SourceFields.UPDATED_AT, now())));
    }

    /** Numbers compare by value in MongoDB, so an id stored as int32, int64 or double all match. */
    private static Bson bySourceId(long sourceId) {
        return Filters.eq(SourceFields.SOURCE_ID, sourceId);
    }

    private void ensureIndexes() {
        if (!indexed) {
            sources.createIndex(Indexes.ascending(SourceFields.SOURCE_ID), new IndexOptions().unique(true));
            indexed = true;
        }
    }

    /** The injected clock's now, as the driver stores dates. */
    private Date now() {
        return Date.from(clock.instant());
    }
}
