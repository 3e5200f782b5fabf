package io.mediasync.sourcesync.store;

import static io.mediasync.common.mongo.StoredNumber.asLong;

import io.mediasync.common.mongo.RecordCodec;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.common.mongo.StoredValue;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * One document of {@code sync_runs}: a run of a source ({@code _id} = run id), or an order that never became one
 * ({@code _id} = {@code msg-<message id>}, with its {@code body}). Written field by field by {@link SyncRuns}.
 *
 * @param listing  the listing snapshot (gzip JSON), null before it was taken and once the run ended
 * @param counts   zeros until the run completed
 * @param error    why the run (or the order) ended badly
 * @param lastError the last transient failure of a run still running
 */
public record SyncRun(String id, Long sourceId, RunStatus status, String originMessageId, String url, String contentPath,
        int invocations, List<String> messageIds, String adapter, byte[] listing, int itemCount, boolean truncated,
        String listingEtag, String listingLastModified, boolean notModified, Date listedAt, int cursor,
        List<String> failedKeys, List<FileFailure> failures, Counts counts, RecordedError error, RecordedError lastError,
        int retries, String body, Date startedAt, Date updatedAt, Date endedAt, Date announcedAt) {

    public static final String ID = "_id";
    public static final String SOURCE_ID = "source_id";
    public static final String STATUS = "status";
    public static final String ORIGIN_MESSAGE_ID = "originMessageId";
    public static final String URL = "url";
    public static final String CONTENT_PATH = "content_path";
    public static final String INVOCATIONS = "invocations";
    public static final String MESSAGE_IDS = "messageIds";
    public static final String ADAPTER = "adapter";
    public static final String LISTING = "listing";
    public static final String ITEM_COUNT = "itemCount";
    public static final String TRUNCATED = "truncated";
    public static final String LISTING_ETAG = "listingEtag";
    public static final String LISTING_LAST_MODIFIED = "listingLastModified";
    public static final String NOT_MODIFIED = "notModified";
    public static final String LISTED_AT = "listedAt";
    public static final String CURSOR = "cursor";
    public static final String FAILED_KEYS = "failedKeys";
    public static final String FAILURES = "failures";
    public static final String COUNTS = "counts";
    public static final String ERROR = "error";
    public static final String LAST_ERROR = "lastError";
    public static final String RETRIES = "retries";
    public static final String BODY = "body";
    public static final String STARTED_AT = "startedAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String ENDED_AT = "endedAt";
    public static final String ANNOUNCED_AT = "announcedAt";

    /** The id of the record of an order that did not become a run. */
    public static String notRunId(String messageId) {
        return "msg-" + messageId;
    }

    public static final RecordCodec<SyncRun> CODEC = RecordCodec.readOnly(SyncRun.class, SyncRun::read);

    public static SyncRun read(Document d) {
        return new SyncRun(d.getString(ID), asLong(d.get(SOURCE_ID)),
                StoredValue.known(RunStatus.class, d.getString(STATUS)), d.getString(ORIGIN_MESSAGE_ID), d.getString(URL),
                d.get(CONTENT_PATH) instanceof String p ? p : null, d.getInteger(INVOCATIONS, 0),
                d.getList(MESSAGE_IDS, String.class, List.of()), d.getString(ADAPTER),
                d.get(LISTING) instanceof Binary b ? b.getData() : null, d.getInteger(ITEM_COUNT, 0),
                d.getBoolean(TRUNCATED, false), d.getString(LISTING_ETAG), d.getString(LISTING_LAST_MODIFIED),
                d.getBoolean(NOT_MODIFIED, false), d.getDate(LISTED_AT), d.getInteger(CURSOR, 0),
                d.getList(FAILED_KEYS, String.class, List.of()),
                d.getList(FAILURES, Document.class, List.of()).stream().map(FileFailure::read).toList(),
                Counts.read(d.get(COUNTS, Document.class)), RecordedError.read(d.get(ERROR, Document.class)),
                RecordedError.read(d.get(LAST_ERROR, Document.class)), d.getInteger(RETRIES, 0), d.getString(BODY),
                d.getDate(STARTED_AT), d.getDate(UPDATED_AT), d.getDate(ENDED_AT), d.getDate(ANNOUNCED_AT));
    }

    public boolean running() {
        return status == RunStatus.RUNNING;
    }

    /** A file of the run that could not be fetched: one of {@code failures}, the first few of a run. */
    public record FileFailure(String key, String remoteId, String url, RecordedError error) {

        public static final String KEY = "key";
        public static final String REMOTE_ID = "remote_id";
        public static final String URL = "url";

        /** Stored flat: {@code {remote_id, url, code, reason, at, key}}. */
        public Document toDocument() {
            return new Document(REMOTE_ID, remoteId).append(URL, url).append(RecordedError.CODE, error.code())
                    .append(RecordedError.REASON, error.reason()).append(RecordedError.AT, error.at()).append(KEY, key);
        }

        public static FileFailure read(Document d) {
            return new FileFailure(d.getString(KEY), d.getString(REMOTE_ID), d.getString(URL), RecordedError.read(d));
        }
    }
}
