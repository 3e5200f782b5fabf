package io.mediasync.local.demo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.mediasync.common.metrics.Metric;
import io.mediasync.local.EmfCounts;
import io.mediasync.local.LocalCloud;
import io.mediasync.local.LocalOptions;
import io.mediasync.local.OutcomeSummary;
import io.mediasync.local.ResultUrls;
import io.mediasync.local.StackFlags;
import io.mediasync.local.bench.Images;
import io.mediasync.local.scenario.CatalogApi;
import io.mediasync.local.scenario.PodcastFeed;
import io.mediasync.local.scenario.ResyncScenario;
import io.mediasync.testsupport.HttpFixture;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * {@code ./mediasync demo}: the whole system once, on the embedded default stack. A catalog API on loopback lists two
 * podcasts (OAuth 2.0 password grant) → catalog-sync stores them as sources → the source-scheduler's schedule orders
 * them → the source-downloader fetches each feed and its images into the content bucket → the sync-orchestrator sends
 * every file to the image-resizer → thumbnails; then the product's channel and episode documents point at the
 * downloaded images and the collection re-sync's daily schedules give them their resized versions. One progress
 * line per stage; the first stage that fails stops the demo with its reason and exit status 1.
 */
final class SystemDemo {

    static final long[] SOURCES = {9101, 9102};
    private static final String USER = "demo-user";
    private static final String PASSWORD = "demo-password";
    private static final Duration WAIT = Duration.ofMinutes(3);

    private SystemDemo() {
    }

    static int run(StackFlags flags, PrintStream out) throws Exception {
        try (HttpFixture web = new HttpFixture()) {
            CatalogApi catalog = new CatalogApi(web, USER, PASSWORD, 1);
            catalog.list(List.of(podcast(web, SOURCES[0], "Morning news", 1), podcast(web, SOURCES[1], "Music hour", 2)));
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.remove("API_TOKEN"); // the demo shows the password grant
            environment.putAll(Map.of("CATALOG_API_URL", catalog.baseUrl(), "API_USER", USER, "API_PASSWORD", PASSWORD,
                    // new sources wait for the scheduler's schedule, so that every stage of the system runs
                    "CATALOG_ORDER_NEW_SOURCES", "false"));
            LocalOptions options = flags.resolve(environment);
            out.println("==> starting the local stack from " + options.template() + " (fresh state in " + options.dataDir() + ")");
            try (LocalCloud cloud = LocalCloud.start(options.allowingDownloadsFrom(web.port()), out); MongoClient mongo = MongoClients.create(cloud.endpoints().mongo());
                    ResultUrls urls = new ResultUrls(cloud)) {
                cloud.printSummary();
                MongoDatabase db = mongo.getDatabase(cloud.database().orElseThrow());
                SystemStages stages = new SystemStages(cloud, db, urls, catalog, new ResyncScenario(web, db, cloud.httpPort()), out);
                out.println("==> the catalog API " + catalog.baseUrl() + "/sources lists 2 podcasts (one per page; token for " + USER
                        + " from " + catalog.baseUrl() + "/token); each feed has a channel image and two episode images");
                StageRunner runner = new StageRunner(out, 5);
                boolean ok = runner.stage("catalog-sync: PATCH /api/syncall, the catalog's podcasts become sources", stages::catalog)
                        && runner.stage("source-scheduler: the schedule SyncAllSources orders every enabled source", stages::schedule)
                        && runner.stage("source-downloader: feeds and images into the content bucket, the file registry",
                                () -> stages.download(WAIT))
                        && runner.stage("sync-orchestrator → image-resizer: every downloaded image resized", () -> stages.thumbnails(WAIT))
                        && runner.stage("collection-resync: channels and episodes get their images' resized versions",
                                () -> stages.resync(WAIT));
                if (ok) {
                    ok = outcomes(options.dataDir().resolve("logs"), cloud.model().function("ImageResizerFunction").orElseThrow().name(), db, out);
                }
                out.println();
                out.println(ResultUrls.whereToLook(cloud, options, "database " + db.getName() + ": sources, files, sync_runs,"
                        + " resize_orders, channels and episodes (image_url_info, image_resync), resync_runs, catalog_sync_runs"));
                if (!ok) {
                    out.println(runner.failure() == null ? "DEMO FAILED: the metrics disagree with the records (above)"
                            : "DEMO FAILED at stage " + runner.failedStage() + ": " + runner.failure());
                    return 1;
                }
                out.println("DEMO OK: the catalog's 2 podcasts synced as sources, their 6 images downloaded and resized, and their"
                        + " channels and episodes re-synced with every image URL answering the stored bytes.");
                return 0;
            }
        }
    }

    /**
     * The outcome summary, from the functions' own EMF lines; the resizer's {@code Done} must equal its done records.
     * A function writes its lines when its invocation ends, just after its records: the check waits for them.
     */
    private static boolean outcomes(Path logs, String resizer, MongoDatabase db, PrintStream out) throws Exception {
        long records = db.getCollection("resize_orders").countDocuments(Filters.eq("status", "done"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        EmfCounts counts = EmfCounts.read(logs);
        while (counts.total(resizer, Metric.DONE.emfName()) != records && System.nanoTime() < deadline) {
            Thread.sleep(100); // polling for the last invocation's lines, not a wait that proves anything
            counts = EmfCounts.read(logs);
        }
        out.println();
        out.println("outcomes of every message, from the functions' metrics (" + counts.lines() + " EMF lines in " + logs + "):");
        OutcomeSummary.lines(counts).forEach(out::println);
        long done = counts.total(resizer, Metric.DONE.emfName());
        out.println("  the resizer's Done metric: " + done + "; resize_orders done in MongoDB: " + records
                + (done == records ? " (they agree)" : " (THEY DISAGREE)"));
        return done == records;
    }

    /** A podcast on loopback (channel image, two episodes with images) and its catalog entry. */
    private static com.fasterxml.jackson.databind.node.ObjectNode podcast(HttpFixture web, long id, String title, int seed) {
        List<String> images = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String path = "/podcasts/" + id + "/image-" + i + ".jpg";
            web.serve(path, Images.jpeg(900 - 100 * i, 900 - 100 * i, seed * 10 + i), "image/jpeg");
            images.add(web.url(path));
        }
        web.serve("/podcasts/" + id + "/feed.xml", PodcastFeed.xml(title, images.get(0), images.subList(1, 3)).getBytes(),
                "application/rss+xml");
        return CatalogApi.source(id, web.url("/podcasts/" + id + "/feed.xml"), "podcasts/" + id + "/", title);
    }

    /** Runs the stages in order, one progress line each, and stops at the first that fails. */
    static final class StageRunner {

        interface Stage {
            /** @return what the stage did, in one line; throws {@link StageFailed} with the reason when a check fails */
            String run() throws Exception;
        }

        private final PrintStream out;
        private final int total;
        private int current;
        private String failure;

        StageRunner(PrintStream out, int total) {
            this.out = out;
            this.total = total;
        }

        boolean stage(String name, Stage stage) {
            current++;
            out.println("[" + current + "/" + total + "] " + name);
            long start = System.nanoTime();
            try {
                String done = stage.run();
                out.printf("[%d/%d] ok in %.1f s: %s%n", current, total, (System.nanoTime() - start) / 1e9, done);
                return true;
            } catch (Exception e) {
                failure = e instanceof StageFailed ? e.getMessage() : e.toString();
                out.printf("[%d/%d] FAILED after %.1f s: %s%n", current, total, (System.nanoTime() - start) / 1e9, failure);
                return false;
            }
        }

        int failedStage() {
            return current;
        }

        String failure() {
            return failure;
        }
    }

    /** A check of a stage did not hold: the message says which and what was found. */
    static final class StageFailed extends Exception {
        StageFailed(String message) {
            super(message);
        }
    }

    static Document source(MongoDatabase db, long id) {
        return db.getCollection("sources").find(Filters.eq("source_id", id)).first();
    }
}
