package io.mediasync.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import io.mediasync.catalog.config.CatalogRunConfig;
import io.mediasync.catalog.store.RunLease;
import io.mediasync.catalog.store.ScheduleWindow;
import io.mediasync.catalog.store.SyncRun.Trigger;
import io.mediasync.testsupport.time.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * {@code catalog_sync_lease}'s two documents exactly as stored and read back: the run lease (the common lease's
 * {@code leaseHolder}/{@code leaseUntil}) and the schedule's window claim; the lease's time passes on the test clock.
 */
@QuarkusTest
@TestProfile(SyncRunRecordTest.OnTestTime.class)
class RunLeaseRecordTest extends CatalogTestSupport {

    private static final Duration TTL = Duration.ofMinutes(5);

    @Inject
    CatalogRunConfig runConfig;

    @Test
    void aTakenLeaseIsStoredAsThisDocumentAndReadBack() {
        Date now = Date.from(TestTime.CLOCK.instant());
        Date until = Date.from(TestTime.CLOCK.instant().plus(TTL));

        assertThat(lease.acquire("run-1", Trigger.SYNCALL, TTL)).isEmpty();

        assertThat(stored(RunLease.State.ID)).isEqualTo(new Document("_id", "run").append("leaseHolder", "run-1")
                .append("leaseUntil", until).append("trigger", "syncall").append("acquiredAt", now));
        assertThat(lease.current()).contains(new RunLease.State("run-1", until, Trigger.SYNCALL, now));
        assertThat(lease.holder()).contains("run-1");
        assertThat(lease.acquire("run-2", Trigger.SCHEDULE, TTL)).as("the holder's id").contains("run-1");
    }

    @Test
    void aReleasedLeaseKeepsNoHolder() {
        Date now = Date.from(TestTime.CLOCK.instant());
        lease.acquire("run-1", Trigger.SYNCALL, TTL);

        lease.release("run-1");

        assertThat(stored(RunLease.State.ID)).isEqualTo(new Document("_id", "run").append("trigger", "syncall").append("acquiredAt", now));
        assertThat(lease.current()).contains(new RunLease.State(null, null, Trigger.SYNCALL, now));
        assertThat(lease.holder()).isEmpty();
        assertThat(lease.acquire("run-2", Trigger.SCHEDULE, TTL)).isEmpty();
    }

    @Test
    void aLeaseNotRenewedRunsOutWhenItsTimeHasPassed() {
        lease.acquire("run-1", Trigger.SYNCALL, TTL);
        TestTime.CLOCK.advance(TTL.minusMillis(1));
        assertThat(lease.renew("run-1", TTL)).isTrue();
        TestTime.CLOCK.advance(TTL.minusMillis(1));
        assertThat(lease.holder()).as("renewed: still held").contains("run-1");

        TestTime.CLOCK.advance(Duration.ofMillis(2));

        assertThat(lease.holder()).isEmpty();
        assertThat(lease.acquire("run-2", Trigger.SCHEDULE, TTL)).isEmpty();
        assertThat(lease.renew("run-1", TTL)).as("taken over: the old holder cannot renew").isFalse();
        lease.release("run-1");
        assertThat(lease.holder()).as("nor release the new holder's lease").contains("run-2");
    }

    @Test
    void aClaimedWindowIsStoredAsThisDocumentAndReadBack() {
        Date now = Date.from(TestTime.CLOCK.instant());

        assertThat(lease.claimWindow(42)).isTrue();

        assertThat(stored(ScheduleWindow.ID)).isEqualTo(new Document("_id", "schedule-window").append("window", 42L).append("claimedAt", now));
        assertThat(lease.window()).contains(new ScheduleWindow(42L, now));
        assertThat(lease.claimWindow(42)).as("claimed once").isFalse();
        lease.releaseWindow(42);
        assertThat(lease.window()).contains(new ScheduleWindow(null, now));
        assertThat(lease.claimWindow(42)).as("given back: claimed again").isTrue();
    }

    @Test
    void aLeaseHeldWhenThePreviousVersionWasDeployedStaysHeld() {
        Date until = Date.from(TestTime.CLOCK.instant().plus(TTL));
        db.getCollection("catalog_sync_lease").insertOne(new Document("_id", "run").append("runId", "run-0").append("expiresAt", until)
                .append("trigger", "schedule"));
        RunLease afterDeploy = new RunLease(db, runConfig, TestTime.CLOCK); // a new container: renames once

        assertThat(afterDeploy.acquire("run-1", Trigger.SYNCALL, TTL)).contains("run-0");
        assertThat(stored(RunLease.State.ID)).isEqualTo(new Document("_id", "run").append("trigger", "schedule")
                .append("leaseHolder", "run-0").append("leaseUntil", until));
    }

    private Document stored(String id) {
        return db.getCollection("catalog_sync_lease").find(Filters.eq("_id", id)).first();
    }
}
