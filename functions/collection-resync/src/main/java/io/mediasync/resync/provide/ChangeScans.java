package io.mediasync.resync.provide;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.mediasync.common.failure.RecordStatus;
import io.mediasync.resync.model.ImageFields;
import io.mediasync.resync.store.Documents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.BsonType;
import org.bson.Document;

/**
 * How provide finds what changed in a collection, each pass served by an index ({@link #createIndexes}):
 *
 * <ul>
 *   <li>{@code updated}: updatedAt at or after the watermark minus RESYNC_LOOKBACK (none on the first run);</li>
 *   <li>{@code new:<field>}: an image never re-synced (no image_resync entry), written with or without updatedAt;</li>
 *   <li>{@code retry:<field>}: a failure older than RESYNC_RETRY_FAILED_AFTER;</li>
 *   <li>a full run reads every document; a run for ids reads those.</li>
 * </ul>
 * Each document found is then judged by the Planner: being found is not being changed.
 */
public final class ChangeScans {

    private ChangeScans() {
    }

    public static List<Scan> incremental(Date updatedSince, Date failedBefore) {
        List<Scan> scans = new ArrayList<>();
        if (updatedSince != null) {
            scans.add(new Scan("updated", Filters.gte("updatedAt", updatedSince), "updatedAt"));
        }
        for (String field : ImageFields.ALL) {
            String source = ImageFields.resync(field, ImageFields.Written.SOURCE_URL);
            scans.add(new Scan("new:" + field, Filters.and(Filters.type(field, BsonType.STRING), Filters.eq(source, null)), source));
        }
        for (String field : ImageFields.ALL) {
            String at = ImageFields.resync(field, ImageFields.Written.AT);
            scans.add(new Scan("retry:" + field, Filters.and(Filters.eq(ImageFields.resync(field, ImageFields.Written.STATUS),
                    RecordStatus.FAILED.value()), Filters.lt(at, failedBefore)), at));
        }
        return scans;
    }

    public static List<Scan> full() {
        return List.of(new Scan("all", new Document(), null));
    }

    public static List<Scan> ids(List<Object> ids) {
        return List.of(new Scan("ids", Filters.in("_id", ids), null));
    }

    /** The failed-before bound of the retry scans. */
    public static Date failedBefore(Date now, Duration retryAfter) {
        return Date.from(now.toInstant().minus(retryAfter));
    }

    /**
     * The indexes the incremental scans need; partial where only a few documents qualify, so a daily run reads
     * what changed, not the collection. Creating an index that exists is a no-op.
     */
    public static void createIndexes(Documents documents, String collection) {
        var docs = documents.of(collection);
        docs.createIndex(Indexes.ascending("updatedAt", "_id"));
        for (String field : ImageFields.ALL) {
            docs.createIndex(Indexes.ascending(ImageFields.resync(field, ImageFields.Written.SOURCE_URL), "_id"),
                    new IndexOptions().name("resync_new_" + field).partialFilterExpression(Filters.type(field, BsonType.STRING)));
            String failed = ImageFields.resync(field, ImageFields.Written.STATUS);
            docs.createIndex(Indexes.ascending(ImageFields.resync(field, ImageFields.Written.AT), "_id"), new IndexOptions()
                    .name("resync_retry_" + field).partialFilterExpression(Filters.eq(failed, RecordStatus.FAILED.value())));
        }
    }
}
