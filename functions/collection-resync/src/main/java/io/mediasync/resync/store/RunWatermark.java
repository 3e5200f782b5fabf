package io.mediasync.resync.store;

import io.mediasync.common.mongo.RecordCodec;
import java.util.Date;
import org.bson.Document;

/**
 * Up to which updatedAt every change of a collection is committed: one record per collection in resync_runs, beside
 * the runs ({@code _id: "watermark:<collection>"}), moved forward only when a run completes (see {@link Runs}).
 */
public record RunWatermark(String collection, Date to) {

    public static final String ID = "_id";
    public static final String COLLECTION = "collection";
    public static final String TO = "to";

    public static final RecordCodec<RunWatermark> CODEC = RecordCodec.readOnly(RunWatermark.class, RunWatermark::read);

    /** The record's {@code _id}: named so that no run id (a collection's name and a time) can be the same. */
    public static String idOf(String collection) {
        return "watermark:" + collection;
    }

    public static RunWatermark read(Document doc) {
        return new RunWatermark(doc.getString(COLLECTION), doc.getDate(TO));
    }
}
