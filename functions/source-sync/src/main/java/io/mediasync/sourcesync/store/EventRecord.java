package io.mediasync.sourcesync.store;

import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.mongo.RecordCodec;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.common.mongo.StoredValue;
import java.util.Date;
import org.bson.Document;

/**
 * One document of {@code sync_events}: an event the orchestrator could not act on or that failed, keyed by its SQS
 * message id, with the queue and body it came with. Written field by field by {@link EventRecords}.
 *
 * @param deliveries how many receives ended this way
 */
public record EventRecord(String messageId, String queue, String body, RecordStatus status, RecordedError error,
        int deliveries, Date createdAt, Date updatedAt) {

    public static final String ID = "_id";
    public static final String QUEUE = "queue";
    public static final String BODY = "body";
    public static final String STATUS = "status";
    public static final String ERROR = "error";
    public static final String DELIVERIES = "deliveries";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";

    public static final RecordCodec<EventRecord> CODEC = RecordCodec.readOnly(EventRecord.class, EventRecord::read);

    public static EventRecord read(Document d) {
        return new EventRecord(d.getString(ID), d.getString(QUEUE), d.getString(BODY), StoredValue.known(RecordStatus.class, d.getString(STATUS)),
                RecordedError.read(d.get(ERROR, Document.class)), d.getInteger(DELIVERIES, 0), d.getDate(CREATED_AT),
                d.getDate(UPDATED_AT));
    }

}
