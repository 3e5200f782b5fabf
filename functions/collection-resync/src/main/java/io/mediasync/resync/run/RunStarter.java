package io.mediasync.resync.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.resync.config.ResyncConfig;
import io.mediasync.resync.model.ResyncModel;
import io.mediasync.resync.store.ResyncRun;
import io.mediasync.resync.store.Runs;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Starts runs from a schedule or a manual invoke: one run per collection, recorded in resync_runs with its
 * watermark window, then advanced for as long as the invocation allows. A schedule's run is named after its
 * scheduled time, so a delivery retried by the scheduler resumes it instead of starting a second one.
 */
@ApplicationScoped
public class RunStarter {

    private static final Pattern HEX_ID = Pattern.compile("[0-9a-fA-F]{24}");

    private final ResyncModel model;
    private final Runs runs;
    private final RunDriver driver;
    private final Sweeper sweeper;
    private final ResyncConfig config;

    public RunStarter(ResyncModel model, Runs runs, RunDriver driver, Sweeper sweeper, ResyncConfig config) {
        this.model = model;
        this.runs = runs;
        this.driver = driver;
        this.sweeper = sweeper;
        this.config = config;
    }

    public ResyncRequest.Response start(ResyncRequest request, Deadline deadline) {
        boolean full = Boolean.TRUE.equals(request.full());
        List<String> collections = collections(request, full);
        List<Object> ids = ids(request);
        ResyncRun.Mode mode = ids != null ? ResyncRun.Mode.IDS : full ? ResyncRun.Mode.FULL : ResyncRun.Mode.INCREMENTAL;
        List<String> started = new ArrayList<>();
        for (String collection : collections) {
            sweeper.sweep(collection);
            started.add(create(collection, mode, ids, Boolean.TRUE.equals(request.force()), scheduledTime(request)));
        }
        List<ResyncRequest.Response.Run> answer = new ArrayList<>();
        for (String runId : started) {
            ResyncRun run = runs.get(runId).orElseThrow();
            ResyncRun after = driver.advance(runId, run.seq(), deadline).orElse(run);
            answer.add(new ResyncRequest.Response.Run(runId, after.collection(), after.mode().value(), after.phase().value(),
                    after.counts(), after.phase().active()));
        }
        return new ResyncRequest.Response(answer);
    }

    private String create(String collection, ResyncRun.Mode mode, List<Object> ids, boolean force, Instant scheduled) {
        Date now = runs.now();
        String runId = scheduled != null ? collection + "@" + scheduled
                : collection + "-" + now.toInstant().toString().replaceAll("[-:]|\\.\\d+", "") + "-"
                        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
        ResyncRun.Window window = null;
        if (ids == null) {
            // the updatedAt scan starts at the watermark minus the lookback; none on the first run (the "new" scans cover it)
            Date from = mode == ResyncRun.Mode.FULL ? null : runs.watermark(collection)
                    .map(w -> Date.from(w.toInstant().minus(config.lookback()))).orElse(null);
            window = new ResyncRun.Window(from, now);
        }
        runs.create(ResyncRun.start(runId, collection, mode, scheduled != null ? ResyncRun.Trigger.SCHEDULE : ResyncRun.Trigger.MANUAL,
                force, ids, window, scheduled == null ? null : Date.from(scheduled), now));
        return runId;
    }

    private List<String> collections(ResyncRequest request, boolean full) {
        if (request.collection() == null || request.collection().isBlank()) {
            if (!full) {
                throw new IllegalArgumentException("name a collection (" + String.join(", ", model.names()) + ") or ask for {\"full\": true}");
            }
            return model.names();
        }
        if (!model.has(request.collection())) {
            throw new IllegalArgumentException("unknown collection " + request.collection() + " (known: " + String.join(", ", model.names()) + ")");
        }
        return List.of(request.collection());
    }

    /** The ids of a manual run: strings (a 24-hex one also as an ObjectId), numbers, or Extended JSON values. */
    private List<Object> ids(ResyncRequest request) {
        if (request.ids() == null) {
            return null;
        }
        if (request.collection() == null || request.ids().isEmpty() || request.ids().size() > config.maxIds()) {
            throw new IllegalArgumentException("ids need a collection and 1 to " + config.maxIds() + " ids");
        }
        List<Object> ids = new ArrayList<>();
        for (JsonNode id : request.ids()) {
            if (id.isTextual()) {
                ids.add(id.asText());
                if (HEX_ID.matcher(id.asText()).matches()) {
                    ids.add(new ObjectId(id.asText()));
                }
            } else {
                ids.add(Document.parse("{\"v\": " + id + "}").get("v"));
            }
        }
        return ids;
    }

    /** EventBridge Scheduler's {@code <aws.scheduler.scheduled-time>}; anything else (or nothing) is a manual run. */
    private static Instant scheduledTime(ResyncRequest request) {
        if (request.scheduledTime() == null) {
            return null;
        }
        try {
            return Instant.parse(request.scheduledTime());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
