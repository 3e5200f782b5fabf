package io.mediasync.resync.execute;

import io.mediasync.resync.apply.Inheritance;
import io.mediasync.resync.model.Planner;
import io.mediasync.resync.store.Documents;
import io.mediasync.resync.store.Storage;
import io.mediasync.resync.store.StorageRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import java.util.Map;
import org.bson.Document;

/**
 * Orders that never got a result (the resizer dead-lettered them, or the results queue is not on its allow-list):
 * after RESYNC_MAX_ORDER_ATTEMPTS the fields are recorded failed with {@code no_result}, so they wait for
 * RESYNC_RETRY_FAILED_AFTER like any failure instead of being ordered every day.
 */
@ApplicationScoped
public class OrderFailures {

    private final Documents documents;
    private final Storage storage;
    private final Inheritance inheritance;

    public OrderFailures(Documents documents, Storage storage, Inheritance inheritance) {
        this.documents = documents;
        this.storage = storage;
        this.inheritance = inheritance;
    }

    /** @return how many fields were recorded failed */
    public int noResult(String collection, StorageRow row, Document doc, Planner.Plan plan, int attempts, Date now) {
        int failed = 0;
        Object id = doc.get("_id");
        for (Map.Entry<String, String> field : plan.order().entrySet()) {
            if (documents.writeFailed(collection, id, field.getKey(), field.getValue(), "no_result",
                    "no result after " + attempts + " orders (RESYNC_MAX_ORDER_ATTEMPTS); see the resizer's resize_orders records", now)) {
                failed++;
            }
        }
        if (failed > 0) {
            inheritance.propagate(collection, documents.byId(collection, id), now);
        }
        storage.removeAsRead(row);
        return failed;
    }
}
