package io.mediasync.resync;

import com.mongodb.client.MongoDatabase;
import io.mediasync.resync.config.ResyncConfig;
import io.mediasync.resync.model.Relation;
import io.mediasync.resync.model.ResyncModel;
import io.mediasync.resync.provide.ChangeScans;
import io.mediasync.resync.store.Documents;
import io.mediasync.resync.store.RenamedFields;
import io.mediasync.resync.store.Runs;
import io.mediasync.resync.store.Storage;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * At start-up: records written under the old field names renamed ({@link RenamedFields}), then the indexes the scans
 * and lookups need (a no-op when they exist). Without the indexes everything still works, only slower; a failure here
 * is logged, never fatal (MongoDB may be down at a cold start), and the next start tries again.
 */
@ApplicationScoped
public class Indexes {

    private static final Logger LOG = Logger.getLogger(Indexes.class);

    void onStart(@Observes StartupEvent event, MongoDatabase db, ResyncConfig config, ResyncModel model, Documents documents, Storage storage, Runs runs) {
        try {
            long renamed = RenamedFields.apply(db, config);
            if (renamed > 0) {
                LOG.infof("%d record(s) written before the upgrade renamed to the current field names", renamed);
            }
            storage.createIndexes();
            runs.createIndexes();
            if (config.createIndexes()) {
                model.names().forEach(c -> ChangeScans.createIndexes(documents, c));
                for (Relation r : model.relations()) {
                    documents.of(r.child()).createIndex(com.mongodb.client.model.Indexes.ascending(r.referenceField(), "_id"));
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf("start-up upkeep not done (%s): scans still work, more slowly; records of the previous version are renamed at "
                    + "the next start", e.getMessage());
        }
    }
}
