package io.mediasync.resync.store;

import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.mongo.RecordCodec;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.common.mongo.StoredValue;
import java.util.Date;
import org.bson.Document;

/**
 * A work or result message that failed or was rejected, as resync_messages stores it: one record per SQS message
 * (see {@link MessageRecords}), upserted on every failed attempt, never inserted whole.
 *
 * @param body     the message as received, cut at {@link MessageRecords}' limit
 * @param runId    the run it belongs to, when the message named one
 * @param error    why (its own {@code at} left out: the record's {@code at} says when)
 * @param at       the last failed attempt
 * @param attempts how many attempts failed
 */
public record MessageRecord(String messageId, String queue, String body, String runId, RecordStatus status, RecordedError error,
        Date at, int attempts, Date createdAt) {

    public static final String MESSAGE_ID = "_id";
    public static final String QUEUE = "queue";
    public static final String BODY = "body";
    public static final String RUN_ID = "runId";
    public static final String STATUS = "status";
    public static final String ERROR = "error";
    public static final String AT = "at";
    public static final String ATTEMPTS = "attempts";
    public static final String CREATED_AT = "createdAt";

    public static final RecordCodec<MessageRecord> CODEC = RecordCodec.readOnly(MessageRecord.class, MessageRecord::read);

    public static MessageRecord read(Document doc) {
        return new MessageRecord(doc.getString(MESSAGE_ID), doc.getString(QUEUE), doc.getString(BODY), doc.getString(RUN_ID),
                StoredValue.of(RecordStatus.class, doc.getString(STATUS)),
                RecordedError.read(doc.get(ERROR, Document.class)), doc.getDate(AT), doc.getInteger(ATTEMPTS, 0),
                doc.getDate(CREATED_AT));
    }
}
