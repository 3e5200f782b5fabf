package io.mediasync.local.demo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.mediasync.local.LocalCloud;
import io.mediasync.local.LocalOptions;
import io.mediasync.local.ResultUrls;
import io.mediasync.local.Samples;
import io.mediasync.local.bench.Images;
import io.mediasync.local.scenario.ResyncScenario;
import io.mediasync.testsupport.HttpFixture;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bson.Document;

/**
 * {@code ./mediasync demo resync}: channels and episodes in the stack's MongoDB (some without images, one with a
 * broken URL), the two daily schedules fired, every image resized by the real resizer and written back (episodes
 * without images showing their channel's); then one channel's image changes, the channels job runs again, and
 * the demo prints and checks what changed, and that nothing else was resized again.
 */
final class ResyncDemo {

    private static final Duration WAIT = Duration.ofMinutes(3);

    private final ResyncScenario scenario;
    private final ResultUrls urls;
    private final PrintStream out;
    private final List<String> problems = new ArrayList<>();

    private ResyncDemo(ResyncScenario scenario, ResultUrls urls, PrintStream out) {
        this.scenario = scenario;
        this.urls = urls;
        this.out = out;
    }

    static int run(LocalOptions options, PrintStream out) throws Exception {
        try (HttpFixture web = new HttpFixture(); LocalCloud cloud = LocalCloud.start(options.allowingDownloadsFrom(web.port()), out);
                MongoClient mongo = MongoClients.create(cloud.endpoints().mongo()); ResultUrls urls = new ResultUrls(cloud)) {
            cloud.printSummary();
            String database = cloud.database().orElseThrow();
            ResyncDemo demo = new ResyncDemo(new ResyncScenario(web, mongo.getDatabase(database), cloud.httpPort()), urls, out);
            demo.seed();
            demo.firstRun();
            demo.changeOneChannel();
            out.println();
            out.println(ResultUrls.whereToLook(cloud, options, "database " + database + ", collections channels and episodes"
                    + " (image_url_info, itunes_image_info, image_resync), resync_runs (one record per run) and resync_storage (empty when done)"));
            if (!demo.problems.isEmpty()) {
                demo.problems.forEach(p -> out.println("DEMO FAILED: " + p));
                return 1;
            }
            out.println("DEMO OK: 4 channels and 4 episodes re-synced (every image resized and written back, episodes without images"
                    + " showing their channel's, the broken URL recorded as failed); one changed image resized again and followed by"
                    + " its episode, nothing else ordered twice.");
            return 0;
        }
    }

    private void seed() throws IOException {
        Date now = new Date();
        scenario.channels().insertMany(List.of(
                new Document("_id", "news").append("title", "News of the day")
                        .append("image_url", scenario.image("news-cover.jpg", Samples.bytes("channel-cover.jpg")))
                        .append("itunes_image", scenario.image("news-square.jpg", Samples.bytes("itunes-square.jpg"))).append("updatedAt", now),
                new Document("_id", "music").append("title", "Music").append("image_url", scenario.image("music-logo.png",
                        Samples.bytes("logo-alpha.png"))).append("updatedAt", now),
                new Document("_id", "broken").append("title", "A channel whose image is gone")
                        .append("image_url", scenario.missing("gone.jpg")).append("updatedAt", now),
                new Document("_id", "plain").append("title", "A channel without images").append("updatedAt", now)));
        scenario.episodes().insertMany(List.of(
                new Document("_id", "news-1").append("channel_id", "news").append("title", "no image: shows its channel's"),
                new Document("_id", "news-2").append("channel_id", "news").append("title", "its own image")
                        .append("image_url", scenario.image("news-2.jpg", Images.jpeg(480, 480, 7))),
                new Document("_id", "music-1").append("channel_id", "music").append("title", "no image: shows its channel's"),
                new Document("_id", "plain-1").append("channel_id", "plain").append("title", "no image, nor has its channel")));
        out.println("==> 4 channels and 4 episodes in channels and episodes: two channels with images, one with a broken URL, one"
                + " without; two episodes without images of their own");
    }

    private void firstRun() throws IOException, InterruptedException {
        out.println("==> first run: the schedules DailyChannelImages and DailyEpisodeImages fire (provide → execute → image-resizer"
                + " → apply; the first invocation of each function is a JVM cold start)");
        List<String> runs = new ArrayList<>(scenario.trigger("DailyChannelImages"));
        runs.addAll(scenario.trigger("DailyEpisodeImages"));
        scenario.awaitCompleted(runs, WAIT).forEach(this::report);
        for (MongoCollection<Document> collection : List.of(scenario.channels(), scenario.episodes())) {
            collection.find().forEach(this::describe);
        }
        expectOwn(scenario.channels(), "news", "image_url", "itunes_image");
        expectOwn(scenario.channels(), "music", "image_url");
        expectOwn(scenario.episodes(), "news-2", "image_url");
        expectInherited("news-1", "news");
        expectInherited("music-1", "music");
        Document broken = resync(scenario.doc(scenario.channels(), "broken"), "image_url");
        if (broken == null || !"failed".equals(broken.getString("status"))) {
            problems.add("the broken URL is not recorded as failed: " + broken);
        }
    }

    private void changeOneChannel() throws IOException, InterruptedException {
        Document before = scenario.doc(scenario.channels(), "music");
        String newUrl = scenario.image("music-logo-2024.jpg", Images.jpeg(800, 800, 11));
        scenario.channels().updateOne(Filters.eq("_id", "music"), Updates.combine(Updates.set("image_url", newUrl),
                Updates.set("updatedAt", new Date())));
        out.println("==> channel music gets a new image (" + newUrl + "); the channels job runs again");
        List<Document> runs = scenario.awaitCompleted(scenario.trigger("DailyChannelImages"), WAIT);
        runs.forEach(this::report);
        Document counts = runs.get(0).get("counts", Document.class);
        if (counts.getInteger("ordered", 0) != 1 || counts.getInteger("inherited", 0) != 1) {
            problems.add("the second run should order 1 image and pass it on to 1 episode: " + counts.toJson());
        }
        Document after = scenario.doc(scenario.channels(), "music");
        out.println("==> what changed:");
        out.println("    channels music  image_url_info 250x250: " + url(before, "image_url") + "\n                                       → "
                + url(after, "image_url"));
        Document episode = scenario.doc(scenario.episodes(), "music-1");
        out.println("    episodes music-1 (inherited) now:       " + url(episode, "image_url"));
        if (Objects.equals(url(before, "image_url"), url(after, "image_url"))) {
            problems.add("channel music's image_url_info did not change");
        }
        expectOwn(scenario.channels(), "music", "image_url");
        expectInherited("music-1", "music");
        out.println("    unchanged: news, broken (still failed, not ordered again), the episodes of news");
    }

    private void report(Document run) {
        out.println("    run " + run.getString("_id") + ": " + run.getString("phase") + " " + run.get("counts", Document.class).toJson());
    }

    private void describe(Document doc) {
        StringBuilder line = new StringBuilder("    ").append(doc.getString("_id")).append(":");
        Document all = doc.get("image_resync", Document.class);
        if (all == null) {
            line.append(" no images");
        } else {
            all.forEach((field, value) -> {
                Document w = (Document) value;
                line.append(" ").append(field).append(" ").append(w.getString("status"));
                if (w.get("inherited_from") != null) {
                    line.append(" (from ").append(w.get("inherited_from")).append(")");
                }
                if (w.get("error") instanceof Document error) {
                    line.append(" (").append(error.getString("code")).append(")");
                }
            });
        }
        out.println(line);
    }

    private void expectOwn(MongoCollection<Document> collection, String id, String... fields) throws IOException, InterruptedException {
        Document doc = scenario.doc(collection, id);
        for (String field : fields) {
            Document info = doc.get(field + "_info", Document.class);
            if (info == null) {
                problems.add(id + " has no " + field + "_info");
                continue;
            }
            for (Object size : info.values()) {
                urls.check(((Document) size).getString("url")).ifPresent(problems::add);
            }
        }
    }

    private void expectInherited(String episode, String channel) {
        Document e = scenario.doc(scenario.episodes(), episode);
        Document c = scenario.doc(scenario.channels(), channel);
        if (e.get("image_url_info") == null || !e.get("image_url_info").equals(c.get("image_url_info"))) {
            problems.add("episode " + episode + " does not show channel " + channel + "'s image");
        }
    }

    private static String url(Document doc, String field) {
        Document info = doc.get(field + "_info", Document.class);
        Document size = info == null ? null : info.get("250x250", Document.class);
        return size == null ? null : size.getString("url");
    }

    private static Document resync(Document doc, String field) {
        Document all = doc.get("image_resync", Document.class);
        return all == null ? null : all.get(field, Document.class);
    }
}
