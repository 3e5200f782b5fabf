package io.mediasync.sourcesync.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.mediasync.sourcesync.config.StorageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * The {@code files} collection: one record per remote file of a source, unique on (source_id, remote_id),
 * on (source_id, filename), and on the S3 key across sources, so two remote files never share an object.
 *
 * <p>Fields: {@code source_id}, {@code remote_id}, {@code url}, {@code filename}, {@code key}, {@code size},
 * {@code sha256}, {@code content_type}, {@code etag}, {@code last_modified}, {@code version} (0 = name
 * reserved, nothing stored yet; +1 per stored content), {@code announcedVersion} (the last version whose
 * "file downloaded" event went out), {@code firstSeenAt}, {@code lastSeenAt}, {@code lastRunId},
 * {@code lastOutcome} (downloaded, skipped, failed), {@code deleted}, {@code deletedAt}, {@code deletedRunId},
 * {@code deleteAnnounced}, and the orchestrator's {@code imageOrder}, {@code thumbnailsRemovedAt},
 * {@code contentRemovedAt}. Every write is conditional or idempotent so a redelivered order converges.
 */
@ApplicationScoped
public class FileRegistry {

    public static final String DOWNLOADED = "downloaded";
    public static final String SKIPPED = "skipped";
    public static final String FAILED = "failed";

    private final MongoCollection<Document> files;
    private volatile boolean indexed;

    public FileRegistry(MongoDatabase db, StorageConfig config) {
        this.files = db.getCollection(config.filesCollection());
    }

    public Optional<Document> find(long sourceId, String remoteId) {
        ensureIndexes();
        return Optional.ofNullable(files.find(Filters.and(bySource(sourceId), Filters.eq("remote_id", remoteId))).first());
    }

    /** The records of these remote files (one query for a whole chunk), by remote id. */
    public Map<String, Document> findAll(long sourceId, Collection<String> remoteIds) {
        ensureIndexes();
        Map<String, Document> found = new HashMap<>();
        files.find(Filters.and(bySource(sourceId), Filters.in("remote_id", remoteIds)))
                .forEach(doc -> found.put(doc.getString("remote_id"), doc));
        return found;
    }

    public Optional<Document> findById(ObjectId id) {
        return Optional.ofNullable(files.find(Filters.eq("_id", id)).first());
    }

    public Optional<Document> findByFilename(long sourceId, String filename) {
        ensureIndexes();
        return Optional.ofNullable(files.find(Filters.and(bySource(sourceId), Filters.eq("filename", filename))).first());
    }

    /** Result of {@link #reserve}: the new record, the record another attempt made, or "name taken". */
    public record Reservation(Document record, boolean nameTaken) {
    }

    /**
     * Reserves {@code filename} (and so the S3 key) for a new remote file, before anything is written to S3:
     * the unique index decides who owns a name, so parallel downloads never overwrite each other's object.
     */
    public Reservation reserve(long sourceId, String remoteId, String url, String filename, String key, String runId) {
        ensureIndexes();
        Date now = new Date();
        Document record = new Document("_id", new ObjectId()).append("source_id", sourceId).append("remote_id", remoteId)
                .append("url", url).append("filename", filename).append("key", key).append("version", 0)
                .append("announcedVersion", 0).append("deleted", false).append("firstSeenAt", now)
                .append("lastSeenAt", now).append("lastRunId", runId);
        try {
            files.insertOne(record);
            return new Reservation(record, false);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Optional<Document> same = find(sourceId, remoteId);
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
    public boolean commitVersion(Document record, StoredVersion stored, String runId) {
        int version = record.getInteger("version", 0);
        Date now = new Date();
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set("url", stored.url()), Updates.set("size", stored.size()), Updates.set("sha256", stored.sha256()),
                Updates.set("content_type", stored.contentType()), Updates.set("etag", stored.etag()),
                Updates.set("last_modified", stored.lastModified()), Updates.set("version", version + 1),
                Updates.set("downloadedAt", now), Updates.set("lastSeenAt", now), Updates.set("lastRunId", runId),
                Updates.set("lastOutcome", DOWNLOADED), Updates.set("deleted", false), Updates.unset("deletedAt"),
                Updates.unset("deletedRunId"), Updates.unset("deleteAnnounced"), Updates.unset("thumbnailsRemovedAt"),
                Updates.unset("contentRemovedAt"), Updates.unset("lastError")));
        String previous = record.getString("sha256");
        updates.add(previous == null ? Updates.unset("previousSha256") : Updates.set("previousSha256", previous));
        if (previous != null && !previous.equals(stored.sha256())) {
            // the registry, not an event, says which contents' thumbnails are obsolete (the orchestrator removes them)
            updates.add(Updates.addToSet("replacedSha256", previous));
        }
        return files.updateOne(Filters.and(Filters.eq("_id", record.getObjectId("_id")), Filters.eq("version", version)),
                Updates.combine(updates)).getModifiedCount() == 1;
    }

    /** The "file downloaded" event of this version went out. */
    public void markAnnounced(ObjectId id, int version) {
        markAnnounced(List.of(id), version);
    }

    /** Several files' events of the same version went out (one write for a chunk). */
    public void markAnnounced(Collection<ObjectId> ids, int version) {
        files.updateMany(Filters.and(Filters.in("_id", ids), Filters.eq("version", version),
                Filters.lt("announcedVersion", version)), Updates.set("announcedVersion", version));
    }

    /** Seen unchanged in this run; refreshes the validators and URL when the server sent new ones. */
    public void markSkipped(ObjectId id, String runId, String url, String etag, String lastModified) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("lastSeenAt", new Date()), Updates.set("lastRunId", runId),
                Updates.set("lastOutcome", SKIPPED), Updates.unset("lastError")));
        if (url != null) {
            updates.add(Updates.set("url", url));
        }
        if (etag != null) {
            updates.add(Updates.set("etag", etag));
        }
        if (lastModified != null) {
            updates.add(Updates.set("last_modified", lastModified));
        }
        files.updateOne(Filters.eq("_id", id), Updates.combine(updates));
    }

    /** Listed in this run but not downloadable now: kept (never deleted for it), with the reason. */
    public void markFailed(ObjectId id, String runId, String code, String reason) {
        files.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("lastSeenAt", new Date()),
                Updates.set("lastRunId", runId), Updates.set("lastOutcome", FAILED),
                Updates.set("lastError", SourceStore.error(code, reason, new Date()))));
    }

    /** Live files: stored at least once and not deleted. */
    public List<Document> liveFiles(long sourceId) {
        ensureIndexes();
        return files.find(Filters.and(bySource(sourceId), live())).projection(Projections.exclude("imageOrder"))
                .into(new ArrayList<>());
    }

    /** After a 304 listing: every live file counts as seen and skipped in this run. */
    public void markAllSkipped(long sourceId, String runId) {
        files.updateMany(Filters.and(bySource(sourceId), live()), Updates.combine(Updates.set("lastSeenAt", new Date()),
                Updates.set("lastRunId", runId), Updates.set("lastOutcome", SKIPPED)));
    }

    /**
     * Files to announce as deleted at the end of a complete run: live files this run did not see, and files
     * marked deleted whose event did not go out (an interrupted completion, this run's or an abandoned one's).
     */
    public List<Document> deletionsToAnnounce(long sourceId, String runId) {
        Bson unseen = Filters.and(live(), Filters.ne("lastRunId", runId));
        Bson unannounced = Filters.and(Filters.eq("deleted", true), Filters.eq("deleteAnnounced", false));
        return files.find(Filters.and(bySource(sourceId), Filters.or(unseen, unannounced))).into(new ArrayList<>());
    }

    public void markDeleted(ObjectId id, String runId) {
        Date now = new Date();
        files.updateOne(Filters.and(Filters.eq("_id", id), Filters.ne("deleted", true)), Updates.combine(
                Updates.set("deleted", true), Updates.set("deletedAt", now), Updates.set("deletedRunId", runId),
                Updates.set("deleteAnnounced", false)));
    }

    public void markDeleteAnnounced(ObjectId id) {
        files.updateOne(Filters.eq("_id", id), Updates.set("deleteAnnounced", true));
    }

    /** Names reserved by attempts that never stored anything and whose file is gone from the listing. */
    public long dropAbandonedReservations(long sourceId, String runId) {
        return files.deleteMany(Filters.and(bySource(sourceId), Filters.eq("version", 0), Filters.ne("lastRunId", runId)))
                .getDeletedCount();
    }

    public long countOutcome(long sourceId, String runId, String outcome) {
        return files.countDocuments(Filters.and(bySource(sourceId), Filters.eq("lastRunId", runId),
                Filters.eq("lastOutcome", outcome), Filters.gte("version", 1)));
    }

    public long countDeleted(long sourceId, String runId) {
        return files.countDocuments(Filters.and(bySource(sourceId), Filters.eq("deletedRunId", runId)));
    }

    // ---- orchestrator ---------------------------------------------------------------------------

    public void markImageOrdered(ObjectId id, Document order) {
        files.updateOne(Filters.eq("_id", id), Updates.set("imageOrder", order));
    }

    /** Whether another live file of the source has these bytes (its thumbnails are the same objects). */
    public boolean otherLiveWithSha(long sourceId, String sha256, ObjectId except) {
        return files.countDocuments(Filters.and(bySource(sourceId), live(), Filters.eq("sha256", sha256),
                Filters.ne("_id", except))) > 0;
    }

    /** The thumbnails of this replaced content are gone (or kept for another file): forget it. */
    public void forgetReplaced(ObjectId id, String sha256) {
        files.updateOne(Filters.eq("_id", id), Updates.pull("replacedSha256", sha256));
    }

    public void set(ObjectId id, String field, Object value) {
        files.updateOne(Filters.eq("_id", id), Updates.set(field, value));
    }

    private static Bson live() {
        return Filters.and(Filters.gte("version", 1), Filters.ne("deleted", true));
    }

    private static Bson bySource(long sourceId) {
        return SourceStore.bySourceId(sourceId);
    }

    private void ensureIndexes() {
        if (!indexed) {
            files.createIndex(Indexes.ascending("source_id", "remote_id"), new IndexOptions().unique(true));
            files.createIndex(Indexes.ascending("source_id", "filename"), new IndexOptions().unique(true));
            // one owner per S3 key across all sources: two sources with the same content_path never share an object
            files.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            files.createIndex(Indexes.ascending("source_id", "lastRunId"));
            files.createIndex(Indexes.ascending("source_id", "sha256"));
            indexed = true;
        }
    }
}
