package io.mediasync.sourcesync.fetch;

import io.mediasync.common.net.FetchedBody;

/** A conditional GET's answer: the body, or 304 Not Modified. */
public sealed interface FetchOutcome {

    record Fetched(FetchedBody body) implements FetchOutcome {
    }

    record NotModified() implements FetchOutcome {
    }
}
