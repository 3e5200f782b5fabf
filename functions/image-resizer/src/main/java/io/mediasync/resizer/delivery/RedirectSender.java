package io.mediasync.resizer.delivery;

import io.mediasync.common.aws.StaleConnectionRetry;
import io.mediasync.common.sqs.QueueSender;
import io.mediasync.common.sqs.RedirectQueues;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import org.bson.Document;
import org.jboss.logging.Logger;

/**
 * Forwards a result to the order's redirect_queue: only to an allow-listed queue (REDIRECT_QUEUES), and only if
 * it exists (as the seed did). The returned document is what the order record keeps under {@code redirect}.
 */
@ApplicationScoped
public class RedirectSender {

    private static final Logger LOG = Logger.getLogger(RedirectSender.class);

    private final RedirectQueues queues;
    private final QueueSender sender;

    public RedirectSender(RedirectQueues queues, QueueSender sender) {
        this.queues = queues;
        this.sender = sender;
    }

    /** @return {queue, status: sent | not_allowed | queue_not_found, messageId?, at} */
    public Document send(String queue, String resultJson, String groupId, String dedupKey) {
        Document outcome = new Document("queue", queue).append("at", new Date());
        RedirectQueues.Lookup lookup = queues.find(queue);
        if (lookup instanceof RedirectQueues.Allowed allowed) {
            String messageId = StaleConnectionRetry.call("SQS send to " + allowed.name(),
                    () -> sender.send(allowed.url(), resultJson, groupId, dedupKey + ":" + allowed.name()));
            outcome.append("status", "sent").append("messageId", messageId);
        } else if (lookup instanceof RedirectQueues.NotAllowed) {
            LOG.warnf("redirect_queue %s is not on the allow-list (REDIRECT_QUEUES): result not forwarded", queue);
            outcome.append("status", "not_allowed");
        } else {
            LOG.warnf("redirect_queue %s does not exist: result not forwarded", queue);
            outcome.append("status", "queue_not_found");
        }
        return outcome;
    }
}
