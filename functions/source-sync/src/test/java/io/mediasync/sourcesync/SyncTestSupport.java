package io.mediasync.sourcesync;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.mediasync.common.aws.StaleConnectionRetry;
import io.mediasync.common.lambda.SqsEvent;
import io.mediasync.testsupport.MockLambda;
import io.mediasync.testsupport.QueueDrain;
import io.mediasync.testsupport.SqsEventJson;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.eclipse.microprofile.config.ConfigProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Invokes handlers as Lambda would (mock event server, real SQS event JSON) and reads queues and records. */
abstract class SyncTestSupport {

    // the function's own clients (Quarkus injects them into the test instance): what a test checks goes through them
    @Inject
    SqsClient sqs;
    @Inject
    S3Client s3;
    @Inject
    MongoClient mongo;

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ORDERS = "GL_SYNC_HTTP_SOURCE_ORDERS.fifo";
    static final String DOWNLOADED = "GL_FILE_DOWNLOADED";
    static final String SKIPPED = "GL_FILE_DOWNLOAD_SKIPPED";
    static final String SYNCHRONIZED = "GL_SOURCE_SYNCHRONIZED";
    static final String DELETED = "GL_FILE_DELETED";
    static final String RESIZE = "InternalImageQueue.fifo";
    static final String CONTENT_BUCKET = "mediasync-content";
    static final String RESIZED_BUCKET = "images-ch";
    static final List<String> ALL_QUEUES = List.of(ORDERS, DOWNLOADED, SKIPPED, SYNCHRONIZED, DELETED, RESIZE,
            "GL_THUMBNAILS_READY", "ChannelThumbs");

    static JsonNode invoke(String eventJson) {
        return MockLambda.invoke(eventJson);
    }

    static List<String> failedIds(JsonNode answer) {
        return MockLambda.failedIds(answer);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static String orderBody(long sourceId, String url, String contentPath) {
        ObjectNode order = JSON.createObjectNode().put("source_id", sourceId).put("url", url).put("content_path", contentPath);
        return order.toString();
    }

    /** One record of the sync-order FIFO queue, as the event source mapping delivers it. */
    static ObjectNode orderRecord(String messageId, String body, long groupSourceId, int receiveCount) {
        return SqsEventJson.record(ORDERS, messageId, body, receiveCount, Long.toString(groupSourceId));
    }

    static ObjectNode orderRecord(long sourceId, String url, String contentPath) {
        return orderRecord(newId(), orderBody(sourceId, url, contentPath), sourceId, 1);
    }

    static SqsEvent sqsEvent(String json) {
        try {
            return JSON.readValue(json, SqsEvent.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String queueUrl(SqsClient sqs, String queue) {
        return sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    }

    /** Every message now in the queue, received with all attributes and deleted. */
    static List<Message> drain(SqsClient sqs, String queue) {
        return QueueDrain.drain(sqs, queue);
    }

    static void drainAll(SqsClient sqs) {
        ALL_QUEUES.forEach(q -> drain(sqs, q));
    }

    static List<JsonNode> bodies(List<Message> messages) {
        List<JsonNode> out = new ArrayList<>();
        for (Message m : messages) {
            try {
                out.add(JSON.readTree(m.body()));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    static List<JsonNode> ofSource(List<JsonNode> events, long sourceId) {
        return events.stream().filter(e -> e.path("source_id").asLong() == sourceId).toList();
    }

    static List<String> filenames(List<JsonNode> events) {
        return events.stream().map(e -> e.path("filename").asText()).sorted().toList();
    }

    /** PutObject from a test, tried again on a connection the devstack already closed (see {@link StaleConnectionRetry}). */
    static void putObject(S3Client s3, String bucket, String key, byte[] body, Map<String, String> metadata) {
        StaleConnectionRetry.call("PutObject " + key, 3,
                () -> s3.putObject(b -> b.bucket(bucket).key(key).metadata(metadata), RequestBody.fromBytes(body)));
    }

    static boolean exists(S3Client s3, String bucket, String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    static String database() {
        return ConfigProvider.getConfig().getValue("mediasync.mongo.database", String.class);
    }

    static MongoCollection<Document> collection(MongoClient mongo, String name) {
        return mongo.getDatabase(database()).getCollection(name);
    }

    static Document source(MongoClient mongo, long sourceId) {
        Document doc = collection(mongo, "sources").find(Filters.eq("source_id", sourceId)).first();
        if (doc == null) {
            throw new AssertionError("no source " + sourceId);
        }
        return doc;
    }

    static void putSource(MongoClient mongo, Document source) {
        collection(mongo, "sources").deleteMany(Filters.eq("source_id", source.get("source_id")));
        collection(mongo, "files").deleteMany(Filters.eq("source_id", source.get("source_id")));
        collection(mongo, "sources").insertOne(source);
    }

    static Document newSource(long sourceId, String url, String contentPath) {
        return new Document("source_id", sourceId).append("url", url).append("content_path", contentPath).append("enabled", true);
    }

    static List<Document> files(MongoClient mongo, long sourceId) {
        return collection(mongo, "files").find(Filters.eq("source_id", sourceId)).into(new ArrayList<>());
    }

    static Document file(MongoClient mongo, long sourceId, String filename) {
        Document doc = collection(mongo, "files").find(Filters.and(Filters.eq("source_id", sourceId),
                Filters.eq("filename", filename))).first();
        if (doc == null) {
            throw new AssertionError("no file " + filename + " of source " + sourceId);
        }
        return doc;
    }
}
