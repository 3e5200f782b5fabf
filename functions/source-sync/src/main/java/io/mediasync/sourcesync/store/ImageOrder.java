package io.mediasync.sourcesync.store;

import io.mediasync.common.mongo.StoredValue;
import java.util.Date;
import org.bson.Document;

/**
 * A file's {@code imageOrder}: the content (sha256) the orchestrator last ordered thumbnails for, or found not to be
 * an image the resizer reads, so each content is ordered once.
 *
 * @param contentType for {@code not_an_image}: the type it has
 * @param messageId   for {@code sent}: the resize order's SQS message id, on {@code queue}
 */
public record ImageOrder(String sha256, Status status, String contentType, String messageId, String queue, Date at) {

    public static final String SHA256 = "sha256";
    public static final String STATUS = "status";
    public static final String CONTENT_TYPE = "content_type";
    public static final String MESSAGE_ID = "messageId";
    public static final String QUEUE = "queue";
    public static final String AT = "at";

    /** The stored strings are a contract. */
    public enum Status implements StoredValue {
        SENT("sent"), NOT_AN_IMAGE("not_an_image");

        private final String value;

        Status(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }

    public static ImageOrder sent(String sha256, String messageId, String queue, Date at) {
        return new ImageOrder(sha256, Status.SENT, null, messageId, queue, at);
    }

    public static ImageOrder notAnImage(String sha256, String contentType, Date at) {
        return new ImageOrder(sha256, Status.NOT_AN_IMAGE, contentType, null, null, at);
    }

    /** Whether this order was for these bytes. */
    public boolean isFor(String sha) {
        return sha.equals(sha256);
    }

    public Document toDocument() {
        Document order = new Document(SHA256, sha256).append(STATUS, status.value());
        if (contentType != null) {
            order.append(CONTENT_TYPE, contentType);
        }
        if (messageId != null) {
            order.append(MESSAGE_ID, messageId).append(QUEUE, queue);
        }
        return order.append(AT, at);
    }

    /** The stored order, or null when there is none. */
    public static ImageOrder read(Document d) {
        return d == null ? null : new ImageOrder(d.getString(SHA256), StoredValue.known(Status.class, d.getString(STATUS)),
                d.getString(CONTENT_TYPE), d.getString(MESSAGE_ID), d.getString(QUEUE), d.getDate(AT));
    }
}
