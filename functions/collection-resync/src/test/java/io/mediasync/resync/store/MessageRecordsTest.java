package io.mediasync.resync.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.failure.Failure;
import io.mediasync.common.failure.FailurePolicy.Outcome;
import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.lambda.Delivery;
import io.mediasync.common.lambda.SqsMessage;
import io.mediasync.common.mongo.RecordedError;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** A failed message's record as it is stored, and read back typed; a final failure also on its run. */
class MessageRecordsTest {

    @Test
    void eachFailedAttemptUpdatesOneRecordPerMessage() {
        try (MemoryMongo mongo = new MemoryMongo()) {
            MessageRecords records = new MessageRecords(mongo.db(), MemoryMongo.CONFIG, new Runs(mongo.db(), MemoryMongo.CONFIG,
                    MemoryMongo.CLOCK), MemoryMongo.CLOCK);

            records.record("m-1", "GL_RESYNC_WORK.fifo", "{\"run_id\": \"r\"}", "r", RecordStatus.RETRYING, "run_busy", "busy");
            records.record("m-1", "GL_RESYNC_WORK.fifo", "{\"run_id\": \"r\"}", "r", RecordStatus.DEAD_LETTERED, "run_busy", "busy");

            assertThat(mongo.db().getCollection("resync_messages").find().first()).isEqualTo(Document.parse("{\"_id\": \"m-1\", "
                    + "\"queue\": \"GL_RESYNC_WORK.fifo\", \"body\": \"{\\\"run_id\\\": \\\"r\\\"}\", \"runId\": \"r\", "
                    + "\"status\": \"dead_lettered\", \"error\": {\"code\": \"run_busy\", \"reason\": \"busy\"}, "
                    + "\"at\": {\"$date\": \"2026-12-07T04:00:00Z\"}, \"attempts\": 2, \"createdAt\": {\"$date\": \"2026-12-07T04:00:00Z\"}}"));
            Date at = Date.from(MemoryMongo.NOW);
            assertThat(records.find("m-1")).isEqualTo(new MessageRecord("m-1", "GL_RESYNC_WORK.fifo", "{\"run_id\": \"r\"}", "r",
                    RecordStatus.DEAD_LETTERED, RecordedError.of("run_busy", "busy"), at, 2, at));
        }
    }

    @Test
    void asTheHandlersRecorderOnlyAFinalFailureIsAlsoNotedOnItsRun() {
        try (MemoryMongo mongo = new MemoryMongo()) {
            Runs runs = new Runs(mongo.db(), MemoryMongo.CONFIG, MemoryMongo.CLOCK);
            runs.create(ResyncRun.start("channels-1", "channels", ResyncRun.Mode.INCREMENTAL, ResyncRun.Trigger.MANUAL, false, null,
                    new ResyncRun.Window(null, runs.now()), null, runs.now()));
            MessageRecords records = new MessageRecords(mongo.db(), MemoryMongo.CONFIG, runs, MemoryMongo.CLOCK);
            Delivery delivery = new Delivery(new SqsMessage("m-2", "rh", "{}", null, null, null, "aws:sqs",
                    "arn:aws:sqs:eu-west-1:000000000000:GL_RESYNC_RESULTS", "eu-west-1"), Deadline.none(), false);
            delivery.note("runId", "channels-1");
            Failure failure = Failure.permanent("bad_info", "no sizes");

            records.record(delivery, failure, Outcome.RETRYING);
            assertThat(runs.get("channels-1").orElseThrow().errors()).isEmpty();
            records.record(delivery, failure, Outcome.FAILED);

            assertThat(records.find("m-2").status()).isEqualTo(RecordStatus.FAILED);
            assertThat(records.find("m-2").attempts()).isEqualTo(2);
            List<ResyncRun.RunError> errors = runs.get("channels-1").orElseThrow().errors();
            assertThat(errors).extracting(ResyncRun.RunError::phase).containsExactly("failed GL_RESYNC_RESULTS");
            assertThat(errors.get(0).error().code()).isEqualTo("bad_info");
        }
    }
}
