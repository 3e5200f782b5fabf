package io.mediasync.common.failure;

import com.mongodb.MongoException;
import io.mediasync.common.secrets.SecretUnavailableException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one mapping from what went wrong to a {@link Failure}: its code, a reason without class names, and
 * whether SQS should deliver the message again. Unknown trouble is retried (and so ends in the DLQ with its
 * reason recorded, redrivable after a fix) rather than dropped; an {@link Error} in one message is a failure
 * of that message only. What then becomes of the message is its {@link Outcome}.
 */
public final class FailurePolicy {

    private record Mapping(Class<? extends Throwable> type, String code, boolean retryable) {
    }

    // every function keeps its records in MongoDB: its being unreachable is met by all, and a later receive may not meet it
    private static final FailurePolicy STANDARD = new FailurePolicy(List.of(new Mapping(MongoException.class, "mongo_unavailable", true)));

    private final List<Mapping> mappings;

    private FailurePolicy(List<Mapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    /**
     * The functions' one policy: mediasync's own failures, MongoDB unreachable ({@code mongo_unavailable}), fetch
     * failures, AWS SDK and I/O trouble, and JVM errors.
     */
    public static FailurePolicy standard() {
        return STANDARD;
    }

    /** The same policy plus one more exception type, checked first. */
    public FailurePolicy with(Class<? extends Throwable> type, String code, boolean retryable) {
        List<Mapping> more = new ArrayList<>();
        more.add(new Mapping(type, code, retryable));
        more.addAll(mappings);
        return new FailurePolicy(more);
    }

    public Failure classify(Throwable t) {
        if (t instanceof ClassifiedFailure f) {
            return f.failure();
        }
        // also when CDI wrapped it (a bean such as the MongoDB client could not be built without its secret)
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (cause instanceof SecretUnavailableException s) {
                return Failure.retryable("secret_unavailable", s.getMessage());
            }
        }
        for (Mapping m : mappings) {
            if (m.type().isInstance(t)) {
                return new Failure(m.code(), Reasons.of(t), m.retryable());
            }
        }
        if (t instanceof ApiCallTimeoutException) { // an AWS call given only the time left before the deadline
            return Failure.retryable("timed_out", "stopped at the invocation's deadline: " + Reasons.of(t));
        }
        if (t instanceof SdkException) {
            return Failure.retryable("aws_unavailable", Reasons.of(t));
        }
        if (t instanceof UncheckedIOException) {
            return Failure.retryable("io_error", Reasons.of(t));
        }
        if (t instanceof InterruptedException) {
            return Failure.retryable("interrupted", "interrupted");
        }
        // Errors are retried too: the message then ends in the DLQ with this reason, and can be redriven once
        // the function has more memory or the bug is fixed.
        if (t instanceof OutOfMemoryError) {
            return Failure.retryable("out_of_memory", "out of memory: " + Reasons.of(t));
        }
        if (t instanceof StackOverflowError) {
            return Failure.retryable("stack_overflow", "stack overflow (input nested too deeply?)");
        }
        return Failure.retryable("internal_error", "internal error: " + Reasons.of(t));
    }

    /** What became of a message that did not finish. */
    public enum Outcome {
        /** Given back to SQS, which delivers it again later. */
        RETRYING(RecordStatus.RETRYING),
        /** Given back on its last receive: SQS moves it to the DLQ next. */
        DEAD_LETTERED(RecordStatus.DEAD_LETTERED),
        /** Finished for good with its reason: retrying cannot help, it is not given back. */
        FAILED(RecordStatus.FAILED);

        private final RecordStatus recordStatus;

        Outcome(RecordStatus recordStatus) {
            this.recordStatus = recordStatus;
        }

        /** The status its record takes. */
        public RecordStatus recordStatus() {
            return recordStatus;
        }

        /** The record status as stored, as docs/image-resizer.md documents it. */
        public String status() {
            return recordStatus.value();
        }
    }
}
