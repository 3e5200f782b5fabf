package io.mediasync.sourcesync.store;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.mediasync.common.mongo.DuplicateKey;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.sourcesync.config.StorageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * The {@code files} collection ({@link FileRecord}): one record per remote file of a source, unique on (source_id,
 * remote_id), on (source_id, filename), and on the S3 key across sources, so two remote files never share an object.
 * Every write is conditional or idempotent so a redelivered order converges.
 */
@ApplicationScoped
public class FileRegistry {

    private final MongoCollection<FileRecord> files;
    private final Clock clock;
    private volatile boolean indexed;

    public FileRegistry(MongoDatabase db, StorageConfig config, Clock clock) {
        this.files = FileRecord.CODEC.typed(db.getCollection(config.filesCollection()));
        this.clock = clock;
    }

    public Optional<FileRecord> find(long sourceId, String remoteId) {
        ensureIndexes();
        return Optional.ofNullable(files.find(Filters.and(bySource(sourceId), Filters.eq(FileRecord.REMOTE_ID, remoteId))).first());
    }

    /** The records of these remote files (one query for a whole chunk), by remote id. */
    public Map<String, FileRecord> findAll(long sourceId, Collection<String> remoteIds) {
        ensureIndexes();
        Map<String, FileRecord> found = new HashMap<>();
        files.find(Filters.and(bySource(sourceId), Filters.in(FileRecord.REMOTE_ID, remoteIds)))
                .forEach(file -> found.put(file.remoteId(), file));
        return found;
    }

    public Optional<FileRecord> findById(ObjectId id) {
        return Optional.ofNullable(files.find(Filters.eq(FileRecord.ID, id)).first());
    }

    public Optional<FileRecord> findByFilename(long sourceId, String filename) {
        ensureIndexes();
        return Optional.ofNullable(files.find(Filters.and(bySource(sourceId), Filters.eq(FileRecord.FILENAME, filename))).first());
    }

    /** Result of {@link #reserve}: the new record, the record another attempt made, or "name taken". */
    public record Reservation(FileRecord record, boolean nameTaken) {
    }

    /**
     * Reserves {@code filename} (and so the S3 key) for a new remote file, before anything is written to S3:
     * the unique index decides who owns a name, so parallel downloads never overwrite each other's object.
     */
    public Reservation reserve(long sourceId, String remoteId, String url, String filename, String key, String runId) {
        ensureIndexes();
        Date now = now();
        FileRecord record = FileRecord.reserved(sourceId, remoteId, url, filename, key, runId, now);
        try {
            files.insertOne(record);
            return new Reservation(record, false);
        } catch (MongoWriteException e) {
            if (!DuplicateKey.in(e)) {
                throw e;
            }
            Optional<FileRecord> same = find(sourceId, remoteId);
            return same.map(r -> new Reservation(r, false)).orElseGet(() -> new Reservation(null, true));
        }
    }

    /** What a download stored. */
    public record StoredVersion(String url, long size, String sha256, String contentType, String etag, String lastModified) {
    }

    /**
     * Records a newly stored content as the next version, if nobody else did in between.
     *
     * @return false if the record changed meanwhile (the caller retries later)
     */
    public boolean commitVersion(FileRecord record, StoredVersion stored, String runId) {
        int version = record.version();
        Date now = now();
        List<Bson> updates = new ArrayList<>(List.of(Updates.set(FileRecord.URL, stored.url()),
                Updates.set(FileRecord.SIZE, stored.size()), Updates.set(FileRecord.SHA256, stored.sha256()),
                Updates.set(FileRecord.CONTENT_TYPE, stored.contentType()), Updates.set(FileRecord.ETAG, stored.etag()),
                Updates.set(FileRecord.LAST_MODIFIED, stored.lastModified()), Updates.set(FileRecord.VERSION, version + 1),
                Updates.set(FileRecord.DOWNLOADED_AT, now), Updates.set(FileRecord.LAST_SEEN_AT, now),
                Updates.set(FileRecord.LAST_RUN_ID, runId), Updates.set(FileRecord.LAST_OUTCOME, FileOutcome.DOWNLOADED.value()),
                Updates.set(FileRecord.DELETED, false), Updates.unset(FileRecord.DELETED_AT),
                Updates.unset(FileRecord.DELETED_RUN_ID), Updates.unset(FileRecord.DELETE_ANNOUNCED),
                Updates.unset(FileRecord.THUMBNAILS_REMOVED_AT), Updates.unset(FileRecord.CONTENT_REMOVED_AT),
                Updates.unset(FileRecord.LAST_ERROR)));
        String previous = record.sha256();
        updates.add(previous == null ? Updates.unset(FileRecord.PREVIOUS_SHA256)
                : Updates.set(FileRecord.PREVIOUS_SHA256, previous));
        if (previous != null && !previous.equals(stored.sha256())) {
            // the registry, not an event, says which contents' thumbnails are obsolete (the orchestrator removes them)
            updates.add(Updates.addToSet(FileRecord.REPLACED_SHA256, previous));
        }
        return files.updateOne(Filters.and(Filters.eq(FileRecord.ID, record.id()), Filters.eq(FileRecord.VERSION, version)),
                Updates.combine(updates)).getModifiedCount() == 1;
    }

    /** These files' "file downloaded" events of this version went out (one write for a chunk). */
    public void markAnnounced(Collection<ObjectId> ids, int version) {
        files.updateMany(Filters.and(Filters.in(FileRecord.ID, ids), Filters.eq(FileRecord.VERSION, version),
                Filters.lt(FileRecord.ANNOUNCED_VERSION, version)), Updates.set(FileRecord.ANNOUNCED_VERSION, version));
    }

    /** Seen unchanged in this run; refreshes the validators and URL when the server sent new ones. */
    public void markSkipped(ObjectId id, String runId, String url, String etag, String lastModified) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set(FileRecord.LAST_SEEN_AT, now()),
                Updates.set(FileRecord.LAST_RUN_ID, runId),
                Updates.set(FileRecord.LAST_OUTCOME, FileOutcome.SKIPPED.value()), Updates.unset(FileRecord.LAST_ERROR)));
        if (url != null) {
            updates.add(Updates.set(FileRecord.URL, url));
        }
        if (etag != null) {
            updates.add(Updates.set(FileRecord.ETAG, etag));
        }
        if (lastModified != null) {
            updates.add(Updates.set(FileRecord.LAST_MODIFIED, lastModified));
        }
        files.updateOne(Filters.eq(FileRecord.ID, id), Updates.combine(updates));
    }

    /** Listed in this run but not downloadable now: kept (never deleted for it), with the reason. */
    public void markFailed(ObjectId id, String runId, String code, String reason) {
        files.updateOne(Filters.eq(FileRecord.ID, id), Updates.combine(Updates.set(FileRecord.LAST_SEEN_AT, now()),
                Updates.set(FileRecord.LAST_RUN_ID, runId), Updates.set(FileRecord.LAST_OUTCOME, FileOutcome.FAILED.value()),
                Updates.set(FileRecord.LAST_ERROR, new RecordedError(code, reason, now()).toDocument())));
    }

    /** Live files: stored at least once and not deleted. */
    public List<FileRecord> liveFiles(long sourceId) {
        ensureIndexes();
        return files.find(Filters.and(bySource(sourceId), live())).projection(Projections.exclude(FileRecord.IMAGE_ORDER))
                .into(new ArrayList<>());
    }

    /** After a 304 listing: every live file counts as seen and skipped in this run. */
    public void markAllSkipped(long sourceId, String runId) {
        files.updateMany(Filters.and(bySource(sourceId), live()), Updates.combine(Updates.set(FileRecord.LAST_SEEN_AT, now()),
                Updates.set(FileRecord.LAST_RUN_ID, runId), Updates.set(FileRecord.LAST_OUTCOME, FileOutcome.SKIPPED.value())));
    }

    /**
     * Files to announce as deleted at the end of a complete run: live files this run did not see, and files
     * marked deleted whose event did not go out (an interrupted completion, this run's or an abandoned one's).
     */
    public List<FileRecord> deletionsToAnnounce(long sourceId, String runId) {
        Bson unseen = Filters.and(live(), Filters.ne(FileRecord.LAST_RUN_ID, runId));
        Bson unannounced = Filters.and(Filters.eq(FileRecord.DELETED, true), Filters.eq(FileRecord.DELETE_ANNOUNCED, false));
        return files.find(Filters.and(bySource(sourceId), Filters.or(unseen, unannounced))).into(new ArrayList<>());
    }

    public void markDeleted(ObjectId id, String runId) {
        Date now = now();
        files.updateOne(Filters.and(Filters.eq(FileRecord.ID, id), Filters.ne(FileRecord.DELETED, true)), Updates.combine(
                Updates.set(FileRecord.DELETED, true), Updates.set(FileRecord.DELETED_AT, now),
                Updates.set(FileRecord.DELETED_RUN_ID, runId),
                Updates.set(FileRecord.DELETE_ANNOUNCED, false)));
    }

    public void markDeleteAnnounced(ObjectId id) {
        files.updateOne(Filters.eq(FileRecord.ID, id), Updates.set(FileRecord.DELETE_ANNOUNCED, true));
    }

    /** Names reserved by attempts that never stored anything and whose file is gone from the listing. */
    public long dropAbandonedReservations(long sourceId, String runId) {
        return files.deleteMany(Filters.and(bySource(sourceId), Filters.eq(FileRecord.VERSION, 0),
                Filters.ne(FileRecord.LAST_RUN_ID, runId))).getDeletedCount();
    }

    public long countOutcome(long sourceId, String runId, FileOutcome outcome) {
        return files.countDocuments(Filters.and(bySource(sourceId), Filters.eq(FileRecord.LAST_RUN_ID, runId),
                Filters.eq(FileRecord.LAST_OUTCOME, outcome.value()), Filters.gte(FileRecord.VERSION, 1)));
    }

    public long countDeleted(long sourceId, String runId) {
        return files.countDocuments(Filters.and(bySource(sourceId), Filters.eq(FileRecord.DELETED_RUN_ID, runId)));
    }

    /** Announced now as downloaded: stored by an attempt that stopped before its event went out. */
    public void markDownloaded(ObjectId id) {
        files.updateOne(Filters.eq(FileRecord.ID, id), Updates.set(FileRecord.LAST_OUTCOME, FileOutcome.DOWNLOADED.value()));
    }

    // ---- orchestrator ---------------------------------------------------------------------------

    public void markImageOrdered(ObjectId id, ImageOrder order) {
        files.updateOne(Filters.eq(FileRecord.ID, id), Updates.set(FileRecord.IMAGE_ORDER, order.toDocument()));
    }

    /** Whether another live file of the source has these bytes (its thumbnails are the same objects). */
    public boolean otherLiveWithSha(long sourceId, String sha256, ObjectId except) {
        return files.countDocuments(Filters.and(bySource(sourceId), live(), Filters.eq(FileRecord.SHA256, sha256),
                Filters.ne(FileRecord.ID, except))) > 0;
    }

    /** The thumbnails of this replaced content are gone (or kept for another file): forget it. */
    public void forgetReplaced(ObjectId id, String sha256) {
        files.updateOne(Filters.eq(FileRecord.ID, id), Updates.pull(FileRecord.REPLACED_SHA256, sha256));
    }

    /** A deleted file's thumbnails are gone: {@code removed} are the keys removed (none when shared). */
    public void markThumbnailsRemoved(ObjectId id, List<String> removed) {
        files.updateOne(Filters.eq(FileRecord.ID, id), Updates.combine(
                Updates.set(FileRecord.THUMBNAILS_REMOVED_AT, now()), Updates.set(FileRecord.THUMBNAILS_REMOVED, removed)));
    }

    public void markContentRemoved(ObjectId id) {
        files.updateOne(Filters.eq(FileRecord.ID, id), Updates.set(FileRecord.CONTENT_REMOVED_AT, now()));
    }

    private static Bson live() {
        return Filters.and(Filters.gte(FileRecord.VERSION, 1), Filters.ne(FileRecord.DELETED, true));
    }

    private static Bson bySource(long sourceId) {
        return Filters.eq(FileRecord.SOURCE_ID, sourceId); // numbers compare by value: int32, int64 or double match
    }

    private void ensureIndexes() {
        if (!indexed) {
            files.createIndex(Indexes.ascending(FileRecord.SOURCE_ID, FileRecord.REMOTE_ID), new IndexOptions().unique(true));
            files.createIndex(Indexes.ascending(FileRecord.SOURCE_ID, FileRecord.FILENAME), new IndexOptions().unique(true));
            // one owner per S3 key across all sources: two sources with the same content_path never share an object
            files.createIndex(Indexes.ascending(FileRecord.KEY), new IndexOptions().unique(true));
            files.createIndex(Indexes.ascending(FileRecord.SOURCE_ID, FileRecord.LAST_RUN_ID));
            files.createIndex(Indexes.ascending(FileRecord.SOURCE_ID, FileRecord.SHA256));
            indexed = true;
        }
    }

    /** The injected clock's now, as the driver stores dates. */
    private Date now() {
        return Date.from(clock.instant());
    }
}
