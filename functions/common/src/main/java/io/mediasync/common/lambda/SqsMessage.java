package io.mediasync.common.lambda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** One SQS record of a Lambda event, as AWS sends it (field names are AWS's). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SqsMessage(String messageId, String receiptHandle, String body, Map<String, String> attributes,
        JsonNode messageAttributes, String md5OfBody, String eventSource, String eventSourceARN, String awsRegion) {

    public SqsMessage {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** How many times SQS has handed this message out, this delivery included (1 on the first). */
    public int receiveCount() {
        try {
            return Integer.parseInt(attributes.getOrDefault("ApproximateReceiveCount", "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public String messageGroupId() {
        return attributes.get("MessageGroupId");
    }

    /** The queue's name, the last part of the event source ARN. */
    public String queueName() {
        if (eventSourceARN == null) {
            return "";
        }
        return eventSourceARN.substring(eventSourceARN.lastIndexOf(':') + 1);
    }

    public boolean fromFifoQueue() {
        return queueName().endsWith(".fifo");
    }
}
