package io.mediasync.resync.provide;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.mediasync.resync.model.IdAfter;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One resumable pass over a collection, in ({@code sortField}, {@code _id}) order (or {@code _id} alone), so it can
 * stop after any document and go on from there in a later invocation: an index on the same keys serves it.
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
}
