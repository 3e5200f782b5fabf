package io.mediasync.common.lambda;

import java.util.List;

/** Lambda's partial batch response (needs ReportBatchItemFailures on the event source mapping). */
public record SqsBatchResponse(List<ItemFailure> batchItemFailures) {

    public record ItemFailure(String itemIdentifier) {
    }

    public SqsBatchResponse {
        batchItemFailures = batchItemFailures == null ? List.of() : List.copyOf(batchItemFailures);
    }
}
