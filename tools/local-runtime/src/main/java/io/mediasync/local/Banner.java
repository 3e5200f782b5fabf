package io.mediasync.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.mediasync.local.runtime.FunctionProcess;
import io.mediasync.local.servers.ControlApi;
import io.mediasync.local.servers.ImageServer;
import io.mediasync.local.template.StackModel.FunctionDef;
import io.mediasync.local.template.StackModel.QueueDef;
import io.mediasync.testsupport.Endpoints;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code up} and the demos print once the stack is ready: every endpoint, queue, bucket, collection and function. */
final class Banner {

    /**
     * Where the functions keep their records: their default collection names (ResizerConfig,
     * StorageConfig, ResyncConfig; BannerTest holds the two lists together) and what is in each.
     */
    static final Map<String, String> COLLECTIONS = new LinkedHashMap<>();

    static {
        COLLECTIONS.put("resize_orders", "image-resizer: one record per order");
        COLLECTIONS.put("sources", "the sources: written by catalog-sync, synced by source sync");
        COLLECTIONS.put("files", "source sync: one row per remote file");
        COLLECTIONS.put("sync_runs", "source sync: one per run");
        COLLECTIONS.put("sync_events", "sync-orchestrator: events it could not use");
        COLLECTIONS.put("source_scheduler_state", "source-scheduler: where its last run over every source stopped");
        COLLECTIONS.put("catalog_sync_runs", "catalog-sync: one per run, the seed's result (GET /api/synlast)");
        COLLECTIONS.put("catalog_sync_lease", "catalog-sync: the run lease and the schedule's window");
        COLLECTIONS.put("resync_storage", "collection re-sync: documents still to re-sync");
        COLLECTIONS.put("resync_runs", "collection re-sync: one per run, and the watermarks");
        COLLECTIONS.put("resync_messages", "collection re-sync: work and result messages it could not use");
    }

    private Banner() {
    }

    static void print(LocalCloud cloud, LocalOptions options, PrintStream out) {
        Endpoints endpoints = cloud.endpoints();
        out.println("mediasync local runtime ready in " + cloud.readyMillis() + " ms (template " + options.template() + ", data "
                + options.dataDir() + ")");
        out.println("  SQS      " + endpoints.sqs() + "   S3 " + endpoints.s3() + "   MongoDB " + endpoints.mongo());
        out.println("  HTTP API http://127.0.0.1:" + cloud.httpPort() + "   control routes: GET http://127.0.0.1:" + cloud.httpPort()
                + ControlApi.PREFIX);
        out.println("  images   " + cloud.imagesUrl() + "/images-resized/…  (the results' PUBLIC_BASE_URL, read-only)" + (cloud.imagesFellBack()
                ? "   (" + ImageServer.DEFAULT_PORT + " was taken: these URLs work while this stack runs)" : ""));
        out.println("  samples  " + cloud.imagesUrl() + ImageServer.SAMPLES + "{" + String.join(",", Samples.NAMES)
                + "}   (images to order by hand)" + cloud.contentBucket().map(bucket -> "; the system's own orders read them as s3://"
                + bucket + "/" + Samples.PREFIX + "…").orElse(""));
        out.println("  region   " + endpoints.region() + ", access key/secret test/test   a shell for this stack: eval \"$(./mediasync env"
                + (cloud.httpPort() == 3000 ? "" : " --http-port " + cloud.httpPort()) + ")\"");
        cloud.database().ifPresent(db -> out.println("  database " + db + " on " + endpoints.mongo() + ": " + collections(endpoints, db)));
        out.println("  POSTBACK_SECRET " + cloud.postbackSecret() + "   (postbacks are signed with it; kept in " + options.dataDir()
                + "/postback-secret)");
        for (QueueDef q : cloud.model().queues()) {
            out.println("  queue    " + cloud.queueUrl(q.name()) + q.deadLetterQueue()
                    .map(d -> "  (DLQ " + d + " after " + q.maxReceiveCount() + " receives)").orElse(""));
        }
        for (String bucket : cloud.model().buckets()) {
            out.println("  bucket   " + bucket);
        }
        for (FunctionProcess f : cloud.functions().values()) {
            FunctionDef d = f.function();
            StringBuilder triggers = new StringBuilder();
            d.sqsSources().forEach(s -> triggers.append(" sqs:").append(s.queueName()).append("(batch ").append(s.batchSize()).append(")"));
            d.schedules().forEach(s -> triggers.append(" schedule:").append(s.eventName()).append(" ").append(s.expression()));
            d.httpRoutes().forEach(r -> triggers.append(" http:").append(r.method()).append(" ").append(r.path()));
            out.println("  function " + d.name() + " [" + d.environment().getOrDefault("QUARKUS_LAMBDA_HANDLER", d.handler()) + "] "
                    + d.codeUri().getFileName() + " ←" + triggers);
        }
        out.println("  logs     " + cloud.dataDir().resolve("logs") + "/<function>.log (each function's output), devstack.log (SQS, S3, "
                + "MongoDB)   ./mediasync status: queues and functions now");
        for (FunctionProcess f : cloud.functions().values()) {
            List<String> missing = Unconfigured.of(f.function());
            if (!missing.isEmpty()) {
                out.println("  unconfigured " + f.function().name() + ": set " + String.join(", ", missing)
                        + "; until then its runs end not_configured");
            }
        }
    }

    /** Each collection with its documents so far, and what it holds; then any other collection found there. */
    private static String collections(Endpoints endpoints, String database) {
        List<String> shown = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create(endpoints.mongo())) {
            MongoDatabase db = mongo.getDatabase(database);
            List<String> existing = db.listCollectionNames().into(new ArrayList<>());
            COLLECTIONS.forEach((name, what) -> shown.add(name + " (" + (existing.contains(name) ? db.getCollection(name)
                    .estimatedDocumentCount() : 0) + ", " + what + ")"));
            existing.stream().filter(name -> !COLLECTIONS.containsKey(name)).sorted()
                    .forEach(name -> shown.add(name + " (" + db.getCollection(name).estimatedDocumentCount() + ")"));
        }
        return String.join(", ", shown);
    }
}
