package io.mediasync.resizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import io.mediasync.testsupport.HttpFixture;
import io.mediasync.testsupport.SqsEventJson;
import io.mediasync.testsupport.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A short function timeout: an order whose two image URLs dribble, in a batch of ten. The slow order is cut short
 * at its own deadline, which leaves every later order its reserve: all of those are done, none is given back
 * unstarted (which would burn a receive without an attempt). The slow one is given back, recorded as such, and on
 * its last receive as dead_lettered with its reason: none is lost.
 */
@QuarkusTest
@TestProfile(TimeBudgetTest.ShortInvocations.class)
class TimeBudgetTest extends ResizerTestSupport {

    /** The mock event server gives no deadline, so the invocation budget plays Lambda's timeout. */
    public static class ShortInvocations implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // ten messages x 1.5 s within 20 s, as the template keeps every batch (TemplateQueueRulesTest)
            return Map.of("mediasync.invocation.budget", "PT20S", "mediasync.invocation.message-reserve", "PT1.5S",
                    "mediasync.fetch.read-timeout", "PT30S");
        }
    }

    static HttpFixture http;

    @Inject
    MongoClient mongo;

    @BeforeAll
    static void serve() {
        http = new HttpFixture();
        http.serve("/quick.jpg", TestImages.jpeg(200, 150), "image/jpeg");
        http.dribble("/slow-1.jpg", 100);
        http.dribble("/slow-2.jpg", 100);
        http.receiver("/pb");
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private List<ObjectNode> batch(int receiveCount, List<String> ids) {
        List<ObjectNode> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ObjectNode order = order(http.url(i == 3 ? "/slow-1.jpg" : "/quick.jpg"), http.url("/pb"));
            if (i == 3) {
                order.put("itunes_image", http.url("/slow-2.jpg"));
            }
            order.put("_id", "budget-" + receiveCount + "-" + i);
            String id = newId();
            ids.add(id);
            records.add(SqsEventJson.record("ImageQueue.fifo", id, order.toString(), receiveCount, "channel-" + i));
        }
        return records;
    }

    @Test
    void theSlowOrderIsCutShortAndEveryOtherOrderOfTheBatchIsDone() {
        List<String> ids = new ArrayList<>();
        List<String> givenBack = failedIds(invoke(SqsEventJson.event(batch(1, ids).toArray(ObjectNode[]::new))));

        Document slow = recordOf(mongo, ids.get(3));
        assertThat(slow.getString("status")).isEqualTo("retrying");
        assertThat(slow.get("lastError", Document.class).getString("code")).isEqualTo("timed_out");
        assertThat(givenBack).containsExactly(ids.get(3));
        for (int i = 0; i < 10; i++) {
            if (i != 3) {
                assertThat(recordOf(mongo, ids.get(i)).getString("status")).as("message %d", i).isEqualTo("done");
            }
        }
    }

    @Test
    void onTheLastReceiveTheSlowOrderIsRecordedWithItsReasonAndTheOthersAreDone() {
        List<String> ids = new ArrayList<>();
        List<String> givenBack = failedIds(invoke(SqsEventJson.event(batch(5, ids).toArray(ObjectNode[]::new))));

        assertThat(givenBack).containsExactly(ids.get(3));
        Document slow = recordOf(mongo, ids.get(3));
        assertThat(slow.getString("status")).isEqualTo("dead_lettered");
        assertThat(slow.get("lastError", Document.class).getString("code")).isEqualTo("timed_out");
        assertThat(slow.getString("body")).contains("budget-5-3");
        for (int i = 4; i < 10; i++) {
            assertThat(recordOf(mongo, ids.get(i)).getString("status")).as("message %d", i).isEqualTo("done");
        }
    }
}
