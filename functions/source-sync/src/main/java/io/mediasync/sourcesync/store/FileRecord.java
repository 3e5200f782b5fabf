package io.mediasync.sourcesync.store;

import static io.mediasync.common.mongo.StoredNumber.asLong;

import io.mediasync.common.mongo.RecordCodec;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.common.mongo.StoredValue;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * One document of {@code files}: a remote file of a source. {@code remote_id} and {@code content_type} keep the names
 * the file events carry. Inserted whole once, when its name is reserved ({@link #reserved}); everything after is
 * written field by field by {@link FileRegistry}.
 *
 * @param version          0 while only the name is reserved; +1 per stored content
 * @param announcedVersion the last version whose "file downloaded" event went out
 * @param deleteAnnounced  whether the "file deleted" event went out (null while the file is not deleted)
 * @param previousSha256   the content before the current one, if any
 * @param replacedSha256   contents this file had before whose thumbnails the orchestrator has yet to remove
 */
public record FileRecord(ObjectId id, long sourceId, String remoteId, String url, String filename, String key, Long size,
        String sha256, String contentType, String etag, String lastModified, int version, int announcedVersion,
        boolean deleted, Date firstSeenAt, Date lastSeenAt, Date downloadedAt, String lastRunId, FileOutcome lastOutcome,
        RecordedError lastError, Date deletedAt, String deletedRunId, Boolean deleteAnnounced, String previousSha256,
        List<String> replacedSha256, ImageOrder imageOrder, Date thumbnailsRemovedAt, List<String> thumbnailsRemoved,
        Date contentRemovedAt) {

    public static final String ID = "_id";
    public static final String SOURCE_ID = "source_id";
    public static final String REMOTE_ID = "remote_id";
    public static final String URL = "url";
    public static final String FILENAME = "filename";
    public static final String KEY = "key";
    public static final String SIZE = "size";
    public static final String SHA256 = "sha256";
    public static final String CONTENT_TYPE = "content_type";
    public static final String ETAG = "etag";
    public static final String LAST_MODIFIED = "lastModified";
    /**
     * Where records written before the rename keep Last-Modified: read until the upgrade's $rename ran, so a file
     * whose server sends no ETag is still asked If-Modified-Since rather than trusted unchecked.
     */
    static final String LAST_MODIFIED_BEFORE_RENAME = "last_modified";
    public static final String VERSION = "version";
    public static final String ANNOUNCED_VERSION = "announcedVersion";
    public static final String DELETED = "deleted";
    public static final String FIRST_SEEN_AT = "firstSeenAt";
    public static final String LAST_SEEN_AT = "lastSeenAt";
    public static final String DOWNLOADED_AT = "downloadedAt";
    public static final String LAST_RUN_ID = "lastRunId";
    public static final String LAST_OUTCOME = "lastOutcome";
    public static final String LAST_ERROR = "lastError";
    public static final String DELETED_AT = "deletedAt";
    public static final String DELETED_RUN_ID = "deletedRunId";
    public static final String DELETE_ANNOUNCED = "deleteAnnounced";
    public static final String PREVIOUS_SHA256 = "previousSha256";
    public static final String REPLACED_SHA256 = "replacedSha256";
    public static final String IMAGE_ORDER = "imageOrder";
    public static final String THUMBNAILS_REMOVED_AT = "thumbnailsRemovedAt";
    public static final String THUMBNAILS_REMOVED = "thumbnailsRemoved";
    public static final String CONTENT_REMOVED_AT = "contentRemovedAt";

    public static final RecordCodec<FileRecord> CODEC = RecordCodec.of(FileRecord.class, FileRecord::read, FileRecord::toDocument);

    /** A new remote file's record: its name (and so its key) reserved, nothing stored yet. */
    public static FileRecord reserved(long sourceId, String remoteId, String url, String filename, String key, String runId,
            Date now) {
        return new FileRecord(new ObjectId(), sourceId, remoteId, url, filename, key, null, null, null, null, null, 0, 0,
                false, now, now, null, runId, null, null, null, null, null, null, List.of(), null, null, List.of(), null);
    }

    /** This record once a new content was committed as {@code version}. */
    public FileRecord stored(String newSha256, String newContentType, long newSize, int newVersion) {
        return new FileRecord(id, sourceId, remoteId, url, filename, key, newSize, newSha256, newContentType, etag,
                lastModified, newVersion, announcedVersion, deleted, firstSeenAt, lastSeenAt, downloadedAt, lastRunId,
                lastOutcome, lastError, deletedAt, deletedRunId, deleteAnnounced, previousSha256, replacedSha256, imageOrder,
                thumbnailsRemovedAt, thumbnailsRemoved, contentRemovedAt);
    }

    /** Stored at least once and not deleted. */
    public boolean live() {
        return version >= 1 && !deleted;
    }

    /** Whether the event of its current version went out. */
    public boolean announced() {
        return announcedVersion >= version;
    }

    public static FileRecord read(Document d) {
        return new FileRecord(d.getObjectId(ID), ((Number) d.get(SOURCE_ID)).longValue(), d.getString(REMOTE_ID),
                d.getString(URL), d.getString(FILENAME), d.getString(KEY), asLong(d.get(SIZE)),
                d.getString(SHA256), d.getString(CONTENT_TYPE), d.getString(ETAG),
                d.containsKey(LAST_MODIFIED) ? d.getString(LAST_MODIFIED) : d.getString(LAST_MODIFIED_BEFORE_RENAME),
                d.getInteger(VERSION, 0), d.getInteger(ANNOUNCED_VERSION, 0), d.getBoolean(DELETED, false),
                d.getDate(FIRST_SEEN_AT), d.getDate(LAST_SEEN_AT), d.getDate(DOWNLOADED_AT), d.getString(LAST_RUN_ID),
                StoredValue.known(FileOutcome.class, d.getString(LAST_OUTCOME)), RecordedError.read(d.get(LAST_ERROR, Document.class)),
                d.getDate(DELETED_AT), d.getString(DELETED_RUN_ID), d.getBoolean(DELETE_ANNOUNCED),
                d.getString(PREVIOUS_SHA256), d.getList(REPLACED_SHA256, String.class, List.of()),
                ImageOrder.read(d.get(IMAGE_ORDER, Document.class)), d.getDate(THUMBNAILS_REMOVED_AT),
                d.getList(THUMBNAILS_REMOVED, String.class, List.of()), d.getDate(CONTENT_REMOVED_AT));
    }

    /** The fields it has (absent ones, empty lists included, are left out, as the field-by-field writes leave them). */
    public Document toDocument() {
        Document d = new Document(ID, id).append(SOURCE_ID, sourceId);
        put(d, REMOTE_ID, remoteId);
        put(d, URL, url);
        put(d, FILENAME, filename);
        put(d, KEY, key);
        put(d, SIZE, size);
        put(d, SHA256, sha256);
        put(d, CONTENT_TYPE, contentType);
        put(d, ETAG, etag);
        put(d, LAST_MODIFIED, lastModified);
        d.append(VERSION, version).append(ANNOUNCED_VERSION, announcedVersion).append(DELETED, deleted);
        put(d, FIRST_SEEN_AT, firstSeenAt);
        put(d, LAST_SEEN_AT, lastSeenAt);
        put(d, DOWNLOADED_AT, downloadedAt);
        put(d, LAST_RUN_ID, lastRunId);
        put(d, LAST_OUTCOME, lastOutcome == null ? null : lastOutcome.value());
        put(d, LAST_ERROR, lastError == null ? null : lastError.toDocument());
        put(d, DELETED_AT, deletedAt);
        put(d, DELETED_RUN_ID, deletedRunId);
        put(d, DELETE_ANNOUNCED, deleteAnnounced);
        put(d, PREVIOUS_SHA256, previousSha256);
        put(d, REPLACED_SHA256, replacedSha256 == null || replacedSha256.isEmpty() ? null : replacedSha256);
        put(d, IMAGE_ORDER, imageOrder == null ? null : imageOrder.toDocument());
        put(d, THUMBNAILS_REMOVED_AT, thumbnailsRemovedAt);
        put(d, THUMBNAILS_REMOVED, thumbnailsRemoved == null || thumbnailsRemoved.isEmpty() ? null : thumbnailsRemoved);
        put(d, CONTENT_REMOVED_AT, contentRemovedAt);
        return d;
    }

    private static void put(Document d, String field, Object value) {
        if (value != null) {
            d.append(field, value);
        }
    }
}
