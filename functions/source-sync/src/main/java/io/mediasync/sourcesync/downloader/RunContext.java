package io.mediasync.sourcesync.downloader;

import io.mediasync.common.contracts.SyncOrder;
import io.mediasync.sourcesync.store.SourceRecord;

/** Everything one invocation of a run needs to know. */
public record RunContext(SyncOrder order, String runId, SourceRecord source, SourceHeaders headers, InvocationBudget budget) {

    public long sourceId() {
        return order.sourceId();
    }
}
