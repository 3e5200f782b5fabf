package io.mediasync.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Builds the JSON event Lambda's SQS event source mapping hands a function, field for field as AWS
 * documents it, either from messages really received from a queue or from bodies.
 */
public final class SqsEventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SqsEventJson() {
    }

    public static String arn(String queueName) {
        return "arn:aws:sqs:us-east-1:000000000000:" + queueName;
    }

    /** An event from messages received with ReceiveMessage (attributes requested: All). */
    public static String fromReceived(String queueName, List<Message> messages) {
        ArrayNode records = JSON.createArrayNode();
        for (Message m : messages) {
            ObjectNode attributes = JSON.createObjectNode();
            m.attributesAsStrings().forEach(attributes::put);
            records.add(record(queueName, m.messageId(), m.receiptHandle(), m.body(), attributes));
        }
        return JSON.createObjectNode().set("Records", records).toString();
    }

    /** One record with the given body; receiveCount as SQS would count it. */
    public static ObjectNode record(String queueName, String messageId, String body, int receiveCount, String groupId) {
        ObjectNode attributes = JSON.createObjectNode()
                .put("ApproximateReceiveCount", Integer.toString(receiveCount))
                .put("SentTimestamp", Long.toString(System.currentTimeMillis()))
                .put("SenderId", "AIDAIENQZJOLO23YVJ4VO")
                .put("ApproximateFirstReceiveTimestamp", Long.toString(System.currentTimeMillis()));
        if (queueName.endsWith(".fifo")) {
            attributes.put("MessageGroupId", groupId).put("MessageDeduplicationId", md5(body))
                    .put("SequenceNumber", Long.toString(System.nanoTime()));
        }
        return record(queueName, messageId, UUID.randomUUID().toString(), body, attributes);
    }

    public static String event(ObjectNode... records) {
        ArrayNode array = JSON.createArrayNode();
        for (ObjectNode r : records) {
            array.add(r);
        }
        return JSON.createObjectNode().set("Records", array).toString();
    }

    private static ObjectNode record(String queueName, String messageId, String receiptHandle, String body, ObjectNode attributes) {
        ObjectNode record = JSON.createObjectNode();
        record.put("messageId", messageId);
        record.put("receiptHandle", receiptHandle);
        record.put("body", body);
        record.set("attributes", attributes);
        record.set("messageAttributes", JSON.valueToTree(Map.of()));
        record.put("md5OfBody", md5(body));
        record.put("eventSource", "aws:sqs");
        record.put("eventSourceARN", arn(queueName));
        record.put("awsRegion", "us-east-1");
        return record;
    }

    private static String md5(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
