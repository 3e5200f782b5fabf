package io.mediasync.resync.model;

import io.mediasync.common.contracts.ImageUrl;
import io.mediasync.common.hash.Sha256;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Decides what a document needs (its {@link Plan}, the record nested here) from the document itself and what the
 * re-sync last wrote on it: the one rule provide, execute and apply all use.
 *
 * <ul>
 *   <li>An image field is changed when it has no image_resync entry, or one made from another URL (or inherited), or
 *       its info is missing after a success, or it failed longer than RESYNC_RETRY_FAILED_AFTER ago.</li>
 *   <li>A document with no image of its own and a parent reference inherits: it is changed when what is written on
 *       it is not what is written on its parent.</li>
 *   <li>What the re-sync wrote for a field that no longer has an image is removed; nothing it did not write is.</li>
 * </ul>
 */
public final class Planner {

    private final ResyncModel model;
    private final Duration retryFailedAfter;
    private final Clock clock;

    public Planner(ResyncModel model, Duration retryFailedAfter, Clock clock) {
        this.model = model;
        this.retryFailedAfter = retryFailedAfter;
        this.clock = clock;
    }

    /** field → URL of every image field the document has (a non-empty string). */
    public static Map<String, String> ownImages(Document doc) {
        Map<String, String> own = new LinkedHashMap<>();
        for (String field : ImageFields.ALL) {
            if (doc.get(field) instanceof String url && !url.isEmpty()) {
                own.put(field, url);
            }
        }
        return own;
    }

    /** Whether the document shows its parent's images: no image of its own, and a parent reference. */
    public boolean inherits(String collection, Document doc) {
        return ownImages(doc).isEmpty() && model.parentOf(collection).map(r -> doc.get(r.referenceField()) != null).orElse(false);
    }

    /** The plan of a document with images of its own (or of one that shows nothing). */
    public Plan plan(Document doc, boolean force) {
        return own(doc, force, retryFailedAfter);
    }

    /** The plan of an inheriting document, against its parent (empty: the parent does not exist). */
    public Plan planInheriting(Document child, Optional<Document> parent) {
        boolean differs = false;
        for (String field : ImageFields.ALL) {
            Optional<ImageFields.Written> mine = ImageFields.Written.of(child, field);
            Optional<ImageFields.Written> theirs = parent.flatMap(p -> ImageFields.Written.of(p, field));
            differs |= theirs.isEmpty() ? mine.isPresent()
                    : mine.isEmpty() || !mine.get().sameAsInheritedFrom(theirs.get(), parent.get().get("_id"));
        }
        return new Plan(Map.of(), Map.of(), List.of(), true, differs, differs ? "inherit" : null);
    }

    /**
     * Whether a parent's written state is final for now, so children may copy it: nothing of its own waits for a
     * resize (a failure waiting for its retry counts as final).
     */
    public boolean settled(String collection, Document parent) {
        return inherits(collection, parent) || !own(parent, false, Duration.ofDays(365_000)).changed();
    }

    private Plan own(Document doc, boolean force, Duration retryAfter) {
        Map<String, String> own = ownImages(doc);
        Map<String, String> order = new LinkedHashMap<>();
        Map<String, String> bad = new LinkedHashMap<>();
        List<String> clear = new ArrayList<>();
        String reason = null;
        for (String field : ImageFields.ALL) {
            String url = own.get(field);
            Optional<ImageFields.Written> written = ImageFields.Written.of(doc, field);
            if (url == null) {
                if (written.isPresent()) {
                    clear.add(field);
                    reason = reason == null ? "cleanup" : reason;
                }
                continue;
            }
            String why = force ? "requested" : why(doc, field, url, written, retryAfter);
            if (why == null) {
                continue;
            }
            if (ImageUrl.problem(url).isPresent()) { // recorded failed as the resizer would, without an order
                bad.put(field, url);
                reason = "bad_url";
                continue;
            }
            order.put(field, url);
            reason = why;
        }
        return new Plan(order, bad, clear, false, false, reason);
    }

    /** Why this field needs a resize, or null when what is written on it is current. */
    private String why(Document doc, String field, String url, Optional<ImageFields.Written> written, Duration retryAfter) {
        if (written.isEmpty()) {
            return "new";
        }
        ImageFields.Written w = written.get();
        if (!url.equals(w.sourceUrl()) || w.inherited()) {
            return "image_changed";
        }
        if (w.done()) {
            return w.hasInfo() ? null : "info_missing";
        }
        if (w.failed()) {
            boolean due = w.at() == null || w.at().toInstant().plus(retryAfter).isBefore(clock.instant());
            return due ? "retry_failed" : null;
        }
        return "new";
    }

    /**
     * What one document needs from the re-sync now.
     *
     * @param order      image fields to resize: field → URL
     * @param badUrls    fields whose URL the resizer would refuse: recorded failed without an order
     * @param clear      fields without an image whose earlier image_resync/info the re-sync wrote: to remove
     * @param inherits   the document shows its parent's images (no image of its own, a parent reference)
     * @param copy       an inheriting document whose written state differs from its parent's
     * @param reason     why it changed (new, image_changed, info_missing, retry_failed, bad_url, cleanup, inherit, requested)
     */
    public record Plan(Map<String, String> order, Map<String, String> badUrls, List<String> clear, boolean inherits, boolean copy,
            String reason) {

        public Plan {
            order = new TreeMap<>(order);
            badUrls = new TreeMap<>(badUrls);
            clear = List.copyOf(clear);
        }

        public boolean changed() {
            return !order.isEmpty() || !badUrls.isEmpty() || !clear.isEmpty() || copy;
        }

        /** Identifies what is ordered: the same fields with the same URLs make the same hash. */
        public String orderHash() {
            StringBuilder key = new StringBuilder();
            order.forEach((field, url) -> key.append(field).append('=').append(url).append('\n'));
            return Sha256.hex(key.toString());
        }
    }
}
