package io.mediasync.resync.store;

import java.util.Date;
import java.util.List;
import org.bson.Document;

/** A run record as the phases read it (resync_runs; see {@link Runs}). */
public record RunView(Document doc) {

    public String id() {
        return doc.getString("_id");
    }

    public String collection() {
        return doc.getString("collection");
    }

    /** incremental, full or ids */
    public String mode() {
        return doc.getString("mode");
    }

    public String phase() {
        return doc.getString("phase");
    }

    public boolean force() {
        return doc.getBoolean("force", false);
    }

    @SuppressWarnings("unchecked")
    public List<Object> ids() {
        return doc.get("ids", List.class);
    }

    public long seq() {
        return ((Number) doc.get("seq", 0L)).longValue();
    }

    /** Where the current phase stopped (empty: at its start). */
    public Document cursor() {
        Document cursor = doc.get("cursor", Document.class);
        return cursor == null ? new Document() : cursor;
    }

    /** The lower bound of the updatedAt scan (the watermark minus the lookback); null on a collection's first run. */
    public Date updatedSince() {
        Document watermark = doc.get("watermark", Document.class);
        return watermark == null ? null : watermark.getDate("from");
    }
}
