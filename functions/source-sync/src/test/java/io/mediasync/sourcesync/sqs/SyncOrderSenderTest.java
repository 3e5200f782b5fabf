package io.mediasync.sourcesync.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.contracts.SyncOrder;
import io.mediasync.common.hash.Sha256;
import io.mediasync.common.sqs.QueueSender;
import io.mediasync.common.sqs.QueueUrls;
import io.mediasync.sourcesync.config.QueuesConfig;
import io.mediasync.testsupport.RecordingSqs.Sent;
import io.mediasync.testsupport.RecordingSqs;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sync orders source-sync sends (the scheduler's and the downloader's follow-ups), byte for byte. */
class SyncOrderSenderTest {

    private static final String QUEUE = "http://127.0.0.1:1/000000000000/GL_SYNC_HTTP_SOURCE_ORDERS.fifo";

    private final RecordingSqs sqs = new RecordingSqs();
    private final SyncOrderSender sender = new SyncOrderSender(new QueueSender(sqs, new QueueUrls(sqs)), queues());

    @Test
    void aScheduledOrderIsTheSeedsThreeFieldsGroupedBySource() {
        sender.send(SyncOrder.of(77735, "https://unsplash.com/collections/72573628/portraits", "portraits/"), "77735u9");
        sender.sendBatch(List.of(SyncOrder.of(8, "https://h.example/ü \"q\"?a=1&b=2", "été/")), List.of("key-8"));

        assertThat(sqs.sent()).containsExactly(
                new Sent(QUEUE, "{\"source_id\":77735,\"url\":\"https://unsplash.com/collections/72573628/portraits\","
                        + "\"content_path\":\"portraits/\"}", "77735", Sha256.hex("77735u9")),
                new Sent(QUEUE, "{\"source_id\":8,\"url\":\"https://h.example/ü \\\"q\\\"?a=1&b=2\",\"content_path\":\"été/\"}",
                        "8", Sha256.hex("key-8")));
    }

    @Test
    void aFollowUpAddsItsRunAndCursorAndIsDeduplicatedOnThem() {
        sender.sendFollowUp(SyncOrder.of(725, "http://h/f", ""), "run-1", 200);

        assertThat(sqs.sent()).containsExactly(new Sent(QUEUE, "{\"source_id\":725,\"url\":\"http://h/f\",\"content_path\":\"\","
                + "\"run_id\":\"run-1\",\"cursor\":200}", "725", Sha256.hex("run-1:200")));
    }

    private static QueuesConfig queues() {
        return (QueuesConfig) Proxy.newProxyInstance(QueuesConfig.class.getClassLoader(), new Class<?>[] {QueuesConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("syncOrders")) {
                        return QUEUE;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
