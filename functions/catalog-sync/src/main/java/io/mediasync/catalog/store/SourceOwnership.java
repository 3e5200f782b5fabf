package io.mediasync.catalog.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.mediasync.catalog.config.CatalogRunConfig;
import jakarta.enterprise.context.ApplicationScoped;
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
 */
@ApplicationScoped
public class SourceOwnership {

    static final String FIELD = "createdBy";
    static final String CATALOG = "catalog-sync";

    private static final Logger LOG = Logger.getLogger(SourceOwnership.class);

    private final MongoCollection<Document> sources;

    public SourceOwnership(MongoDatabase db, CatalogRunConfig config) {
        this.sources = db.getCollection(config.sourcesCollection());
    }

    /** The filter every write of the catalog carries. */
    static Bson ours() {
        return Filters.eq(FIELD, CATALOG);
    }

    static boolean isOurs(Document source) {
        return CATALOG.equals(source.get(FIELD));
    }

    /** Whether the catalog created any source yet (until then a run is the first import). */
    public boolean ownsAny() {
        return sources.find(ours()).limit(1).first() != null;
    }

    /** Marks the sources a catalog run wrote before this version as the catalog's. */
    public void adoptLegacy() {
        long count = sources.updateMany(Filters.and(Filters.exists("catalogSyncedAt"), Filters.exists(FIELD, false)),
                Updates.combine(Updates.set(FIELD, CATALOG), Updates.set("createdByAdoptedAt", new Date()))).getModifiedCount();
        if (count > 0) {
            LOG.infof("%d source(s) written by catalog-sync before ownership was recorded are now marked createdBy: %s", count, CATALOG);
        }
    }
}
