package io.mediasync.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.mediasync.local.LocalCloud;
import io.mediasync.local.ResultUrls;
import io.mediasync.local.demo.SystemDemo.StageFailed;
import io.mediasync.local.runtime.Invocation;
import io.mediasync.local.scenario.CatalogApi;
import io.mediasync.local.scenario.PodcastSource;
import io.mediasync.local.scenario.ResyncScenario;
import io.mediasync.local.scenario.Thumbnails;
import io.mediasync.testsupport.AwsClients;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.bson.Document;
import software.amazon.awssdk.services.s3.S3Client;

/** The checks of {@link SystemDemo}'s five stages, each on what the system recorded, never on what a function said. */
final class SystemStages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalCloud cloud;
    private final MongoDatabase db;
    private final ResultUrls urls;
    private final CatalogApi catalog;
    private final ResyncScenario resync;
    private final PrintStream out;

    SystemStages(LocalCloud cloud, MongoDatabase db, ResultUrls urls, CatalogApi catalog, ResyncScenario resync, PrintStream out) {
        this.cloud = cloud;
        this.db = db;
        this.urls = urls;
        this.catalog = catalog;
        this.resync = resync;
        this.out = out;
    }

    String catalog() throws Exception {
        JsonNode result = CatalogDemo.call(out, "PATCH", "http://127.0.0.1:" + cloud.httpPort() + "/api/syncall");
        require(result.path("data").asText().equals("2 upserted"), "syncall answered " + result);
        for (long id : SystemDemo.SOURCES) {
            Document source = SystemDemo.source(db, id);
            require(source != null && Boolean.TRUE.equals(source.get("enabled")), "source " + id + " not stored enabled: " + source);
            out.println("    source " + id + "  " + source.getString("url") + "  content_path " + source.getString("content_path"));
        }
        return "2 sources in " + db.getName() + ".sources, " + catalog.tokenRequests() + " password grant, " + catalog.sourceRequests()
                + " catalog pages read";
    }

    String schedule() throws StageFailed {
        Invocation.Result result = cloud.trigger("SyncAllSources").orElseThrow(() -> new StageFailed("no schedule SyncAllSources"));
        out.println("    " + result.body());
        require(!result.error(), "the source-scheduler failed: " + result.body());
        try {
            JsonNode ordered = JSON.readTree(result.body()).path("source_ids");
            List<Long> ids = new ArrayList<>();
            ordered.forEach(id -> ids.add(id.asLong()));
            require(ids.containsAll(List.of(SystemDemo.SOURCES[0], SystemDemo.SOURCES[1])), "sources not ordered: " + result.body());
            return ids.size() + " sync orders on GL_SYNC_HTTP_SOURCE_ORDERS.fifo";
        } catch (IOException e) {
            throw new StageFailed("the source-scheduler answered " + result.body());
        }
    }

    String download(Duration wait) throws Exception {
        await(wait, () -> java.util.Arrays.stream(SystemDemo.SOURCES).allMatch(id -> {
            Document s = SystemDemo.source(db, id);
            return s != null && s.get("lastSyncEndedAt") != null && !"running".equals(s.getString("lastSyncStatus"));
        }), "the two sources' syncs did not end");
        int files = 0;
        for (long id : SystemDemo.SOURCES) {
            Document source = SystemDemo.source(db, id);
            out.println("    source " + id + ": " + source.getString("lastSyncStatus") + " " + source.get("lastSyncCounts", Document.class).toJson());
            require("completed".equals(source.getString("lastSyncStatus")) && PodcastSource.count(source, "downloaded") == 3,
                    "source " + id + " should complete with 3 files downloaded: " + source.toJson());
            files += (int) db.getCollection("files").countDocuments(Filters.and(Filters.eq("source_id", id), Filters.ne("deleted", true)));
        }
        require(files == 6, files + " files registered instead of 6");
        return "6 files in s3://" + cloud.contentBucket().orElse("?") + "/content/podcasts/, 6 rows in files";
    }

    String thumbnails(Duration wait) throws Exception {
        String bucket = cloud.resizedBucket().orElseThrow();
        try (S3Client s3 = AwsClients.s3(cloud.endpoints())) {
            List<Document> files = db.getCollection("files").find(Filters.ne("deleted", true)).into(new ArrayList<>());
            await(wait, () -> files.stream().allMatch(f -> Thumbnails.exist(s3, bucket, f.get("source_id", Number.class).longValue(),
                    f.getString("sha256"))), "not every file has its thumbnails");
            for (Document file : files) {
                String url = cloud.imagesUrl() + "/" + Thumbnails.key(file.get("source_id", Number.class).longValue(), file.getString("sha256"),
                        "250x250");
                out.println("    " + url);
                require(urls.check(url));
            }
        }
        return "6 images × " + Thumbnails.DEFAULT_LABELS + ", each URL answering the stored bytes";
    }

    /** The product's documents: one channel per podcast (its image as downloaded), an episode with its own image, one without. */
    String resync(Duration wait) throws Exception {
        String content = cloud.contentBucket().orElseThrow();
        for (long id : SystemDemo.SOURCES) {
            List<Document> files = db.getCollection("files").find(Filters.eq("source_id", id)).sort(new Document("url", 1))
                    .into(new ArrayList<>());
            String channel = "podcast-" + id;
            resync.channels().insertOne(new Document("_id", channel).append("source_id", id)
                    .append("image_url", "s3://" + content + "/" + files.get(0).getString("key")).append("updatedAt", new Date()));
            resync.episodes().insertMany(List.of(new Document("_id", channel + "-1").append("channel_id", channel)
                    .append("image_url", "s3://" + content + "/" + files.get(1).getString("key")).append("updatedAt", new Date()),
                    new Document("_id", channel + "-2").append("channel_id", channel).append("updatedAt", new Date())));
        }
        out.println("    channels podcast-9101, podcast-9102 (image_url: their image in the content bucket); episodes -1 (own image),"
                + " -2 (none: shows its channel's)");
        List<String> runs = new ArrayList<>(resync.trigger("DailyChannelImages"));
        runs.addAll(resync.trigger("DailyEpisodeImages"));
        for (Document run : resync.awaitCompleted(runs, wait)) {
            out.println("    run " + run.getString("_id") + ": " + run.getString("phase") + " " + run.get("counts", Document.class).toJson());
        }
        for (long id : SystemDemo.SOURCES) {
            String channel = "podcast-" + id;
            Document info = requireInfo(resync.channels(), channel);
            requireInfo(resync.episodes(), channel + "-1");
            Document inheriting = resync.doc(resync.episodes(), channel + "-2");
            require(info.equals(inheriting.get("image_url_info")), "episode " + channel + "-2 does not show its channel's image");
        }
        return "2 channels and 4 episodes with image_url_info (2 inherited from their channel)";
    }

    private Document requireInfo(MongoCollection<Document> collection, String id) throws Exception {
        Document doc = resync.doc(collection, id);
        Document info = doc == null ? null : doc.get("image_url_info", Document.class);
        require(info != null && !info.isEmpty(), collection.getNamespace().getCollectionName() + " " + id + " has no image_url_info: "
                + (doc == null ? "gone" : doc.get("image_resync")));
        Document size = info.get("250x250", Document.class);
        out.println("    " + collection.getNamespace().getCollectionName() + " " + id + "  " + (size == null ? info.toJson() : size.getString("url")));
        for (Object each : info.values()) {
            require(urls.check(((Document) each).getString("url")));
        }
        return info;
    }

    private static void require(java.util.Optional<String> problem) throws StageFailed {
        if (problem.isPresent()) {
            throw new StageFailed(problem.get());
        }
    }

    private static void require(boolean held, String otherwise) throws StageFailed {
        if (!held) {
            throw new StageFailed(otherwise);
        }
    }

    private static void await(Duration wait, BooleanSupplier condition, String otherwise) throws Exception {
        if (!CatalogDemo.waitFor(condition, wait)) {
            throw new StageFailed(otherwise + " within " + wait.toMinutes() + " minutes");
        }
    }
}
