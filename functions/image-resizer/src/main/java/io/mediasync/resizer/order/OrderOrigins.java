package io.mediasync.resizer.order;

import io.mediasync.common.lambda.SqsMessage;
import io.mediasync.common.sqs.QueueNames;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells an order's {@link OrderOrigin} from the queue Lambda received it from (the event source ARN): internal
 * only from the configured internal order queues (INTERNAL_ORDER_QUEUES), public from anywhere else, including
 * an event with no source at all.
 */
public final class OrderOrigins {

    private final Set<String> internalQueues;

    public OrderOrigins(String internalOrderQueues) {
        this.internalQueues = Arrays.stream(internalOrderQueues.split(",")).map(QueueNames::nameOf)
                .filter(n -> !n.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public OrderOrigin of(SqsMessage message) {
        return internalQueues.contains(message.queueName()) ? OrderOrigin.INTERNAL : OrderOrigin.PUBLIC;
    }
}
