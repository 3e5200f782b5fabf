package io.mediasync.resync.execute;

import io.mediasync.common.contracts.ResizeOrder;
import io.mediasync.common.sqs.MessageOut;
import io.mediasync.common.sqs.QueueNames;
import io.mediasync.resync.config.QueuesConfig;
import io.mediasync.resync.config.ResyncConfig;
import io.mediasync.resync.model.DocIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Seed 004's order for one document: its {@code _id} (canonical Extended JSON, passed back untouched), the
 * collection, the image fields to resize, {@code bucket_name}, {@code redirect_queue} = the results queue, and the
 * re-sync's own fields: {@code report_failures: true} (an image that cannot be resized comes back as
 * {@code <field>_error}), {@code resync_token} (which claim of the storage row the result answers) and
 * {@code resync_run}.
 */
@ApplicationScoped
public class ResizeOrders {

    private final String resultsQueue;
    private final ResyncConfig config;

    public ResizeOrders(QueuesConfig queues, ResyncConfig config) {
        this.resultsQueue = QueueNames.nameOf(queues.results()); // the resizer allow-lists queue names
        this.config = config;
    }

    /** The same document, fields, token and run always make the same body (a resend is recognised as such). */
    public MessageOut order(String collection, Object id, Map<String, String> fields, String token, String runId) {
        ResizeOrder order = new ResizeOrder(DocIds.canonicalJson(id), collection, fields,
                config.bucketName().filter(b -> !b.isBlank()).orElse(collection), null, resultsQueue, true,
                new ResizeOrder.Resync(token, runId),
                null, config.webp() ? ResizeOrder.JPEG_AND_WEBP : List.of()); // without RESYNC_WEBP: the seed's body
        // one group per document: its orders are resized in the order they were sent
        return new MessageOut(order.toJson(), DocIds.rowKey(collection, id), token);
    }
}
