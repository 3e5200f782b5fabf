package io.mediasync.common.failure;

/**
 * A throwable that classifies itself: {@link FailurePolicy} takes its {@link Failure} as it is. Both mediasync's own
 * failures ({@link FailureException}) and the HTTP client's ({@code net.FetchException}, an IOException) are such, so
 * the policy names neither package's types and {@code failure} stays below {@code net}.
 */
public interface ClassifiedFailure {

    /** Its code, its reason and whether a retry may help. */
    Failure failure();
}
