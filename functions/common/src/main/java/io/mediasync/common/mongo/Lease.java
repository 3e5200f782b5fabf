package io.mediasync.common.mongo;

import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One holder at a time, across Lambda instances: a lease kept in two fields of one MongoDB document, {@code leaseHolder}
 * (who holds it) and {@code leaseUntil} (when it runs out by itself, so a crashed holder frees it without anyone's
 * help). catalog-sync's run lease is a document of its own; collection-resync's lease lives on the run record it
 * guards. Every change is one atomic update filtered on the holder, so a holder whose lease ran out and was taken
 * over cannot renew, hand over or release the new holder's lease.
 */
public final class Lease {

    public static final String HOLDER = "leaseHolder";
    public static final String UNTIL = "leaseUntil";

    private final MongoCollection<Document> documents;
    private final Clock clock;

    public Lease(MongoCollection<Document> documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    /** Matches the documents whose lease nobody holds now: never taken, released, or run out. */
    public Bson free() {
        return Filters.or(Filters.eq(UNTIL, null), Filters.lt(UNTIL, now())); // null also matches a missing field
    }

    /**
     * Takes the lease on document {@code id} for {@code holder} when it is free and {@code condition} holds, setting
     * {@code alsoSet} in the same update.
     *
     * @param create insert the document when there is none (a lease with a document of its own); else only an
     *               existing document can be taken
     * @return the document as it is once taken; empty when another holder has it or the condition does not hold
     */
    public Optional<Document> acquire(Object id, String holder, Duration ttl, Bson condition, Bson alsoSet, boolean create) {
        Bson filter = Filters.and(Filters.eq("_id", id), free(), condition);
        Bson take = Updates.combine(Updates.set(HOLDER, holder), Updates.set(UNTIL, until(ttl)), alsoSet);
        try {
            return Optional.ofNullable(documents.findOneAndUpdate(filter, take,
                    new FindOneAndUpdateOptions().upsert(create).returnDocument(ReturnDocument.AFTER)));
        } catch (MongoServerException e) {
            // the filter missed an existing document, so the upsert's insert collided on _id: it is held
            if (create && DuplicateKey.in(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Takes the lease on an existing document with no further condition. */
    public Optional<Document> acquire(Object id, String holder, Duration ttl) {
        return acquire(id, holder, ttl, new Document(), new Document(), false);
    }

    /** Who holds the lease on document {@code id} now, if anyone. */
    public Optional<String> holder(Object id) {
        Document held = documents.find(Filters.and(Filters.eq("_id", id), Filters.gte(UNTIL, now()))).first();
        return Optional.ofNullable(held == null ? null : held.getString(HOLDER));
    }

    /** Pushes the end of {@code holder}'s lease to {@code ttl} from now. @return false if it no longer holds it */
    public boolean renew(Object id, String holder, Duration ttl) {
        return documents.updateOne(held(id, holder), Updates.set(UNTIL, until(ttl))).getMatchedCount() == 1;
    }

    /**
     * Frees the lease and sets {@code alsoSet} in the same update, so the holder's successor finds both at once.
     * @return false if {@code holder} no longer held it (nothing was changed)
     */
    public boolean handOver(Object id, String holder, Bson alsoSet) {
        return documents.updateOne(held(id, holder), Updates.combine(Updates.unset(HOLDER), Updates.unset(UNTIL), alsoSet))
                .getMatchedCount() == 1;
    }

    /** Frees the lease at once. @return false if {@code holder} no longer held it */
    public boolean release(Object id, String holder) {
        return handOver(id, holder, new Document());
    }

    private Bson held(Object id, String holder) {
        return Filters.and(Filters.eq("_id", id), Filters.eq(HOLDER, holder));
    }

    private Date until(Duration ttl) {
        return Date.from(clock.instant().plus(ttl));
    }

    private Date now() {
        return Date.from(clock.instant());
    }
}
