package io.mediasync.resync.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.mongo.RecordedError;
import io.mediasync.common.mongo.StoredValue;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class ResyncRunTest {

    static final Date NOW = Date.from(Instant.parse("2026-12-07T04:00:00Z"));
    static final Date FROM = Date.from(Instant.parse("2026-12-06T03:00:00Z"));

    @Test
    void aScheduledRunIsInsertedWithItsWindowAndNothingDoneYet() {
        ResyncRun run = ResyncRun.start("channels@2026-12-07T04:00:00Z", "channels", ResyncRun.Mode.INCREMENTAL,
                ResyncRun.Trigger.SCHEDULE, false, null, new ResyncRun.Window(FROM, NOW), NOW, NOW);

        assertThat(run.toDocument().toJson()).isEqualTo("{\"_id\": \"channels@2026-12-07T04:00:00Z\", \"collection\": \"channels\", "
                + "\"mode\": \"incremental\", \"trigger\": \"schedule\", \"phase\": \"providing\", \"seq\": 0, \"invocations\": 0, "
                + "\"counts\": {}, \"timings\": {\"startedAt\": {\"$date\": \"2026-12-07T04:00:00Z\"}}, "
                + "\"createdAt\": {\"$date\": \"2026-12-07T04:00:00Z\"}, \"updatedAt\": {\"$date\": \"2026-12-07T04:00:00Z\"}, "
                + "\"watermark\": {\"from\": {\"$date\": \"2026-12-06T03:00:00Z\"}, \"to\": {\"$date\": \"2026-12-07T04:00:00Z\"}}, "
                + "\"scheduledTime\": {\"$date\": \"2026-12-07T04:00:00Z\"}}");
        assertThat(ResyncRun.read(run.toDocument())).isEqualTo(run);
    }

    @Test
    void aManualRunOfIdsKeepsItsIdsAndForceAndNoWindow() {
        ResyncRun run = ResyncRun.start("episodes-1", "episodes", ResyncRun.Mode.IDS, ResyncRun.Trigger.MANUAL, true,
                List.of("ep-1", 42), null, null, NOW);

        Document stored = run.toDocument();

        assertThat(stored.getList("ids", Object.class)).containsExactly("ep-1", 42);
        assertThat(stored.getBoolean("force")).isTrue();
        assertThat(stored).doesNotContainKeys("watermark", "scheduledTime", "cursor", "errors", "leaseHolder", "leaseUntil");
        assertThat(ResyncRun.read(stored)).isEqualTo(run);
    }

    @Test
    void aRunAsItsStepsLeftItIsReadWithTypedFields() {
        Document stored = Document.parse("{\"_id\": \"channels-1\", \"collection\": \"channels\", \"mode\": \"full\", "
                + "\"trigger\": \"manual\", \"phase\": \"executing\", \"seq\": {\"$numberLong\": \"3\"}, \"invocations\": 4, "
                + "\"counts\": {\"provided\": 25, \"errors\": {\"$numberLong\": \"1\"}}, "
                + "\"timings\": {\"startedAt\": {\"$date\": \"2026-12-06T03:00:00Z\"}, \"providingEndedAt\": {\"$date\": \"2026-12-07T04:00:00Z\"}}, "
                + "\"cursor\": {\"after\": \"channels|\\\"c9\\\"\"}, \"errors\": [{\"code\": \"mongo_timeout\", \"reason\": \"no answer\", "
                + "\"at\": {\"$date\": \"2026-12-07T04:00:00Z\"}, \"phase\": \"providing\"}], "
                + "\"watermark\": {\"from\": null, \"to\": {\"$date\": \"2026-12-07T04:00:00Z\"}}, "
                + "\"createdAt\": {\"$date\": \"2026-12-06T03:00:00Z\"}, \"updatedAt\": {\"$date\": \"2026-12-07T04:00:00Z\"}, "
                + "\"leaseHolder\": \"3/0f8e\", \"leaseUntil\": {\"$date\": \"2026-12-07T04:00:00Z\"}}");

        ResyncRun run = ResyncRun.read(stored);

        assertThat(run.phase()).isEqualTo(ResyncRun.Phase.EXECUTING);
        assertThat(run.phase().active()).isTrue();
        assertThat(run.mode()).isEqualTo(ResyncRun.Mode.FULL);
        assertThat(run.seq()).isEqualTo(3L);
        assertThat(run.invocations()).isEqualTo(4);
        assertThat(run.counts()).containsExactly(Map.entry("provided", 25L), Map.entry("errors", 1L));
        assertThat(run.count(RunCount.ORDERED)).isZero();
        assertThat(run.timings()).isEqualTo(new ResyncRun.Timings(FROM, NOW, null, null));
        assertThat(run.cursor().getString("after")).isEqualTo("channels|\"c9\"");
        assertThat(run.errors()).containsExactly(new ResyncRun.RunError("providing", new RecordedError("mongo_timeout", "no answer", NOW)));
        assertThat(run.updatedSince()).isNull();
        assertThat(run.watermark().to()).isEqualTo(NOW);
        assertThat(run.leaseHolder()).isEqualTo("3/0f8e");
        assertThat(run.leaseUntil()).isEqualTo(NOW);
    }

    @Test
    void phasesFollowEachOtherAndOnlyProvidingAndExecutingAreAdvancedByAnInvocation() {
        assertThat(ResyncRun.Phase.PROVIDING.next()).isEqualTo(ResyncRun.Phase.EXECUTING);
        assertThat(ResyncRun.Phase.EXECUTING.next()).isEqualTo(ResyncRun.Phase.APPLYING);
        assertThat(ResyncRun.Phase.activeValues()).containsExactly("providing", "executing");
        assertThat(StoredValue.of(ResyncRun.Phase.class, "applying").active()).isFalse();
        assertThat(ResyncRun.Timings.endedAt(ResyncRun.Phase.EXECUTING)).isEqualTo("timings.executingEndedAt");
    }

    @Test
    void countsAreStoredUnderTheRunsCountsInCamelCase() {
        assertThat(RunCount.MOVED_ON.field()).isEqualTo("counts.movedOn");
        assertThat(RunCount.PROVIDED.field()).isEqualTo("counts.provided");
        assertThat(ResyncRun.read(new Document("counts", new Document("movedOn", 2))).count(RunCount.MOVED_ON)).isEqualTo(2L);
    }

    @Test
    void aStepsTallySumsWhatItCountedAndLeavesOutZeros() {
        RunCount.Tally tally = new RunCount.Tally();
        tally.add(RunCount.APPLIED, 2);
        tally.add(RunCount.APPLIED, 1);
        tally.add(RunCount.FAILED, 0);

        assertThat(tally.asMap()).isEqualTo(Map.of(RunCount.APPLIED, 3));
    }

    @Test
    void aWatermarkRecordIsReadAsOne() {
        Document stored = new Document("_id", Runs.Watermark.idOf("channels")).append("to", NOW).append("collection", "channels");

        assertThat(stored.getString("_id")).isEqualTo("watermark:channels");
        assertThat(Runs.Watermark.read(stored)).isEqualTo(new Runs.Watermark("channels", NOW));
    }
}
