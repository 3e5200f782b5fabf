package io.mediasync.resync.model;

import io.mediasync.common.contracts.ResizeOrder;
import io.mediasync.common.contracts.ResizeResult;
import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.common.mongo.StoredValue;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;

/**
 * The image fields of seed 004's orders, the only two the resizer knows, and where the re-sync writes about each:
 * {@code <field>_info} (the resizer's sizes, the seed's postback shape) and {@code image_resync.<field>}, whose entry is
 * a {@link Written}.
 */
public final class ImageFields {

    public static final List<String> ALL = List.of(ResizeOrder.IMAGE_URL, ResizeOrder.ITUNES_IMAGE);
    public static final String RESYNC = "image_resync";

    private ImageFields() {
    }

    public static String info(String field) {
        return ResizeResult.infoField(field);
    }

    /** "image_resync.image_url": what the re-sync last wrote about the field (source_url, status, error, at, inherited_from). */
    public static String resync(String field) {
        return RESYNC + "." + field;
    }

    public static String resync(String field, String entry) {
        return resync(field) + "." + entry;
    }

    /**
     * What the re-sync last wrote about one image field of a document, {@code image_resync.<field>}:
     * {@code {source_url, status, error?, at, inherited_from?}} (the names ../shared/DESIGN.md gives), and whether the
     * field's {@code <field>_info} is there. The document is the user's; this entry is the one part of it that is the
     * system's, named here only.
     *
     * @param status        done or failed (null for a status this version does not know: hand-edited)
     * @param inheritedFrom the parent document's {@code _id} the entry was passed on from; null when written for the field
     */
    public record Written(String sourceUrl, RecordStatus status, RecordedError error, Date at, Object inheritedFrom, boolean hasInfo) {

        public static final String SOURCE_URL = "source_url";
        public static final String STATUS = "status";
        public static final String ERROR = "error";
        public static final String AT = "at";
        public static final String INHERITED_FROM = "inherited_from";

        /** The resizer's sizes were written for {@code url}. */
        public static Written done(String url, Date at) {
            return new Written(url, RecordStatus.DONE, null, at, null, true);
        }

        /** {@code url} cannot be resized: why. */
        public static Written failed(String url, String code, String reason, Date at) {
            return new Written(url, RecordStatus.FAILED, RecordedError.of(code, reason), at, null, false);
        }

        public static Optional<Written> of(Document doc, String field) {
            if (doc == null) {
                return Optional.empty();
            }
            Document all = doc.get(ImageFields.RESYNC, Document.class);
            Document entry = all == null ? null : all.get(field, Document.class);
            if (entry == null) {
                return Optional.empty();
            }
            return Optional.of(new Written(entry.getString(SOURCE_URL), StoredValue.known(RecordStatus.class, entry.getString(STATUS)),
                    RecordedError.read(entry.get(ERROR, Document.class)), entry.getDate(AT), entry.get(INHERITED_FROM),
                    doc.get(ImageFields.info(field)) instanceof Document));
        }

        /** The same entry, passed on from the parent {@code parentId}. */
        public Written inheritedFrom(Object parentId) {
            return new Written(sourceUrl, status, error, at, parentId, hasInfo);
        }

        /** As stored under {@code image_resync.<field>}. */
        public Document toEntry() {
            Document entry = new Document(SOURCE_URL, sourceUrl).append(STATUS, status == null ? null : status.value());
            if (error != null) {
                entry.append(ERROR, error.toDocument());
            }
            entry.append(AT, at);
            return inheritedFrom == null ? entry : entry.append(INHERITED_FROM, inheritedFrom);
        }

        public boolean done() {
            return status == RecordStatus.DONE;
        }

        public boolean failed() {
            return status == RecordStatus.FAILED;
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
}
