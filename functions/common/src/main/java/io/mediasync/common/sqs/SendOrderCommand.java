package io.mediasync.common.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * Command-line sending helper (replaces the seed's {@code SQS().send_message_to_topic(dict)}):
 * builds an image order from flags, or takes a JSON order as {@code --json} or on stdin, and sends
 * it with the FIFO group and deduplication ids filled in. Prints the SQS message id.
 *
 * <pre>
 * send --image-url URL [--itunes-image URL] [--bucket-name B] [--redirect-queue Q] [--postback-url URL]
 *      [--field name=value]... [--json '{...}' | --stdin] [--queue-url URL] [--endpoint-url URL] [--group-id G]
 * </pre>
 * Defaults: queue from {@code QUEUE_URL} (the seed's variable), endpoint from {@code SQS_ENDPOINT_URL}
 * or {@code AWS_ENDPOINT_URL}, region from {@code AWS_REGION} (else us-east-1); credentials from the
 * standard AWS provider chain.
 */
public final class SendOrderCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ORDER_FLAGS = Map.of("--image-url", "image_url", "--itunes-image", "itunes_image",
            "--bucket-name", "bucket_name", "--redirect-queue", "redirect_queue", "--postback-url", "postback_url");

    private SendOrderCommand() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) throws IOException {
        ObjectNode order = JSON.createObjectNode();
        String queueUrl = env.get("QUEUE_URL");
        String endpoint = env.getOrDefault("SQS_ENDPOINT_URL", env.get("AWS_ENDPOINT_URL"));
        String groupId = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--stdin")) {
                order.setAll(object(new String(System.in.readAllBytes(), StandardCharsets.UTF_8)));
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
        if (queueUrl == null || queueUrl.isBlank()) {
            err.println("send: no queue: pass --queue-url or set QUEUE_URL");
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
        SqsClientBuilder builder = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1"))));
        if (env.containsKey("AWS_ACCESS_KEY_ID") && env.containsKey("AWS_SECRET_ACCESS_KEY")) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"))));
        }
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        try (SqsClient sqs = builder.build()) {
            String body = JSON.writeValueAsString(order);
            JsonNode id = order.get("_id");
            String group = groupId != null ? groupId : id != null ? id.toString() : null;
            out.println(new QueueSender(sqs).send(queueUrl, body, group, null));
        }
        return 0;
    }

    private static ObjectNode object(String json) throws IOException {
        JsonNode node = JSON.readTree(json);
        if (!(node instanceof ObjectNode o)) {
            throw new IllegalArgumentException("send: the order must be a JSON object");
        }
        return o;
    }
}
