package io.mediasync.common.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueueNamesTest {

    @Test
    void fifoNamesGetTheirSuffix() {
        assertThat(QueueNames.fifo("GL_SYNC_HTTP_SOURCE_ORDERS")).isEqualTo("GL_SYNC_HTTP_SOURCE_ORDERS.fifo");
        assertThat(QueueNames.fifo("ImageQueue.fifo")).isEqualTo("ImageQueue.fifo");
        assertThat(QueueNames.fifo(" ImageQueue ")).isEqualTo("ImageQueue.fifo");
        assertThat(QueueNames.fifo("https://sqs.us-east-1.amazonaws.com/1/Q")).isEqualTo("https://sqs.us-east-1.amazonaws.com/1/Q.fifo");
    }

    @Test
    void namesAndUrls() {
        assertThat(QueueNames.isUrl("https://sqs.us-east-1.amazonaws.com/1/Q")).isTrue();
        assertThat(QueueNames.isUrl("GL_FILE_DOWNLOADED")).isFalse();
        assertThat(QueueNames.nameOf("https://sqs.us-east-1.amazonaws.com/1/Q.fifo")).isEqualTo("Q.fifo");
        assertThat(QueueNames.nameOf("GL_FILE_DOWNLOADED")).isEqualTo("GL_FILE_DOWNLOADED");
    }
}
