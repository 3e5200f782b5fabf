package io.mediasync.catalog.sync;

import io.mediasync.catalog.config.CatalogLimitsConfig;
import io.mediasync.catalog.config.CatalogRunConfig;
import io.mediasync.catalog.config.InvocationConfig;
import io.mediasync.catalog.fetch.CatalogClient;
import io.mediasync.catalog.fetch.CatalogFailure;
import io.mediasync.catalog.fetch.Page;
import io.mediasync.catalog.store.CatalogItem;
import io.mediasync.catalog.store.NewSourceAllowance;
import io.mediasync.catalog.store.RunCounts;
import io.mediasync.catalog.store.RunLease;
import io.mediasync.catalog.store.RunRecords;
import io.mediasync.catalog.store.SeedResult;
import io.mediasync.catalog.store.SourceDisabler;
import io.mediasync.catalog.store.SourceOwnership;
import io.mediasync.catalog.store.SourceWriter;
import io.mediasync.catalog.store.SyncRun;
import io.mediasync.common.failure.Failure;
import io.mediasync.common.failure.FailurePolicy;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.metrics.Metric;
import io.mediasync.common.metrics.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One catalog run: takes the lease, reads the listing page by page, upserts each page into the catalog's own
 * {@code sources} and orders new and moved sources as it goes, disables what a complete listing no longer holds, and
 * stores the result in the seed's shape. An upstream failure is a result ({@code response: "error"}), not an
 * exception; so is a feed over a limit (status {@code refused}: CATALOG_MAX_NEW_SOURCES, CATALOG_MAX_DISABLE_SHARE,
 * lifted by {@code force}). MongoDB trouble midway is recorded (status {@code failed}), the lease released, and thrown
 * (the caller answers 503, SQS retries, the schedule gives its window back and retries).
 */
@ApplicationScoped
public class CatalogSync {

    private static final Logger LOG = Logger.getLogger(CatalogSync.class);

    /** How a run request ended: the run's result, or the id of the run already holding the lease. */
    public record Outcome(String runId, SeedResult result, Optional<String> runningId, RunCounts counts) {
    }

    private final Upstream upstream;
    private final SourceWriter sources;
    private final SourceDisabler disabler;
    private final SourceOwnership ownership;
    private final SyncOrders orders;
    private final RunRecords runs;
    private final RunLease lease;
    private final ItemMapper mapper;
    private final CatalogRunConfig config;
    private final CatalogLimitsConfig limits;
    private final Duration timeMargin;
    private final Clock clock;

    public CatalogSync(Upstream upstream, SourceWriter sources, SourceDisabler disabler, SourceOwnership ownership,
            SyncOrders orders, RunRecords runs, RunLease lease, ItemMapper mapper, CatalogRunConfig config, CatalogLimitsConfig limits,
            InvocationConfig invocation, Clock clock) {
        this.upstream = upstream;
        this.sources = sources;
        this.disabler = disabler;
        this.ownership = ownership;
        this.orders = orders;
        this.runs = runs;
        this.lease = lease;
        this.mapper = mapper;
        this.config = config;
        this.limits = limits;
        this.timeMargin = invocation.timeMargin();
        this.clock = clock;
    }

    /** @param force lifts the feed's share and count limits for this run (an operator's decision) */
    public Outcome run(String runId, SyncRun.Trigger trigger, boolean force, Deadline deadline) {
        Duration ttl = deadline.remaining().plus(timeMargin);
        Optional<String> holder = lease.acquire(runId, trigger, ttl);
        if (holder.isPresent()) {
            LOG.infof("%s run %s not started: run %s is running", trigger.value(), runId, holder.get());
            return new Outcome(runId, SeedResult.error("already_running", holder.get(), clock.instant()), holder, new RunCounts(0));
        }
        MDC.put("runId", runId);
        long started = System.nanoTime();
        RunCounts counts = new RunCounts(limits.recordedSkips());
        try {
            runs.begin(runId, trigger);
            HeapPeak.reset();
            String detail = null;
            SyncRun.Status status;
            SeedResult result;
            try {
                ownership.adoptLegacy();
                Seen seen = new Seen(force || !ownership.ownsAny() ? NewSourceAllowance.unlimited()
                        : new NewSourceAllowance(limits.maxNewSources()));
                boolean complete = list(runId, deadline, ttl, counts, seen);
                if (seen.allowance.exceeded()) {
                    throw CatalogFailure.refused("new_sources_limit", "the listing holds more new sources than CATALOG_MAX_NEW_SOURCES "
                            + limits.maxNewSources() + ": " + counts.notCreated() + " not created, nothing disabled; "
                            + "PATCH /api/syncall?force=true creates them");
                }
                if (complete) {
                    counts.disabled(disabler.disableMissing(seen.ids, force));
                }
                status = SyncRun.Status.OK;
                result = SeedResult.ok(counts.upserted() + " upserted", clock.instant());
            } catch (CatalogFailure f) {
                detail = f.getMessage();
                status = f.refused() ? SyncRun.Status.REFUSED : SyncRun.Status.ERROR;
                LOG.warnf("%s run %s %s (%s) after %d page(s): %s", trigger.value(), runId, f.refused() ? "refused" : "ended in error",
                        f.reason(), counts.pages(), detail);
                result = SeedResult.error(f.reason(), null, clock.instant());
                if (f.reason().equals("not_configured")) { // what to set; no secret is in it
                    ((com.fasterxml.jackson.databind.node.ObjectNode) result.data()).put("message", detail);
                }
            }
            runs.finish(runId, status, result, counts, timings(started), detail);
            LOG.infof("%s run %s: %s %s", trigger.value(), runId, result.response(), counts.totals().toDocument().toJson());
            return new Outcome(runId, result, Optional.empty(), counts);
        } catch (RuntimeException e) {
            recordFailed(runId, trigger, counts, started, e);
            throw e;
        } finally {
            counted(counts);
            release(runId);
            MDC.remove("runId");
        }
    }

    /** A run that broke midway (MongoDB gone, a bug) still ends with a record, if MongoDB lets it: status failed. */
    private void recordFailed(String runId, SyncRun.Trigger trigger, RunCounts counts, long started, RuntimeException e) {
        Failure failure = FailurePolicy.standard().classify(e);
        LOG.errorf("%s run %s failed after %d page(s): %s", trigger.value(), runId, counts.pages(), failure.reason());
        try {
            runs.finish(runId, SyncRun.Status.FAILED, SeedResult.error(failure.code(), null, clock.instant()), counts, timings(started),
                    failure.reason());
        } catch (RuntimeException again) {
            LOG.warnf("run %s: its failure could not be recorded either (%s)", runId, FailurePolicy.standard().classify(again).reason());
        }
    }

    /** What the run did, as metrics: also for a run that broke midway (its pages were read, its writes made). */
    private static void counted(RunCounts counts) {
        Metrics.count(Metric.CATALOG_PAGES, counts.pages());
        Metrics.count(Metric.SOURCES_UPSERTED, counts.upserted());
        Metrics.count(Metric.SOURCES_DISABLED, counts.disabled());
    }

    /** Never hides the run's own exception: a lease that cannot be released expires by itself. */
    private void release(String runId) {
        try {
            lease.release(runId);
        } catch (RuntimeException e) {
            LOG.warnf("run %s: the lease could not be released (%s); it expires by itself", runId, FailurePolicy.standard().classify(e).reason());
        }
    }

    private static SyncRun.Timings timings(long started) {
        return new SyncRun.Timings((System.nanoTime() - started) / 1_000_000, HeapPeak.megabytes());
    }

    /** What one run has seen so far: every listed id (valid or not), whether every item had one, new sources allowed. */
    private static final class Seen {
        final Set<Long> ids = new HashSet<>();
        final NewSourceAllowance allowance;
        boolean everyItemKnown = true;

        Seen(NewSourceAllowance allowance) {
            this.allowance = allowance;
        }
    }

    /** @return whether the listing is complete enough to disable what it does not hold */
    private boolean list(String runId, Deadline deadline, Duration ttl, RunCounts counts, Seen seen) throws CatalogFailure {
        CatalogClient client = upstream.client().orElseThrow(() -> new CatalogFailure("not_configured", upstream.problem()));
        AtomicInteger requests = new AtomicInteger();
        try {
            client.list(deadline, page -> {
                apply(runId, page, counts, seen);
                lease.renew(runId, ttl);
            }, requests);
        } finally {
            counts.requests(requests.get());
        }
        if (!seen.everyItemKnown) {
            LOG.warnf("run %s: some items had no id, so no source is disabled this run", runId);
            return false;
        }
        if (counts.items() == 0) {
            LOG.warnf("run %s: the catalog listed no source; an empty listing disables nothing", runId);
            return false;
        }
        return true;
    }

    private void apply(String runId, Page page, RunCounts counts, Seen seen) {
        counts.page(page.items().size());
        List<CatalogItem> valid = new ArrayList<>();
        for (var node : page.items()) {
            CatalogItem item = mapper.map(node);
            if (item.sourceId() != null) {
                seen.ids.add(item.sourceId());
            } else {
                seen.everyItemKnown = false;
            }
            if (item.valid()) {
                valid.add(item);
            } else {
                counts.invalid(item.sourceId(), "invalid", item.problem());
                LOG.warnf("page %d: an item was not stored (%s)%s", page.number(), item.problem(),
                        item.sourceId() == null ? "" : ", source " + item.sourceId() + " left as it is");
            }
        }
        List<CatalogItem> toOrder = sources.write(valid, counts, seen.allowance);
        if (config.orderNewSources() && !toOrder.isEmpty()) {
            try {
                orders.order(runId, toOrder);
                counts.ordered(toOrder.size());
            } catch (RuntimeException e) {
                // the sources are stored; the scheduler orders them in its next window
                counts.orderFailures(toOrder.size());
                LOG.warnf("run %s: %d sync order(s) to %s not sent: %s", runId, toOrder.size(), orders.queue(), e.getMessage());
            }
        }
    }
}
