package io.mediasync.local.demo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.mediasync.local.LocalCloud;
import io.mediasync.local.LocalOptions;
import io.mediasync.local.ResultUrls;
import io.mediasync.local.Samples;
import io.mediasync.local.scenario.PodcastSource;
import io.mediasync.local.scenario.Thumbnails;
import io.mediasync.testsupport.AwsClients;
import io.mediasync.testsupport.HttpFixture;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ./mediasync demo sync}: a podcast on loopback becomes source 725; the scheduler orders it,
 * the downloader fetches the feed and its images into the content bucket, the orchestrator sends
 * them to the resizer, the thumbnails appear; a second sync skips everything.
 */
final class SyncDemo {

    private static final long SOURCE = 725;

    private SyncDemo() {
    }

    static int run(LocalOptions options, PrintStream out) throws Exception {
        try (HttpFixture web = new HttpFixture(); LocalCloud cloud = LocalCloud.start(options.allowingDownloadsFrom(web.port()), out);
                MongoClient mongo = MongoClients.create(cloud.endpoints().mongo()); S3Client s3 = AwsClients.s3(cloud.endpoints());
                ResultUrls urls = new ResultUrls(cloud)) {
            cloud.printSummary();
            String database = cloud.database().orElseThrow();
            String resized = cloud.resizedBucket().orElseThrow();
            List<byte[]> images = new ArrayList<>();
            for (String name : Samples.NAMES) {
                images.add(Samples.bytes(name));
            }
            PodcastSource podcast = new PodcastSource(web, mongo.getDatabase(database), cloud.httpPort(), SOURCE, images);
            out.println("==> source " + SOURCE + " is the podcast " + podcast.feedUrl() + " (a channel image and two episodes),"
                    + " registered in " + database + ".sources");
            out.println("==> first sync: source-scheduler → source-downloader (feed, images → content bucket) → events");
            Document first = podcast.sync(Duration.ofMinutes(3));
            report(out, first);
            List<String> problems = new ArrayList<>();
            if (PodcastSource.count(first, "downloaded") != 3) {
                problems.add("expected 3 files downloaded, the sync says " + first.get("lastSyncCounts"));
            }
            out.println("==> waiting for the thumbnails: sync-orchestrator → image-resizer");
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            List<String> shas = podcast.liveShas();
            while (!shas.stream().allMatch(sha -> Thumbnails.exist(s3, resized, SOURCE, sha)) && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            for (String sha : shas) {
                boolean there = Thumbnails.exist(s3, resized, SOURCE, sha);
                String url = cloud.imagesUrl() + "/" + Thumbnails.key(SOURCE, sha, "250x250");
                out.println("    " + (there ? "" : "MISSING ") + url);
                if (!there) {
                    problems.add("thumbnails of " + sha + " missing");
                } else {
                    urls.check(url).ifPresent(problems::add);
                }
            }
            out.println("==> second sync: nothing changed at the source");
            Document second = podcast.sync(Duration.ofMinutes(2));
            report(out, second);
            if (PodcastSource.count(second, "downloaded") != 0 || PodcastSource.count(second, "skipped") != 3) {
                problems.add("the second sync should skip all 3 files: " + second.get("lastSyncCounts"));
            }
            out.println();
            out.println(ResultUrls.whereToLook(cloud, options, "database " + database + ", collections sources (source_id " + SOURCE
                    + ": lastSyncStatus, lastSyncCounts) and files (one row per episode image)"));
            out.println("  files    the downloads in " + options.dataDir().resolve("state/s3/" + cloud.contentBucket().orElse("?")
                    + "/content/podcasts/" + SOURCE) + "/");
            if (!problems.isEmpty()) {
                problems.forEach(p -> out.println("DEMO FAILED: " + p));
                return 1;
            }
            out.println("DEMO OK: source " + SOURCE + " synced (3 files), its images resized, and a second sync skipped everything.");
            return 0;
        }
    }

    private static void report(PrintStream out, Document source) {
        out.println("    " + source.getString("lastSyncStatus") + ": " + source.get("lastSyncCounts", Document.class).toJson());
    }

}
