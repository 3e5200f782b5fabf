package io.mediasync.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediasync.common.sqs.FifoIds;
import io.mediasync.common.sqs.QueueNames;
import io.mediasync.common.sqs.QueueSender;
import io.mediasync.testsupport.DevStack;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
 *      [--field name=value]... [--json '{...}' | --stdin] [--queue-url URL] [--endpoint-url URL] [--group-id G]
 * </pre>
 * It talks to the local stack unless told otherwise: the endpoint is {@code --endpoint-url},
 * else {@code SQS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_SQS} or {@code AWS_ENDPOINT_URL}, else
 * AWS itself for a {@code --queue-url} on amazonaws.com, else the local SQS. Credentials: from
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, else the local stack's test ones for a
 * loopback endpoint, else the standard AWS chain. The queue is {@code --queue-url}, else {@code QUEUE_URL} (the seed's variable),
 * else the local resize queue.
 */
final class SendOrderCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ORDER_FLAGS = Map.of("--image-url", "image_url", "--itunes-image", "itunes_image",
            "--bucket-name", "bucket_name", "--redirect-queue", "redirect_queue", "--postback-url", "postback_url");

    private SendOrderCommand() {
    }

    static int run(String[] args, Map<String, String> env, InputStream stdin, PrintStream out, PrintStream err) throws IOException {
        ObjectNode order = JSON.createObjectNode();
        String queueUrl = env.get("QUEUE_URL");
        String endpoint = firstSet(env, "SQS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SQS", "AWS_ENDPOINT_URL");
        String groupId = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--stdin")) {
                    order.setAll(object(new String(stdin.readAllBytes(), StandardCharsets.UTF_8)));
                    continue;
                }
                if (i + 1 >= args.length) {
                    err.println("send: " + flag + " needs a value");
                    return 2;
                }
                String value = args[++i];
                switch (flag) {
                    case "--queue-url" -> queueUrl = value;
                    case "--endpoint-url" -> endpoint = value;
                    case "--group-id" -> groupId = value;
                    case "--json" -> order.setAll(object(value));
                    case "--field" -> {
                        int eq = value.indexOf('=');
                        if (eq < 1) {
                            err.println("send: --field takes name=value");
                            return 2;
                        }
                        order.put(value.substring(0, eq), value.substring(eq + 1));
                    }
                    default -> {
                        String field = ORDER_FLAGS.get(flag);
                        if (field == null) {
                            err.println("send: unknown option " + flag);
                            return 2;
                        }
                        order.put(field, value);
                    }
                }
            }
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
        String group = QueueNames.isFifo(queueUrl) ? FifoIds.groupId(groupId != null ? groupId : readableId(order.get("_id"))) : null;
        try (SqsClient sqs = client(env, endpoint)) {
            String messageId = new QueueSender(sqs).send(queueUrl, JSON.writeValueAsString(order), group, null);
            out.println("sent to " + queueUrl + ": message id " + messageId + (group == null ? " (standard queue: no group)" : ", group id " + group));
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

    /** An order's own id, readable ({"$oid": "x"} → x): its FIFO group here, its name in the demo. */
    static String readableId(JsonNode id) {
        if (id == null || id.isNull()) {
            return null;
        }
        return id.isValueNode() ? id.asText() : id.path("$oid").isTextual() ? id.path("$oid").asText() : id.toString();
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
