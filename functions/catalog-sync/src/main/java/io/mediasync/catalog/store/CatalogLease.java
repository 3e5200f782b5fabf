package io.mediasync.catalog.store;

import io.mediasync.common.mongo.Lease;
import io.mediasync.common.mongo.RecordCodec;
import io.mediasync.common.mongo.StoredValue;
import java.util.Date;
import org.bson.Document;

/**
 * The run lease's document in {@code catalog_sync_lease} ({@code _id: "run"}): which run holds it and until when (the
 * common {@link Lease}'s {@code leaseHolder}/{@code leaseUntil}; both gone once released), and what started it when.
 * Written by {@link Lease}'s atomic updates only.
 */
public record CatalogLease(String holder, Date until, SyncRun.Trigger trigger, Date acquiredAt) {

    /** The one lease document's {@code _id}. */
    public static final String ID = "run";
    public static final String HOLDER = Lease.HOLDER;
    public static final String UNTIL = Lease.UNTIL;
    public static final String TRIGGER = "trigger";
    public static final String ACQUIRED_AT = "acquiredAt";

    public static final RecordCodec<CatalogLease> CODEC = RecordCodec.readOnly(CatalogLease.class, CatalogLease::read);

    public static CatalogLease read(Document lease) {
        return new CatalogLease(lease.getString(HOLDER), lease.getDate(UNTIL), StoredValue.known(SyncRun.Trigger.class, lease.getString(TRIGGER)),
                lease.getDate(ACQUIRED_AT));
    }
}
