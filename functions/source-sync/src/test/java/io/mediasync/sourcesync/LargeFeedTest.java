package io.mediasync.sourcesync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.mediasync.testsupport.SqsEventJson;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A feed of 5 000 items does not fit in one invocation (here: 1 000 files each): it continues in follow-up
 * orders on the real FIFO queue. The first invocation is delivered again after its checkpoint was rolled back
 * (a crash between sending events and saving the cursor), and the run still converges: every item registered
 * once, one "downloaded" event per file, one "source synchronized".
 */
@QuarkusTest
@TestProfile(LargeFeedTest.SmallInvocations.class)
class LargeFeedTest extends SyncTestSupport {

    static final int ITEMS = 5_000;
    static final long SOURCE = 7301;

    public static class SmallInvocations implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the test profile's 2 s read timeout is for the timeout tests; here one of 5 000 loopback answers stalled
            // past it on a loaded CI machine (the file then fails, correctly, and the run ends completed_with_errors)
            return Map.of("mediasync.sync.max-files-per-invocation", "1000",
                    "mediasync.sync.parallel-downloads", "8",
                    "mediasync.net.host-max-concurrency", "8",
                    "mediasync.fetch.read-timeout", "PT30S",
                    "mediasync.mongo.database", "mediasync_sourcesync_large");
        }
    }

    @Test
    void fiveThousandItemsContinueAcrossOrdersAndConverge() throws InterruptedException {
        drainAll(sqs);
        try (SourceServer server = new SourceServer()) {
            server.putText("/big.xml", bigFeed(server), "application/rss+xml");
            // a tiny distinct GIF per item, generated from its path
            server.prefix("/big/", path -> SourceServer.ok(("GIF89a" + path).getBytes(StandardCharsets.US_ASCII), "image/gif"));
            putSource(mongo, newSource(SOURCE, server.url("/big.xml"), "big/"));

            String messageId = newId();
            String order = orderBody(SOURCE, server.url("/big.xml"), "big/");
            deliver(messageId, order, SqsEventJson.event(orderRecord(messageId, order, SOURCE, 1)));
            String runId = "run-" + messageId;
            int cursor = collection(mongo, "sync_runs").find(Filters.eq("_id", runId)).first().getInteger("cursor");
            // stopped by its budget of 1 000 files (more if a hiccup on a busy machine made SQS deliver it again)
            assertThat(cursor).as("the first invocation stopped at its budget").isBetween(1000, ITEMS - 1000);

            // crash simulation: the cursor of the last 500 files was never saved, and SQS delivers the order again
            collection(mongo, "sync_runs").updateOne(Filters.eq("_id", runId), Updates.set("cursor", cursor - 500));
            deliver(messageId, order, SqsEventJson.event(orderRecord(messageId, order, SOURCE, 2)));

            // follow-ups, received from the real FIFO queue and handed over as the event source mapping would
            int invocations = 2;
            for (List<Message> followUps = drain(sqs, ORDERS); !followUps.isEmpty(); followUps = drain(sqs, ORDERS)) {
                for (Message m : followUps) {
                    assertThat(m.attributesAsStrings()).containsEntry("MessageGroupId", Long.toString(SOURCE));
                    deliver(m.messageId(), m.body(), SqsEventJson.fromReceived(ORDERS, List.of(m)));
                    invocations++;
                }
                assertThat(invocations).as("the run ends").isLessThan(20);
            }

            List<Document> files = files(mongo, SOURCE);
            assertThat(files).hasSize(ITEMS);
            Set<String> remoteIds = new HashSet<>();
            files.forEach(f -> remoteIds.add(f.getString("remote_id")));
            assertThat(remoteIds).hasSize(ITEMS);
            assertThat(files).allSatisfy(f -> assertThat(f.getInteger("version")).isEqualTo(1));

            List<JsonNode> downloaded = bodies(drain(sqs, DOWNLOADED));
            Set<String> fileIds = new HashSet<>();
            downloaded.forEach(e -> fileIds.add(e.path("file_id").asText()));
            assertThat(downloaded).as("one downloaded event per file").hasSize(ITEMS);
            assertThat(fileIds).hasSize(ITEMS);
            assertThat(drain(sqs, SKIPPED)).isEmpty();

            List<JsonNode> synced = bodies(drain(sqs, SYNCHRONIZED));
            assertThat(synced).hasSize(1);
            assertThat(synced.get(0).path("downloaded").asLong()).isEqualTo(ITEMS);
            assertThat(synced.get(0).path("run_id").asText()).isEqualTo(runId);
            Document run = collection(mongo, "sync_runs").find(Filters.eq("_id", runId)).first();
            assertThat(run.getString("status")).isEqualTo("completed");
            assertThat(run.getInteger("invocations")).isGreaterThanOrEqualTo(5);
            assertThat(server.hits("/big.xml")).as("listed once per run; follow-ups use the snapshot").isEqualTo(1);
            assertThat(server.hits("/big/img/42.gif")).isEqualTo(1);
        }
    }

    /**
     * Invokes the downloader with one order; if it asks for the order again (a transient S3/SQS/MongoDB hiccup on
     * this busy machine), delivers it again as SQS would: after a visibility delay, with the next receive count.
     */
    private static void deliver(String messageId, String body, String firstEvent) throws InterruptedException {
        List<String> failed = failedIds(invoke(firstEvent));
        for (int receive = 2; !failed.isEmpty(); receive++) {
            assertThat(receive).as("order %s still failing", messageId).isLessThanOrEqualTo(5); // the queue's maxReceiveCount
            Thread.sleep(2000); // SQS's visibility timeout, shortened: a redelivery is never immediate
            failed = failedIds(invoke(SqsEventJson.event(orderRecord(messageId, body, SOURCE, receive))));
        }
    }

    private static String bigFeed(SourceServer server) {
        List<Feeds.Episode> episodes = new ArrayList<>(ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            episodes.add(new Feeds.Episode("item-" + i, null, "/big/img/" + i + ".gif", "image/gif"));
        }
        return Feeds.podcast(server.url(""), "Mon, 01 Jan 2024 10:00:00 GMT", null, null, episodes);
    }
}
