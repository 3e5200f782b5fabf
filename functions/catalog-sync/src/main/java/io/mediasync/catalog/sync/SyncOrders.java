package io.mediasync.catalog.sync;

import io.mediasync.catalog.config.CatalogRunConfig;
import io.mediasync.catalog.store.CatalogItem;
import io.mediasync.common.contracts.SyncOrder;
import io.mediasync.common.sqs.QueueSender;
import io.mediasync.common.sqs.MessageOut;
import io.mediasync.common.sqs.QueueNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Orders a sync of new and moved sources right away: the seed-001 {@link SyncOrder} to the sync-order FIFO queue,
 * grouped by source (the scheduler's rule), deduplicated per catalog run and source.
 */
@ApplicationScoped
public class SyncOrders {

    private final QueueSender sender;
    private final String queue;

    public SyncOrders(QueueSender sender, CatalogRunConfig config) {
        this.sender = sender;
        this.queue = QueueNames.fifo(config.syncOrdersQueue());
    }

    public void order(String runId, List<CatalogItem> items) {
        sender.sendAll(queue, items.stream().map(item -> {
            SyncOrder order = SyncOrder.of(item.sourceId(), item.url(), item.contentPath());
            return new MessageOut(order.toJson(), order.groupId(), order.catalogDedupKey(runId));
        }).toList());
    }

    public String queue() {
        return queue;
    }
}
