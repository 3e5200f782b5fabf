package io.mediasync.resync.provide;

import org.bson.Document;

/**
 * Where provide stopped, as the run record's {@code cursor} keeps it while the run is providing: the scan it is in
 * and the sort key and {@code _id} of the last document it read (none: at the scan's start).
 */
record ScanCursor(int scan, Object key, Object id) {

    static final String SCAN = "scan";
    static final String KEY = "key";
    static final String ID = "id";

    /** The start of scan {@code scan}. */
    static ScanCursor startOf(int scan) {
        return new ScanCursor(scan, null, null);
    }

    /** The saved cursor; an empty one (the phase's start) is the start of the first scan. */
    static ScanCursor read(Document cursor) {
        return new ScanCursor(cursor.getInteger(SCAN, 0), cursor.get(KEY), cursor.get(ID));
    }

    Document toDocument() {
        Document cursor = new Document(SCAN, scan);
        return id == null ? cursor : cursor.append(KEY, key).append(ID, id);
    }
}
