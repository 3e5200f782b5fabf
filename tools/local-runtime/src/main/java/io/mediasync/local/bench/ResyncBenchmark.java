package io.mediasync.local.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.mediasync.local.LocalCloud;
import io.mediasync.local.LocalOptions;
import io.mediasync.local.scenario.ResyncScenario;
import io.mediasync.testsupport.HttpFixture;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;

/**
 * {@code ./mediasync bench resync [--channels N] [--changed M] [--provide-only]}: N channels last edited two days ago
 * and re-synced yesterday (infos and image_resync in place, the watermark at yesterday's run), M of them (evenly
 * spread) with a new image since; one manual run of the real collection-resync package through the local stack.
 * Prints the provide phase's time and the function's peak heap, then (unless provide only) the time until the M new
 * images are resized and written back (documents/s). Without options: 100,000 channels with 1,000 changed, provide
 * only, then 1,000 changed channels end to end. A measurement, not a test.
 */
@Command(name = "resync", description = {"The collection re-sync over N channels synced yesterday, M with a new image since: provide time and peak heap, then the M end to end.", "No option: 100000 with 1000 changed (provide only), then 1000 changed end to end."})
public final class ResyncBenchmark implements Callable<Integer> {

    @Option(names = "--channels", paramLabel = "N", description = "channels synced yesterday (default: the two runs above)")
    private Integer channels;
    @Option(names = "--changed", paramLabel = "M", description = "of them with a new image since (default 1000)")
    private int changed = 1_000;
    @Option(names = "--provide-only", description = "report when provide and execute are done, without the resizer and apply")
    private boolean provideOnly;

    @Override
    public Integer call() throws Exception {
        if (channels == null) {
            // the two figures of issue 8: provide over 100,000 channels with 1 % changed, then 1,000 end to end
            return run(100_000, 1_000, true, System.err) && run(1_000, 1_000, false, System.err) ? 0 : 1;
        }
        return run(channels, Math.min(changed, channels), provideOnly, System.err) ? 0 : 1;
    }

    static boolean run(int channels, int changed, boolean provideOnly, PrintStream log) throws Exception {
        log.println("generating " + changed + " distinct 320x240 JPEGs");
        List<byte[]> images = IntStream.range(0, changed).parallel().mapToObj(i -> Images.jpeg(320, 240, i)).toList();
        LocalOptions options = LocalOptions.parse(new String[] {"--data-dir", Files.createTempDirectory("mediasync-resyncbench").toString(),
                "--sqs-port", "0", "--s3-port", "0", "--mongo-port", "0", "--http-port", "0", "--images-port", "0", "--quiet",
                // a message an invocation gives back (out of time) is retried after a second, not the queue's visibility timeout
                "--retry-delay", "PT1S"},
                System.getenv());
        try (LocalCloud cloud = LocalCloud.start(options, log); HttpFixture web = new HttpFixture();
                MongoClient mongo = MongoClients.create(cloud.endpoints().mongo())) {
            MongoDatabase db = mongo.getDatabase(cloud.database().orElseThrow());
            ResyncScenario scenario = new ResyncScenario(web, db, cloud.httpPort());
            long seeding = System.nanoTime();
            seed(scenario, db, channels, changed, images);
            log.printf("seeded %d channels (%d changed) in %.1f s%n", channels, changed, (System.nanoTime() - seeding) / 1e9);

            Document run;
            double peak;
            double peakOld;
            try (HeapSampler heap = new HeapSampler(() -> cloud.function("collection-resync").orElseThrow().pid())) {
                List<String> ids = scenario.invoke("{\"collection\": \"channels\"}");
                peak = heap.peakMb();
                peakOld = heap.peakOldMb();
                run = db.getCollection("resync_runs").find(Filters.eq("_id", ids.get(0))).first();
                if (!provideOnly) {
                    log.printf("provide and execute done (peak heap %.1f MB); waiting for the resizer and apply%n", peak);
                    run = scenario.awaitCompleted(ids, Duration.ofHours(2)).get(0);
                }
            }
            report(run, channels, changed, peak, peakOld);
            Document counts = run.get("counts", Document.class);
            return counts.getInteger("provided", 0) == changed && (provideOnly || counts.getInteger("applied", 0) == changed);
        }
    }

    /** Synced yesterday: info and image_resync for the image each holds; the changed ones have a new image since. */
    private static void seed(ResyncScenario scenario, MongoDatabase db, int channels, int changed, List<byte[]> images) {
        Date twoDaysAgo = Date.from(Instant.now().minus(Duration.ofDays(2)));
        Date yesterday = Date.from(Instant.now().minus(Duration.ofDays(1)));
        Date now = new Date();
        int every = channels / changed;
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            boolean isChanged = i % every == 0 && i / every < changed;
            String old = "https://images.example/channels/" + i + ".jpg";
            Document info = new Document();
            for (String label : List.of("50x50", "250x250", "800x800")) {
                info.append(label, new Document("url", "https://cdn.example/images-resized/channels/" + Integer.toHexString(i) + "_" + label
                        + ".jpeg").append("bucket_path", "images-resized/channels/"));
            }
            batch.add(new Document("_id", i).append("title", "channel " + i)
                    .append("image_url", isChanged ? scenario.image("bench/" + i + ".jpg", images.get(i / every)) : old)
                    .append("image_url_info", info)
                    .append("image_resync", new Document("image_url", new Document("source_url", old).append("status", "done").append("at", yesterday)))
                    .append("updatedAt", isChanged ? now : twoDaysAgo));
            if (batch.size() == 1000) {
                scenario.channels().insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            scenario.channels().insertMany(batch);
        }
        // yesterday's run: completed, so the watermark is where it started
        db.getCollection("resync_runs").insertOne(new Document("_id", "watermark:channels").append("collection", "channels")
                .append("to", yesterday));
    }

    private static void report(Document run, int channels, int changed, double peakHeapMb, double peakOldMb) {
        Document t = run.get("timings", Document.class);
        Document counts = run.get("counts", Document.class);
        StringBuilder json = new StringBuilder("{\"bench\":\"resync\",\"channels\":" + channels + ",\"changed\":" + changed
                + ",\"provided\":" + counts.getInteger("provided", 0) + ",\"provide_seconds\":"
                + String.format("%.2f", seconds(t.getDate("startedAt"), t.getDate("providingEndedAt"))) + ",\"peak_heap_mb\":"
                + String.format("%.1f", peakHeapMb) + ",\"peak_old_gen_mb\":" + String.format("%.1f", peakOldMb)
                + ",\"ordered\":" + counts.getInteger("ordered", 0) + ",\"execute_seconds\":"
                + String.format("%.2f", seconds(t.getDate("providingEndedAt"), t.getDate("executingEndedAt"))));
        if (run.getDate("completedAt") != null) {
            double total = seconds(t.getDate("startedAt"), run.getDate("completedAt"));
            json.append(",\"applied\":").append(counts.getInteger("applied", 0)).append(",\"end_to_end_seconds\":")
                    .append(String.format("%.1f", total)).append(",\"documents_per_second\":").append(String.format("%.1f", changed / total));
        }
        System.out.println(json.append("}"));
    }

    private static double seconds(Date from, Date to) {
        return from == null || to == null ? -1 : (to.getTime() - from.getTime()) / 1000.0;
    }
}
