package io.mediasync.resync;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import io.mediasync.resync.run.ResyncRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * A channel shown by 50,000 episodes, with invocations of two seconds (no Lambda context in tests: the budget is the
 * deadline): apply writes the channel and as many pages of episodes as its deadline allows, then the walk goes on in
 * follow-ups on the work queue, each where the last stopped, until every episode has the channel's images and the
 * run's rows are gone.
 */
@QuarkusTest
@TestProfile(LargeChannelTest.ShortInvocations.class)
class LargeChannelTest extends ResyncTestSupport {

    static final int EPISODES = 50_000;
    static final String ROW = "channels|\"big\"";

    public static class ShortInvocations implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mediasync.invocation.budget", "PT2S", "mediasync.invocation.message-reserve", "PT0.2S",
                    "mediasync.resync.page-size", "1000", "mediasync.mongo.database", "mediasync_resync_large");
        }
    }

    @Test
    void aChannelsImagesReachAllItsEpisodesAcrossInvocationsEachPageOnce() throws Exception {
        reset("channels", "episodes");
        collection("channels").insertOne(new Document("_id", "big").append("image_url", images.image("/big.jpg")));
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < EPISODES; i++) {
            batch.add(new Document("_id", String.format("ep-%05d", i)).append("channel_id", "big").append("title", "episode " + i));
            if (batch.size() == 5_000) {
                collection("episodes").insertMany(batch);
                batch.clear();
            }
        }
        ResyncRequest.Response started = run("{\"collection\": \"channels\"}");
        String runId = started.runs().get(0).runId();
        assertThat(collection("resync_storage").countDocuments()).as("the channel and its episodes").isEqualTo(EPISODES + 1);
        List<String> orders = takeOrders();
        assertThat(orders).hasSize(1);
        String result = RESIZER.resultFor(orders.get(0));

        sendResult(result);
        assertThat(applyResults()).isOne();
        Document saved = inheriting();
        assertThat(saved).as("the episodes did not fit apply's invocation").isNotNull();
        assertThat(saved.getLong("seq")).isOne();

        sendResult(result); // delivered again: applied and being passed on, so nothing is written again
        assertThat(applyResults()).isOne();
        assertThat(inheriting()).isEqualTo(saved);

        List<Long> pagesAfterEach = new ArrayList<>(List.of(pages(saved)));
        long lastSeq = 1;
        while (work(1) == 1) { // one follow-up, one invocation
            Document now = inheriting();
            if (now != null) {
                pagesAfterEach.add(pages(now));
                lastSeq = now.getLong("seq");
            }
        }
        assertThat(lastSeq).as("handed over again and again: several invocations").isGreaterThanOrEqualTo(2);
        assertThat(pagesAfterEach).as("each invocation goes on where the last stopped").isSorted().doesNotHaveDuplicates();

        Document channel = collection("channels").find(Filters.eq("_id", "big")).first();
        Document entry = channel.get("image_resync", Document.class).get("image_url", Document.class);
        Document inherited = new Document(entry).append("inherited_from", "big");
        List<String> wrong = new ArrayList<>();
        long seen = 0;
        for (Document episode : collection("episodes").find()) {
            seen++;
            boolean exact = channel.get("image_url_info").equals(episode.get("image_url_info"))
                    && new Document("image_url", inherited).equals(episode.get("image_resync"));
            if (!exact && wrong.size() < 5) {
                wrong.add(episode.toJson());
            }
        }
        assertThat(seen).isEqualTo(EPISODES);
        assertThat(wrong).as("episodes without exactly the channel's images").isEmpty();
        assertThat(collection("resync_storage").countDocuments()).as("every row done").isZero();
        assertThat(collection("resync_messages").countDocuments()).as("no message failed").isZero();
        Document run = collection("resync_runs").find(Filters.eq("_id", runId)).first();
        assertThat(run.getString("phase")).isEqualTo("completed");
        assertThat(count(run, "inherited")).as("each episode written once").isEqualTo(EPISODES);
        assertThat(count(run, "applied")).isOne();
        assertThat(count(run, "stale")).isOne();
    }

    static long pages(Document inheriting) {
        return inheriting.get("cursor", Document.class).getLong("pages");
    }

    /** Where passing the channel's result on stands, as saved on its row (null when nothing is pending). */
    Document inheriting() {
        Document row = collection("resync_storage").find(Filters.eq("_id", ROW)).first();
        return row == null ? null : row.get("ordered", Document.class).get("inheriting", Document.class);
    }
}
