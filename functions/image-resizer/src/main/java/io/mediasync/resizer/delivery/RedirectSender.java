package io.mediasync.resizer.delivery;

import io.mediasync.common.aws.StaleConnectionRetry;
import io.mediasync.common.sqs.QueueDirectory;
import io.mediasync.common.sqs.QueueSender;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Forwards a result to the order's redirect_queue, only if that queue exists (as the seed did). */
@ApplicationScoped
public class RedirectSender {

    private final QueueDirectory queues;
    private final QueueSender sender;

    public RedirectSender(QueueDirectory queues, QueueSender sender) {
        this.queues = queues;
        this.sender = sender;
    }

    /** @return the SQS message id, or empty when the queue does not exist */
    public Optional<String> send(String queue, String resultJson, String groupId, String dedupKey) {
        return queues.find(queue).map(url -> StaleConnectionRetry.call("SQS send to " + queue,
                () -> sender.send(url, resultJson, groupId, dedupKey + ":" + queue)));
    }
}
