package io.mediasync.common.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.failure.FailurePolicy.Outcome;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecordStatusTest {

    @Test
    void theStoredStringsAreTheOnesOperatorsAndDocsRead() {
        assertThat(Arrays.stream(RecordStatus.values()).map(RecordStatus::value))
                .containsExactly("processing", "done", "rejected", "failed", "retrying", "dead_lettered");
    }

    @Test
    void eachOutcomeIsStoredAsItsRecordStatus() {
        assertThat(Outcome.RETRYING.recordStatus()).isEqualTo(RecordStatus.RETRYING);
        assertThat(Outcome.DEAD_LETTERED.recordStatus()).isEqualTo(RecordStatus.DEAD_LETTERED);
        assertThat(Outcome.FAILED.recordStatus()).isEqualTo(RecordStatus.FAILED);
        assertThat(Arrays.stream(Outcome.values()).map(Outcome::status))
                .containsExactly("retrying", "dead_lettered", "failed");
    }
}
