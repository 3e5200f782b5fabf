package io.mediasync.catalog;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoException;
import io.mediasync.catalog.api.ApiRouter;
import io.mediasync.catalog.config.InvocationConfig;
import io.mediasync.catalog.sync.QueuedRuns;
import io.mediasync.catalog.sync.ScheduledRuns;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.lambda.SqsEvent;
import io.mediasync.common.metrics.Metrics;
import jakarta.inject.Named;
import org.jboss.logging.Logger;

/**
 * The one Lambda entry point of catalog-sync (seed 003), for its three kinds of events, told apart by their shape:
 * an API Gateway HTTP API event (payload 2.0) for PATCH /api/syncall, PATCH /api/syncast and GET /api/synlast; an
 * SQS event from its own run queue (the background runs of syncast); anything else is the schedule's input.
 * Why one handler: quarkus-amazon-lambda-http refuses to build next to any other handler (checked with Quarkus
 * 3.31.1), and a separate HTTP package would duplicate the whole sync. JSON trees in and out (the SQS records are
 * registered for reflection in {@link NativeRegistrations}). Tells the shapes apart itself ({@link Shape}).
 */
@Named("catalog-sync")
public class CatalogSyncFunction implements RequestHandler<JsonNode, JsonNode> {

    private static final Logger LOG = Logger.getLogger(CatalogSyncFunction.class);

    /** What invoked the function, from the event's shape (each source's documented JSON). */
    enum Shape {
        /** API Gateway HTTP API, payload format 2.0: {@code version} "2.0" and {@code requestContext.http}. */
        HTTP,
        /** SQS event source mapping: {@code Records[*].eventSource} "aws:sqs". */
        SQS,
        /** EventBridge Scheduler's input (the template's {@code {"trigger": "schedule"}}), or a manual invoke. */
        SCHEDULE;

        static Shape of(JsonNode event) {
            if (event == null || !event.isObject()) {
                return SCHEDULE;
            }
            if ("2.0".equals(event.path("version").asText()) && event.path("requestContext").path("http").isObject()) {
                return HTTP;
            }
            JsonNode records = event.path("Records");
            if (records.isArray() && !records.isEmpty() && "aws:sqs".equals(records.get(0).path("eventSource").asText())) {
                return SQS;
            }
            return SCHEDULE;
        }
    }

    private final ApiRouter api;
    private final ScheduledRuns scheduled;
    private final QueuedRuns queued;
    private final InvocationConfig config;
    private final ObjectMapper json;

    public CatalogSyncFunction(ApiRouter api, ScheduledRuns scheduled, QueuedRuns queued, InvocationConfig config, ObjectMapper json) {
        this.api = api;
        this.scheduled = scheduled;
        this.queued = queued;
        this.config = config;
        this.json = json;
    }

    @Override
    public JsonNode handleRequest(JsonNode event, Context context) {
        Deadline deadline = Deadline.forInvocation(context, config.timeMargin(), config.budget());
        try {
            return switch (Shape.of(event)) {
                case HTTP -> http(event, deadline);
                case SQS -> json.valueToTree(queued.process(sqsEvent(event), deadline));
                case SCHEDULE -> scheduled.fire(event, deadline);
            };
        } finally {
            Metrics.flush(); // the HTTP and schedule runs' metrics (SqsBatches writes the queue's itself)
        }
    }

    private JsonNode http(JsonNode event, Deadline deadline) {
        try {
            return api.handle(event, deadline).toEventResponse();
        } catch (MongoException e) {
            LOG.errorf("MongoDB unavailable: %s", e.getMessage());
            return api.error(503, "mongo_unavailable", "the run store is unavailable; try again").toEventResponse();
        }
    }

    private SqsEvent sqsEvent(JsonNode event) {
        try {
            return json.treeToValue(event, SqsEvent.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("not an SQS event: " + e.getMessage(), e);
        }
    }
}
