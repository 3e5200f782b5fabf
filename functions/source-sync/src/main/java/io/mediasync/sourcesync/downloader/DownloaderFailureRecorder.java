package io.mediasync.sourcesync.downloader;

import io.mediasync.common.failure.Failure;
import io.mediasync.common.failure.FailurePolicy.Outcome;
import io.mediasync.common.lambda.Delivery;
import io.mediasync.common.lambda.FailureRecorder;
import io.mediasync.sourcesync.store.RunStatus;
import io.mediasync.sourcesync.store.SourceStore;
import io.mediasync.sourcesync.store.SyncRuns;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes a sync order's failure on its run and on its source (lastSyncStatus failed, retrying or dead_lettered,
 * with lastError); an order that never reached a source or a run is recorded as not run, keyed by message id.
 */
@ApplicationScoped
public class DownloaderFailureRecorder implements FailureRecorder {

    static final String SOURCE_ID = "sourceId";
    static final String RUN_ID = "runId";

    private final SyncRuns runs;
    private final SourceStore sources;

    public DownloaderFailureRecorder(SyncRuns runs, SourceStore sources) {
        this.runs = runs;
        this.sources = sources;
    }

    @Override
    public void record(Delivery delivery, Failure failure, Outcome outcome) {
        RunStatus status = RunStatus.of(outcome.recordStatus());
        delivery.<String>fact(RUN_ID).ifPresentOrElse(runId -> {
            if (outcome == Outcome.RETRYING) {
                runs.recordRetry(runId, failure.code(), failure.reason());
            } else {
                runs.fail(runId, status, failure.code(), failure.reason());
            }
        }, () -> runs.recordNotRun(delivery.message().messageId(), status, delivery.<Long>fact(SOURCE_ID).orElse(null),
                delivery.message().body(), failure.code(), failure.reason()));
        delivery.<Long>fact(SOURCE_ID).ifPresent(id -> sources.recordFailure(id, outcome.recordStatus(), failure.code(), failure.reason()));
    }
}
