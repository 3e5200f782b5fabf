package io.mediasync.common.failure;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoTimeoutException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {

    private final FailurePolicy policy = FailurePolicy.standard();

    @Test
    void mongoDbUnreachableIsRetriedAsMongoUnavailableByEveryFunction() {
        Failure failure = policy.classify(new MongoTimeoutException("Timed out after 5000 ms while waiting for a server"));

        assertThat(failure).isEqualTo(new Failure("mongo_unavailable", "Timed out after 5000 ms while waiting for a server", true));
    }

    @Test
    void aMappingAddedToThePolicyIsCheckedBeforeTheStandardOnes() {
        FailurePolicy strict = policy.with(UncheckedIOException.class, "disk_full", false);

        assertThat(strict.classify(new UncheckedIOException(new IOException("no space left")))).extracting(Failure::code, Failure::retryable)
                .containsExactly("disk_full", false);
        assertThat(policy.classify(new UncheckedIOException(new IOException("no space left")))).extracting(Failure::code, Failure::retryable)
                .containsExactly("io_error", true);
    }
}
