package io.mediasync.resync.apply;

import io.mediasync.common.failure.FailureException;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.resync.model.DocIds;
import io.mediasync.resync.store.Documents;
import io.mediasync.resync.store.Runs;
import io.mediasync.resync.store.RunCount;
import io.mediasync.resync.store.Storage;
import io.mediasync.resync.store.StorageRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Apply: writes a resizer result on its document, then passes the images on to the documents that show them, then
 * removes the storage row, in that order, so a crash anywhere is finished by the redelivery.
 *
 * <ul>
 *   <li>Only the result of the row's current order counts ({@code resync_token}): a duplicate, or the result of an
 *       order replaced since, is not applied.</li>
 *   <li>A field is written only if the document still holds the URL that was resized: a newer change wins.</li>
 *   <li>Passing it on goes page by page within the deadline and on in follow-ups ({@link InheritanceTask}); the
 *       result coming again meanwhile writes nothing again.</li>
 *   <li>The row goes only if the document needs nothing more and was not provided again after it was read.</li>
 * </ul>
 */
@ApplicationScoped
public class Applier {

    private static final Logger LOG = Logger.getLogger(Applier.class);

    private final Storage storage;
    private final Documents documents;
    private final InheritanceTask inheritance;
    private final Runs runs;

    public Applier(Storage storage, Documents documents, InheritanceTask inheritance, Runs runs) {
        this.storage = storage;
        this.documents = documents;
        this.inheritance = inheritance;
        this.runs = runs;
    }

    public void apply(ResultParser.Result result, Deadline deadline) throws FailureException {
        String key = DocIds.rowKey(result.collection(), result.id());
        StorageRow.Order order = storage.find(key).map(StorageRow::ordered).orElse(null);
        if (order == null || !result.token().equals(order.token())) {
            LOG.infof("result for %s is not for its current order (a duplicate, or replaced since): not applied", key);
            runs.count(result.runId(), Map.of(RunCount.STALE, 1));
            return;
        }
        if (order.inheriting() != null) {
            LOG.infof("result for %s is applied and being passed on: not applied again", key);
            inheritance.handedOver(key, order);
            runs.count(order.run(), Map.of(RunCount.STALE, 1));
            return;
        }
        RunCount.Tally counts = new RunCount.Tally();
        boolean wrote = false;
        Date now = runs.now();
        for (Map.Entry<String, String> ordered : order.fields().entrySet()) {
            wrote |= write(result, ordered.getKey(), ordered.getValue(), now, counts);
        }
        inheritance.start(key, order, result.collection(), result.id(), wrote, runs.now(), deadline, counts);
    }

    /** @return whether the document took it (it still holds the URL) */
    private boolean write(ResultParser.Result result, String field, String url, Date now, RunCount.Tally counts) throws FailureException {
        ResultParser.Result.Field got = result.fields().get(field);
        if (got == null || !url.equals(got.url())) {
            throw FailureException.permanent("result_mismatch", "the result's " + field + " is not the URL that was ordered");
        }
        boolean taken;
        if (got.info() != null) {
            taken = documents.writeDone(result.collection(), result.id(), field, url, got.info(), now);
            counts.add(taken ? RunCount.APPLIED : RunCount.MOVED_ON, 1);
        } else {
            String code = got.errorCode() != null ? got.errorCode() : "no_result";
            String reason = got.errorCode() != null ? got.errorReason() : "the resizer sent neither sizes nor an error for it";
            taken = documents.writeFailed(result.collection(), result.id(), field, url, code, reason, now);
            counts.add(taken ? RunCount.FAILED : RunCount.MOVED_ON, 1);
        }
        return taken;
    }
}
