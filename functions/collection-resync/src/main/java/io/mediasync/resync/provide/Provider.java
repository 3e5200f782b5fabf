package io.mediasync.resync.provide;

import com.mongodb.client.model.Filters;
import io.mediasync.resync.config.ResyncConfig;
import io.mediasync.resync.model.DocIds;
import io.mediasync.resync.model.Planner;
import io.mediasync.resync.model.Relation;
import io.mediasync.resync.model.ResyncModel;
import io.mediasync.resync.progress.StepResult;
import io.mediasync.resync.store.Documents;
import io.mediasync.resync.store.ProvidedRow;
import io.mediasync.resync.store.ResyncRun;
import io.mediasync.resync.store.RunCount;
import io.mediasync.resync.store.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Provide (seed 002, step 1), one page per step: reads the next page of the current scan, keeps the documents the
 * Planner finds changed, upserts their storage rows, and marks their related documents (children that show their
 * images) too. Memory holds one page, whatever the collection's size; the cursor is saved after every page.
 */
@ApplicationScoped
public class Provider {

    private final Documents documents;
    private final Storage storage;
    private final Planner planner;
    private final ResyncModel model;
    private final ResyncConfig config;

    public Provider(Documents documents, Storage storage, Planner planner, ResyncModel model, ResyncConfig config) {
        this.documents = documents;
        this.storage = storage;
        this.planner = planner;
        this.model = model;
        this.config = config;
    }

    public StepResult step(ResyncRun run, Date now) {
        List<Scan> scans = scans(run, now);
        Scan.Cursor cursor = Scan.Cursor.read(run.cursor());
        if (cursor.scan() >= scans.size()) {
            return StepResult.finished(Map.of());
        }
        Scan scan = scans.get(cursor.scan());
        List<Document> page = documents.page(run.collection(), scan.from(cursor.key(), cursor.id()), scan.sort(), config.pageSize());
        if (page.isEmpty()) {
            return StepResult.next(Scan.Cursor.startOf(cursor.scan() + 1).toDocument(), Map.of());
        }
        List<ProvidedRow> changed = changedIn(run, page);
        int provided = storage.provide(changed, run.id(), now);
        int related = markRelated(run, run.collection(), changed.stream().map(ProvidedRow::docId).toList(), now);
        Document last = page.get(page.size() - 1);
        Scan.Cursor next = new Scan.Cursor(cursor.scan(), scan.keyOf(last), last.get("_id"));
        return StepResult.next(next.toDocument(), Map.of(RunCount.PROVIDED, provided, RunCount.RELATED, related));
    }

    private List<Scan> scans(ResyncRun run, Date now) {
        return switch (run.mode()) {
            case FULL -> ChangeScans.full();
            case IDS -> ChangeScans.ids(run.ids());
            case INCREMENTAL -> ChangeScans.incremental(run.updatedSince(), ChangeScans.failedBefore(now, config.retryFailedAfter()));
        };
    }

    private List<ProvidedRow> changedIn(ResyncRun run, List<Document> page) {
        Optional<Relation> up = model.parentOf(run.collection());
        Map<String, Document> parents = up.isEmpty() ? Map.of() : documents.byIds(up.get().parent(), page.stream()
                .filter(d -> planner.inherits(run.collection(), d)).map(d -> d.get(up.get().referenceField())).distinct().toList());
        List<ProvidedRow> changed = new ArrayList<>();
        for (Document doc : page) {
            Planner.Plan plan = planner.inherits(run.collection(), doc)
                    ? planner.planInheriting(doc, Optional.ofNullable(parents.get(DocIds.rowKey(up.get().parent(),
                            doc.get(up.get().referenceField())))))
                    : planner.plan(doc, run.force());
            if (plan.changed()) {
                changed.add(new ProvidedRow(run.collection(), doc.get("_id"), plan.reason(), null, run.force()));
            }
        }
        return changed;
    }

    /** Rows for the children (and theirs) that show these documents' images, a page at a time. @return rows upserted */
    private int markRelated(ResyncRun run, String collection, List<Object> parentIds, Date now) {
        if (parentIds.isEmpty()) {
            return 0;
        }
        int marked = 0;
        for (Relation relation : model.childrenOf(collection)) {
            List<Document> chunk = new ArrayList<>();
            try (var children = documents.of(relation.child()).find(Filters.and(Filters.in(relation.referenceField(), parentIds),
                    Documents.noImages())).projection(new Document(relation.referenceField(), 1)).batchSize(config.pageSize()).cursor()) {
                while (children.hasNext()) {
                    chunk.add(children.next());
                    if (chunk.size() == config.pageSize() || !children.hasNext()) {
                        marked += markChildren(run, collection, relation, chunk, now);
                        chunk.clear();
                    }
                }
            }
        }
        return marked;
    }

    private int markChildren(ResyncRun run, String collection, Relation relation, List<Document> children, Date now) {
        List<ProvidedRow> rows = children.stream().map(c -> new ProvidedRow(relation.child(), c.get("_id"), "related",
                DocIds.rowKey(collection, c.get(relation.referenceField())), false)).toList();
        return storage.provide(rows, run.id(), now) + markRelated(run, relation.child(), children.stream().map(c -> c.get("_id")).toList(), now);
    }
}
