package io.mediasync.catalog.store;

import static io.mediasync.catalog.store.SourceOwnership.CATALOG;
import static io.mediasync.catalog.store.SourceOwnership.CATALOG_SYNCED_AT;
import static io.mediasync.catalog.store.SourceOwnership.CREATED_AT;
import static io.mediasync.catalog.store.SourceOwnership.CREATED_BY;
import static io.mediasync.catalog.store.SourceOwnership.CREATED_BY_CATALOG;
import static io.mediasync.catalog.store.SourceOwnership.REMOVED_FROM_CATALOG_AT;
import static io.mediasync.common.contracts.SourceFields.CONTENT_PATH;
import static io.mediasync.common.contracts.SourceFields.ENABLED;
import static io.mediasync.common.contracts.SourceFields.SOURCE_ID;
import static io.mediasync.common.contracts.SourceFields.UPDATED_AT;
import static io.mediasync.common.contracts.SourceFields.URL;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
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
import io.mediasync.common.mongo.DuplicateKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.jboss.logging.Logger;

/**
 * Writes the catalog into {@code sources}, by {@code source_id}, and only into sources the catalog created
 * ({@link SourceOwnership}): an item whose source is someone else's is skipped and counted {@code foreign}. Every write's
 * filter carries the ownership too, so a source entered by hand while a page is written is not taken over either (the
 * insert collides on the unique {@code source_id}). Only the fields the catalog owns are written ({@code url},
 * {@code content_path}, {@code enabled}, {@code catalog}, plus {@code catalogSyncedAt} and {@code removedFromCatalogAt});
 * an unchanged source is not written at all.
 */
@ApplicationScoped
public class SourceWriter {

    static final String NOT_OURS = "not_created_by_catalog";
    private static final Logger LOG = Logger.getLogger(SourceWriter.class);

    /** A write sent in this page's bulk write. */
    private record Pending(CatalogItem item, boolean insert, boolean moved) {
    }

    private final MongoCollection<Document> sources;
    private final Clock clock;
    private volatile boolean indexed;

    public SourceWriter(MongoDatabase db, CatalogRunConfig config, Clock clock) {
        this.sources = db.getCollection(config.sourcesCollection());
        this.clock = clock;
    }

    /** @return the items that are new or moved (url or content_path changed): the ones to order a sync for */
    public List<CatalogItem> write(List<CatalogItem> items, RunCounts counts, NewSourceAllowance allowance) {
        ensureIndex();
        Map<Long, Document> stored = new HashMap<>();
        sources.find(Filters.in(SOURCE_ID, items.stream().map(CatalogItem::sourceId).toList()))
                .projection(Projections.include(SOURCE_ID, URL, CONTENT_PATH, ENABLED, CATALOG, REMOVED_FROM_CATALOG_AT, CREATED_BY))
                .forEach(d -> stored.put(((Number) d.get(SOURCE_ID)).longValue(), d));
        Date now = Date.from(clock.instant());
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        for (CatalogItem item : items) {
            Document before = stored.get(item.sourceId());
            if (before != null && !SourceOwnership.isOurs(before)) {
                skipForeign(item.sourceId(), counts, "source " + item.sourceId() + " was not created by catalog-sync: left as it is");
                continue;
            }
            if (before == null && !allowance.take()) {
                counts.notCreated(item.sourceId(), "new_sources_limit", "over CATALOG_MAX_NEW_SOURCES: not created");
                continue;
            }
            if (before != null && same(before, item)) {
                counts.unchanged();
                continue;
            }
            writes.add(model(item, before == null, now));
            pending.add(new Pending(item, before == null, before == null || !Objects.equals(before.get(URL), item.url())
                    || !Objects.equals(before.get(CONTENT_PATH), item.contentPath())));
            // an id listed twice counts once as changed
            stored.put(item.sourceId(), new Document(URL, item.url()).append(CONTENT_PATH, item.contentPath())
                    .append(ENABLED, item.enabled()).append(CATALOG, item.catalog()).append(CREATED_BY, CREATED_BY_CATALOG));
        }
        Map<Integer, BulkWriteError> refused = apply(writes);
        List<CatalogItem> toOrder = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            BulkWriteError error = refused.get(i);
            if (error != null) {
                refuse(p.item(), error, counts);
                continue;
            }
            counts.stored(p.insert());
            if (p.moved() && p.item().enabled()) {
                toOrder.add(p.item());
            }
        }
        return toOrder;
    }

    /** An insert only creates (filter: this id and ours); an update only changes a source that is ours. */
    private static UpdateOneModel<Document> model(CatalogItem item, boolean insert, Date now) {
        return new UpdateOneModel<>(Filters.and(Filters.eq(SOURCE_ID, item.sourceId()), SourceOwnership.ours()), Updates.combine(
                Updates.set(URL, item.url()), Updates.set(CONTENT_PATH, item.contentPath()),
                Updates.set(ENABLED, item.enabled()), Updates.set(CATALOG, item.catalog()),
                Updates.set(CATALOG_SYNCED_AT, now), Updates.set(UPDATED_AT, now), Updates.unset(REMOVED_FROM_CATALOG_AT),
                Updates.setOnInsert(CREATED_AT, now)), new UpdateOptions().upsert(insert));
    }

    /** @return the writes MongoDB refused, by index (the others are applied: the bulk write is unordered) */
    private Map<Integer, BulkWriteError> apply(List<WriteModel<Document>> writes) {
        Map<Integer, BulkWriteError> refused = new HashMap<>();
        if (writes.isEmpty()) {
            return refused;
        }
        try {
            sources.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            e.getWriteErrors().forEach(error -> refused.put(error.getIndex(), error));
        }
        return refused;
    }

    private static void refuse(CatalogItem item, BulkWriteError error, RunCounts counts) {
        if (DuplicateKey.is(error.getCode())) {
            skipForeign(item.sourceId(), counts, "source " + item.sourceId() + " was created by someone else during the run: left as it is");
            return;
        }
        counts.invalid(item.sourceId(), "write_refused", "MongoDB refused the write (" + error.getCode() + ")");
        LOG.warnf("source %d not written: MongoDB refused it (%d: %s)", item.sourceId(), error.getCode(), error.getMessage());
    }

    private static void skipForeign(Long sourceId, RunCounts counts, String detail) {
        counts.foreign(sourceId, NOT_OURS, detail);
        LOG.warnf("%s", detail);
    }

    private static boolean same(Document before, CatalogItem item) {
        return Objects.equals(before.get(URL), item.url()) && Objects.equals(before.get(CONTENT_PATH), item.contentPath())
                && !Boolean.FALSE.equals(before.get(ENABLED)) == item.enabled() && before.get(REMOVED_FROM_CATALOG_AT) == null
                && Objects.equals(before.get(CATALOG), item.catalog());
    }

    private void ensureIndex() {
        if (!indexed) {
            sources.createIndex(Indexes.ascending(SOURCE_ID), new IndexOptions().unique(true));
            indexed = true;
        }
    }
}
