package io.mediasync.common.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.hash.Sha256;
import org.junit.jupiter.api.Test;

class QueueSenderFifoIdsTest {

    @Test
    void validGroupIdsAreKeptAndOthersHashed() {
        assertThat(QueueSender.groupId("{\"$oid\":\"6650b2f1c2a4e93b8f0e4a11\"}")).isEqualTo("{\"$oid\":\"6650b2f1c2a4e93b8f0e4a11\"}");
        assertThat(QueueSender.groupId(null)).isEqualTo("mediasync");
        assertThat(QueueSender.groupId("my channel")).isEqualTo(Sha256.hex("my channel")); // a space is not allowed by SQS
        assertThat(QueueSender.groupId("x".repeat(129))).isEqualTo(Sha256.hex("x".repeat(129)));
    }

    @Test
    void deduplicationIdIsTheHashOfTheKeyOrTheBody() {
        assertThat(QueueSender.deduplicationId("k", "{}")).isEqualTo(Sha256.hex("k"));
        assertThat(QueueSender.deduplicationId(null, "{}")).isEqualTo(Sha256.hex("{}"));
    }
}
