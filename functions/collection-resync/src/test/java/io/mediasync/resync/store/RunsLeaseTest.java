package io.mediasync.resync.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.mongo.Lease;
import io.mediasync.testsupport.time.TestClock;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The run lease on the run record (common's {@link Lease}): one invocation at a time, continuations in order. */
class RunsLeaseTest {

    static final Duration TTL = Duration.ofMinutes(10);

    private final TestClock clock = new TestClock(MemoryMongo.NOW);
    private MemoryMongo mongo;
    private Runs runs;

    @BeforeEach
    void start() {
        mongo = new MemoryMongo();
        runs = new Runs(mongo.db(), MemoryMongo.CONFIG, clock);
        runs.create(ResyncRun.start("channels-1", "channels", ResyncRun.Mode.INCREMENTAL, ResyncRun.Trigger.MANUAL, false, null,
                new ResyncRun.Window(null, runs.now()), null, runs.now()));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    Document stored() {
        return mongo.db().getCollection("resync_runs").find(new Document("_id", "channels-1")).first();
    }

    @Test
    void anInvocationTakesTheRunAndNoOtherCanWhileItHoldsIt() {
        ResyncRun taken = runs.acquire("channels-1", 0, "0/a", TTL).orElseThrow();

        assertThat(taken.leaseHolder()).isEqualTo("0/a");
        assertThat(stored().getString("leaseHolder")).isEqualTo("0/a");
        assertThat(stored().getDate("leaseUntil")).isEqualTo(Date.from(MemoryMongo.NOW.plus(TTL)));
        assertThat(stored().getInteger("invocations")).isOne();
        assertThat(stored()).doesNotContainKey("lease_until");
        assertThat(runs.acquire("channels-1", 0, "0/b", TTL)).isEmpty();
    }

    @Test
    void aHandOverFreesTheRunForItsNextStepOnly() {
        runs.acquire("channels-1", 0, "0/a", TTL).orElseThrow();
        clock.advance(Duration.ofSeconds(60));

        assertThat(runs.handOver("channels-1", "0/a", 1)).isTrue();

        assertThat(stored()).doesNotContainKeys("leaseHolder", "leaseUntil");
        assertThat(stored().getLong("seq")).isEqualTo(1L);
        assertThat(stored().getDate("updatedAt")).isEqualTo(Date.from(clock.instant()));
        assertThat(runs.acquire("channels-1", 0, "0/b", TTL)).as("an overtaken continuation").isEmpty();
        ResyncRun next = runs.acquire("channels-1", 1, "1/c", TTL).orElseThrow();
        assertThat(next.seq()).isEqualTo(1L);
        assertThat(next.invocations()).isEqualTo(2);
    }

    @Test
    void anInvocationWhoseLeaseRanOutAndWasTakenOverCannotHandOverOrReleaseTheRun() {
        runs.acquire("channels-1", 0, "0/a", TTL).orElseThrow();
        clock.advance(TTL.plusSeconds(1));
        runs.acquire("channels-1", 0, "0/b", TTL).orElseThrow(); // the same follow-up, delivered again

        assertThat(runs.handOver("channels-1", "0/a", 1)).isFalse();
        assertThat(runs.release("channels-1", "0/a")).isFalse();

        assertThat(stored().getString("leaseHolder")).isEqualTo("0/b");
        assertThat(stored().getLong("seq")).isZero();
        assertThat(runs.release("channels-1", "0/b")).isTrue();
        assertThat(stored()).doesNotContainKeys("leaseHolder", "leaseUntil");
    }

    @Test
    void onlyAnActiveRunIsTaken() {
        runs.advance("channels-1", ResyncRun.Phase.PROVIDING, ResyncRun.Phase.EXECUTING);
        assertThat(runs.acquire("channels-1", 0, "0/a", TTL)).isPresent();
        runs.release("channels-1", "0/a");
        runs.advance("channels-1", ResyncRun.Phase.EXECUTING, ResyncRun.Phase.APPLYING);

        assertThat(runs.acquire("channels-1", 0, "0/b", TTL)).isEmpty();
        assertThat(stored().getString("phase")).isEqualTo("applying");
    }

    @Test
    void aRunIsStalledOnlyWhenNoInvocationHoldsItAndItHasNotMoved() {
        runs.acquire("channels-1", 0, "0/a", TTL).orElseThrow();
        clock.advance(Duration.ofMinutes(5));
        Date later = runs.now();

        assertThat(runs.stalled("channels", later)).as("held").isEmpty();
        clock.advance(TTL); // the holder died: its lease runs out
        assertThat(runs.stalled("channels", later)).extracting(ResyncRun::id).containsExactly("channels-1");
        assertThat(runs.stalled("channels", Date.from(MemoryMongo.NOW))).as("moved since").isEmpty();
        assertThat(runs.stalled("episodes", later)).isEmpty();
    }
}
