package io.mediasync.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.mediasync.common.failure.FailurePolicy;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.lambda.SqsBatches;
import io.mediasync.common.lambda.SqsBatchResponse;
import io.mediasync.common.lambda.SqsEvent;
import io.mediasync.common.lambda.SqsMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A database that accepts a call and then never answers (mongo-java-server behind {@link PausingProxy}): the
 * functions' client ({@link MongoProducer}) fails the call within its socket timeout, the common failure policy calls
 * it {@code mongo_unavailable} (retryable), and the message is given back and recorded {@code retrying}, as every
 * function's SQS handler does. Without a socket timeout the call waits forever (until Lambda's timeout).
 */
class PausedDatabaseTest {

    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(1);
    /** Far above what the call may take with the timeout (twice it: the driver retries a read once), far below "never". */
    private static final Duration NOT_HUNG = Duration.ofSeconds(30);

    private MongoServer server;
    private PausingProxy proxy;
    private MongoClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        proxy = new PausingProxy(server.getLocalAddress(), "paused_orders");
        String url = "mongodb://127.0.0.1:" + proxy.port();
        client = MongoClients.create(MongoProducer.settings(new MongoSettings(url, Optional.empty(), "db", Duration.ofSeconds(5),
                Duration.ofSeconds(5), SOCKET_TIMEOUT), url));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        proxy.close();
        server.shutdownNow();
    }

    @Test
    void aCallTheDatabaseNeverAnswersFailsRetryablyAndTheMessageIsGivenBackAndRecordedRetrying() throws Exception {
        MongoDatabase db = client.getDatabase("db");
        db.getCollection("warm").insertOne(new Document("_id", "warm")); // handshake done, server known
        SqsBatches batches = new SqsBatches(FailurePolicy.standard(), (delivery, failure, outcome) ->
                db.getCollection("records").insertOne(new Document("_id", delivery.message().messageId())
                        .append("status", outcome.status()).append("code", failure.code())), 5, Duration.ofSeconds(1));

        SqsBatchResponse response = assertTimeoutPreemptively(NOT_HUNG, () -> batches.processEach(
                new SqsEvent(List.of(message("m-1"))), Deadline.in(Duration.ofMinutes(5)),
                delivery -> db.getCollection("paused_orders").find(Filters.eq("_id", 1)).first()));

        assertThat(proxy.awaitPaused(0)).as("the call reached the database and got no answer").isTrue();
        assertThat(response.batchItemFailures()).extracting(SqsBatchResponse.ItemFailure::itemIdentifier).containsExactly("m-1");
        assertThat(db.getCollection("records").find(Filters.eq("_id", "m-1")).first())
                .containsEntry("status", "retrying").containsEntry("code", "mongo_unavailable");
    }

    private static SqsMessage message(String id) {
        return new SqsMessage(id, "rh-" + id, "{}", Map.of("ApproximateReceiveCount", "1"), null, null, "aws:sqs",
                "arn:aws:sqs:us-east-1:000000000000:orders", "us-east-1");
    }
}
