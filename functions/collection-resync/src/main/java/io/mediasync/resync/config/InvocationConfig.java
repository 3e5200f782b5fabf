package io.mediasync.resync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Time per invocation, and the queues' redrive setting. */
@ConfigMapping(prefix = "mediasync.invocation")
public interface InvocationConfig {

    /** Kept free before Lambda's own timeout to save where the run stopped (INVOCATION_TIME_MARGIN). */
    Duration timeMargin();

    /** The most one invocation works before it continues in a follow-up message (INVOCATION_BUDGET). */
    Duration budget();

    /** A page (or a message) is started only with this much of the invocation left (MESSAGE_TIME_RESERVE). */
    Duration messageReserve();

    /** The most pages (of provide or execute) one invocation does before it continues in a follow-up message. */
    @WithDefault("100000")
    int maxPages();

    /** The queues' maxReceiveCount: the delivery with this count is the last before the DLQ (MAX_RECEIVE_COUNT). */
    int maxReceiveCount();
}
