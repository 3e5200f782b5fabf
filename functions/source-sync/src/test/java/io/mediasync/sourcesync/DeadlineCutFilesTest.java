package io.mediasync.sourcesync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
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
 * A file still downloading when the invocation's deadline comes is no failure: the invocation stops before it, and
 * the follow-up order fetches it. Here one file answers its first request only after the deadline (a slow server),
 * and its next request at once; the first ten files fill the invocation's first chunk.
 */
@QuarkusTest
@TestProfile(DeadlineCutFilesTest.ShortInvocations.class)
class DeadlineCutFilesTest extends SyncTestSupport {

    static final long SOURCE = 7401;
    static final int FAST_BEFORE = 10;
    static final String SLOW = "/cut/slow.gif";

    public static class ShortInvocations implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // no Lambda context in tests: the budget is the invocation's deadline; a file's own limit is far beyond it
            return Map.of("mediasync.invocation.budget", "PT8S", "mediasync.invocation.message-reserve", "PT1S",
                    "mediasync.sync.parallel-downloads", "1", "mediasync.fetch.read-timeout", "PT60S",
                    "mediasync.mongo.database", "mediasync_sourcesync_deadline");
        }
    }

    @Test
    void filesTheDeadlineCutsOffAreFetchedByTheFollowUpAndNoneIsRecordedFailed() throws Exception {
        drainAll(sqs);
        try (SourceServer server = new SourceServer()) {
            List<Feeds.Episode> episodes = new ArrayList<>();
            for (int i = 0; i < FAST_BEFORE; i++) {
                episodes.add(new Feeds.Episode("fast-" + i, null, "/cut/fast-" + i + ".gif", "image/gif"));
            }
            episodes.add(new Feeds.Episode("slow", null, SLOW, "image/gif"));
            episodes.add(new Feeds.Episode("after", null, "/cut/after.gif", "image/gif"));
            server.putText("/cut.xml", Feeds.podcast(server.url(""), "Mon, 01 Jan 2024 10:00:00 GMT", null, null, episodes),
                    "application/rss+xml");
            server.prefix("/cut/", path -> SourceServer.ok(("GIF89a" + path).getBytes(StandardCharsets.US_ASCII), "image/gif"));
            byte[] slowBody = ("GIF89a" + SLOW).getBytes(StandardCharsets.US_ASCII);
            server.sequence(SLOW, n -> new SourceServer.Resource(200, slowBody, "image/gif", null, null, Map.of(),
                    n == 1 ? 120_000 : 0)); // the first answer would come long after the deadline
            putSource(mongo, newSource(SOURCE, server.url("/cut.xml"), "cut/"));

            String messageId = newId();
            String order = orderBody(SOURCE, server.url("/cut.xml"), "cut/");
            assertThat(failedIds(invoke(SqsEventJson.event(orderRecord(messageId, order, SOURCE, 1))))).isEmpty();

            String runId = "run-" + messageId;
            Document afterFirst = collection(mongo, "sync_runs").find(Filters.eq("_id", runId)).first();
            assertThat(afterFirst.getInteger("cursor")).as("stopped before the file the deadline cut off").isEqualTo(FAST_BEFORE);
            assertThat(server.hits(SLOW)).isOne();
            List<Message> followUps = drain(sqs, ORDERS);
            assertThat(followUps).hasSize(1);
            assertThat(JSON.readTree(followUps.get(0).body()).path("cursor").asInt()).isEqualTo(FAST_BEFORE);

            Message followUp = followUps.get(0);
            assertThat(failedIds(invoke(SqsEventJson.fromReceived(ORDERS, List.of(followUp))))).isEmpty();
            assertThat(drain(sqs, ORDERS)).as("the follow-up finished the run").isEmpty();

            assertThat(server.hits(SLOW)).as("fetched again by the follow-up").isEqualTo(2);
            List<Document> files = files(mongo, SOURCE);
            assertThat(files).hasSize(FAST_BEFORE + 2).allSatisfy(f -> {
                assertThat(f.getInteger("version")).isEqualTo(1);
                assertThat(f.getString("lastOutcome")).isEqualTo("downloaded");
            });
            List<JsonNode> downloaded = ofSource(bodies(drain(sqs, DOWNLOADED)), SOURCE);
            Set<String> fileIds = new HashSet<>();
            downloaded.forEach(e -> fileIds.add(e.path("file_id").asText()));
            assertThat(downloaded).as("one downloaded event per file").hasSize(FAST_BEFORE + 2);
            assertThat(fileIds).hasSize(FAST_BEFORE + 2);

            Document run = collection(mongo, "sync_runs").find(Filters.eq("_id", runId)).first();
            assertThat(run.getString("status")).isEqualTo("completed");
            assertThat(run.getList("failedKeys", String.class, List.of())).isEmpty();
            assertThat(run.getList("failures", Document.class, List.of())).isEmpty();
            List<JsonNode> synced = ofSource(bodies(drain(sqs, SYNCHRONIZED)), SOURCE);
            assertThat(synced).hasSize(1);
            assertThat(synced.get(0).path("downloaded").asLong()).isEqualTo(FAST_BEFORE + 2);
            assertThat(synced.get(0).path("failed").asLong()).isZero();
            assertThat(source(mongo, SOURCE).get("lastError")).isNull();
        }
    }
}
