package io.mediasync.local.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.mediasync.local.LocalCloud;
import io.mediasync.local.LocalOptions;
import io.mediasync.local.scenario.PodcastSource;
import io.mediasync.testsupport.HttpFixture;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;

/**
 * {@code ./mediasync bench sync [--items N]}: a podcast feed of N items (N different images) on
 * loopback, synced by the real source-sync package through the local stack; times the first sync
 * (order to "source synchronized", continuing across follow-up orders), the unchanged re-sync, and
 * the first sync until every image's resize order is done. A measurement, not a test.
 */
@Command(name = "sync", description = "A podcast feed of N items synced through the local stack: the first sync, the unchanged re-sync, the images resized.")
public final class SyncBenchmark implements Callable<Integer> {

    @Option(names = "--items", paramLabel = "N", description = "the feed's items (default 500)")
    private int items = 500;

    @Override
    public Integer call() throws Exception {
        return run(items, System.err) ? 0 : 1;
    }

    static boolean run(int items, PrintStream log) throws Exception {
        log.println("generating " + items + " distinct 320x240 JPEGs");
        List<byte[]> images = IntStream.range(0, items).parallel().mapToObj(i -> Images.jpeg(320, 240, i)).toList();
        LocalOptions options = LocalOptions.parse(new String[] {"--data-dir", Files.createTempDirectory("mediasync-syncbench").toString(),
                "--sqs-port", "0", "--s3-port", "0", "--mongo-port", "0", "--http-port", "0", "--quiet"}, System.getenv());
        try (LocalCloud cloud = LocalCloud.start(options, log); HttpFixture web = new HttpFixture();
                MongoClient mongo = MongoClients.create(cloud.endpoints().mongo())) {
            PodcastSource podcast = new PodcastSource(web, mongo.getDatabase("mediasync_dev"), cloud.httpPort(), 1, images);
            long start = System.nanoTime();
            Document first = podcast.sync(Duration.ofMinutes(30));
            double firstSeconds = (System.nanoTime() - start) / 1e9;
            var orders = mongo.getDatabase("mediasync_dev").getCollection("resize_orders");
            while (orders.countDocuments(Filters.eq("status", "done")) < items && System.nanoTime() - start < 3_600_000_000_000L) {
                Thread.sleep(250);
            }
            double resizedSeconds = (System.nanoTime() - start) / 1e9;
            long resync = System.nanoTime();
            Document second = podcast.sync(Duration.ofMinutes(10));
            double resyncSeconds = (System.nanoTime() - resync) / 1e9;
            System.out.println("{\"bench\":\"local-sync\",\"items\":" + items + ",\"first_sync_seconds\":" + String.format("%.1f", firstSeconds)
                    + ",\"downloaded\":" + PodcastSource.count(first, "downloaded") + ",\"all_resized_seconds\":"
                    + String.format("%.1f", resizedSeconds) + ",\"resync_unchanged_seconds\":" + String.format("%.2f", resyncSeconds)
                    + ",\"resync_skipped\":" + PodcastSource.count(second, "skipped") + ",\"resync_downloaded\":"
                    + PodcastSource.count(second, "downloaded") + "}");
            return PodcastSource.count(first, "downloaded") == items && PodcastSource.count(second, "downloaded") == 0;
        }
    }
}
