package io.mediasync.common.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The sync order's bytes, FIFO group and deduplication rules, as its three senders used them before the contract. */
class SyncOrderTest {

    @Test
    void aNewOrderIsTheSeedsThreeFieldsInTheSeedsOrder() {
        SyncOrder order = SyncOrder.of(77735, "https://unsplash.com/collections/72573628/portraits", "portraits/");

        assertThat(order.toJson()).isEqualTo("{\"source_id\":77735,"
                + "\"url\":\"https://unsplash.com/collections/72573628/portraits\",\"content_path\":\"portraits/\"}");
        assertThat(order.groupId()).isEqualTo("77735");
        assertThat(order.isFollowUp()).isFalse();
    }

    @Test
    void aFollowUpAddsItsRunAndCursorAfterTheSeedsFields() {
        SyncOrder followUp = SyncOrder.of(725, "http://h/f", "").followUp("run-1", 200);

        assertThat(followUp.toJson()).isEqualTo("{\"source_id\":725,\"url\":\"http://h/f\",\"content_path\":\"\","
                + "\"run_id\":\"run-1\",\"cursor\":200}");
        assertThat(followUp.isFollowUp()).isTrue();
        assertThat(followUp.groupId()).isEqualTo("725");
    }

    @Test
    void eachSenderDeduplicatesByItsOwnRule() {
        SyncOrder order = SyncOrder.of(103, "https://feeds.example.com/103.xml", "podcasts/103/");

        assertThat(SyncOrder.scheduledDedupKey(103, "https://feeds.example.com/103.xml", 473_000))
                .isEqualTo("103https://feeds.example.com/103.xml473000");
        assertThat(order.catalogDedupKey("run-7")).isEqualTo("catalog:run-7:103");
        assertThat(order.followUp("run-1", 200).followUpDedupKey()).isEqualTo("run-1:200");
        assertThatThrownBy(order::followUpDedupKey).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOrderWithoutUrlOrContentPathOrWithANegativeCursorCannotBeMade() {
        assertThatThrownBy(() -> SyncOrder.of(1, " ", "p")).hasMessageContaining("url");
        assertThatThrownBy(() -> SyncOrder.of(1, null, "p")).hasMessageContaining("url");
        assertThatThrownBy(() -> SyncOrder.of(1, "u", null)).hasMessageContaining("content_path");
        assertThatThrownBy(() -> SyncOrder.of(1, "u", "p").followUp("run-1", -1)).hasMessageContaining("cursor");
    }
}
