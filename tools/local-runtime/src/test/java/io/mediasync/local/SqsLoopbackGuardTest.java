package io.mediasync.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.testsupport.AwsClients;
import io.mediasync.testsupport.DevStack;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The devstack's SQS answers this machine's tools only: a web page that posts an order to it, by DNS rebinding
 * or from its own origin, is refused before ElasticMQ reads a parameter, while the SDK (Host: 127.0.0.1:port)
 * keeps working. Each refused request would otherwise have queued one message.
 */
class SqsLoopbackGuardTest {

    private static DevStack devstack;
    private static SqsClient sqs;
    private static int port;
    private static String queueUrl;

    @BeforeAll
    static void start() {
        devstack = DevStack.start();
        sqs = AwsClients.sqs(devstack.endpoints());
        port = devstack.endpoints().sqs().getPort();
        queueUrl = sqs.createQueue(b -> b.queueName("guarded-" + UUID.randomUUID())).queueUrl();
    }

    @AfterAll
    static void stop() {
        if (sqs != null) {
            sqs.close();
        }
        if (devstack != null) {
            devstack.close();
        }
    }

    @Test
    void dnsRebindingIsRefused() throws Exception {
        String answer = post("Host: rebind.attacker.example:" + port);

        assertThat(answer).startsWith("HTTP/1.1 403 ").endsWith("{\"__type\":\"AccessDenied\",\"message\":\"this server answers requests"
                + " for 127.0.0.1, [::1] or localhost on port " + port + " only (Host: rebind.attacker.example:" + port + ")\"}");
        assertThat(post("Host: 127.0.0.1:" + (port + 1))).startsWith("HTTP/1.1 403 ");
        assertThat(waiting()).isZero();
    }

    @Test
    void aPageOfAnotherOriginIsRefused() throws Exception {
        String answer = post("Host: 127.0.0.1:" + port + "\r\nOrigin: https://attacker.example");

        assertThat(answer).startsWith("HTTP/1.1 403 ").endsWith("{\"__type\":\"AccessDenied\",\"message\":\"this server does not answer"
                + " web pages of other origins (Origin: https://attacker.example)\"}");
        assertThat(post("Host: 127.0.0.1:" + port + "\r\nOrigin: null")).startsWith("HTTP/1.1 403 ");
        assertThat(waiting()).isZero();
    }

    @Test
    void theSdkAndPagesOfThisMachineAreServed() throws Exception {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("from the SDK"));
        String localPage = post("Host: localhost:" + port + "\r\nOrigin: http://localhost:5173");

        assertThat(localPage).startsWith("HTTP/1.1 200 ");
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages()).hasSize(2);
        sqs.purgeQueue(b -> b.queueUrl(queueUrl));
    }

    /** A form post, as a page can send without a preflight: SendMessage with the queue's URL. */
    private static String post(String headers) throws Exception {
        String form = "Action=SendMessage&QueueUrl=" + java.net.URLEncoder.encode(queueUrl, java.nio.charset.StandardCharsets.UTF_8)
                + "&MessageBody=order";
        return RawHttp.send(port, "POST " + URI.create(queueUrl).getPath() + " HTTP/1.1\r\n" + headers
                + "\r\nContent-Type: application/x-www-form-urlencoded", form);
    }

    private static int waiting() {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }
}
