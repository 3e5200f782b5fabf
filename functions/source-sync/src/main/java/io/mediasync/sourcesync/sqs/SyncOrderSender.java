package io.mediasync.sourcesync.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediasync.common.sqs.QueueNames;
import io.mediasync.common.sqs.QueueSender;
import io.mediasync.common.sqs.QueueUrls;
import io.mediasync.sourcesync.config.QueuesConfig;
import io.mediasync.sourcesync.messages.SyncOrder;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends a sync order to the sync-order FIFO queue (group = source id). Used by the scheduler for new orders and
 * by the downloader for follow-ups; the deduplication key makes a resend within SQS's 5-minute window a no-op.
 */
@ApplicationScoped
public class SyncOrderSender {

    private final QueueSender sender;
    private final QueueUrls urls;
    private final String queue;
    private final ObjectMapper json;

    public SyncOrderSender(QueueSender sender, QueueUrls urls, QueuesConfig queues, ObjectMapper json) {
        this.sender = sender;
        this.urls = urls;
        this.queue = QueueNames.fifo(queues.syncOrders());
        this.json = json;
    }

    /** @return the SQS message id */
    public String send(SyncOrder order, String dedupKey) {
        try {
            return sender.send(urls.urlOf(queue), json.writeValueAsString(order), order.groupId(), dedupKey);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("order not serialisable", e);
        }
    }

    /** A follow-up of a run: deduplicated on run and cursor, so two chains of one run collapse into one. */
    public String sendFollowUp(SyncOrder order, String runId, int cursor) {
        return send(order.followUp(runId, cursor), runId + ":" + cursor);
    }

    public String queueName() {
        return queue;
    }
}
