package io.mediasync.catalog.sync;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.mediasync.catalog.config.CatalogRunConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;

/**
 * Writes the catalog into {@code sources}, by {@code source_id}. Only the fields the catalog owns are ever written
 * ({@code url}, {@code content_path}, {@code enabled}, {@code catalog}, plus {@code catalogSyncedAt} and
 * {@code removedFromCatalogAt}): what the downloader and the scheduler write on a source is left alone. An
 * unchanged source is not written at all.
 */
@ApplicationScoped
public class SourceWriter {

    static final String ID = "source_id";

    private final MongoCollection<Document> sources;
    private volatile boolean indexed;

    public SourceWriter(MongoDatabase db, CatalogRunConfig config) {
        this.sources = db.getCollection(config.sourcesCollection());
    }

    /** @return the items that are new or moved (url or content_path changed): the ones to order a sync for */
    public List<CatalogItem> write(List<CatalogItem> items, RunCounts counts) {
        ensureIndex();
        Map<Long, Document> stored = new HashMap<>();
        sources.find(Filters.in(ID, items.stream().map(CatalogItem::sourceId).toList()))
                .projection(Projections.include(ID, "url", "content_path", "enabled", "catalog", "removedFromCatalogAt"))
                .forEach(d -> stored.put(((Number) d.get(ID)).longValue(), d));
        Date now = new Date();
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<CatalogItem> toOrder = new ArrayList<>();
        for (CatalogItem item : items) {
            Document before = stored.get(item.sourceId());
            if (before == null) {
                counts.inserted++;
            } else if (same(before, item)) {
                counts.unchanged++;
                continue;
            } else {
                counts.updated++;
            }
            boolean moved = before == null || !Objects.equals(before.get("url"), item.url())
                    || !Objects.equals(before.get("content_path"), item.contentPath());
            if (moved && item.enabled()) {
                toOrder.add(item);
            }
            writes.add(new UpdateOneModel<>(Filters.eq(ID, item.sourceId()), Updates.combine(
                    Updates.set("url", item.url()), Updates.set("content_path", item.contentPath()),
                    Updates.set("enabled", item.enabled()), Updates.set("catalog", item.catalog()),
                    Updates.set("catalogSyncedAt", now), Updates.set("updatedAt", now), Updates.unset("removedFromCatalogAt"),
                    Updates.setOnInsert("createdAt", now)), new UpdateOptions().upsert(true)));
            stored.put(item.sourceId(), new Document("url", item.url()).append("content_path", item.contentPath())
                    .append("enabled", item.enabled()).append("catalog", item.catalog())); // an id listed twice counts once as changed
        }
        if (!writes.isEmpty()) {
            sources.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        return toOrder;
    }

    /**
     * After a complete listing: every enabled source the catalog wrote before and did not list now is disabled
     * ({@code enabled: false}, {@code removedFromCatalogAt}), never deleted. Sources never written by the catalog
     * (entered by hand) are not touched.
     */
    public int disableMissing(Set<Long> listed) {
        List<Long> missing = new ArrayList<>();
        sources.find(Filters.and(Filters.exists("catalogSyncedAt"), Filters.ne("enabled", false)))
                .projection(Projections.include(ID)).forEach(d -> {
                    long id = ((Number) d.get(ID)).longValue();
                    if (!listed.contains(id)) {
                        missing.add(id);
                    }
                });
        if (missing.isEmpty()) {
            return 0;
        }
        Date now = new Date();
        return (int) sources.updateMany(Filters.in(ID, missing), Updates.combine(Updates.set("enabled", false),
                Updates.set("removedFromCatalogAt", now), Updates.set("updatedAt", now))).getModifiedCount();
    }

    private static boolean same(Document before, CatalogItem item) {
        return Objects.equals(before.get("url"), item.url()) && Objects.equals(before.get("content_path"), item.contentPath())
                && !Boolean.FALSE.equals(before.get("enabled")) == item.enabled() && before.get("removedFromCatalogAt") == null
                && Objects.equals(before.get("catalog"), item.catalog());
    }

    private void ensureIndex() {
        if (!indexed) {
            sources.createIndex(Indexes.ascending(ID), new IndexOptions().unique(true));
            indexed = true;
        }
    }
}
