package io.mediasync.local.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.mediasync.local.LocalCloud;
import io.mediasync.local.LocalOptions;
import io.mediasync.local.runtime.FunctionProcess;
import io.mediasync.testsupport.AwsClients;
import io.mediasync.testsupport.HttpFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bson.Document;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code ./mediasync bench order [--orders N] [--warmup W] [--formats jpeg|jpeg,webp] [--input FILE]...}: what one
 * resize order costs where it runs. The local stack from template.yaml runs the resizer's real package under Lambda's
 * JVM flags and the template's JAVA_TOOL_OPTIONS (JVM mode as deployed, without a snapshot: W warm-up orders first).
 * Per input, N orders one at a time, each a distinct image (the input's bytes plus a trailer after the image's end,
 * which decoders ignore, so nothing is deduplicated or reused), each with a redirect queue and a signed postback to a
 * loopback receiver, as seed 004's orders. Per order: the invocation's duration from the event's hand-out to the
 * answer (what Lambda bills) and the record's timings (download, process = decode + resize + encode, upload = the S3
 * puts); the rest of the record's time is the MongoDB writes, the redirect and the postback; what the invocation
 * took beyond the record is its edges (the event read and parsed, the answer). Prints medians per input
 * and {@link LambdaPrice}'s cost per million orders. A measurement, not a test.
 */
@Command(name = "order", description = "What one resize order costs where it runs: billed duration per input, its parts, and the cost per million orders at the template's memory.")
public final class OrderCostBenchmark implements Callable<Integer> {

    /**
     * One order's figures, in milliseconds; {@code recorded}: from the record's creation to its completion (the
     * order's own work), the rest of {@code billed} is the invocation's edges (the event's parsing, the runtime).
     */
    record Order(double billed, double recorded, double download, double process, double upload) {
        double records() {
            return Math.max(0, recorded - download - process - upload);
        }

        double edges() {
            return Math.max(0, billed - recorded);
        }
    }

    @Option(names = "--orders", paramLabel = "N", description = "orders measured per input (default 20)")
    private int orders = 20;
    @Option(names = "--warmup", paramLabel = "W", description = "orders before the first measured one (default 10)")
    private int warmup = 10;
    @Option(names = "--formats", paramLabel = "jpeg|jpeg,webp", description = "the orders' formats (default jpeg)")
    private String formats = "jpeg";
    @Option(names = "--input", paramLabel = "FILE", required = true,
            description = "an image to order, repeatable (the launcher passes bench resize's four inputs)")
    private List<Path> inputs = new ArrayList<>();
    @Option(names = "--template", paramLabel = "FILE",
            description = "a variant of template.yaml in the repository (its CodeUris are relative), e.g. other JAVA_TOOL_OPTIONS")
    private String template = "template.yaml";

    @Override
    public Integer call() throws Exception {
        return run(inputs, orders, warmup, formats, template, System.err) ? 0 : 1;
    }

    static boolean run(List<Path> inputs, int orders, int warmup, String formats, String template, PrintStream log) throws Exception {
        Path data = Files.createTempDirectory("mediasync-bench");
        LocalOptions options = LocalOptions.parse(new String[] {"--template", template, "--data-dir", data.toString(), "--sqs-port", "0", "--s3-port", "0",
                "--mongo-port", "0", "--http-port", "0", "--quiet"}, System.getenv());
        try (HttpFixture web = new HttpFixture(); LocalCloud cloud = LocalCloud.start(options.allowingDownloadsFrom(web.port()), log);
                SqsClient sqs = AwsClients.sqs(cloud.endpoints()); MongoClient mongo = MongoClients.create(cloud.endpoints().mongo())) {
            web.receiver("/postback");
            MongoCollection<Document> records = mongo.getDatabase("mediasync_dev").getCollection("resize_orders");
            String queue = cloud.queueUrl("ImageQueue.fifo");
            FunctionProcess resizer = cloud.function("image-resizer").orElseThrow();
            int memoryMb = cloud.model().function("image-resizer").orElseThrow().memoryMb();
            LambdaPrice price = LambdaPrice.X86_64;
            log.printf(Locale.ROOT, "image-resizer at %d MB; %d warm-up orders, then %d per input; formats %s%n", memoryMb, warmup,
                    orders, formats);
            Sender sender = new Sender(web, sqs, queue, records, resizer, formats);
            byte[] first = Files.readAllBytes(inputs.get(0));
            for (int i = 0; i < warmup; i++) {
                sender.order(first, "warm-" + i);
            }
            System.out.println(OrderCostReport.header());
            boolean allDone = true;
            for (Path input : inputs) {
                byte[] bytes = Files.readAllBytes(input);
                List<Order> measured = new ArrayList<>();
                for (int i = 0; i < orders; i++) {
                    Order order = sender.order(bytes, input.getFileName() + "-" + i);
                    if (order == null) {
                        allDone = false;
                    } else {
                        measured.add(order);
                    }
                }
                System.out.println(OrderCostReport.row(input.getFileName().toString(), measured, memoryMb, price));
            }
            System.out.println(OrderCostReport.footer(memoryMb, price));
            return allDone;
        }
    }

    /** Sends one order at a time and reads back what it cost. */
    private static final class Sender {
        private final HttpFixture web;
        private final SqsClient sqs;
        private final String queue;
        private final MongoCollection<Document> records;
        private final FunctionProcess resizer;
        private final String formats;
        private long sent;

        Sender(HttpFixture web, SqsClient sqs, String queue, MongoCollection<Document> records, FunctionProcess resizer, String formats) {
            this.web = web;
            this.sqs = sqs;
            this.queue = queue;
            this.records = records;
            this.resizer = resizer;
            this.formats = formats;
        }

        /** @return the order's figures, or null when it did not end done (then it is reported and not counted) */
        Order order(byte[] image, String id) throws Exception {
            long n = sent++;
            String path = "/img/" + n;
            web.serve(path, distinct(image, n), "application/octet-stream");
            int answered = resizer.stats().durations().size();
            String formatList = "[\"" + String.join("\",\"", formats.split(",")) + "\"]";
            String body = "{\"image_url\":\"" + web.url(path) + "\",\"redirect_queue\":\"ChannelImages\",\"postback_url\":\""
                    + web.url("/postback") + "\",\"formats\":" + formatList + ",\"_id\":\"" + id + "\",\"bucket_name\":\"bench\"}";
            // the record's _id is the message's id
            String messageId = sqs.sendMessage(b -> b.queueUrl(queue).messageGroupId("bench").messageDeduplicationId(id)
                    .messageBody(body)).messageId();
            // the invocation's answer comes after the record's last write: wait for it, so each duration is this order's
            long deadline = System.currentTimeMillis() + 300_000;
            while (resizer.stats().durations().size() <= answered && System.currentTimeMillis() < deadline) {
                Thread.sleep(20); // polling for the answer, not a wait that proves anything
            }
            List<Duration> durations = resizer.stats().durations();
            Document record = records.find(Filters.eq("_id", messageId)).first();
            if (durations.size() <= answered || record == null || !"done".equals(record.getString("status"))) {
                System.err.println(id + ": not done (" + (record == null ? "no record" : record.toJson()) + ")");
                return null;
            }
            Document timings = record.get("images", Document.class).get("image_url", Document.class).get("timingsMs", Document.class);
            double recorded = record.getDate("completedAt").getTime() - record.getDate("createdAt").getTime();
            return new Order(durations.get(durations.size() - 1).toNanos() / 1e6, recorded, number(timings, "download"),
                    number(timings, "process"), number(timings, "upload"));
        }

        private static double number(Document timings, String name) {
            Object value = timings.get(name);
            return value == null ? 0 : ((Number) value).doubleValue();
        }

        /** The image and 8 bytes of {@code n} after its end: another SHA-256, the same pixels. */
        private static byte[] distinct(byte[] image, long n) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(image.length + 8);
            out.writeBytes(image);
            out.writeBytes(ByteBuffer.allocate(8).putLong(n).array());
            return out.toByteArray();
        }
    }
}
