package io.mediasync.resizer.delivery;

import io.mediasync.common.aws.StaleConnectionRetry;
import io.mediasync.common.sqs.QueueSender;
import io.mediasync.common.sqs.RedirectQueues;
import io.mediasync.resizer.order.OrderOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import org.bson.Document;
import org.jboss.logging.Logger;

/**
 * Forwards a result to the order's redirect_queue: only to a queue on its origin's allow-list
 * ({@link RedirectTargets}), and only if it exists (as the seed did). The returned document is what the order
 * record keeps under {@code redirect}.
 */
@ApplicationScoped
public class RedirectSender {

    private static final Logger LOG = Logger.getLogger(RedirectSender.class);

    private final RedirectTargets targets;
    private final QueueSender sender;

    public RedirectSender(RedirectTargets targets, QueueSender sender) {
        this.targets = targets;
        this.sender = sender;
    }

    /** @return {queue, status: sent | not_allowed | queue_not_found, messageId?, at} */
    public Document send(OrderOrigin origin, String queue, String resultJson, String groupId, String dedupKey) {
        Document outcome = new Document("queue", queue).append("at", new Date());
        RedirectQueues.Lookup lookup = targets.of(origin).find(queue);
        if (lookup instanceof RedirectQueues.Allowed allowed) {
            String messageId = StaleConnectionRetry.call("SQS send to " + allowed.name(),
                    () -> sender.send(allowed.url(), resultJson, groupId, dedupKey + ":" + allowed.name()));
            outcome.append("status", "sent").append("messageId", messageId);
        } else if (lookup instanceof RedirectQueues.NotAllowed) {
            LOG.warnf("redirect_queue %s is not on the allow-list of %s orders: result not forwarded", queue, origin.label());
            outcome.append("status", "not_allowed");
        } else {
            LOG.warnf("redirect_queue %s does not exist: result not forwarded", queue);
            outcome.append("status", "queue_not_found");
        }
        return outcome;
    }
}
