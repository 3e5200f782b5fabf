package io.mediasync.catalog.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.catalog.config.CatalogRunConfig;
import io.mediasync.catalog.store.CatalogItem;
import io.mediasync.common.hash.Sha256;
import io.mediasync.common.sqs.QueueSender;
import io.mediasync.common.sqs.QueueUrls;
import io.mediasync.testsupport.RecordingSqs;
import io.mediasync.testsupport.RecordingSqs.Sent;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sync orders catalog-sync sends, byte for byte as before the contract was shared with source-sync. */
class SyncOrdersTest {

    private static final String QUEUE = "http://127.0.0.1:1/000000000000/GL_SYNC_HTTP_SOURCE_ORDERS";

    private final RecordingSqs sqs = new RecordingSqs();

    @Test
    void eachItemIsTheSeedsOrderGroupedBySourceAndDeduplicatedPerRunAndSource() {
        SyncOrders orders = new SyncOrders(new QueueSender(sqs, new QueueUrls(sqs)), config());

        orders.order("run-7", List.of(item(103, "https://feeds.example.com/103.xml", "podcasts/103/"),
                item(104, "https://feeds.example.com/a b/\"ü\"?x=1&y=2", "podcasts/été/")));

        assertThat(orders.queue()).isEqualTo(QUEUE + ".fifo");
        assertThat(sqs.sent()).containsExactly(
                new Sent(QUEUE + ".fifo", "{\"source_id\":103,\"url\":\"https://feeds.example.com/103.xml\","
                        + "\"content_path\":\"podcasts/103/\"}", "103", Sha256.hex("catalog:run-7:103")),
                new Sent(QUEUE + ".fifo", "{\"source_id\":104,\"url\":\"https://feeds.example.com/a b/\\\"ü\\\"?x=1&y=2\","
                        + "\"content_path\":\"podcasts/été/\"}", "104", Sha256.hex("catalog:run-7:104")));
    }

    private static CatalogItem item(long id, String url, String contentPath) {
        return new CatalogItem(id, url, contentPath, true, null, null);
    }

    private static CatalogRunConfig config() {
        return (CatalogRunConfig) Proxy.newProxyInstance(CatalogRunConfig.class.getClassLoader(),
                new Class<?>[] {CatalogRunConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("syncOrdersQueue")) {
                        return QUEUE;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
