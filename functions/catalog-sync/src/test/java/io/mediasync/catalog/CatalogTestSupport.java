package io.mediasync.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.mediasync.catalog.store.RunLease;
import io.mediasync.catalog.store.SyncRun;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.testsupport.QueueDrain;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Fresh state per test: the fake catalog, DNS, the collections and queues this function writes. */
abstract class CatalogTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ORDERS = "GL_SYNC_HTTP_SOURCE_ORDERS.fifo";
    static final String RUNS = "CatalogSyncRuns.fifo";

    @Inject
    MongoDatabase db;
    @Inject
    SqsClient sqs;
    @Inject
    RunLease lease;

    final FakeCatalog catalog = FakeCatalog.shared();

    @BeforeEach
    void freshState() {
        catalog.reset();
        TestResolver.map("catalog.test", TestResolver.LISTENING);
        TestResolver.clearLookups();
        RecordedWaits.SLEEPER.clear();
        for (String collection : List.of("sources", "catalog_sync_runs", "catalog_sync_lease")) {
            db.getCollection(collection).deleteMany(new Document());
        }
        drain(ORDERS);
        drain(RUNS);
    }

    /** n sources 101..100+n, as the catalog lists them. */
    void listSources(int n) {
        List<com.fasterxml.jackson.databind.node.ObjectNode> items = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            items.add(FakeCatalog.item(100 + i, "https://feeds.example.com/" + (100 + i) + ".xml", "podcasts/" + (100 + i) + "/")
                    .put("title", "Source " + (100 + i)));
        }
        catalog.items = items;
    }

    Document source(long id) {
        return db.getCollection("sources").find(Filters.eq("source_id", id)).first();
    }

    long sources() {
        return db.getCollection("sources").countDocuments();
    }

    Document run(String runId) {
        return db.getCollection("catalog_sync_runs").find(Filters.eq("_id", runId)).first();
    }

    Document onlyRun() {
        List<Document> runs = db.getCollection("catalog_sync_runs").find().into(new ArrayList<>());
        if (runs.size() != 1) {
            throw new AssertionError("expected one run, found " + runs);
        }
        return runs.get(0);
    }

    /** The run's error as its record stores it ({@code code}, {@code reason}), or null. */
    static RecordedError error(Document run) {
        return SyncRun.read(run).error();
    }

    /** Waits (busy, up to 10 s) until {@code condition} holds: for something another thread does. */
    static void await(BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.onSpinWait();
        }
    }

    /** Every wait the function asked for in this test (retry backoffs, token retry intervals), in order. */
    static List<Duration> waits() {
        return RecordedWaits.SLEEPER.realWaits();
    }

    static String reason(JsonNode result) {
        return result.path("data").path("reason").asText();
    }

    List<Message> drain(String queue) {
        return QueueDrain.drain(sqs, queue);
    }
}
