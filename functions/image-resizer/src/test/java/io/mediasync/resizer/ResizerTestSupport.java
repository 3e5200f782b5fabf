package io.mediasync.resizer;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.mediasync.testsupport.MockLambda;
import io.mediasync.testsupport.SqsEventJson;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

/** Invokes the function through the Lambda mock event server with real SQS event JSON, and reads its records. */
abstract class ResizerTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ORDERS_FIFO = "ImageQueue.fifo";
    /** The queue only mediasync's own functions send to: its orders are internal (OrderOrigin). */
    static final String INTERNAL_FIFO = "InternalImageQueue.fifo";

    static JsonNode invoke(String eventJson) {
        return MockLambda.invoke(eventJson);
    }

    static List<String> failedIds(JsonNode answer) {
        return MockLambda.failedIds(answer);
    }

    static ObjectNode record(String messageId, String body, int receiveCount) {
        return SqsEventJson.record(ORDERS_FIFO, messageId, body, receiveCount, "group-1");
    }

    /** A record from the internal order queue, as the orchestrator's and collection-resync's orders arrive. */
    static ObjectNode internalRecord(String messageId, String body, int receiveCount) {
        return SqsEventJson.record(INTERNAL_FIFO, messageId, body, receiveCount, "group-1");
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static MongoCollection<Document> records(MongoClient mongo) {
        return mongo.getDatabase("mediasync_test").getCollection("resize_orders");
    }

    static Document recordOf(MongoClient mongo, String messageId) {
        Document doc = records(mongo).find(Filters.eq("_id", messageId)).first();
        if (doc == null) {
            throw new AssertionError("no record for message " + messageId);
        }
        return doc;
    }

    static ObjectNode order(String imageUrl, String postbackUrl) {
        ObjectNode order = JSON.createObjectNode();
        order.put("image_url", imageUrl);
        order.put("bucket_name", "TEST");
        if (postbackUrl != null) {
            order.put("postback_url", postbackUrl);
        }
        return order;
    }
}
