package io.mediasync.sourcesync;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import io.mediasync.sourcesync.messages.ScheduleRequest;
import io.mediasync.sourcesync.messages.ScheduleResult;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * 100,000 enabled sources (mongo-java-server, the devstack's): the scheduler reads the fields it needs a batch at a
 * time, sends 10 orders a call, stops at its deadline (Lambda's remaining time less SCHEDULER_TIME_MARGIN) with a
 * record of where, and the next run continues there; no source is ordered twice. Three runs of 6 s remaining here, the
 * deadline on a {@link PacedTicker} (30 ms per SendMessageBatch), so each run orders exactly 1,490 sources. The figures
 * in docs/benchmarks.md come from the same test run to the end on the real clock ({@code -Dbench.scheduler.runs=100
 * -Dbench.scheduler.remaining-ms=60000}, Lambda's 60 s), where every source is ordered exactly once.
 */
@QuarkusTest
@TestProfile(SchedulerScaleTest.Scale.class)
class SchedulerScaleTest extends SyncTestSupport {

    static final int SOURCES = 100_000;
    static final int RUNS = Integer.getInteger("bench.scheduler.runs", 3);
    /** Lambda's remaining time handed to each run: 6 s, less a margin of a quarter (1.5 s) = 4.5 s of work. */
    static final int REMAINING_MILLIS = Integer.getInteger("bench.scheduler.remaining-ms", 6_000);
    /** Measured on the real clock (docs/benchmarks.md) when the remaining time is given; on a paced ticker otherwise. */
    static final boolean REAL_TIME = System.getProperty("bench.scheduler.remaining-ms") != null;
    /** 4.5 s usable at 30 ms per SendMessageBatch: the 150th look at the deadline finds it passed, after 149 calls of 10. */
    static final int PACED_ORDERS_PER_RUN = 1_490;
    /** Guards a hang only: a run's real duration is the machine's, not the function's deadline. */
    static final int HANG_GUARD_MILLIS = 300_000;

    public static class Scale implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "source-scheduler", "mediasync.scheduler.window-seconds", "315360000",
                    "mediasync.mongo.database", "mediasync_sourcesync_scale");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return REAL_TIME ? Set.of() : Set.of(PacedTicker.class);
        }
    }

    @Inject
    ObjectMapper json;
    @Inject
    @Named("source-scheduler")
    RequestHandler<ScheduleRequest, ScheduleResult> scheduler;

    @Test
    void aHundredThousandSourcesAreOrderedInRunsThatStopAtTheirDeadlineAndContinueWhereTheyStopped() throws Exception {
        long generating = System.nanoTime();
        generate();
        System.out.printf("scheduler: %d sources generated in %d ms%n", SOURCES, (System.nanoTime() - generating) / 1_000_000);
        purge();
        resetHeapPeaks();
        long started = System.nanoTime();
        List<JsonNode> runs = new ArrayList<>(); // each run's answer, as Lambda returns it
        do {
            long runStarted = System.nanoTime();
            Duration ticked = PacedTicker.now();
            JsonNode run = json.valueToTree(CompletableFuture.supplyAsync(() -> scheduler.handleRequest(new ScheduleRequest(null, null),
                    LambdaContexts.remaining(REMAINING_MILLIS))).get(REMAINING_MILLIS + HANG_GUARD_MILLIS, TimeUnit.MILLISECONDS));
            long millis = (System.nanoTime() - runStarted) / 1_000_000; // printed, not asserted: it depends on the machine
            if (!REAL_TIME && run.has("resume_after")) {
                assertThat(PacedTicker.now().minus(ticked).minus(PacedTicker.STEP)).as("from the deadline's start to the look that"
                        + " found it passed: the remaining time less a quarter").isEqualTo(Duration.ofMillis(REMAINING_MILLIS * 3 / 4));
                assertThat(run.path("ordered").asInt()).isEqualTo(PACED_ORDERS_PER_RUN);
            }
            if (run.has("resume_after")) {
                assertThat(collection(mongo, "source_scheduler_state").find().first()).containsEntry("resumeAfter", run.path("resume_after").asLong())
                        .containsEntry("stopped", "deadline");
            }
            if (!runs.isEmpty() && !run.path("source_ids").isEmpty()) {
                assertThat(run.path("source_ids").get(0).asLong()).as("continues after where the last run stopped")
                        .isEqualTo(runs.get(runs.size() - 1).path("resume_after").asLong() + 1);
            }
            runs.add(run);
            System.out.printf("scheduler run %d: %d ordered in %d ms, resume_after %s%n", runs.size(), run.path("ordered").asInt(), millis,
                    run.path("resume_after"));
        } while (runs.get(runs.size() - 1).has("resume_after") && runs.size() < RUNS);
        long totalMillis = (System.nanoTime() - started) / 1_000_000;

        JsonNode last = runs.get(runs.size() - 1);
        int ordered = runs.stream().mapToInt(r -> r.path("ordered").asInt()).sum();
        assertThat(runs.get(0).has("resume_after")).as("100,000 sources do not fit in one run of " + REMAINING_MILLIS + " ms").isTrue();
        assertThat(ordered).isEqualTo(last.has("resume_after") ? last.path("resume_after").asInt() : SOURCES);
        if (!REAL_TIME) {
            assertThat(ordered).isEqualTo(RUNS * PACED_ORDERS_PER_RUN);
        }
        assertThat(collection(mongo, "sources").countDocuments(new Document("lastOrderedWindow", new Document("$exists", true))))
                .isEqualTo(ordered);
        assertThat(queueDepth()).as("one order per source on the queue").isEqualTo(ordered);
        System.out.printf("scheduler: %d of %d sources ordered in %d run(s), %d ms of runs, peak heap %d MB%n", ordered, SOURCES,
                runs.size(), totalMillis, peakHeapMb());
        purge();
    }

    /** Sources 1..N as the catalog writes them (with the catalog's other fields, which the scheduler must not read). */
    private void generate() {
        MongoCollection<Document> sources = collection(mongo, "sources");
        sources.deleteMany(new Document());
        collection(mongo, "source_scheduler_state").deleteMany(new Document());
        List<Document> batch = new ArrayList<>();
        for (int id = 1; id <= SOURCES; id++) {
            batch.add(newSource(id, "https://feeds.example.com/" + id + ".xml", "podcasts/" + id + "/")
                    .append("catalog", new Document("title", "Source " + id).append("description", "d".repeat(400))));
            if (batch.size() == 5_000) {
                sources.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            sources.insertMany(batch);
        }
    }

    private void purge() {
        String url = queueUrl(sqs, ORDERS);
        sqs.purgeQueue(b -> b.queueUrl(url));
    }

    private long queueDepth() {
        String url = queueUrl(sqs, ORDERS);
        return Long.parseLong(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private static void resetHeapPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks (an upper bound of the test JVM's heap, the function's included). */
    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }
}
