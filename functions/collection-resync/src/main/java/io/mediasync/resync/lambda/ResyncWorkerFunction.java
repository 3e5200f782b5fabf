package io.mediasync.resync.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediasync.common.failure.FailureException;
import io.mediasync.common.lambda.Delivery;
import io.mediasync.common.lambda.SqsBatchResponse;
import io.mediasync.common.lambda.SqsEvent;
import io.mediasync.resync.apply.InheritanceTask;
import io.mediasync.resync.run.RunDriver;
import jakarta.inject.Named;

/**
 * Lambda entry point of the work queue: a run's follow-up invocation, {@code {"run_id": …, "seq": n}}, or an applied
 * result still being passed on, {@code {"inherit": <row key>, "token": …, "run_id": …, "seq": n}}.
 */
@Named("collection-resync-worker")
public class ResyncWorkerFunction implements RequestHandler<SqsEvent, SqsBatchResponse> {

    private final RunDriver driver;
    private final InheritanceTask inheritance;
    private final ObjectMapper json;
    private final ResyncBatches batches;

    public ResyncWorkerFunction(RunDriver driver, InheritanceTask inheritance, ObjectMapper json, ResyncBatches batches) {
        this.driver = driver;
        this.inheritance = inheritance;
        this.json = json;
        this.batches = batches;
    }

    @Override
    public SqsBatchResponse handleRequest(SqsEvent event, Context context) {
        return batches.process(event, context, this::handle);
    }

    private void handle(Delivery delivery) throws FailureException {
        JsonNode message;
        try {
            message = json.readTree(delivery.message().body());
        } catch (Exception e) {
            throw FailureException.permanent("not_json", "the message is not JSON");
        }
        if (message == null || !message.path("run_id").isTextual() || !message.path("seq").canConvertToLong()) {
            throw FailureException.permanent("bad_message", "a work message is {\"run_id\": \"…\", \"seq\": n}");
        }
        String runId = message.path("run_id").asText();
        long seq = message.path("seq").asLong();
        delivery.note("runId", runId);
        if (message.has("inherit")) {
            if (!message.path("inherit").isTextual() || !message.path("token").isTextual()) {
                throw FailureException.permanent("bad_message", "an inheritance follow-up names its row (inherit) and token");
            }
            inheritance.resume(message.path("inherit").asText(), message.path("token").asText(), seq, delivery.deadline());
        } else if (driver.advance(runId, seq, delivery.deadline()).isEmpty()) {
            driver.whyNotTaken(runId, seq);
        }
    }
}
