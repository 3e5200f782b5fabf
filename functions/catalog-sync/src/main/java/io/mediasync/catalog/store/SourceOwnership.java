package io.mediasync.catalog.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.mediasync.catalog.config.CatalogRunConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Date;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

/**
 * Which sources are the catalog's: those it created, marked {@code createdBy: "catalog-sync"} when it inserted them
 * (never set by an update). Every other source (entered by hand, by a script, by another system) is never changed or
 * disabled by a run, whatever the feed lists. Sources the catalog wrote before ownership was recorded carry
 * {@code catalogSyncedAt} and no {@code createdBy}: a run adopts them first ({@code createdByAdoptedAt}; checked every
 * run, so a restored backup is covered too); an operator takes one back by setting {@code createdBy} to anything else.
 * Also names, once, the fields of {@code sources} only catalog-sync writes.
 */
@ApplicationScoped
public class SourceOwnership {

    // The fields of sources only catalog-sync writes; those source-sync reads too are common's SourceFields. sources is
    // shared with source-sync (which owns the sync state: lastSync*, files, ...), so it is no record of this module: a run
    // writes only these and the shared ones, by atomic updates on source_id.

    /** The catalog item's other fields. */
    public static final String CATALOG = "catalog";
    /** Who created the source; catalog-sync changes only those it created ({@link #CREATED_BY_CATALOG}). */
    public static final String CREATED_BY = "createdBy";
    /** The value of {@link #CREATED_BY} on the sources catalog-sync created. */
    public static final String CREATED_BY_CATALOG = "catalog-sync";
    /** When a run adopted a source the catalog wrote before ownership was recorded. */
    public static final String CREATED_BY_ADOPTED_AT = "createdByAdoptedAt";
    /** When a run last wrote the source. */
    public static final String CATALOG_SYNCED_AT = "catalogSyncedAt";
    /** When a complete listing first no longer held it (it was disabled then); removed when it comes back. */
    public static final String REMOVED_FROM_CATALOG_AT = "removedFromCatalogAt";
    public static final String CREATED_AT = "createdAt";

    private static final Logger LOG = Logger.getLogger(SourceOwnership.class);

    private final MongoCollection<Document> sources;
    private final Clock clock;

    public SourceOwnership(MongoDatabase db, CatalogRunConfig config, Clock clock) {
        this.sources = db.getCollection(config.sourcesCollection());
        this.clock = clock;
    }

    /** The filter every write of the catalog carries. */
    static Bson ours() {
        return Filters.eq(CREATED_BY, CREATED_BY_CATALOG);
    }

    static boolean isOurs(Document source) {
        return CREATED_BY_CATALOG.equals(source.get(CREATED_BY));
    }

    /** Whether the catalog created any source yet (until then a run is the first import). */
    public boolean ownsAny() {
        return sources.find(ours()).limit(1).first() != null;
    }

    /** Marks the sources a catalog run wrote before this version as the catalog's. */
    public void adoptLegacy() {
        long count = sources.updateMany(Filters.and(Filters.exists(CATALOG_SYNCED_AT), Filters.exists(CREATED_BY, false)),
                Updates.combine(Updates.set(CREATED_BY, CREATED_BY_CATALOG), Updates.set(CREATED_BY_ADOPTED_AT, Date.from(clock.instant()))))
                .getModifiedCount();
        if (count > 0) {
            LOG.infof("%d source(s) written by catalog-sync before ownership was recorded are now marked createdBy: %s", count, CREATED_BY_CATALOG);
        }
    }
}
