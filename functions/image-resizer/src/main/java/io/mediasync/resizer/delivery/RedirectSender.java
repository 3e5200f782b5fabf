package io.mediasync.resizer.delivery;

import io.mediasync.common.aws.StaleConnectionRetry;
import io.mediasync.common.sqs.QueueSender;
import io.mediasync.common.sqs.RedirectQueues;
import io.mediasync.resizer.order.OrderOrigin;
import io.mediasync.resizer.store.OrderRecord.Redirect;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Date;
import org.jboss.logging.Logger;

/**
 * Forwards a result to the order's redirect_queue: only to a queue on its origin's allow-list ({@link Targets}, which
 * the parser also asks before any work), and only if it exists (as the seed did). What it returns is what the order
 * record keeps under {@code redirect}.
 */
@ApplicationScoped
public class RedirectSender {

    private static final Logger LOG = Logger.getLogger(RedirectSender.class);

    private final Targets targets;
    private final QueueSender sender;
    private final Clock clock;

    public RedirectSender(Targets targets, QueueSender sender, Clock clock) {
        this.targets = targets;
        this.sender = sender;
        this.clock = clock;
    }

    /** @return sent (with the message id), not_allowed or queue_not_found */
    public Redirect send(OrderOrigin origin, String queue, String resultJson, String groupId, String dedupKey) {
        Date at = Date.from(clock.instant());
        RedirectQueues.Lookup lookup = targets.of(origin).find(queue);
        if (lookup instanceof RedirectQueues.Allowed allowed) {
            String messageId = StaleConnectionRetry.call("SQS send to " + allowed.name(),
                    () -> sender.send(allowed.url(), resultJson, groupId, dedupKey + ":" + allowed.name()));
            return new Redirect(queue, Redirect.Status.SENT, messageId, at);
        }
        if (lookup instanceof RedirectQueues.NotAllowed) {
            LOG.warnf("redirect_queue %s is not on the allow-list of %s orders: result not forwarded", queue, origin.label());
            return new Redirect(queue, Redirect.Status.NOT_ALLOWED, null, at);
        }
        LOG.warnf("redirect_queue %s does not exist: result not forwarded", queue);
        return new Redirect(queue, Redirect.Status.QUEUE_NOT_FOUND, null, at);
    }

    /**
     * The redirect allow-list of each order origin: a public order's results go only to the public redirect queues
     * (REDIRECT_QUEUES); an internal order's also to the queues that carry system-authored results
     * (INTERNAL_REDIRECT_QUEUES), which a public order can never reach, so nothing a client sends can pass for a
     * message mediasync wrote there.
     */
    public record Targets(RedirectQueues forPublic, RedirectQueues forInternal) {

        public RedirectQueues of(OrderOrigin origin) {
            return origin == OrderOrigin.INTERNAL ? forInternal : forPublic;
        }

        /** Whether an order of this origin may name the queue (allow-listed; existence not checked): no AWS call. */
        public boolean allows(OrderOrigin origin, String queue) {
            return of(origin).isAllowed(queue);
        }
    }
}
