package io.mediasync.sourcesync;

import io.mediasync.common.time.Ticker;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ticker a run's deadline is measured on in the tests whose profile selects this alternative: each reading moves
 * it on {@link #STEP}, so time passes with the work done (the scheduler reads it once per SendMessageBatch) and where
 * a run stops is the same on every machine, however loaded.
 */
@Alternative
@Singleton
public class PacedTicker {

    static final Duration STEP = Duration.ofMillis(30);
    private static final AtomicLong NANOS = new AtomicLong();

    /** Where the ticker is, without moving it. */
    static Duration now() {
        return Duration.ofNanos(NANOS.get());
    }

    @Produces
    @Alternative
    @Singleton
    Ticker ticker() {
        return () -> NANOS.addAndGet(STEP.toNanos());
    }
}
