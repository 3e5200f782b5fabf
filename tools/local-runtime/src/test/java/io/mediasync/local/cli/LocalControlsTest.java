package io.mediasync.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.mediasync.local.LocalCloud;
import io.mediasync.local.RawHttp;
import io.mediasync.local.Repo;
import io.mediasync.local.Samples;
import io.mediasync.local.TestStacks;
import io.mediasync.testsupport.AwsClients;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What a user finds without reading code: the control routes list themselves, {@code invoke} and
 * {@code trigger} list what there is, {@code env} prints the stack's endpoints, the shipped sample
 * event runs, and the image server serves the results read-only.
 */
class LocalControlsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static LocalCloud cloud;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        cloud = TestStacks.start(Files.createTempDirectory("mediasync-controls"), Map.of());
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void theControlRoutesListThemselvesTheFunctionsAndTheSchedules() throws Exception {
        JsonNode index = JSON.readTree(get("http://127.0.0.1:" + cloud.httpPort() + "/_mediasync/").body());

        assertThat(index.path("routes").findValuesAsText("path")).containsExactly("/_mediasync/", "/_mediasync/status",
                "/_mediasync/invoke/{function}", "/_mediasync/trigger/{schedule}");
        assertThat(index.path("functions").findValuesAsText("name"))
                .containsExactly("image-resizer", "source-scheduler", "source-downloader", "sync-orchestrator",
                "collection-resync", "collection-resync-worker", "collection-resync-apply", "catalog-sync");
        assertThat(index.path("schedules").findValuesAsText("name")).containsExactly("SyncAllSources", "DailyChannelImages", "DailyEpisodeImages",
                "CatalogSchedule");
    }

    @Test
    void aWebPageReachesNoRouteOfTheHttpApiNeitherByDnsRebindingNorFromItsOwnOrigin() throws Exception {
        int port = cloud.httpPort();
        String rebound = RawHttp.send(port, "PATCH /api/syncall HTTP/1.1\r\nHost: rebind.attacker.example:" + port, "");
        String crossSite = RawHttp.send(port, "PATCH /api/syncall HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nOrigin: https://attacker.example\r\nContent-Type: text/plain", "");
        String invoke = RawHttp.send(port, "POST /_mediasync/invoke/source-scheduler HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nOrigin: https://attacker.example\r\nContent-Type: text/plain", "{}");

        assertThat(rebound).startsWith("HTTP/1.1 403 ").endsWith("{\"errorMessage\":\"the local HTTP API answers requests for 127.0.0.1,"
                + " [::1] or localhost on port " + port + " only (Host: rebind.attacker.example:" + port + ")\"}");
        assertThat(crossSite).startsWith("HTTP/1.1 403 ")
                .endsWith("{\"errorMessage\":\"the local HTTP API does not answer web pages of other origins (Origin: https://attacker.example)\"}");
        assertThat(invoke).startsWith("HTTP/1.1 403 ");
    }

    @Test
    void invokeWithoutAFunctionListsThemAndAnUnknownOneIsOneLine() throws Exception {
        assertThat(ControlCommands.invoke(new String[0], env(), print(out), print(err))).isEqualTo(2);
        assertThat(text(err)).startsWith("usage: ./mediasync invoke FUNCTION [--event FILE.json]")
                .contains("\n  image-resizer        mediasync-dev-image-resizer\n");

        err.reset();
        assertThat(ControlCommands.invoke(new String[] {"resizer-x"}, env(), print(out), print(err))).isEqualTo(1);
        assertThat(text(err)).startsWith("no function resizer-x in the template\nfunctions of the running stack:\n");
        assertThat(out.size()).isZero();
    }

    @Test
    void triggerWithoutAValidScheduleListsTheSchedules() throws Exception {
        assertThat(ControlCommands.trigger(new String[] {"Nightly"}, env(), print(out), print(err))).isEqualTo(1);
        assertThat(text(err)).isEqualTo("""
                no schedule Nightly in the template
                schedules of the running stack:
                  SyncAllSources       rate(1 hour) → mediasync-dev-source-scheduler (mediasync-dev-sync-all-sources)
                  DailyChannelImages   cron(0 1 * * ? *) America/Sao_Paulo → mediasync-dev-collection-resync (mediasync-dev-resync-channels)
                  DailyEpisodeImages   cron(0 1 * * ? *) America/Sao_Paulo → mediasync-dev-collection-resync (mediasync-dev-resync-episodes)
                  CatalogSchedule      rate(1 hour) → mediasync-dev-catalog-sync (mediasync-dev-catalog-sync)
                """);
    }

    @Test
    void withNoStackRunningInvokeTriggerAndEnvSaySoInOneLine() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        Map<String, String> nothing = Map.of("MEDIASYNC_HTTP_PORT", Integer.toString(port));
        assertThat(ControlCommands.invoke(new String[] {"image-resizer"}, nothing, print(out), print(err))).isEqualTo(1);
        assertThat(ControlCommands.trigger(new String[] {"SyncAllSources"}, nothing, print(out), print(err))).isEqualTo(1);
        String line = "no local runtime on 127.0.0.1:" + port + ": start it with ./mediasync up\n";
        assertThat(text(err)).isEqualTo(line + line);

        // a shell pinned to a data directory whose stack has stopped: env says so, and what up would serve there
        java.nio.file.Path stopped = Files.createTempDirectory("stopped");
        err.reset();
        assertThat(EnvCommand.run(new String[0], Map.of("MEDIASYNC_DATA_DIR", stopped.toString(), "MEDIASYNC_TEMPLATE",
                Repo.root().resolve("template.yaml").toString()), print(out), print(err))).isZero();
        assertThat(text(err)).startsWith("# no local stack runs with data directory " + stopped);
        assertThat(text(out)).contains("export MEDIASYNC_DATA_DIR='" + stopped.toAbsolutePath() + "'\n");
    }

    @Test
    void envPrintsTheRunningStacksEndpoints() throws Exception {
        assertThat(EnvCommand.run(new String[0], env(), print(out), print(err))).isZero();

        assertThat(text(out)).contains("export AWS_ENDPOINT_URL_SQS='" + cloud.endpoints().sqs() + "'\n",
                "export AWS_ENDPOINT_URL_S3='" + cloud.endpoints().s3() + "'\n", "export AWS_REGION='us-east-1'\n",
                "export AWS_DEFAULT_REGION='us-east-1'\n", "export AWS_ACCESS_KEY_ID='test'\n", "export AWS_SECRET_ACCESS_KEY='test'\n",
                "export MONGO_URL='" + cloud.endpoints().mongo() + "'\n", "export MONGO_DATABASE='mediasync_dev'\n",
                "export MEDIASYNC_IMAGES_URL='" + cloud.imagesUrl() + "'\n", "export MEDIASYNC_DATA_DIR='" + cloud.dataDir() + "'\n");
        assertThat(err.size()).isZero();
    }

    @Test
    void theShippedSampleEventRunsTheResizerAndItsResultOpens() throws Exception {
        String event = Files.readString(Repo.root().resolve(ControlCommands.SAMPLE_EVENT));
        assertThat(ControlCommands.invoke(new String[] {"image-resizer", "--event", Repo.root().resolve(ControlCommands.SAMPLE_EVENT)
                .toString()}, env(), print(out), print(err))).as(text(err)).isZero();
        assertThat(text(out)).isEqualTo("{\"batchItemFailures\":[]}\n");

        String messageId = JSON.readTree(event).path("Records").get(0).path("messageId").asText();
        try (MongoClient mongo = MongoClients.create(cloud.endpoints().mongo()); S3Client s3 = AwsClients.s3(cloud.endpoints())) {
            Document record = mongo.getDatabase("mediasync_dev").getCollection("resize_orders").find(Filters.eq("_id", messageId)).first();
            assertThat(record.getString("status")).isEqualTo("done");
            assertThat(record.getString("orderId")).isEqualTo("sample-1");
            String url = record.get("images", Document.class).get("image_url", Document.class).get("outputs", Document.class)
                    .get("250x250", Document.class).getString("url");
            String key = url.substring(cloud.imagesUrl().length() + 1);
            byte[] stored = s3.getObjectAsBytes(b -> b.bucket("images-ch").key(key)).asByteArray();

            HttpResponse<byte[]> opened = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(opened.statusCode()).isEqualTo(200);
            assertThat(opened.body()).isEqualTo(stored);
            HttpResponse<Void> head = HTTP.send(HttpRequest.newBuilder(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.discarding());
            assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(stored.length);

            // read-only, and nothing but the results and the bundled samples (what a public order can name)
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(405);
            HttpResponse<byte[]> sample = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.imagesUrl() + "/samples/channel-cover.jpg"))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(sample.statusCode()).isEqualTo(200);
            assertThat(sample.body()).isEqualTo(Samples.bytes("channel-cover.jpg"));
            assertThat(get(cloud.imagesUrl() + "/samples/other.jpg").statusCode()).isEqualTo(404);
            assertThat(get(cloud.imagesUrl() + "/content/samples/channel-cover.jpg").statusCode()).as("not the content bucket").isEqualTo(404);
            String dotted = url.replace("/images-resized/samples/", "/images-resized/samples/../samples/"); // the same file, by ".."
            assertThat(get(dotted).statusCode()).isEqualTo(404);
            assertThat(get(cloud.imagesUrl() + "/images-resized/samples/none_250x250.jpeg").statusCode()).isEqualTo(404);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> env() {
        return Map.of("MEDIASYNC_HTTP_PORT", Integer.toString(cloud.httpPort()));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
