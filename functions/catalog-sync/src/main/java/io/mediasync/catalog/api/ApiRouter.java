package io.mediasync.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediasync.catalog.config.CatalogHttpConfig;
import io.mediasync.catalog.config.CatalogRunConfig;
import io.mediasync.catalog.store.RunLease;
import io.mediasync.catalog.store.RunRecords;
import io.mediasync.catalog.store.SeedResult;
import io.mediasync.catalog.store.SyncRun;
import io.mediasync.catalog.sync.CatalogSync;
import io.mediasync.catalog.sync.RunQueue;
import io.mediasync.common.lambda.Deadline;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Seed 003's three routes, answered in its JSON. A hand-written router: three fixed routes do not justify an HTTP
 * framework, and quarkus-amazon-lambda-http would not let the same package take the schedule and the run queue.
 * API Gateway only forwards these three routes (template.yaml); anything else gets a JSON 404/405 anyway.
 */
@ApplicationScoped
public class ApiRouter {

    private static final Logger LOG = Logger.getLogger(ApiRouter.class);

    private final CatalogSync sync;
    private final RunRecords runs;
    private final RunLease lease;
    private final RunQueue queue;
    private final CatalogRunConfig config;
    private final CatalogHttpConfig http;
    private final Clock clock;

    public ApiRouter(CatalogSync sync, RunRecords runs, RunLease lease, RunQueue queue, CatalogRunConfig config,
            CatalogHttpConfig http, Clock clock) {
        this.http = http;
        this.sync = sync;
        this.runs = runs;
        this.lease = lease;
        this.queue = queue;
        this.config = config;
        this.clock = clock;
    }

    /** @param deadline the invocation's end: PATCH /api/syncall stops by CATALOG_SYNC_DEADLINE at the latest */
    public HttpAnswer handle(JsonNode event, Deadline deadline) {
        Optional<String> unprotected = CatalogHttpConfig.refusal(http);
        if (unprotected.isPresent()) {
            LOG.errorf("HTTP API refused: %s", unprotected.get());
            return error(503, "not_configured", unprotected.get());
        }
        String method = event.path("requestContext").path("http").path("method").asText("").toUpperCase(Locale.ROOT);
        String path = event.path("rawPath").asText(event.path("requestContext").path("http").path("path").asText(""));
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String route = switch (path) {
            case "/api/syncall", "/api/syncast" -> "PATCH";
            case "/api/synlast" -> "GET";
            default -> null;
        };
        if (route == null) {
            return error(404, "not_found", "no route " + path + " (PATCH /api/syncall, PATCH /api/syncast, GET /api/synlast)");
        }
        if (!route.equals(method)) {
            return error(405, "method_not_allowed", path + " answers " + route + " only");
        }
        LOG.infof("%s %s", method, path);
        JsonNode query = event.path("queryStringParameters");
        if (path.equals("/api/synlast")) {
            return synlast(query.path("count"));
        }
        String force = query.path("force").asText("false");
        if (!force.equals("true") && !force.equals("false")) {
            return error(400, "bad_force", "force must be true or false");
        }
        return path.equals("/api/syncall") ? syncall(deadline, force.equals("true")) : syncast(force.equals("true"));
    }

    /** @param force an operator's decision to apply what the feed's limits refused (CATALOG_MAX_*) */
    private HttpAnswer syncall(Deadline deadline, boolean force) {
        CatalogSync.Outcome outcome = sync.run(SyncRun.newId(clock), SyncRun.Trigger.SYNCALL, force,
                deadline.min(Deadline.in(config.syncDeadline())));
        return new HttpAnswer(outcome.runningId().isPresent() ? 409 : 200, outcome.result().toJson());
    }

    private HttpAnswer syncast(boolean force) {
        Optional<String> running = lease.holder();
        if (running.isPresent()) {
            return new HttpAnswer(200, SeedResult.ok(running.get() + " running", clock.instant()).toJson());
        }
        String runId = SyncRun.newId(clock);
        try {
            queue.cast(runId, force);
        } catch (RuntimeException e) {
            LOG.warnf("syncast: run %s not queued: %s", runId, e.getMessage());
            return error(503, "queue_unavailable", "the run could not be queued; try again");
        }
        return new HttpAnswer(200, SeedResult.ok(runId + " casted", clock.instant()).toJson());
    }

    private HttpAnswer synlast(JsonNode countParam) {
        Integer count = null;
        if (!countParam.isMissingNode() && !countParam.isNull()) {
            String text = countParam.asText().trim();
            if (!text.matches("[0-9]{1,9}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > config.synlastMax()) {
                return error(400, "bad_count", "count must be a whole number from 1 to " + config.synlastMax());
            }
            count = Integer.parseInt(text);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("data", runs.results(count));
        return new HttpAnswer(200, body);
    }

    /** The seed's error shape, plus a {@code message} for people. */
    public HttpAnswer error(int status, String reason, String message) {
        ObjectNode body = SeedResult.error(reason, null, clock.instant()).toJson();
        ((ObjectNode) body.get("data")).put("message", message);
        return new HttpAnswer(status, body);
    }
}
