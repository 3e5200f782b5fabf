package io.mediasync.resync;

import io.mediasync.resync.config.ResyncConfig;
import io.mediasync.resync.model.Relation;
import io.mediasync.resync.model.ResyncModel;
import io.mediasync.resync.provide.ChangeScans;
import io.mediasync.resync.store.Documents;
import io.mediasync.resync.store.Runs;
import io.mediasync.resync.store.Storage;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The indexes the scans and lookups need, created at start-up (a no-op when they exist). Without them everything
 * still works, only slower: a failure here is logged, never fatal (MongoDB may be down at a cold start).
 */
@ApplicationScoped
public class Indexes {

    private static final Logger LOG = Logger.getLogger(Indexes.class);

    void onStart(@Observes StartupEvent event, ResyncConfig config, ResyncModel model, Documents documents, Storage storage, Runs runs) {
        try {
            storage.createIndexes();
            runs.createIndexes();
            if (config.createIndexes()) {
                model.names().forEach(c -> ChangeScans.createIndexes(documents, c));
                for (Relation r : model.relations()) {
                    documents.of(r.child()).createIndex(com.mongodb.client.model.Indexes.ascending(r.referenceField(), "_id"));
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("indexes not created (%s): scans still work, more slowly", e.getMessage());
        }
    }
}
