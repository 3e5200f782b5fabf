package io.mediasync.resync.store;

import io.mediasync.common.mongo.RecordCodec;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * One row of the sync storage (seed 002), resync_storage: a document still to do, keyed {@code <collection>|<id>}
 * (see {@link Storage}). Written field by field (upserts, compare-and-set claims), never inserted whole.
 *
 * @param relatedTo  the row key of the document whose change made this one related (related rows only)
 * @param force      a manual run asked to resize its images even if unchanged
 * @param runId      the run that provided it first, which owns it until it is removed
 * @param providedBy the run that provided it last
 * @param ordered    the order it was claimed for, if it was ordered
 */
public record StorageRow(String key, String collection, Object docId, String reason, String relatedTo, boolean force, String runId,
        String providedBy, Date providedAt, Date createdAt, Order ordered) {

    public static final String KEY = "_id";
    public static final String COLLECTION = "collection";
    public static final String DOC_ID = "docId";
    public static final String REASON = "reason";
    public static final String RELATED_TO = "relatedTo";
    public static final String FORCE = "force";
    public static final String RUN_ID = "runId";
    public static final String PROVIDED_BY = "providedBy";
    public static final String PROVIDED_AT = "providedAt";
    public static final String CREATED_AT = "createdAt";
    public static final String ORDERED = "ordered";
    public static final String ORDERED_TOKEN = ORDERED + "." + Order.TOKEN;
    public static final String ORDERED_SENT = ORDERED + "." + Order.SENT;
    public static final String ORDERED_INHERITING = ORDERED + "." + Order.INHERITING;

    public static final RecordCodec<StorageRow> CODEC = RecordCodec.readOnly(StorageRow.class, StorageRow::read);

    public static StorageRow read(Document doc) {
        return new StorageRow(doc.getString(KEY), doc.getString(COLLECTION), doc.get(DOC_ID), doc.getString(REASON),
                doc.getString(RELATED_TO), doc.getBoolean(FORCE, false), doc.getString(RUN_ID), doc.getString(PROVIDED_BY),
                doc.getDate(PROVIDED_AT), doc.getDate(CREATED_AT), Order.read(doc.get(ORDERED, Document.class)));
    }

    /**
     * The claim a row's resize order holds: the order's fields and their hash, its token (which claim a result
     * answers), the run that sent it, when, how many orders the fields have had, and whether it reached the queue.
     *
     * @param inheriting where passing the applied result on stands, while that walk goes beyond an invocation
     */
    public record Order(String hash, String token, String run, Date at, Map<String, String> fields, int attempts, boolean sent,
            Inheriting inheriting) {

        public static final String HASH = "hash";
        public static final String TOKEN = "token";
        public static final String RUN = "run";
        public static final String AT = "at";
        public static final String FIELDS = "fields";
        public static final String ATTEMPTS = "attempts";
        public static final String SENT = "sent";
        public static final String INHERITING = "inheriting";

        /** The claim as it is set on the row, whole. */
        public Document toDocument() {
            Document order = new Document(HASH, hash).append(TOKEN, token).append(RUN, run).append(AT, at)
                    .append(FIELDS, new Document(fields)).append(ATTEMPTS, attempts).append(SENT, sent);
            return inheriting == null ? order : order.append(INHERITING, inheriting.toDocument());
        }

        static Order read(Document order) {
            if (order == null) {
                return null;
            }
            Map<String, String> fields = new LinkedHashMap<>(); // in the order they were ordered
            order.get(FIELDS, new Document()).forEach((field, url) -> fields.put(field, (String) url));
            return new Order(order.getString(HASH), order.getString(TOKEN), order.getString(RUN), order.getDate(AT), fields,
                    order.getInteger(ATTEMPTS, 1), order.getBoolean(SENT, false), Inheriting.read(order.get(INHERITING, Document.class)));
        }
    }

    /**
     * Where passing an applied result on to the documents that show it stands: the walk's cursor, the moment the
     * document was read ({@code since}: rows provided later stay), the follow-up step it is at, and when it was saved.
     */
    public record Inheriting(Document cursor, Date since, long seq, Date at) {

        public static final String CURSOR = "cursor";
        public static final String SINCE = "since";
        public static final String SEQ = "seq";
        public static final String AT = "at";

        public Document toDocument() {
            return new Document(CURSOR, cursor).append(SINCE, since).append(SEQ, seq).append(AT, at);
        }

        static Inheriting read(Document inheriting) {
            return inheriting == null ? null : new Inheriting(inheriting.get(CURSOR, Document.class), inheriting.getDate(SINCE),
                    inheriting.get(SEQ, Number.class).longValue(), inheriting.getDate(AT));
        }
    }
}
