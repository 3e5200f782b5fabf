package io.mediasync.local.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.mediasync.local.LocalCloud;
import io.mediasync.local.LocalOptions;
import io.mediasync.local.runtime.FunctionProcess;
import io.mediasync.testsupport.AwsClients;
import io.mediasync.testsupport.HttpFixture;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * {@code ./mediasync bench pipeline [--orders N] [--size WxH] [--cold-starts K]}: the local stack from template.yaml,
 * N orders for N different images (so nothing is deduplicated or reused), timed from the first
 * send to the last record done. Then K more cold starts of the resizer, each its process stopped and one order of a
 * new image sent, with the stack already warm (as S3, SQS and MongoDB are in AWS): the first cold start also pays
 * for the stack's own JVMs compiling on the same two cores. Prints the local runtime's start-up time, the cold
 * starts and the throughput as one JSON line. A measurement, not a test.
 */
@Command(name = "pipeline", description = "N orders of N different images through the local stack: images/s, start-up time and the resizer's cold start, then K more cold starts with the stack warm.")
public final class PipelineBenchmark implements Callable<Integer> {

    @Option(names = "--orders", paramLabel = "N", description = "orders, each a different image (default 1000)")
    private int orders = 1000;
    @Option(names = "--size", paramLabel = "WxH", description = "the images' size (default 1024x768)")
    private String size = "1024x768";
    @Option(names = "--cold-starts", paramLabel = "K", description = "cold starts measured with the stack warm (default 5)")
    private int coldStarts = 5;

    @Override
    public Integer call() throws Exception {
        String[] wh = size.split("x");
        if (wh.length != 2 || !wh[0].matches("\\d+") || !wh[1].matches("\\d+")) {
            System.err.println("bench: --size takes WxH, e.g. 1024x768, not " + size);
            return 2;
        }
        return run(orders, Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), coldStarts, System.err) ? 0 : 1;
    }

    static boolean run(int orders, int width, int height, int coldStarts, PrintStream log) throws Exception {
        log.println("generating " + (orders + coldStarts) + " distinct " + width + "x" + height + " JPEGs");
        List<byte[]> images = IntStream.range(0, orders + coldStarts).parallel().mapToObj(i -> Images.jpeg(width, height, i)).toList();
        Path data = Files.createTempDirectory("mediasync-bench");
        LocalOptions options = LocalOptions.parse(new String[] {"--data-dir", data.toString(), "--sqs-port", "0", "--s3-port", "0",
                "--mongo-port", "0", "--http-port", "0", "--quiet"}, System.getenv());
        // the images' server is a loopback server of this benchmark's own: the stack downloads from it alone (not from
        // the whole of 127.0.0.0/8), as from the demos' servers
        try (HttpFixture web = new HttpFixture(); LocalCloud cloud = LocalCloud.start(options.allowingDownloadsFrom(web.port()), log);
                SqsClient sqs = AwsClients.sqs(cloud.endpoints()); MongoClient mongo = MongoClients.create(cloud.endpoints().mongo())) {
            for (int i = 0; i < orders + coldStarts; i++) {
                web.serve("/img/" + i + ".jpg", images.get(i), "image/jpeg");
            }
            MongoCollection<Document> records = mongo.getDatabase("mediasync_dev").getCollection("resize_orders");
            String queue = cloud.queueUrl("ImageQueue.fifo");

            // one warm-up order: the cold start (JVM + Quarkus boot + first invocation) is measured on its own
            long coldStart = System.nanoTime();
            sqs.sendMessage(b -> b.queueUrl(queue).messageGroupId("warm").messageDeduplicationId("warm")
                    .messageBody(order(web.url("/img/0.jpg"), "warm", "")));
            waitFor(records, 1, 180_000);
            long coldMs = (System.nanoTime() - coldStart) / 1_000_000;

            long start = System.nanoTime();
            List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                String body = order(web.url("/img/" + i + ".jpg"), "bench-" + i, ",\"bucket_name\":\"bench\"");
                // ten message groups: FIFO order is kept per group, as a real feed of channels would be
                batch.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(body).messageGroupId("g" + (i % 10))
                        .messageDeduplicationId("bench-" + i).build());
                if (batch.size() == 10 || i == orders - 1) {
                    List<SendMessageBatchRequestEntry> entries = List.copyOf(batch);
                    sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(entries));
                    batch.clear();
                }
            }
            long done = waitFor(records, orders + 1, 3_600_000) - 1;
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] warmStackColdStarts = new long[coldStarts];
            FunctionProcess resizer = cloud.function("image-resizer").orElseThrow();
            long firstColdStart = resizer.lastColdStartMillis();
            for (int k = 0; k < coldStarts; k++) {
                resizer.stop(); // the next order starts a new process: a cold start
                String id = "cold-" + k;
                String body = order(web.url("/img/" + (orders + k) + ".jpg"), id, "");
                sqs.sendMessage(b -> b.queueUrl(queue).messageGroupId(id).messageDeduplicationId(id).messageBody(body));
                waitFor(records, orders + 2 + k, 180_000);
                warmStackColdStarts[k] = resizer.lastColdStartMillis();
            }
            long failed = records.countDocuments(Filters.ne("status", "done"));
            System.out.println("{\"bench\":\"local-pipeline\",\"orders\":" + orders + ",\"done\":" + done + ",\"not_done\":" + failed
                    + ",\"image\":\"" + width + "x" + height + "\",\"seconds\":" + String.format("%.1f", seconds)
                    + ",\"images_per_second\":" + String.format("%.2f", done / seconds) + ",\"up_to_ready_ms\":" + cloud.readyMillis()
                    + ",\"first_order_ms\":" + coldMs + ",\"resizer_cold_start_ms\":" + firstColdStart
                    + ",\"resizer_cold_starts_warm_stack_ms\":" + Arrays.toString(warmStackColdStarts).replace(" ", "")
                    + ",\"resizer_cold_start_warm_stack_median_ms\":" + median(warmStackColdStarts) + "}");
            return failed == 0;
        }
    }

    /** A seed-004 order of one image, its result to ChannelImages; {@code more}: further JSON members, or "". */
    private static String order(String imageUrl, String id, String more) {
        return "{\"image_url\":\"" + imageUrl + "\",\"redirect_queue\":\"ChannelImages\",\"_id\":\"" + id + "\"" + more + "}";
    }

    private static long median(long[] values) {
        if (values.length == 0) {
            return -1;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** Waits until this many records are finished; returns how many are. */
    private static long waitFor(MongoCollection<Document> records, long count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long finished;
        while ((finished = records.countDocuments(Filters.in("status", "done", "failed", "rejected"))) < count
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        return finished;
    }
}
