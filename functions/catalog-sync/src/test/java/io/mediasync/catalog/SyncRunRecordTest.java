package io.mediasync.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import io.mediasync.catalog.store.RunCounts;
import io.mediasync.catalog.store.RunRecords;
import io.mediasync.catalog.store.SeedResult;
import io.mediasync.catalog.store.SyncRun.Trigger;
import io.mediasync.catalog.store.SyncRun;
import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.testsupport.time.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** A {@code catalog_sync_runs} document exactly as stored, and read back as the {@link SyncRun} it holds. */
@QuarkusTest
@TestProfile(SyncRunRecordTest.OnTestTime.class)
class SyncRunRecordTest extends CatalogTestSupport {

    public static class OnTestTime implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(TestTime.class);
        }
    }

    @Inject
    RunRecords records;

    @Test
    void anEndedRunIsStoredAsThisDocumentAndReadBack() {
        Date now = Date.from(TestTime.CLOCK.instant());
        records.begin("run-1", Trigger.SYNCALL);
        RunCounts counts = new RunCounts(5);
        counts.page(2);
        counts.invalid(7L, "invalid", "no http(s) url");
        counts.requests(1);
        SeedResult result = SeedResult.error("timeout", null, Instant.parse("2020-08-16T11:34:32.630631Z"));

        records.finish("run-1", SyncRun.Status.ERROR, result, counts, new SyncRun.Timings(12, 40), "no answer within 1000 ms");

        Document stored = db.getCollection("catalog_sync_runs").find(Filters.eq("_id", "run-1")).first();
        assertThat(stored).isEqualTo(new Document("_id", "run-1").append("trigger", "syncall").append("status", "error")
                .append("startedAt", now).append("updatedAt", now)
                .append("data", new Document("__exception__", true).append("id", null).append("reason", "timeout"))
                .append("date", "2020-08-16T11:34:32.630631Z").append("response", "error")
                .append("counts", new Document("pages", 1).append("items", 2).append("upserted", 0).append("inserted", 0)
                        .append("updated", 0).append("unchanged", 0).append("invalid", 1).append("foreign", 0).append("notCreated", 0)
                        .append("disabled", 0).append("ordered", 0).append("orderFailures", 0).append("requests", 1))
                .append("skipped", List.of(new Document("source_id", 7L).append("reason", "invalid").append("detail", "no http(s) url")))
                .append("timingsMs", new Document("total", 12L).append("peakHeapMb", 40L)).append("endedAt", now)
                .append("error", new Document("code", "timeout").append("reason", "no answer within 1000 ms")));

        SyncRun expected = new SyncRun("run-1", Trigger.SYNCALL, SyncRun.Status.ERROR, result,
                new SyncRun.Totals(1, 2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1), List.of(new SyncRun.Skip(7L, "invalid", "no http(s) url")),
                new SyncRun.Timings(12, 40), RecordedError.of("timeout", "no answer within 1000 ms"), now, now, now);
        assertThat(SyncRun.read(stored)).isEqualTo(expected);
        assertThat(records.find("run-1")).contains(expected);
    }

    @Test
    void aQueuedRunThatCouldNotRunIsStoredAsThisDocumentAndReadBack() {
        Date now = Date.from(TestTime.CLOCK.instant());

        records.recordFailure("run-2", RecordStatus.RETRYING, "already_running", "run run-1 is running");

        Document stored = db.getCollection("catalog_sync_runs").find(Filters.eq("_id", "run-2")).first();
        assertThat(stored).isEqualTo(new Document("_id", "run-2").append("status", "retrying")
                .append("error", new Document("code", "already_running").append("reason", "run run-1 is running"))
                .append("updatedAt", now).append("trigger", "syncast"));
        assertThat(records.find("run-2")).contains(new SyncRun("run-2", Trigger.SYNCAST, SyncRun.Status.RETRYING, null, null, List.of(), null,
                RecordedError.of("already_running", "run run-1 is running"), null, null, now));
    }
}
