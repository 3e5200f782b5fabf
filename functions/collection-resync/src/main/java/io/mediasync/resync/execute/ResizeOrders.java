package io.mediasync.resync.execute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediasync.common.sqs.MessageOut;
import io.mediasync.common.sqs.QueueNames;
import io.mediasync.resync.config.QueuesConfig;
import io.mediasync.resync.config.ResyncConfig;
import io.mediasync.resync.model.DocIds;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final ObjectMapper json;
    private final String resultsQueue;
    private final ResyncConfig config;

    public ResizeOrders(ObjectMapper json, QueuesConfig queues, ResyncConfig config) {
        this.json = json;
        this.resultsQueue = QueueNames.nameOf(queues.results()); // the resizer allow-lists queue names
        this.config = config;
    }

    /** The same document, fields, token and run always make the same body (a resend is recognised as such). */
    public MessageOut order(String collection, Object id, Map<String, String> fields, String token, String runId) {
        try {
            ObjectNode order = json.createObjectNode();
            order.set("_id", json.readTree(DocIds.canonicalJson(id)));
            order.put("collection", collection);
            fields.forEach(order::put);
            order.put("bucket_name", config.bucketName().filter(b -> !b.isBlank()).orElse(collection));
            order.put("redirect_queue", resultsQueue);
            order.put("report_failures", true);
            order.put("resync_token", token);
            order.put("resync_run", runId);
            if (config.webp()) { // without RESYNC_WEBP the body is the seed's, field for field
                order.putArray("formats").add("jpeg").add("webp");
            }
            // one group per document: its orders are resized in the order they were sent
            return new MessageOut(json.writeValueAsString(order), DocIds.rowKey(collection, id), token);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("order not serialisable", e);
        }
    }
}
