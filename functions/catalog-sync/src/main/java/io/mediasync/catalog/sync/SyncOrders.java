package io.mediasync.catalog.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediasync.catalog.config.CatalogRunConfig;
import io.mediasync.common.sqs.BatchSender;
import io.mediasync.common.sqs.MessageOut;
import io.mediasync.common.sqs.QueueNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Orders a sync of new and moved sources right away: the seed-001 order {@code {"source_id", "url", "content_path"}} to
 * the sync-order FIFO queue, group = source id (the scheduler's rule), deduplicated per run and source.
 */
@ApplicationScoped
public class SyncOrders {

    private final BatchSender sender;
    private final ObjectMapper json;
    private final String queue;

    public SyncOrders(BatchSender sender, ObjectMapper json, CatalogRunConfig config) {
        this.sender = sender;
        this.json = json;
        this.queue = QueueNames.fifo(config.syncOrdersQueue());
    }

    public void order(String runId, List<CatalogItem> items) {
        sender.sendAll(queue, items.stream().map(item -> {
            ObjectNode order = json.createObjectNode();
            order.put("source_id", item.sourceId());
            order.put("url", item.url());
            order.put("content_path", item.contentPath());
            return new MessageOut(order.toString(), Long.toString(item.sourceId()), "catalog:" + runId + ":" + item.sourceId());
        }).toList());
    }

    public String queue() {
        return queue;
    }
}
