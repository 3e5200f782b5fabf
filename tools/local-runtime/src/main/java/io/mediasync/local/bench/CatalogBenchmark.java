package io.mediasync.local.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Sorts;
import io.mediasync.local.LocalCloud;
import io.mediasync.local.LocalOptions;
import io.mediasync.local.runtime.Invocation;
import io.mediasync.local.scenario.CatalogApi;
import io.mediasync.testsupport.HttpFixture;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bson.Document;

/**
 * {@code ./mediasync bench catalog [--sources N] [--page-size N]}: a catalog of N sources on loopback (pages linked by
 * Link headers, password grant), synced by the real catalog-sync package through the local stack: the first sync
 * (every source inserted) and an unchanged re-sync. Seconds and peak heap are the function's own (its run record);
 * orders are not sent (CATALOG_ORDER_NEW_SOURCES=false), so N downloads do not run alongside. A measurement, not a test.
 */
@Command(name = "catalog", description = "A catalog API of N sources synced by catalog-sync through the local stack: first sync and unchanged re-sync (seconds, requests, peak heap).")
public final class CatalogBenchmark implements Callable<Integer> {

    @Option(names = "--sources", paramLabel = "N", description = "the catalog's sources (default 10000)")
    private int sources = 10_000;
    @Option(names = "--page-size", paramLabel = "N", description = "sources per page (default 100)")
    private int pageSize = 100;

    @Override
    public Integer call() throws Exception {
        return run(sources, pageSize, System.err) ? 0 : 1;
    }

    static boolean run(int count, int pageSize, PrintStream log) throws Exception {
        try (HttpFixture web = new HttpFixture()) {
            CatalogApi catalog = new CatalogApi(web, "bench", "bench-password", pageSize);
            catalog.list(IntStream.rangeClosed(1, count).mapToObj(i -> CatalogApi.source(i, web.url("/feeds/" + i + ".xml"),
                    "podcasts/" + i + "/", "Source " + i)).toList());
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.remove("API_TOKEN");
            environment.putAll(Map.of("CATALOG_API_URL", catalog.baseUrl(), "API_USER", "bench", "API_PASSWORD", "bench-password",
                    "CATALOG_ORDER_NEW_SOURCES", "false"));
            LocalOptions options = LocalOptions.parse(new String[] {"--data-dir", Files.createTempDirectory("mediasync-catalogbench").toString(),
                    "--sqs-port", "0", "--s3-port", "0", "--mongo-port", "0", "--http-port", "0", "--images-port", "0", "--quiet"}, environment);
            try (LocalCloud cloud = LocalCloud.start(options, log); MongoClient mongo = MongoClients.create(cloud.endpoints().mongo())) {
                var function = cloud.function("catalog-sync").orElseThrow();
                String force = "{\"trigger\": \"schedule\", \"force\": true}";
                long started = System.nanoTime();
                Invocation.Result first = function.invoke(force);
                double firstWall = (System.nanoTime() - started) / 1e9;
                Invocation.Result second = function.invoke(force);
                log.println("first: " + first.body() + "\nre-sync: " + second.body());
                List<Document> runs = mongo.getDatabase(cloud.database().orElseThrow()).getCollection("catalog_sync_runs").find()
                        .sort(Sorts.ascending("startedAt")).into(new ArrayList<>());
                Document a = runs.get(0);
                Document b = runs.get(1);
                System.out.println("{\"bench\":\"catalog\",\"sources\":" + count + ",\"pages\":" + counts(a).get("pages")
                        + ",\"first_sync_seconds\":" + seconds(a) + ",\"first_wall_seconds_with_cold_start\":" + String.format("%.1f", firstWall)
                        + ",\"first_requests\":" + counts(a).get("requests") + ",\"first_inserted\":" + counts(a).get("inserted")
                        + ",\"first_peak_heap_mb\":" + timings(a).get("peakHeapMb") + ",\"resync_seconds\":" + seconds(b)
                        + ",\"resync_requests\":" + counts(b).get("requests") + ",\"resync_unchanged\":" + counts(b).get("unchanged")
                        + ",\"resync_peak_heap_mb\":" + timings(b).get("peakHeapMb") + ",\"token_requests\":" + catalog.tokenRequests() + "}");
                return counts(a).getInteger("inserted") == count && counts(b).getInteger("unchanged") == count;
            }
        }
    }

    private static Document counts(Document run) {
        return run.get("counts", Document.class);
    }

    private static Document timings(Document run) {
        return run.get("timingsMs", Document.class);
    }

    private static String seconds(Document run) {
        return String.format("%.2f", timings(run).get("total", Number.class).doubleValue() / 1000);
    }
}
