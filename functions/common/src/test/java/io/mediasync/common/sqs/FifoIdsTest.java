package io.mediasync.common.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.hash.Sha256;
import org.junit.jupiter.api.Test;

class FifoIdsTest {

    @Test
    void validGroupIdsAreKeptAndOthersHashed() {
        assertThat(FifoIds.groupId("{\"$oid\":\"6650b2f1c2a4e93b8f0e4a11\"}")).isEqualTo("{\"$oid\":\"6650b2f1c2a4e93b8f0e4a11\"}");
        assertThat(FifoIds.groupId(null)).isEqualTo("mediasync");
        assertThat(FifoIds.groupId("my channel")).isEqualTo(Sha256.hex("my channel")); // a space is not allowed by SQS
        assertThat(FifoIds.groupId("x".repeat(129))).isEqualTo(Sha256.hex("x".repeat(129)));
    }

    @Test
    void deduplicationIdIsTheHashOfTheKeyOrTheBody() {
        assertThat(FifoIds.deduplicationId("k", "{}")).isEqualTo(Sha256.hex("k"));
        assertThat(FifoIds.deduplicationId(null, "{}")).isEqualTo(Sha256.hex("{}"));
    }
}
