package io.mediasync.resync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Time per invocation, and the queues' redrive setting. */
@ConfigMapping(prefix = "mediasync.invocation")
public interface InvocationConfig {

    /** Kept free before Lambda's own timeout to save where the run stopped (INVOCATION_TIME_MARGIN). */
    @WithDefault("${INVOCATION_TIME_MARGIN:PT30S}")
    Duration timeMargin();

    /** The most one invocation works before it continues in a follow-up message (INVOCATION_BUDGET). */
    @WithDefault("${INVOCATION_BUDGET:PT10M}")
    Duration budget();

    /** A page (or a message) is started only with this much of the invocation left (MESSAGE_TIME_RESERVE). */
    @WithDefault("${MESSAGE_TIME_RESERVE:PT10S}")
    Duration messageReserve();

    /** The most pages (of provide or execute) one invocation does before it continues in a follow-up message. */
    @WithDefault("100000")
    int maxPages();

    /** The queues' maxReceiveCount: the delivery with this count is the last before the DLQ (MAX_RECEIVE_COUNT). */
    @WithDefault("${MAX_RECEIVE_COUNT:5}")
    int maxReceiveCount();
}
