package io.mediasync.resync.provide;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.mediasync.resync.model.IdAfter;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One resumable pass over a collection, in ({@code sortField}, {@code _id}) order (or {@code _id} alone), so it can
 * stop after any document and go on from there in a later invocation: an index on the same keys serves it. Where
 * provide stopped in its scans is a {@link Cursor}.
 */
public record Scan(String name, Bson filter, String sortField) {

    public Bson sort() {
        return sortField == null ? Sorts.ascending("_id") : Sorts.ascending(sortField, "_id");
    }

    /** The scan's filter, from just after ({@code lastKey}, {@code lastId}); a null lastId starts at the beginning. */
    public Bson from(Object lastKey, Object lastId) {
        if (lastId == null) {
            return filter;
        }
        Bson afterId = IdAfter.after("_id", lastId);
        if (sortField == null || lastKey == null) { // within the null keys (first in order) the _id decides
            return Filters.and(filter, sortField == null ? afterId : Filters.or(Filters.and(Filters.eq(sortField, null), afterId),
                    Filters.ne(sortField, null)));
        }
        return Filters.and(filter, Filters.or(Filters.gt(sortField, lastKey), Filters.and(Filters.eq(sortField, lastKey), afterId)));
    }

    /** The value of the sort field in a document (dotted path), for the cursor. */
    public Object keyOf(Document doc) {
        if (sortField == null) {
            return null;
        }
        Object value = doc;
        for (String part : sortField.split("\\.")) {
            value = value instanceof Document d ? d.get(part) : null;
        }
        return value;
    }

    /**
     * Where provide stopped, as the run record's {@code cursor} keeps it while the run is providing: the scan it is in
     * and the sort key and {@code _id} of the last document it read (none: at the scan's start).
     */
    record Cursor(int scan, Object key, Object id) {

        static final String SCAN = "scan";
        static final String KEY = "key";
        static final String ID = "id";

        /** The start of scan {@code scan}. */
        static Cursor startOf(int scan) {
            return new Cursor(scan, null, null);
        }

        /** The saved cursor; an empty one (the phase's start) is the start of the first scan. */
        static Cursor read(Document cursor) {
            return new Cursor(cursor.getInteger(SCAN, 0), cursor.get(KEY), cursor.get(ID));
        }

        Document toDocument() {
            Document cursor = new Document(SCAN, scan);
            return id == null ? cursor : cursor.append(KEY, key).append(ID, id);
        }
    }
}
