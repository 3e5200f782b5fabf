package io.mediasync.common.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SyncOrderParserTest {

    @Test
    void seedOrder() throws Exception {
        SyncOrder order = SyncOrderParser.parse("{\"source_id\": 77735, \"url\": \"https://unsplash.com/collections/72573628/portraits\","
                + " \"content_path\": \"portraits/\", \"extra\": true}");
        assertThat(order).isEqualTo(SyncOrder.of(77735, "https://unsplash.com/collections/72573628/portraits", "portraits/"));
        assertThat(order.isFollowUp()).isFalse();
        assertThat(order.groupId()).isEqualTo("77735");
    }

    @Test
    void followUpAndStringIds() throws Exception {
        SyncOrder order = SyncOrderParser.parse("{\"source_id\": \"725\", \"url\": \"http://h/f\", \"content_path\": \"\","
                + " \"run_id\": \"run-1\", \"cursor\": 200}");
        assertThat(order.sourceId()).isEqualTo(725);
        assertThat(order.runId()).isEqualTo("run-1");
        assertThat(order.cursor()).isEqualTo(200);
    }

    @Test
    void rejectionsSayWhy() {
        assertCode("", "empty_order");
        assertCode("{not json", "not_json");
        assertCode("\"a string\"", "not_an_object");
        assertCode("{\"url\": \"u\", \"content_path\": \"p\"}", "missing_source_id");
        assertCode("{\"source_id\": 1.5, \"url\": \"u\", \"content_path\": \"p\"}", "bad_source_id");
        assertCode("{\"source_id\": 1, \"content_path\": \"p\"}", "missing_url");
        assertCode("{\"source_id\": 1, \"url\": \" \", \"content_path\": \"p\"}", "missing_url");
        assertCode("{\"source_id\": 1, \"url\": 5, \"content_path\": \"p\"}", "bad_url");
        assertCode("{\"source_id\": 1, \"url\": \"u\"}", "missing_content_path");
        assertCode("{\"source_id\": 1, \"url\": \"u\", \"content_path\": \"p\", \"cursor\": -1}", "bad_cursor");
    }

    private void assertCode(String body, String code) {
        assertThatThrownBy(() -> SyncOrderParser.parse(body)).as(body).isInstanceOfSatisfying(SyncOrderRejectedException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
