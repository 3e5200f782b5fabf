package io.mediasync.common.lambda;

import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Runs a message handler over an SQS batch and builds the partial batch response. A handler
 * returns normally when the message is finished (done or recorded as rejected) and throws when it
 * must be delivered again.
 */
public final class SqsBatchProcessor {

    @FunctionalInterface
    public interface MessageHandler {
        void handle(SqsMessage message) throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(SqsBatchProcessor.class);

    private SqsBatchProcessor() {
    }

    public static SqsBatchResponse process(SqsEvent event, MessageHandler handler) {
        List<SqsBatchResponse.ItemFailure> failures = new ArrayList<>();
        List<SqsMessage> records = event.records();
        for (int i = 0; i < records.size(); i++) {
            SqsMessage message = records.get(i);
            MDC.put("messageId", message.messageId());
            try {
                handler.handle(message);
            } catch (Exception e) {
                LOG.warnf("message %s will be retried: %s", message.messageId(), e.toString());
                if (message.fromFifoQueue()) {
                    // FIFO: the rest of the batch may be in the same group; it must not overtake this
                    // message, so Lambda wants this one and every later one returned as failed
                    for (SqsMessage rest : records.subList(i, records.size())) {
                        failures.add(new SqsBatchResponse.ItemFailure(rest.messageId()));
                    }
                    break;
                }
                failures.add(new SqsBatchResponse.ItemFailure(message.messageId()));
            } finally {
                MDC.remove("messageId");
                MDC.remove("orderId");
            }
        }
        return new SqsBatchResponse(failures);
    }
}
