package io.mediasync.resync.config;

import io.mediasync.common.config.SharedDefaults;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Queue names (or URLs), resolved with GetQueueUrl and cached. */
@ConfigMapping(prefix = "mediasync.queues")
public interface QueuesConfig {

    /** The image resizer's internal order queue (RESIZE_QUEUE, FIFO), which only mediasync's functions may send to. */
    @WithDefault(SharedDefaults.RESIZE_QUEUE)
    String resize();

    /** Where the resizer sends the results (RESYNC_RESULTS_QUEUE): the orders' redirect_queue, read by apply. */
    @WithDefault("${RESYNC_RESULTS_QUEUE:GL_RESYNC_RESULTS}")
    String results();

    /** The re-sync's own FIFO queue of follow-up work (RESYNC_WORK_QUEUE), one message group per run. */
    @WithDefault("${RESYNC_WORK_QUEUE:GL_RESYNC_WORK.fifo}")
    String work();
}
