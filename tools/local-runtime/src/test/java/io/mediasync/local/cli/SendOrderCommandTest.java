package io.mediasync.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.testsupport.AwsClients;
import io.mediasync.testsupport.DevStack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** {@code ./mediasync send}: what it prints when it sent, and its one line when there is no SQS. */
class SendOrderCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void withNoSqsRunningItSaysSoInOneLine() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        int status = run(Map.of("MEDIASYNC_SQS_PORT", Integer.toString(port)), "--image-url", "http://127.0.0.1/a.jpg",
                "--redirect-queue", "ChannelImages");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("no SQS at http://127.0.0.1:" + port + ": start it with ./mediasync up\n");
        assertThat(out.size()).isZero();
    }

    @Test
    void printsTheQueueTheMessageIdAndTheGroupIdItSent() throws IOException {
        DevStack stack = DevStack.shared();
        try (SqsClient sqs = AwsClients.sqs(stack.endpoints())) {
            String queueUrl = sqs.createQueue(b -> b.queueName("send-test.fifo")
                    .attributesWithStrings(Map.of("FifoQueue", "true"))).queueUrl();
            int status = run(Map.of("AWS_ENDPOINT_URL_SQS", stack.endpoints().sqs().toString(), "QUEUE_URL", queueUrl),
                    "--json", "{\"_id\": {\"$oid\": \"6650b2f1c2a4e93b8f0e4a11\"}, \"image_url\": \"http://127.0.0.1/a.jpg\"}",
                    "--redirect-queue", "ChannelImages");

            assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
            Message message = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(5)
                    .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID)).messages().get(0);
            assertThat(message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)).isEqualTo("6650b2f1c2a4e93b8f0e4a11");
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("sent to " + queueUrl + ": message id " + message.messageId()
                    + ", group id 6650b2f1c2a4e93b8f0e4a11\n");
            assertThat(message.body()).isEqualTo("{\"_id\":{\"$oid\":\"6650b2f1c2a4e93b8f0e4a11\"},"
                    + "\"image_url\":\"http://127.0.0.1/a.jpg\",\"redirect_queue\":\"ChannelImages\"}");
        }
    }

    @Test
    void jsonFieldsAreSentAsJsonValuesAndFieldsAsStrings() throws IOException {
        DevStack stack = DevStack.shared();
        try (SqsClient sqs = AwsClients.sqs(stack.endpoints())) {
            String queueUrl = sqs.createQueue(b -> b.queueName("send-json-field-test.fifo")
                    .attributesWithStrings(Map.of("FifoQueue", "true"))).queueUrl();
            int status = run(Map.of("AWS_ENDPOINT_URL_SQS", stack.endpoints().sqs().toString(), "QUEUE_URL", queueUrl),
                    "--image-url", "http://127.0.0.1/a.jpg", "--postback-url", "http://127.0.0.1/hook", "--field", "_id=order-7",
                    "--field", "note=true", "--json-field", "report_failures=true", "--json-field", "quality=80",
                    "--json-field", "formats=[\"jpeg\", \"webp\"]", "--json-field", "extra={\"a\": null}");

            assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
            Message message = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(5)).messages().get(0);
            assertThat(message.body()).isEqualTo("{\"image_url\":\"http://127.0.0.1/a.jpg\",\"postback_url\":\"http://127.0.0.1/hook\","
                    + "\"_id\":\"order-7\",\"note\":\"true\",\"report_failures\":true,\"quality\":80,\"formats\":[\"jpeg\",\"webp\"],"
                    + "\"extra\":{\"a\":null}}");
        }
    }

    @Test
    void aJsonFieldThatIsNotJsonIsRefusedBeforeAnythingIsSent() throws IOException {
        int status = run(Map.of(), "--image-url", "http://127.0.0.1/a.jpg", "--redirect-queue", "Q", "--json-field", "name=plain text");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("send: --json-field name: not a JSON value (a string needs quotes")
                .hasLineCount(1);
        assertThat(out.size()).isZero();
        for (String notOneValue : List.of("flag=true false", "empty=")) {
            err.reset();
            assertThat(run(Map.of(), "--image-url", "http://127.0.0.1/a.jpg", "--redirect-queue", "Q", "--json-field", notOneValue))
                    .isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).as(notOneValue).startsWith("send: --json-field ").hasLineCount(1);
        }
    }

    @Test
    void aBodyThatIsNotJsonIsOneLineToo() throws IOException {
        int status = run(Map.of(), "--json", "{not json");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("send: the order is not JSON: ").doesNotContain("\n\tat ");
    }

    private int run(Map<String, String> env, String... args) throws IOException {
        return SendOrderCommand.run(args, env, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
