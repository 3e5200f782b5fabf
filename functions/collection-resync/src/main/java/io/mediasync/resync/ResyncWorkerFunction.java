package io.mediasync.resync;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediasync.common.failure.FailureException;
import io.mediasync.common.failure.FailurePolicy;
import io.mediasync.common.lambda.Delivery;
import io.mediasync.common.lambda.SqsBatchResponse;
import io.mediasync.common.lambda.SqsBatches;
import io.mediasync.common.lambda.SqsEvent;
import io.mediasync.common.lambda.SqsHandler;
import io.mediasync.common.lambda.SqsMessage;
import io.mediasync.resync.apply.InheritanceTask;
import io.mediasync.resync.config.InvocationConfig;
import io.mediasync.resync.run.RunDriver;
import io.mediasync.resync.store.MessageRecords;
import jakarta.inject.Named;

/**
 * Lambda entry point of the work queue: a run's follow-up invocation, {@code {"run_id": …, "seq": n}}, or an applied
 * result still being passed on, {@code {"inherit": <row key>, "token": …, "run_id": …, "seq": n}}.
 */
@Named("collection-resync-worker")
public class ResyncWorkerFunction implements RequestHandler<SqsEvent, SqsBatchResponse>, SqsHandler<ResyncWorkerFunction.Work> {

    /** A work message: {@code inherit} is null unless the message has one; {@code token} is its node, missing or not. */
    record Work(String runId, long seq, JsonNode inherit, JsonNode token) {
    }

    private final RunDriver driver;
    private final InheritanceTask inheritance;
    private final ObjectMapper json;
    private final SqsBatches batches;

    public ResyncWorkerFunction(RunDriver driver, InheritanceTask inheritance, ObjectMapper json, FailurePolicy policy,
            MessageRecords recorder, InvocationConfig invocation) {
        this.driver = driver;
        this.inheritance = inheritance;
        this.json = json;
        this.batches = new SqsBatches(policy, recorder, invocation);
    }

    @Override
    public SqsBatchResponse handleRequest(SqsEvent event, Context context) {
        return batches.process(event, context, this);
    }

    @Override
    public Work parse(SqsMessage sqsMessage) throws FailureException {
        JsonNode message;
        try {
            message = json.readTree(sqsMessage.body());
        } catch (Exception e) {
            throw FailureException.permanent("not_json", "the message is not JSON");
        }
        if (message == null || !message.path("run_id").isTextual() || !message.path("seq").canConvertToLong()) {
            throw FailureException.permanent("bad_message", "a work message is {\"run_id\": \"…\", \"seq\": n}");
        }
        return new Work(message.path("run_id").asText(), message.path("seq").asLong(), message.get("inherit"),
                message.path("token"));
    }

    @Override
    public void handle(Work work, Delivery delivery) throws FailureException {
        delivery.note("runId", work.runId());
        if (work.inherit() != null) {
            if (!work.inherit().isTextual() || !work.token().isTextual()) {
                throw FailureException.permanent("bad_message", "an inheritance follow-up names its row (inherit) and token");
            }
            inheritance.resume(work.inherit().asText(), work.token().asText(), work.seq(), delivery.deadline());
        } else if (driver.advance(work.runId(), work.seq(), delivery.deadline()).isEmpty()) {
            driver.whyNotTaken(work.runId(), work.seq());
        }
    }
}
