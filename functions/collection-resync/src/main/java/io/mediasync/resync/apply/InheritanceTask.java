package io.mediasync.resync.apply;

import io.mediasync.common.lambda.Deadline;
import io.mediasync.resync.config.InvocationConfig;
import io.mediasync.resync.model.Planner;
import io.mediasync.resync.model.ResyncModel;
import io.mediasync.resync.progress.Continuations;
import io.mediasync.resync.progress.RunCompleter;
import io.mediasync.resync.store.Documents;
import io.mediasync.resync.store.Runs;
import io.mediasync.resync.store.RunCount;
import io.mediasync.resync.store.Storage;
import io.mediasync.resync.store.StorageRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.jboss.logging.Logger;

/**
 * Passes an applied result on to the documents that show it within the invocation's deadline, then finishes its
 * storage row. A page is started only with MESSAGE_TIME_RESERVE left; after every page the walk's place is saved
 * on the row ({@code ordered.inheriting: {cursor, since, seq, at}}), so a redelivery never writes a page again. What
 * does not fit goes on in a follow-up on the work queue ({@code seq} + 1, saved before it is sent); the row, and so
 * its run, is finished only after the last page.
 */
@ApplicationScoped
public class InheritanceTask {

    private static final Logger LOG = Logger.getLogger(InheritanceTask.class);

    /** The row whose applied result is being passed on, as the walk needs it. */
    private record Pending(String key, String token, String runId, String collection, Object id, Date since, long seq) {
    }

    private final Inheritance inheritance;
    private final ResyncModel model;
    private final Storage storage;
    private final Documents documents;
    private final Planner planner;
    private final Runs runs;
    private final RunCompleter completer;
    private final Continuations continuations;
    private final InvocationConfig invocation;

    public InheritanceTask(Inheritance inheritance, ResyncModel model, Storage storage, Documents documents, Planner planner,
            Runs runs, RunCompleter completer, Continuations continuations, InvocationConfig invocation) {
        this.inheritance = inheritance;
        this.model = model;
        this.storage = storage;
        this.documents = documents;
        this.planner = planner;
        this.runs = runs;
        this.completer = completer;
        this.continuations = continuations;
        this.invocation = invocation;
    }

    /**
     * Right after apply wrote a result's fields on its document: passes them on (if it wrote any), then finishes the row.
     *
     * @param readAt rows provided after this moment stay (something changed since the document was read)
     */
    public void start(String key, StorageRow.Order order, String collection, Object id, boolean wrote, Date readAt, Deadline deadline,
            RunCount.Tally counts) {
        Pending pending = new Pending(key, order.token(), order.run(), collection, id, readAt, 0);
        if (wrote && !model.childrenOf(collection).isEmpty()) {
            advance(pending, InheritanceCursor.from(collection, id), deadline, counts);
        } else {
            finish(pending, counts);
        }
    }

    /** A follow-up from the work queue: goes on where the walk stopped, if this is still the row's walk and its turn. */
    public void resume(String key, String token, long seq, Deadline deadline) {
        Optional<StorageRow> row = storage.find(key);
        StorageRow.Order order = row.map(StorageRow::ordered).filter(o -> token.equals(o.token())).orElse(null);
        StorageRow.Inheriting saved = order == null ? null : order.inheriting();
        if (saved == null) {
            LOG.infof("%s has nothing left to pass on (finished, or ordered again since): follow-up %d dropped", key, seq);
            return;
        }
        if (seq == saved.seq() - 1) {
            resend(key, order); // a redelivery of the message that handed over: its follow-up may be lost
        } else if (seq != saved.seq()) {
            LOG.infof("%s: follow-up %d is overtaken (the walk is at %d): dropped", key, seq, saved.seq());
        } else {
            advance(new Pending(key, token, order.run(), row.get().collection(), row.get().docId(), saved.since(), seq),
                    InheritanceCursor.of(saved.cursor()), deadline, new RunCount.Tally());
        }
    }

    /**
     * A row whose result is still being passed on is not finished by others: execute leaves it ({@code awaiting}) and
     * sends its follow-up again when the walk has not moved for two invocations ({@code resent}, e.g. it went to the
     * DLQ). @return whether the row is such a row
     */
    public boolean awaits(StorageRow row, Date now, RunCount.Tally counts) {
        StorageRow.Order order = row.ordered();
        if (order == null || order.inheriting() == null) {
            return false;
        }
        boolean stalled = order.inheriting().at().before(invocation.stalledBefore(now));
        if (stalled) {
            resend(row.key(), order);
        }
        counts.add(stalled ? RunCount.RESENT : RunCount.AWAITING, 1);
        return true;
    }

    /** The result came again while its walk goes on: the follow-up of the saved step is sent again (it may be lost). */
    public void handedOver(String key, StorageRow.Order order) {
        resend(key, order);
    }

    /** Sends the follow-up of the step the walk saved, again. */
    private void resend(String key, StorageRow.Order order) {
        continuations.sendInheritance(key, order.token(), order.run(), order.inheriting().seq());
    }

    private void advance(Pending p, InheritanceCursor cursor, Deadline deadline, RunCount.Tally counts) {
        long pages = cursor.pages();
        while (!cursor.done() && deadline.remaining().compareTo(invocation.messageReserve()) >= 0) {
            counts.add(RunCount.INHERITED, inheritance.step(cursor, p.since()));
            if (cursor.pages() != pages) {
                pages = cursor.pages();
                if (!checkpoint(p, cursor, p.seq())) {
                    LOG.infof("%s was ordered again meanwhile: its new result is passed on instead", p.key());
                    runs.count(p.runId(), counts.asMap());
                    return;
                }
            }
        }
        if (cursor.done()) {
            finish(p, counts);
            return;
        }
        long next = p.seq() + 1;
        if (checkpoint(p, cursor, next)) { // saved first: the follow-up must find its own seq
            continuations.sendInheritance(p.key(), p.token(), p.runId(), next);
            LOG.infof("%s: %d pages passed on, the rest in a follow-up (step %d)", p.key(), cursor.pages(), next);
        }
        runs.count(p.runId(), counts.asMap());
    }

    private boolean checkpoint(Pending p, InheritanceCursor cursor, long seq) {
        return storage.saveInheriting(p.key(), p.token(), new StorageRow.Inheriting(cursor.toDocument(), p.since(), seq, runs.now()));
    }

    /** The row goes only if its document needs nothing more and was not provided again after it was read. */
    private void finish(Pending p, RunCount.Tally counts) {
        Document doc = documents.byId(p.collection(), p.id());
        boolean current = doc == null || !planner.inherits(p.collection(), doc) && !planner.plan(doc, false).changed();
        if (current) {
            storage.removeApplied(p.key(), p.token(), p.since());
        } else {
            storage.endInheriting(p.key(), p.token());
            LOG.infof("%s changed since it was ordered: its row stays for the next run", p.key());
        }
        runs.count(p.runId(), counts.asMap());
        completer.completeFinished();
    }
}
