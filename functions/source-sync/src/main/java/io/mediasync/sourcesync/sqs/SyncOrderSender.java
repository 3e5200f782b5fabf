package io.mediasync.sourcesync.sqs;

import io.mediasync.common.contracts.SyncOrder;
import io.mediasync.common.sqs.MessageOut;
import io.mediasync.common.sqs.QueueNames;
import io.mediasync.common.sqs.QueueSender;
import io.mediasync.sourcesync.config.QueuesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a sync order to the sync-order FIFO queue (group = source id). Used by the scheduler for new orders and
 * by the downloader for follow-ups; the deduplication key makes a resend within SQS's 5-minute window a no-op.
 */
@ApplicationScoped
public class SyncOrderSender {

    private final QueueSender sender;
    private final String queue;

    public SyncOrderSender(QueueSender sender, QueuesConfig queues) {
        this.sender = sender;
        this.queue = QueueNames.fifo(queues.syncOrders());
    }

    /** @return the SQS message id */
    public String send(SyncOrder order, String dedupKey) {
        return sender.send(queue, order.toJson(), order.groupId(), dedupKey);
    }

    /** Up to 10 orders in one SendMessageBatch call (the scheduler's run); throws if SQS refused any. */
    public void sendBatch(List<SyncOrder> orders, List<String> dedupKeys) {
        List<MessageOut> messages = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            messages.add(new MessageOut(orders.get(i).toJson(), orders.get(i).groupId(), dedupKeys.get(i)));
        }
        sender.sendAll(queue, messages);
    }

    /** A follow-up of a run: deduplicated on run and cursor, so two chains of one run collapse into one. */
    public String sendFollowUp(SyncOrder order, String runId, int cursor) {
        SyncOrder followUp = order.followUp(runId, cursor);
        return send(followUp, followUp.followUpDedupKey());
    }

    public String queueName() {
        return queue;
    }
}
