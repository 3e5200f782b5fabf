package io.mediasync.local.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediasync.common.sqs.QueueNames;
import io.mediasync.common.sqs.QueueSender;
import io.mediasync.common.sqs.QueueUrls;
import io.mediasync.local.OrderIds;
import io.mediasync.testsupport.DevStack;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * {@code ./mediasync send}: the sending helper (replaces the seed's
 * {@code SQS().send_message_to_topic(dict)}). Builds an image order from flags, or takes a JSON
 * order as {@code --json} or on stdin, sends it with the FIFO group and deduplication ids filled
 * in, and prints where it went: queue, message id, group id.
 *
 * <pre>
 * send --image-url URL [--itunes-image URL] [--bucket-name B] [--redirect-queue Q] [--postback-url URL]
 *      [--field name=value]... [--json-field name=JSON]... [--json '{...}' | --stdin] [--queue-url URL] [--endpoint-url URL]
 *      [--group-id G]
 * </pre>
 * It talks to the local stack unless told otherwise: the endpoint is {@code --endpoint-url},
 * else {@code SQS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_SQS} or {@code AWS_ENDPOINT_URL}, else
 * AWS itself for a {@code --queue-url} on amazonaws.com, else the local SQS. Credentials: from
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, else the local stack's test ones for a
 * loopback endpoint, else the standard AWS chain. The queue is {@code --queue-url}, else {@code QUEUE_URL} (the seed's variable),
 * else the local resize queue.
 */
@Command(name = "send", description = {"Send an image order to the local resize queue and print where it went: queue, message id, "
        + "group id.", "The order: --json and --stdin first, then the flags, then --field and --json-field (later wins)."})
final class SendOrderCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Cli.Io io;
    @Option(names = "--image-url", paramLabel = "URL", description = "image_url: the image to resize")
    private String imageUrl;
    @Option(names = "--itunes-image", paramLabel = "URL", description = "itunes_image: the podcast's image")
    private String itunesImage;
    @Option(names = "--bucket-name", paramLabel = "B", description = "bucket_name: where the renditions go")
    private String bucketName;
    @Option(names = "--redirect-queue", paramLabel = "Q", description = "redirect_queue: the queue the result goes to")
    private String redirectQueue;
    @Option(names = "--postback-url", paramLabel = "URL", description = "postback_url: where the signed result is posted")
    private String postbackUrl;
    @Option(names = "--field", paramLabel = "name=value", description = "any field of the order, as a string (repeatable)")
    private Map<String, String> fields = new LinkedHashMap<>();
    @Option(names = "--json-field", paramLabel = "name=JSON", description = "any field of the order as a JSON value: "
            + "report_failures=true, sizes='[\"50x50\"]', quality=80 (repeatable)")
    private Map<String, String> jsonFields = new LinkedHashMap<>();
    @Option(names = "--json", paramLabel = "'{...}'", description = "a whole order as a JSON object")
    private List<String> json = new ArrayList<>();
    @Option(names = "--stdin", description = "read a JSON order from standard input")
    private boolean stdin;
    @Option(names = "--queue-url", paramLabel = "URL", description = "the queue (default: QUEUE_URL, else the local ImageQueue.fifo)")
    private String queueUrl;
    @Option(names = "--endpoint-url", paramLabel = "URL", description = "the SQS endpoint (default: SQS_ENDPOINT_URL, "
            + "AWS_ENDPOINT_URL_SQS, AWS_ENDPOINT_URL, AWS for an amazonaws.com queue, else the running local stack)")
    private String endpointUrl;
    @Option(names = "--group-id", paramLabel = "G", description = "the FIFO group (default: the order's _id)")
    private String groupId;

    SendOrderCommand(Cli.Io io) {
        this.io = io;
    }

    static int run(String[] args, Map<String, String> env, InputStream stdin, PrintStream out, PrintStream err) {
        String[] all = new String[args.length + 1];
        all[0] = "send";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.run(new Cli.Io(env, stdin, out, err), all);
    }

    /** The message body: the JSON orders, the flags, then the fields. */
    ObjectNode order() throws IOException {
        ObjectNode order = JSON.createObjectNode();
        if (stdin) {
            order.setAll(object(new String(io.in().readAllBytes(), StandardCharsets.UTF_8)));
        }
        json.forEach(j -> order.setAll(object(j)));
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("image_url", imageUrl);
        flags.put("itunes_image", itunesImage);
        flags.put("bucket_name", bucketName);
        flags.put("redirect_queue", redirectQueue);
        flags.put("postback_url", postbackUrl);
        flags.forEach((name, value) -> {
            if (value != null) {
                order.put(name, value);
            }
        });
        fields.forEach(order::put);
        jsonFields.forEach((name, value) -> order.set(name, value(name, value)));
        return order;
    }

    @Override
    public Integer call() throws IOException {
        Map<String, String> env = io.env();
        PrintStream err = io.err();
        String queueUrl = this.queueUrl != null ? this.queueUrl : env.get("QUEUE_URL");
        String endpoint = endpointUrl != null ? endpointUrl : firstSet(env, "SQS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SQS", "AWS_ENDPOINT_URL");
        ObjectNode order;
        try {
            order = order();
        } catch (IllegalArgumentException e) {
            err.println("send: " + e.getMessage());
            return 2;
        }
        if (!order.hasNonNull("image_url") && !order.hasNonNull("itunes_image")) {
            err.println("send: an order needs --image-url and/or --itunes-image");
            return 2;
        }
        if (!order.hasNonNull("redirect_queue") && !order.hasNonNull("postback_url")) {
            err.println("send: an order needs --redirect-queue and/or --postback-url");
            return 2;
        }
        if (endpoint == null && !host(queueUrl).endsWith(".amazonaws.com")) {
            // the running stack's SQS (its data directory, or the only one running), else the port up would use
            endpoint = RunningStacks.find(new String[0], env, RunningStacks.registry()).map(s -> s.path("sqs").asText())
                    .orElse("http://127.0.0.1:" + env.getOrDefault("MEDIASYNC_SQS_PORT", "9324"));
        }
        if (queueUrl == null || queueUrl.isBlank()) {
            queueUrl = endpoint + "/000000000000/ImageQueue.fifo";
        }
        String group = QueueNames.isFifo(queueUrl) ? QueueSender.groupId(groupId != null ? groupId : OrderIds.readable(order.get("_id"))) : null;
        try (SqsClient sqs = client(env, endpoint)) {
            String messageId = new QueueSender(sqs, new QueueUrls(sqs)).send(queueUrl, JSON.writeValueAsString(order), group, null);
            io.out().println("sent to " + queueUrl + ": message id " + messageId + (group == null ? " (standard queue: no group)" : ", group id " + group));
            return 0;
        } catch (SdkClientException e) {
            err.println(unreachable(endpoint, e));
            return 1;
        } catch (SqsException e) {
            err.println("send: " + queueUrl + ": " + e.awsErrorDetails().errorMessage());
            return 1;
        }
    }

    private static SqsClient client(Map<String, String> env, String endpoint) {
        SqsClientBuilder builder = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", DevStack.REGION))));
        String key = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (key != null && secret != null) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)));
        } else if (isLoopback(endpoint)) {
            // the local stack takes its test credentials
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(DevStack.ACCESS_KEY, DevStack.SECRET_KEY)));
        }
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /** One line instead of the SDK's stack trace; the likely cause locally is a stack not started. */
    static String unreachable(String endpoint, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "no SQS at " + endpoint + (isLoopback(endpoint) ? ": start it with ./mediasync up" : ": connection refused");
            }
        }
        return "send: SQS at " + (endpoint == null ? "AWS" : endpoint) + " failed: " + e.getMessage();
    }

    private static boolean isLoopback(String url) {
        return List.of("127.0.0.1", "localhost", "[::1]").contains(host(url));
    }

    private static String host(String url) {
        try {
            return url == null || URI.create(url).getHost() == null ? "" : URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** One whole JSON value: {@code true false} or nothing at all is not one. */
    private static JsonNode value(String name, String json) {
        try {
            JsonNode value = JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(json);
            if (value == null || value.isMissingNode()) {
                throw new IllegalArgumentException("--json-field " + name + ": no value (a string needs quotes: '\"text\"')");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("--json-field " + name + ": not a JSON value (a string needs quotes: '\"text\"'): "
                    + e.getOriginalMessage());
        }
    }

    private static ObjectNode object(String json) {
        try {
            if (JSON.readTree(json) instanceof ObjectNode o) {
                return o;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the order is not JSON: " + e.getOriginalMessage());
        }
        throw new IllegalArgumentException("the order must be a JSON object");
    }
}
