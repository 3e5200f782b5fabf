package io.mediasync.catalog.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.mediasync.catalog.config.CatalogRunConfig;
import io.mediasync.common.failure.RecordStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * {@code catalog_sync_runs}: one document per run, {@code _id} the run id: {@code trigger} (schedule, syncall,
 * syncast), {@code status} (running, ok, error, refused, failed; retrying / dead_lettered for a queued run that
 * could not run), the seed's {@code response}/{@code data}/{@code date}, {@code counts}, {@code skipped} [{source_id, reason,
 * detail}], {@code timingsMs}, {@code error} {reason, detail}, {@code startedAt}, {@code endedAt}. Finished runs expire after CATALOG_RUNS_RETENTION.
 */
@ApplicationScoped
public class RunRecords {

    private final MongoCollection<Document> runs;
    private final long retentionSeconds;
    private final ObjectMapper json;
    private volatile boolean indexed;

    public RunRecords(MongoDatabase db, CatalogRunConfig config, ObjectMapper json) {
        this.runs = db.getCollection(config.runsCollection());
        this.retentionSeconds = config.runsRetention().toSeconds();
        this.json = json;
    }

    public void begin(String runId, String trigger) {
        ensureIndexes();
        Date now = new Date();
        runs.updateOne(Filters.eq("_id", runId), Updates.combine(Updates.setOnInsert("trigger", trigger),
                Updates.set("status", "running"), Updates.set("startedAt", now), Updates.set("updatedAt", now)),
                new UpdateOptions().upsert(true));
    }

    /** @param status ok, error, refused (a feed over a limit) or failed (broke midway: tried again if it was queued) */
    public void finish(String runId, String status, SeedResult result, RunCounts counts, Document timings, String detail) {
        Document set = result.toDocument().append("status", status).append("counts", counts.toDocument())
                .append("skipped", counts.skipped()).append("timingsMs", timings).append("endedAt", new Date())
                .append("updatedAt", new Date());
        if (!result.ok()) {
            set.append("error", new Document("reason", result.data().path("reason").asText()).append("detail", detail));
        }
        // an ok run that was given back before (already_running, MongoDB trouble) keeps no stale error
        runs.updateOne(Filters.eq("_id", runId), result.ok() ? new Document("$set", set).append("$unset", new Document("error", ""))
                : new Document("$set", set));
    }

    /** A queued run that could not run (MongoDB or SQS trouble): its status and reason. */
    public void recordFailure(String runId, RecordStatus status, String code, String reason) {
        ensureIndexes();
        Date now = new Date();
        Document error = new Document("reason", code).append("detail", reason);
        List<org.bson.conversions.Bson> updates = new ArrayList<>(List.of(Updates.set("status", status.value()), Updates.set("error", error),
                Updates.set("updatedAt", now), Updates.setOnInsert("trigger", "syncast")));
        if (status != RecordStatus.RETRYING) {
            updates.add(Updates.set("endedAt", now));
        }
        runs.updateOne(Filters.eq("_id", runId), Updates.combine(updates), new UpdateOptions().upsert(true));
    }

    /** Whether this run already ended with a result (a queued run delivered twice runs once; a failed one runs again). */
    public boolean ended(String runId) {
        return runs.find(Filters.and(Filters.eq("_id", runId), Filters.in("status", "ok", "error", "refused"))).first() != null;
    }

    public Optional<Document> find(String runId) {
        return Optional.ofNullable(runs.find(Filters.eq("_id", runId)).first());
    }

    /** GET /api/synlast: every kept result (or the latest {@code count}), oldest first, in the seed's shape. */
    public ArrayNode results(Integer count) {
        List<Document> found = new ArrayList<>();
        var query = runs.find(Filters.exists("response")).sort(Sorts.descending("endedAt", "_id"));
        (count == null ? query : query.limit(count)).into(found);
        Collections.reverse(found);
        ArrayNode out = json.createArrayNode();
        for (Document run : found) {
            ObjectNode result = out.addObject();
            Object data = run.get("data");
            result.set("data", data instanceof Document d ? tree(d) : json.getNodeFactory().textNode(String.valueOf(data)));
            result.put("date", run.getString("date"));
            result.put("response", run.getString("response"));
        }
        return out;
    }

    private JsonNode tree(Document data) {
        try {
            return json.readTree(data.toJson());
        } catch (Exception e) {
            throw new IllegalStateException("stored result is not JSON", e);
        }
    }

    private void ensureIndexes() {
        if (!indexed) {
            runs.createIndex(Indexes.ascending("endedAt"), new IndexOptions().expireAfter(retentionSeconds, TimeUnit.SECONDS));
            indexed = true;
        }
    }
}
