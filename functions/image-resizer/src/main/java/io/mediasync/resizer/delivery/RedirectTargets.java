package io.mediasync.resizer.delivery;

import io.mediasync.common.sqs.RedirectQueues;
import io.mediasync.resizer.order.OrderOrigin;

/**
 * The redirect allow-list of each order origin: a public order's results go only to the public redirect queues
 * (REDIRECT_QUEUES); an internal order's also to the queues that carry system-authored results
 * (INTERNAL_REDIRECT_QUEUES), which a public order can never reach, so nothing a client sends can pass for a
 * message mediasync wrote there.
 */
public record RedirectTargets(RedirectQueues forPublic, RedirectQueues forInternal) {

    public RedirectQueues of(OrderOrigin origin) {
        return origin == OrderOrigin.INTERNAL ? forInternal : forPublic;
    }

    /** Whether an order of this origin may name the queue (allow-listed; existence not checked): no AWS call. */
    public boolean allows(OrderOrigin origin, String queue) {
        return of(origin).isAllowed(queue);
    }
}
