package io.mediasync.resync.execute;

import io.mediasync.common.contracts.ImageUrl;
import io.mediasync.common.sqs.QueueSender;
import io.mediasync.common.sqs.MessageOut;
import io.mediasync.resync.apply.Inheritance;
import io.mediasync.resync.apply.InheritanceTask;
import io.mediasync.resync.config.QueuesConfig;
import io.mediasync.resync.config.ResyncConfig;
import io.mediasync.resync.model.DocIds;
import io.mediasync.resync.model.ImageFields;
import io.mediasync.resync.model.Planner;
import io.mediasync.resync.model.Relation;
import io.mediasync.resync.model.ResyncModel;
import io.mediasync.resync.progress.StepResult;
import io.mediasync.resync.store.Documents;
import io.mediasync.resync.store.ResyncRun;
import io.mediasync.resync.store.RunCount;
import io.mediasync.resync.store.Storage;
import io.mediasync.resync.store.StorageRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;

/**
 * Execute (seed 002, step 2), one page of storage rows per step: re-reads each document (gone → row removed),
 * asks the Planner what it needs now, and sends one seed-004 order per document to the resize queue. A row is
 * claimed before its order is sent; rows are removed here only when there is nothing to wait for (the document is
 * gone, current, or brought in line with its parent); otherwise apply removes them after writing the results.
 */
@ApplicationScoped
public class Executor {

    /** Execute's cursor: the key of the last row done. */
    private static final String AFTER = "after";

    private final Storage storage;
    private final Documents documents;
    private final Planner planner;
    private final ResyncModel model;
    private final Inheritance inheritance;
    private final InheritanceTask passingOn;
    private final ResizeOrders orders;
    private final OrderFailures failures;
    private final QueueSender sender;
    private final String resizeQueue;
    private final ResyncConfig config;

    public Executor(Storage storage, Documents documents, Planner planner, ResyncModel model, Inheritance inheritance,
            InheritanceTask passingOn, ResizeOrders orders, OrderFailures failures, QueueSender sender, QueuesConfig queues,
            ResyncConfig config) {
        this.storage = storage;
        this.documents = documents;
        this.planner = planner;
        this.model = model;
        this.inheritance = inheritance;
        this.passingOn = passingOn;
        this.orders = orders;
        this.failures = failures;
        this.sender = sender;
        this.resizeQueue = queues.resize();
        this.config = config;
    }

    public StepResult step(ResyncRun run, Date now) {
        String collection = run.collection();
        List<StorageRow> rows = storage.page(collection, run.cursor().getString(AFTER), config.pageSize());
        if (rows.isEmpty()) {
            return StepResult.finished(Map.of());
        }
        Map<String, Document> docs = documents.byIds(collection, rows.stream().map(StorageRow::docId).toList());
        Map<String, Document> parents = parentsOf(collection, docs.values());
        RunCount.Tally counts = new RunCount.Tally();
        List<MessageOut> out = new ArrayList<>();
        List<Storage.Claim> claims = new ArrayList<>();
        Map<String, MessageOut> claimed = new LinkedHashMap<>();
        for (StorageRow row : rows) {
            Document doc = docs.get(row.key());
            if (doc == null) {
                storage.removeAsRead(row);
                counts.add(RunCount.GONE, 1);
            } else if (planner.inherits(collection, doc)) {
                inheriting(collection, row, doc, parents, now, counts);
            } else {
                owning(run, row, doc, now, counts).ifPresent(next -> {
                    if (next.claim() == null) {
                        out.add(next.order());
                    } else {
                        claims.add(new Storage.Claim(row, next.claim()));
                        claimed.put(row.key(), next.order());
                    }
                });
            }
        }
        Set<String> won = storage.claim(claims);
        claimed.forEach((key, order) -> {
            if (won.contains(key)) {
                out.add(order);
            }
        });
        counts.add(RunCount.ORDERED, won.size());
        counts.add(RunCount.AWAITING, claims.size() - won.size()); // another run claimed them first: its orders stand
        sender.sendAll(resizeQueue, out);
        Map<String, String> tokens = new LinkedHashMap<>();
        out.forEach(o -> tokens.put(o.groupId(), o.dedupKey())); // an order's group is its row's key, its dedup key the token
        storage.markSent(tokens);
        return StepResult.next(new Document(AFTER, rows.get(rows.size() - 1).key()), counts.asMap());
    }

    /** An order to send: with the claim it needs first, or none when this run already holds the row (a resend). */
    private record Next(MessageOut order, StorageRow.Order claim) {
    }

    /** A document with images of its own: what is stale is written or cleared now, what needs a resize is ordered. */
    private Optional<Next> owning(ResyncRun run, StorageRow row, Document doc, Date now, RunCount.Tally counts) {
        String collection = run.collection();
        Object id = doc.get("_id");
        Planner.Plan plan = planner.plan(doc, row.force());
        boolean wrote = !plan.clear().isEmpty() && documents.clear(collection, id, plan.clear());
        for (Map.Entry<String, String> bad : plan.badUrls().entrySet()) {
            String why = ImageUrl.problem(bad.getValue()).orElseThrow();
            if (documents.writeFailed(collection, id, bad.getKey(), bad.getValue(), "bad_url", why, now)) {
                wrote = true;
                counts.add(RunCount.FAILED, 1);
            }
        }
        if (wrote) {
            counts.add(RunCount.INHERITED, inheritance.propagate(collection, documents.byId(collection, id), now));
        }
        if (plan.order().isEmpty()) {
            if (!wrote && passingOn.awaits(row, now, counts)) { // its applied result is still being passed on
                return Optional.empty();
            }
            storage.removeAsRead(row);
            counts.add(RunCount.UNCHANGED, wrote ? 0 : 1);
            return Optional.empty();
        }
        StorageRow.Order earlier = row.ordered();
        int attempts = 1;
        if (earlier != null && plan.orderHash().equals(earlier.hash())) {
            boolean fresh = earlier.at().toInstant().plus(config.orderTimeout()).isAfter(now.toInstant());
            if (fresh && run.id().equals(earlier.run()) && !earlier.sent()) {
                counts.add(RunCount.RESENT, 1); // this run claimed it, but the page stopped before the send was noted
                return Optional.of(new Next(orders.order(collection, id, plan.order(), earlier.token(), run.id()), null));
            }
            if (fresh) {
                counts.add(RunCount.AWAITING, 1);
                return Optional.empty();
            }
            attempts = earlier.attempts() + 1;
            if (attempts > config.maxOrderAttempts()) {
                counts.add(RunCount.FAILED, failures.noResult(collection, row, doc, plan, earlier.attempts(), now));
                return Optional.empty();
            }
        }
        String token = UUID.randomUUID().toString();
        StorageRow.Order claim = new StorageRow.Order(plan.orderHash(), token, run.id(), now, plan.order(), attempts, false, null);
        return Optional.of(new Next(orders.order(collection, id, plan.order(), token, run.id()), claim));
    }

    /** A document showing its parent's images: brought in line with a settled parent, or left for the parent's apply. */
    private void inheriting(String collection, StorageRow row, Document doc, Map<String, Document> parents, Date now,
            RunCount.Tally counts) {
        Relation up = model.parentOf(collection).orElseThrow();
        Document parent = parents.get(DocIds.rowKey(up.parent(), doc.get(up.referenceField())));
        if (parent != null && !planner.settled(up.parent(), parent)) {
            counts.add(RunCount.AWAITING, 1); // the parent's results will be passed on when they are applied
            return;
        }
        Planner.Plan plan = planner.planInheriting(doc, Optional.ofNullable(parent));
        if (plan.copy()) {
            if (parent == null) { // its parent is gone: what it inherited goes too
                List<String> written = ImageFields.ALL.stream().filter(f -> ImageFields.Written.of(doc, f).isPresent()).toList();
                documents.clear(collection, doc.get("_id"), written);
            } else {
                counts.add(RunCount.INHERITED, inheritance.propagate(up.parent(), parent, doc.get("_id"), now));
            }
        } else {
            counts.add(RunCount.UNCHANGED, 1);
        }
        storage.removeAsRead(row);
    }

    private Map<String, Document> parentsOf(String collection, Collection<Document> docs) {
        Optional<Relation> up = model.parentOf(collection);
        if (up.isEmpty()) {
            return Map.of();
        }
        return documents.byIds(up.get().parent(), docs.stream().filter(d -> planner.inherits(collection, d))
                .map(d -> d.get(up.get().referenceField())).distinct().toList());
    }
}
