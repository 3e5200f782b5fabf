package io.mediasync.sourcesync.store;

import io.mediasync.common.mongo.RecordedError;
import io.mediasync.common.mongo.StoredValue;
import io.mediasync.common.postback.PostbackStatus;
import java.util.Date;
import org.bson.Document;

/** A source's {@code lastSyncPostback}: the last "source synchronized" POSTed to its {@code sync_postback_url}. */
public record SyncPostback(String runId, String url, PostbackStatus status, Integer httpStatus, RecordedError error, Date at) {

    public static final String RUN_ID = "runId";
    public static final String URL = "url";
    public static final String STATUS = "status";
    public static final String HTTP_STATUS = "httpStatus";
    public static final String ERROR = "error";
    public static final String AT = "at";


    public static SyncPostback delivered(String runId, String url, int httpStatus, Date at) {
        return new SyncPostback(runId, url, PostbackStatus.DELIVERED, httpStatus, null, at);
    }

    /** Its error is {@code {code, reason}}: {@code at} says when. */
    public static SyncPostback failed(String runId, String url, String code, String reason, Date at) {
        return new SyncPostback(runId, url, PostbackStatus.FAILED, null, RecordedError.of(code, reason), at);
    }

    public Document toDocument() {
        Document postback = new Document(RUN_ID, runId).append(URL, url).append(STATUS, status.value());
        if (httpStatus != null) {
            postback.append(HTTP_STATUS, httpStatus);
        }
        if (error != null) {
            postback.append(ERROR, error.toDocument());
        }
        return postback.append(AT, at);
    }

    /** The stored postback, or null when there is none. */
    public static SyncPostback read(Document d) {
        return d == null ? null : new SyncPostback(d.getString(RUN_ID), d.getString(URL),
                StoredValue.known(PostbackStatus.class, d.getString(STATUS)),
                d.getInteger(HTTP_STATUS), RecordedError.read(d.get(ERROR, Document.class)), d.getDate(AT));
    }
}
