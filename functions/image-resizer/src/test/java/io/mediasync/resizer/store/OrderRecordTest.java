package io.mediasync.resizer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.resizer.store.OrderRecord.Postback;
import io.mediasync.resizer.store.OrderRecord.Redirect;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.junit.jupiter.api.Test;

/**
 * The order record as {@code resize_orders} stores it (docs/image-resizer.md, "The record"): the sub-documents written
 * whole, field for field, and a stored record read back typed, through the codec the collection uses.
 */
class OrderRecordTest {

    private static final Date CREATED = new Date(1_780_000_000_000L);
    private static final Date SENT = new Date(1_780_000_001_000L);
    private static final Date DONE = new Date(1_780_000_002_000L);

    /** One image field's entry: a size with its JPEG and WebP, and the timings of a reuse. */
    private static final String IMAGE = "{\"url\": \"http://img.example/a.jpg\", \"id\": \"975bfd4c\", \"sha256\": \""
            + "cd".repeat(32) + "\", \"format\": \"png\", \"width\": 1200, \"height\": 900, \"bytes\": 123456, "
            + "\"outputs\": {\"50x50\": {\"url\": \"https://cdn.example/k_50x50.jpeg\", \"key\": \"k_50x50.jpeg\", "
            + "\"width\": 50, \"height\": 38, \"bytes\": 1200, \"webp\": {\"url\": \"https://cdn.example/k_50x50.webp\", "
            + "\"key\": \"k_50x50.webp\", \"bytes\": 700}}}, \"reused\": true, \"timingsMs\": {\"download\": 40, \"total\": 41}}";
    private static final ImageRecord IMAGE_RECORD = new ImageRecord("http://img.example/a.jpg", "975bfd4c", "cd".repeat(32),
            "png", 1200, 900, 123456, Map.of("50x50", new ImageRecord.Output("https://cdn.example/k_50x50.jpeg", "k_50x50.jpeg",
                    50, 38, 1200, new ImageRecord.WebpFile("https://cdn.example/k_50x50.webp", "k_50x50.webp", 700))),
            true, new TreeMap<>(Map.of("download", 40L, "total", 41L)), null); // in the stored order

    /** A JPEG-only order done on its second attempt, after a postback that failed with a 503. */
    private static final String STORED = "{\"_id\": \"msg-1\", \"createdAt\": {\"$date\": 1780000000000}, "
            + "\"orderKey\": \"" + "ab".repeat(32) + "\", \"body\": \"{\\\"image_url\\\": \\\"http://img.example/a.jpg\\\"}\", "
            + "\"queue\": \"ImageQueue.fifo\", \"origin\": \"public\", \"status\": \"done\", \"receiveCount\": 2, "
            + "\"updatedAt\": {\"$date\": 1780000002000}, \"attempts\": 2, \"orderId\": \"6650b2f1c2a4e93b8f0e4a11\", "
            + "\"images\": {\"image_url\": " + IMAGE + ", \"itunes_image\": {\"url\": \"http://img.example/b.jpg\", "
            + "\"error\": {\"code\": \"http_404\", \"reason\": \"the source answered 404\"}}}, "
            + "\"result\": {\"image_url\": \"http://img.example/a.jpg\"}, "
            + "\"redirect\": {\"queue\": \"ChannelImages\", \"at\": {\"$date\": 1780000001000}, \"status\": \"sent\", \"messageId\": \"sqs-9\"}, "
            + "\"postback\": {\"url\": \"http://hooks.example/p\", \"status\": \"delivered\", \"httpStatus\": 200, \"at\": {\"$date\": 1780000002000}}, "
            + "\"errors\": [{\"code\": \"postback_http_503\", \"reason\": \"the receiver answered 503\", \"at\": {\"$date\": 1780000001000}}], "
            + "\"completedAt\": {\"$date\": 1780000002000}, \"totalMs\": 812}";

    @Test
    void aStoredRecordIsReadBackTyped() {
        OrderRecord record = OrderRecord.CODEC.decode(new BsonDocumentReader(BsonDocument.parse(STORED)),
                DecoderContext.builder().build());

        assertThat(record).isEqualTo(new OrderRecord("msg-1", "ab".repeat(32), "6650b2f1c2a4e93b8f0e4a11",
                "{\"image_url\": \"http://img.example/a.jpg\"}", "ImageQueue.fifo", "public", RecordStatus.DONE, 2, 2,
                Map.of("image_url", IMAGE_RECORD, "itunes_image", ImageRecord.failed("http://img.example/b.jpg",
                        RecordedError.of("http_404", "the source answered 404"))),
                new Document("image_url", "http://img.example/a.jpg"),
                new Redirect("ChannelImages", Redirect.Status.SENT, "sqs-9", SENT),
                Postback.delivered("http://hooks.example/p", 200, DONE), null, null,
                List.of(new RecordedError("postback_http_503", "the receiver answered 503", SENT)), null, CREATED, DONE,
                DONE, 812L));
        assertThat(OrderRecord.read(Document.parse(STORED))).isEqualTo(record);
    }

    @Test
    void aMessageRecordedBeforeItWasEverBegunReadsWithNoAttemptsAndItsLastError() {
        OrderRecord record = OrderRecord.read(Document.parse("{\"_id\": \"msg-2\", \"body\": \"{\\\"x\\\": 1}\", "
                + "\"queue\": \"ImageQueue.fifo\", \"status\": \"dead_lettered\", \"receiveCount\": 5, "
                + "\"lastError\": {\"code\": \"timed_out\", \"reason\": \"given back unstarted\", \"at\": {\"$date\": 1780000000000}}}"));

        assertThat(record.status()).isEqualTo(RecordStatus.DEAD_LETTERED);
        assertThat(record.attempts()).isZero();
        assertThat(record.receiveCount()).isEqualTo(5);
        assertThat(record.lastError()).isEqualTo(new RecordedError("timed_out", "given back unstarted", CREATED));
        assertThat(record.images()).isEmpty();
        assertThat(record.errors()).isEmpty();
        assertThat(record.redirect()).isNull();
        assertThat(record.orderKey()).isNull();
    }

    @Test
    void aRedirectIsStoredWithItsMessageIdOnlyOnceSent() {
        assertThat(new Redirect("ChannelImages", Redirect.Status.SENT, "sqs-9", SENT).toDocument().toJson())
                .isEqualTo("{\"queue\": \"ChannelImages\", \"at\": {\"$date\": \"2026-05-28T20:26:41Z\"}, \"status\": \"sent\", "
                        + "\"messageId\": \"sqs-9\"}");
        assertThat(new Redirect("Elsewhere", Redirect.Status.NOT_ALLOWED, null, SENT).toDocument())
                .isEqualTo(new Document("queue", "Elsewhere").append("at", SENT).append("status", "not_allowed"));
        assertThat(new Redirect("Gone", Redirect.Status.QUEUE_NOT_FOUND, null, SENT).toDocument())
                .isEqualTo(new Document("queue", "Gone").append("at", SENT).append("status", "queue_not_found"));
    }

    @Test
    void aPostbackIsStoredDeliveredOrFailedWithItsError() {
        assertThat(Postback.delivered("http://hooks.example/p", 200, DONE).toDocument()).isEqualTo(new Document("url",
                "http://hooks.example/p").append("status", "delivered").append("httpStatus", 200).append("at", DONE));
        Document failed = Postback.failed("http://hooks.example/p", null, RecordedError.of("connect_failed", "refused"), DONE)
                .toDocument();
        assertThat(failed.toJson()).isEqualTo("{\"url\": \"http://hooks.example/p\", \"status\": \"failed\", \"httpStatus\": null, "
                + "\"error\": {\"code\": \"connect_failed\", \"reason\": \"refused\"}, \"at\": {\"$date\": \"2026-05-28T20:26:42Z\"}}");
        assertThat(Postback.read(failed)).isEqualTo(Postback.failed("http://hooks.example/p", null,
                RecordedError.of("connect_failed", "refused"), DONE));
    }

    @Test
    void anImageEntryIsStoredAsItIsReadAndAFailedOneAsItsUrlAndError() {
        assertThat(IMAGE_RECORD.toDocument().toJson()).isEqualTo(Document.parse(IMAGE).toJson());
        assertThat(ImageRecord.read(Document.parse(IMAGE))).isEqualTo(IMAGE_RECORD);
        ImageRecord failed = ImageRecord.failed("http://img.example/b.jpg", RecordedError.of("http_404", "gone"));
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.toDocument().toJson())
                .isEqualTo("{\"url\": \"http://img.example/b.jpg\", \"error\": {\"code\": \"http_404\", \"reason\": \"gone\"}}");
        assertThat(ImageRecord.read(failed.toDocument())).isEqualTo(failed);
    }

    @Test
    void aStatusThisCodeNeverWritesIsAnErrorNotANull() {
        assertThatThrownBy(() -> OrderRecord.read(new Document("_id", "msg-3").append("status", "finished")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finished");
    }

    @Test
    void theRecordIsWrittenFieldByFieldNeverInsertedWhole() {
        assertThat(OrderRecord.imagePath("itunes_image")).isEqualTo("images.itunes_image");
        assertThatThrownBy(() -> OrderRecord.CODEC.encode(null, OrderRecord.read(new Document("_id", "msg-4")), null))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
