package io.mediasync.resizer;

import io.mediasync.resizer.Producers.OutputSizes;
import io.mediasync.resizer.config.PrimingConfig;
import io.mediasync.resizer.imaging.pipeline.HotPathWarmUp;
import io.mediasync.resizer.imaging.pipeline.ImageProcessor;
import io.mediasync.resizer.imaging.ImageRejectedException;
import io.mediasync.resizer.order.OrderOrigin;
import io.mediasync.resizer.order.OrderParser;
import io.mediasync.resizer.order.OrderRejectedException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

/**
 * SnapStart priming, for the template's JVM mode (PackageType=jvm, SnapStart on published versions): before
 * Lambda snapshots the initialised function, an order is read and the bundled priming images are resized to every
 * size until the hot loops are compiled by the optimising tier (the template lets the resizer's JVM use C2:
 * JAVA_TOOL_OPTIONS), so the first orders after a restore run at the steady state's speed rather than in the
 * interpreter and C1. Nothing touches the network: connections would not survive a restore. Without SnapStart
 * (native, plain JVM, the local runtime) nothing calls {@link #beforeCheckpoint}; {@link #prime} is the cold start's
 * cheaper warm-up (ResizerWarmup).
 */
@Startup
@ApplicationScoped
public class SnapStartPriming implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);
    private static final int ROUNDS = 3;
    private static final String ORDER = "{\"_id\": {\"$oid\": \"6650b2f1c2a4e93b8f0e4a11\"}, \"image_url\": \"https://priming.invalid/a.jpg\","
            + " \"bucket_name\": \"priming\", \"redirect_queue\": \"ChannelImages\", \"postback_url\": \"https://priming.invalid/p\"}";

    private final ImageProcessor processor;
    private final OutputSizes sizes;
    private final OrderParser parser;
    private final PrimingConfig config;

    public SnapStartPriming(ImageProcessor processor, OutputSizes sizes, OrderParser parser, PrimingConfig config) {
        this.processor = processor;
        this.sizes = sizes;
        this.parser = parser;
        this.config = config;
        Core.getGlobalContext().register(this); // held by the context and by CDI: it lives as long as the function
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        int made = prime(ROUNDS);
        HotPathWarmUp.Result hot;
        try {
            hot = HotPathWarmUp.untilSteady(processor, sizes.sizes(), parser.parse(ORDER, OrderOrigin.PUBLIC).formats(), config.budget());
        } catch (OrderRejectedException | ImageRejectedException e) {
            throw new IllegalStateException("a priming image no longer passes: " + e.getMessage(), e);
        }
        LOG.infof("primed for the snapshot: %d renditions in %d ms, the hot path %s after %d rounds (last %d ms)",
                made + hot.renditions(), (System.nanoTime() - started) / 1_000_000, hot.steady() ? "steady" : "not yet steady (budget spent)",
                hot.rounds(), hot.lastRound().toMillis());
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to reopen: priming opened no connection
    }

    /** @return the renditions made (every size, every round) */
    int prime(int rounds) {
        byte[] sample = HotPathWarmUp.bundled(HotPathWarmUp.SMALL_SAMPLE);
        int made = 0;
        try {
            for (int i = 0; i < rounds; i++) {
                // the formats of an order that names none: WebP's encoder too when RESIZE_FORMATS asks for it
                made += processor.process(sample, sizes.sizes(), parser.parse(ORDER, OrderOrigin.PUBLIC).formats())
                        .renditions().size();
            }
        } catch (OrderRejectedException | ImageRejectedException e) {
            throw new IllegalStateException("the priming sample no longer passes: " + e.getMessage(), e);
        }
        return made;
    }
}
