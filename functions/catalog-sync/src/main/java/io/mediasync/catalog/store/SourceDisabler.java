package io.mediasync.catalog.store;

import static io.mediasync.catalog.store.SourceOwnership.REMOVED_FROM_CATALOG_AT;
import static io.mediasync.common.contracts.SourceFields.ENABLED;
import static io.mediasync.common.contracts.SourceFields.SOURCE_ID;
import static io.mediasync.common.contracts.SourceFields.UPDATED_AT;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.mediasync.catalog.config.CatalogLimitsConfig;
import io.mediasync.catalog.config.CatalogRunConfig;
import io.mediasync.catalog.fetch.CatalogFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * After a complete listing: every enabled source the catalog created and did not list now is disabled
 * ({@code enabled: false}, {@code removedFromCatalogAt}), never deleted; sources the catalog did not create are never
 * touched. A feed that would disable more than CATALOG_MAX_DISABLE_SHARE of the catalog's enabled sources (at least
 * one is always allowed while the share is above 0) disables nothing: the run is refused ({@code disable_limit}) until
 * an operator forces it.
 */
@ApplicationScoped
public class SourceDisabler {

    private final MongoCollection<Document> sources;
    private final Clock clock;
    private final double maxShare;

    public SourceDisabler(MongoDatabase db, CatalogRunConfig config, CatalogLimitsConfig limits, Clock clock) {
        this.sources = db.getCollection(config.sourcesCollection());
        this.maxShare = limits.maxDisableShare();
        this.clock = clock;
    }

    /** @return how many sources were disabled */
    public int disableMissing(Set<Long> listed, boolean force) throws CatalogFailure {
        List<Long> missing = new ArrayList<>();
        int[] enabled = {0};
        sources.find(Filters.and(SourceOwnership.ours(), Filters.ne(ENABLED, false)))
                .projection(Projections.include(SOURCE_ID)).forEach(d -> {
                    enabled[0]++;
                    long id = ((Number) d.get(SOURCE_ID)).longValue();
                    if (!listed.contains(id)) {
                        missing.add(id);
                    }
                });
        if (missing.isEmpty()) {
            return 0;
        }
        int allowed = allowed(enabled[0]);
        if (!force && missing.size() > allowed) {
            throw CatalogFailure.refused("disable_limit", "the listing would disable " + missing.size() + " of the catalog's "
                    + enabled[0] + " enabled sources, more than CATALOG_MAX_DISABLE_SHARE " + maxShare + " allows (" + allowed
                    + "): nothing disabled; PATCH /api/syncall?force=true applies it");
        }
        Date now = Date.from(clock.instant());
        return (int) sources.updateMany(Filters.and(Filters.in(SOURCE_ID, missing), SourceOwnership.ours()), Updates.combine(
                Updates.set(ENABLED, false), Updates.set(REMOVED_FROM_CATALOG_AT, now), Updates.set(UPDATED_AT, now))).getModifiedCount();
    }

    private int allowed(int enabled) {
        return maxShare <= 0 ? 0 : Math.max(1, (int) Math.floor(enabled * maxShare + 1e-9));
    }
}
