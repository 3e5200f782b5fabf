package io.mediasync.common.lambda;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How one invocation spends its time, under the same keys and variables in every function: each function's mapping
 * extends this with {@code @ConfigMapping(prefix = "mediasync.invocation")}. The time margin and the budget differ by
 * function (its timeout and its work), so each mapping writes their defaults; the message reserve and the queues'
 * redrive count are the same everywhere and written here, once.
 */
public interface InvocationSettings {

    /** INVOCATION_TIME_MARGIN: kept free before Lambda's own timeout, to record what was not finished. */
    Duration timeMargin();

    /** The most one invocation works, also the budget where the context has no deadline. */
    Duration budget();

    /** MESSAGE_TIME_RESERVE: a message (or a page) is started only with this much of the invocation left. */
    @WithDefault("${MESSAGE_TIME_RESERVE:PT10S}")
    Duration messageReserve();

    /** MAX_RECEIVE_COUNT: the queues' maxReceiveCount; the delivery with this count is the last before the DLQ. */
    @WithDefault("${MAX_RECEIVE_COUNT:5}")
    int maxReceiveCount();
}
