package io.mediasync.resync.model;

import io.mediasync.common.failure.RecordStatus;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;

/**
 * What the re-sync last wrote about one image field of a document ({@code image_resync.<field>}), and whether the
 * field's {@code <field>_info} is there.
 */
public record Written(String sourceUrl, String status, Document error, Date at, Object inheritedFrom, boolean hasInfo) {

    public static Optional<Written> of(Document doc, String field) {
        if (doc == null) {
            return Optional.empty();
        }
        Document all = doc.get(ImageFields.RESYNC, Document.class);
        Document entry = all == null ? null : all.get(field, Document.class);
        if (entry == null) {
            return Optional.empty();
        }
        return Optional.of(new Written(entry.getString("source_url"), entry.getString("status"), entry.get("error", Document.class),
                entry.getDate("at"), entry.get("inherited_from"), doc.get(ImageFields.info(field)) instanceof Document));
    }

    public boolean done() {
        return RecordStatus.DONE.value().equals(status);
    }

    public boolean failed() {
        return RecordStatus.FAILED.value().equals(status);
    }

    public boolean inherited() {
        return inheritedFrom != null;
    }

    /** The same state as the parent's, inherited from that parent. */
    public boolean sameAsInheritedFrom(Written parent, Object parentId) {
        return Objects.equals(sourceUrl, parent.sourceUrl) && Objects.equals(status, parent.status)
                && Objects.equals(inheritedFrom, parentId) && hasInfo == parent.hasInfo;
    }
}
