package io.mediasync.common.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedirectQueuesTest {

    /** No SQS client: a name that is not allowed must be answered without any AWS call. */
    private final RedirectQueues queues = new RedirectQueues(new QueueUrls(null),
            List.of("ChannelImages", "GL_THUMBNAILS_READY", "GL_SYNC_HTTP_SOURCE_ORDERS.fifo", "ImageQueue-dlq.fifo", "X-dlq"),
            List.of("GL_SYNC_HTTP_SOURCE_ORDERS.fifo", "ImageQueue.fifo", "GL_FILE_DOWNLOADED"), 100);

    @Test
    void internalQueuesAreDroppedFromTheAllowListWhateverItSays() {
        assertThat(queues.allowed()).containsExactlyInAnyOrder("ChannelImages", "GL_THUMBNAILS_READY");
    }

    @Test
    void aNameNotAllowedIsRefusedWithoutLookingItUp() {
        assertThat(queues.find("GL_SYNC_HTTP_SOURCE_ORDERS.fifo")).isEqualTo(new RedirectQueues.NotAllowed("GL_SYNC_HTTP_SOURCE_ORDERS.fifo"));
        assertThat(queues.find("ImageQueue.fifo")).isInstanceOf(RedirectQueues.NotAllowed.class);
        assertThat(queues.find("SomebodyElsesQueue")).isInstanceOf(RedirectQueues.NotAllowed.class);
        assertThat(queues.find("channelimages")).as("names are case-sensitive in SQS").isInstanceOf(RedirectQueues.NotAllowed.class);
    }

    @Test
    void aUrlIsReducedToItsNameInThisAccount() {
        // a URL of another account names a queue by its last segment; internal names stay refused in any form
        assertThat(queues.find("https://sqs.us-east-1.amazonaws.com/999999999999/GL_FILE_DOWNLOADED"))
                .isEqualTo(new RedirectQueues.NotAllowed("GL_FILE_DOWNLOADED"));
    }
}
