package io.mediasync.resync;

import io.mediasync.common.lambda.SqsBatchResponse;
import io.mediasync.common.lambda.SqsEvent;
import io.mediasync.common.lambda.SqsMessage;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The Lambda event and response records live in a plain library: register them for Jackson in native mode.
 * This module's own messages carry {@code @RegisterForReflection} themselves.
 */
@RegisterForReflection(targets = {SqsEvent.class, SqsMessage.class, SqsBatchResponse.class, SqsBatchResponse.ItemFailure.class})
public final class NativeRegistrations {

    private NativeRegistrations() {
    }
}
