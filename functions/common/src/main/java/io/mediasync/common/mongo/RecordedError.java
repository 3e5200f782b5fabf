package io.mediasync.common.mongo;

import java.util.Date;
import org.bson.Document;

/**
 * Why a record did not end well, as every record the system owns stores it: {@code {code, reason, at}} ({@code at}
 * left out where the record's own time says when). The codes are the failure policy's reason codes.
 */
public record RecordedError(String code, String reason, Date at) {

    public static final String CODE = "code";
    public static final String REASON = "reason";
    public static final String AT = "at";

    /** An error whose record already says when. */
    public static RecordedError of(String code, String reason) {
        return new RecordedError(code, reason, null);
    }

    public Document toDocument() {
        Document error = new Document(CODE, code).append(REASON, reason);
        return at == null ? error : error.append(AT, at);
    }

    /** The stored error, or null when there is none. */
    public static RecordedError read(Document error) {
        return error == null ? null : new RecordedError(error.getString(CODE), error.getString(REASON), error.getDate(AT));
    }
}
