package io.mediasync.resizer.store;

import static io.mediasync.common.mongo.StoredNumber.asInt;
import static io.mediasync.common.mongo.StoredNumber.asLong;

import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.mongo.RecordCodec;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.common.mongo.StoredValue;
import io.mediasync.common.postback.PostbackStatus;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * One delivered order as {@code resize_orders} keeps it, keyed by the SQS message id (docs/image-resizer.md, "The
 * record"). Written field by field as the order's steps end ({@link OrderRecords}), never inserted whole. Each image
 * field's entry under {@code images} is an {@link ImageRecord}; {@code result} is the result message as sent.
 *
 * @param orderKey   SHA-256 of origin and body: the same order again within the dedup window is not made twice
 * @param orderId    the order's own {@code _id}, when it has one
 * @param attempts   deliveries that began the order (0 for a message recorded before it was ever begun)
 * @param duplicateOf the record whose result a duplicate order was done with
 */
public record OrderRecord(String id, String orderKey, String orderId, String body, String queue, String origin,
        RecordStatus status, int attempts, int receiveCount, Map<String, ImageRecord> images, Document result,
        Redirect redirect, Postback postback, RecordedError error, RecordedError lastError, List<RecordedError> errors,
        String duplicateOf, Date createdAt, Date updatedAt, Date completedAt, Long totalMs) {

    public static final String ID = "_id";
    public static final String ORDER_KEY = "orderKey";
    public static final String ORDER_ID = "orderId";
    public static final String BODY = "body";
    public static final String QUEUE = "queue";
    public static final String ORIGIN = "origin";
    public static final String STATUS = "status";
    public static final String ATTEMPTS = "attempts";
    public static final String RECEIVE_COUNT = "receiveCount";
    public static final String IMAGES = "images";
    public static final String RESULT = "result";
    public static final String REDIRECT = "redirect";
    public static final String POSTBACK = "postback";
    public static final String ERROR = "error";
    public static final String LAST_ERROR = "lastError";
    public static final String ERRORS = "errors";
    public static final String DUPLICATE_OF = "duplicateOf";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String COMPLETED_AT = "completedAt";
    public static final String TOTAL_MS = "totalMs";

    public static final RecordCodec<OrderRecord> CODEC = RecordCodec.readOnly(OrderRecord.class, OrderRecord::read);

    /** The path of one image field's entry, {@code images.<field>}. */
    public static String imagePath(String field) {
        return IMAGES + "." + field;
    }

    /** The image field's entry as recorded, or null when no attempt has recorded it yet. */
    public ImageRecord image(String field) {
        return images.get(field);
    }

    public static OrderRecord read(Document stored) {
        Map<String, ImageRecord> images = new LinkedHashMap<>();
        stored.get(IMAGES, new Document()).forEach((field, image) -> images.put(field, ImageRecord.read((Document) image)));
        List<RecordedError> errors = stored.getList(ERRORS, Document.class, List.of()).stream().map(RecordedError::read).toList();
        return new OrderRecord(stored.getString(ID), stored.getString(ORDER_KEY), stored.getString(ORDER_ID),
                stored.getString(BODY), stored.getString(QUEUE), stored.getString(ORIGIN), StoredValue.of(RecordStatus.class, stored.getString(STATUS)),
                asInt(stored.get(ATTEMPTS), 0), asInt(stored.get(RECEIVE_COUNT), 0), images, stored.get(RESULT, Document.class),
                Redirect.read(stored.get(REDIRECT, Document.class)), Postback.read(stored.get(POSTBACK, Document.class)),
                RecordedError.read(stored.get(ERROR, Document.class)), RecordedError.read(stored.get(LAST_ERROR, Document.class)),
                errors, stored.getString(DUPLICATE_OF), stored.getDate(CREATED_AT), stored.getDate(UPDATED_AT),
                stored.getDate(COMPLETED_AT), asLong(stored.get(TOTAL_MS)));
    }

    /**
     * Where the result was forwarded ({@code redirect_queue}): written once, as soon as it is sent, so a redelivery
     * never forwards it again.
     */
    public record Redirect(String queue, Status status, String messageId, Date at) {

        public static final String QUEUE = "queue";
        public static final String STATUS = "status";
        public static final String MESSAGE_ID = "messageId";
        public static final String AT = "at";

        /** What became of the forward. */
        public enum Status implements StoredValue {
            SENT("sent"), NOT_ALLOWED("not_allowed"), QUEUE_NOT_FOUND("queue_not_found");

            private final String value;

            Status(String value) {
                this.value = value;
            }

            @Override
            public String value() {
                return value;
            }
        }

        /** As stored: {@code {queue, at, status}}, and {@code messageId} once sent. */
        public Document toDocument() {
            Document stored = new Document(QUEUE, queue).append(AT, at).append(STATUS, status.value());
            return status == Status.SENT ? stored.append(MESSAGE_ID, messageId) : stored;
        }

        static Redirect read(Document stored) {
            return stored == null ? null : new Redirect(stored.getString(QUEUE), StoredValue.of(Status.class, stored.getString(STATUS)),
                    stored.getString(MESSAGE_ID), stored.getDate(AT));
        }
    }

    /** The postback's outcome: delivered (never sent again) or failed, with the receiver's answer and why. */
    public record Postback(String url, PostbackStatus status, Integer httpStatus, RecordedError error, Date at) {

        public static final String URL = "url";
        public static final String STATUS = "status";
        public static final String HTTP_STATUS = "httpStatus";
        public static final String ERROR = "error";
        public static final String AT = "at";


        public static Postback delivered(String url, int httpStatus, Date at) {
            return new Postback(url, PostbackStatus.DELIVERED, httpStatus, null, at);
        }

        /** @param httpStatus the receiver's answer, null when there was none (a network error, a timeout) */
        public static Postback failed(String url, Integer httpStatus, RecordedError error, Date at) {
            return new Postback(url, PostbackStatus.FAILED, httpStatus, error, at);
        }

        /** As stored: {@code {url, status, httpStatus, at}}, a failed one with {@code httpStatus} (null if none) and {@code error}. */
        public Document toDocument() {
            Document stored = new Document(URL, url).append(STATUS, status.value()).append(HTTP_STATUS, httpStatus);
            return (error == null ? stored : stored.append(ERROR, error.toDocument())).append(AT, at);
        }

        static Postback read(Document stored) {
            return stored == null ? null : new Postback(stored.getString(URL), StoredValue.of(PostbackStatus.class, stored.getString(STATUS)),
                    stored.getInteger(HTTP_STATUS), RecordedError.read(stored.get(ERROR, Document.class)), stored.getDate(AT));
        }
    }


}
