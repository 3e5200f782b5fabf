package io.mediasync.sourcesync;

import io.mediasync.common.hash.Sha256;
import io.mediasync.testsupport.SqsEventJson;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;

/** sync-orchestrator (seed 000, phase 2) through the mock event server, with events as the old and new producers send them. */
abstract class OrchestratorFixture extends SyncTestSupport {

    public static class Orchestrator implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "sync-orchestrator",
                    "mediasync.mongo.database", "mediasync_sourcesync_orchestrator");
        }
    }

    @BeforeEach
    void clean() {
        drainAll(sqs);
    }

    Document registered(long sourceId, String filename, String contentType, String sha) {
        Document file = new Document("_id", new ObjectId()).append("source_id", sourceId).append("remote_id", "url:x/" + filename)
                .append("filename", filename).append("key", "content/p" + sourceId + "/" + filename).append("size", 100L)
                .append("sha256", sha).append("content_type", contentType).append("version", 1).append("announcedVersion", 1)
                .append("deleted", false).append("firstSeenAt", new Date());
        collection(mongo, "files").insertOne(file);
        return file;
    }

    static String sha(String seed) {
        return Sha256.hex(seed);
    }

    static List<String> deliver(String queue, String... bodies) {
        var records = java.util.Arrays.stream(bodies).map(b -> SqsEventJson.record(queue, newId(), b, 1, null))
                .toArray(com.fasterxml.jackson.databind.node.ObjectNode[]::new);
        return failedIds(invoke(SqsEventJson.event(records)));
    }

    List<String> thumbnails(long sourceId, String sha) {
        List<String> keys = List.of("50x50", "250x250", "800x800").stream()
                .map(l -> "images-resized/source-" + sourceId + "/" + sha.substring(0, 32) + "_" + l + ".jpeg").toList();
        keys.forEach(k -> putObject(s3, RESIZED_BUCKET, k, new byte[] {1}, Map.of()));
        return keys;
    }

    boolean exists(String bucket, String key) {
        return exists(s3, bucket, key);
    }
}
