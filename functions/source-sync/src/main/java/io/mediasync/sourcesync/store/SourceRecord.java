package io.mediasync.sourcesync.store;

import static io.mediasync.common.mongo.StoredNumber.asLong;

import io.mediasync.common.contracts.SourceFields;
import io.mediasync.common.mongo.RecordCodec;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.common.mongo.StoredValue;
import java.util.Date;
import org.bson.Document;

/**
 * One document of {@code sources}, as source-sync reads it. The seed's fields keep the seed's names ({@code source_id},
 * {@code url}, {@code content_path}, {@code enabled}, {@code adapter}, {@code headers}, {@code cookies},
 * {@code postback_url}, {@code redirect_queue}, {@code sync_postback_url}) beside the operator's {@code headers_origin};
 * they are written by the catalog or by hand, so a field of the wrong type reads as absent, except {@code headers},
 * {@code cookies} and {@code headers_origin}, kept as written for {@code SourceHeaders} to check and refuse. The
 * sync's own fields are camelCase; {@link SourceStore} writes them field by field.
 *
 * @param id      the document's {@code _id} (an ObjectId, or whatever the writer chose)
 * @param enabled null when absent, which counts as enabled (the seed synced every source)
 */
public record SourceRecord(Object id, Long sourceId, String url, String contentPath, Boolean enabled, String adapter,
        Object headers, Object cookies, Object headersOrigin, String postbackUrl, String redirectQueue,
        String syncPostbackUrl, String currentRunId, Date runUpdatedAt, String lastRunId, RunStatus lastSyncStatus,
        Date lastSyncStartedAt, Date lastSyncEndedAt, Counts lastSyncCounts, RecordedError lastError, String listingUrl,
        String listingEtag, String listingLastModified, Date lastFullSyncAt, Long lastOrderedWindow, Date lastOrderedAt,
        SyncAnnouncement lastSynchronized, SyncPostback lastSyncPostback, Date updatedAt) {

    public static final String ID = "_id";
    public static final String ADAPTER = "adapter";
    public static final String HEADERS = "headers";
    public static final String COOKIES = "cookies";
    public static final String HEADERS_ORIGIN = "headers_origin";
    public static final String POSTBACK_URL = "postback_url";
    public static final String REDIRECT_QUEUE = "redirect_queue";
    public static final String SYNC_POSTBACK_URL = "sync_postback_url";
    public static final String CURRENT_RUN_ID = "currentRunId";
    public static final String RUN_UPDATED_AT = "runUpdatedAt";
    public static final String LAST_RUN_ID = "lastRunId";
    public static final String LAST_SYNC_STATUS = "lastSyncStatus";
    public static final String LAST_SYNC_STARTED_AT = "lastSyncStartedAt";
    public static final String LAST_SYNC_ENDED_AT = "lastSyncEndedAt";
    public static final String LAST_SYNC_COUNTS = "lastSyncCounts";
    public static final String LAST_ERROR = "lastError";
    public static final String LISTING_URL = "listingUrl";
    public static final String LISTING_ETAG = "listingEtag";
    public static final String LISTING_LAST_MODIFIED = "listingLastModified";
    public static final String LAST_FULL_SYNC_AT = "lastFullSyncAt";
    public static final String LAST_ORDERED_WINDOW = "lastOrderedWindow";
    public static final String LAST_ORDERED_AT = "lastOrderedAt";
    public static final String LAST_SYNCHRONIZED = "lastSynchronized";
    public static final String LAST_SYNC_POSTBACK = "lastSyncPostback";

    public static final RecordCodec<SourceRecord> CODEC = RecordCodec.readOnly(SourceRecord.class, SourceRecord::read);

    public static SourceRecord read(Document d) {
        Document counts = d.get(LAST_SYNC_COUNTS, Document.class);
        return new SourceRecord(d.get(ID), asLong(d.get(SourceFields.SOURCE_ID)), text(d.get(SourceFields.URL)), text(d.get(SourceFields.CONTENT_PATH)),
                d.get(SourceFields.ENABLED) instanceof Boolean b ? b : null, text(d.get(ADAPTER)), d.get(HEADERS), d.get(COOKIES),
                d.get(HEADERS_ORIGIN), text(d.get(POSTBACK_URL)), text(d.get(REDIRECT_QUEUE)), text(d.get(SYNC_POSTBACK_URL)),
                d.getString(CURRENT_RUN_ID), d.getDate(RUN_UPDATED_AT), d.getString(LAST_RUN_ID),
                StoredValue.known(RunStatus.class, d.getString(LAST_SYNC_STATUS)), d.getDate(LAST_SYNC_STARTED_AT), d.getDate(LAST_SYNC_ENDED_AT),
                counts == null ? null : Counts.read(counts), RecordedError.read(d.get(LAST_ERROR, Document.class)),
                d.getString(LISTING_URL), d.getString(LISTING_ETAG), d.getString(LISTING_LAST_MODIFIED),
                d.getDate(LAST_FULL_SYNC_AT), asLong(d.get(LAST_ORDERED_WINDOW)), d.getDate(LAST_ORDERED_AT),
                SyncAnnouncement.read(d.get(LAST_SYNCHRONIZED, Document.class)),
                SyncPostback.read(d.get(LAST_SYNC_POSTBACK, Document.class)), d.getDate(SourceFields.UPDATED_AT));
    }

    /** Whether the source is switched off ({@code enabled: false}; missing means on). */
    public boolean disabled() {
        return Boolean.FALSE.equals(enabled);
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
