package io.mediasync.resizer;

import io.mediasync.common.lambda.ColdStartWarmup;
import io.mediasync.common.lambda.ColdStartWarmup.Step;
import io.mediasync.common.net.SafeHttpClient;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.sqs.RedirectQueues;
import io.mediasync.resizer.delivery.RedirectSender;
import io.mediasync.resizer.config.InvocationConfig;
import io.mediasync.resizer.store.ImageStore;
import io.quarkus.runtime.ImageMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The resizer's cold-start warm-up (see {@link ColdStartWarmup}), started when init ends: each call the first order
 * makes, made once ahead of it with nothing written (a resized image looked up in S3, the first allowed redirect
 * queue's URL, which is then cached, the download client's TLS built), and on the JVM the sample image resized once so
 * the decoder, resampler and encoder are loaded and compiled while the first order downloads its image. The beans are
 * looked up on the warm-up thread ({@link Instance}), not injected, so that none is built on init's own clock.
 * COLD_START_WARMUP=false turns it off.
 */
@ApplicationScoped
public class ResizerWarmup {

    /** Looked up, never written: no image has this key. */
    static final String ABSENT = "cold-start-warmup";

    private final InvocationConfig config;
    private final Instance<SafeHttpClient> downloads;
    private final Instance<ImageStore> images;
    private final Instance<RedirectSender.Targets> queues;
    private final Instance<SnapStartPriming> priming;

    public ResizerWarmup(InvocationConfig config, Instance<SafeHttpClient> downloads,
            Instance<ImageStore> images, Instance<RedirectSender.Targets> queues, Instance<SnapStartPriming> priming) {
        this.config = config;
        this.downloads = downloads;
        this.images = images;
        this.queues = queues;
        this.priming = priming;
    }

    void onStart(@Observes StartupEvent started) {
        if (config.warmup()) {
            ColdStartWarmup.start("image-resizer", steps());
        }
    }

    /**
     * The slowest first calls first: the order's own thread opens MongoDB at once (it needs it before anything), so
     * the warm-up starts with S3 and stays ahead of the order from there on.
     */
    List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("s3", () -> images.get().find(ABSENT, ABSENT, Deadline.in(Duration.ofSeconds(10)))));
        if (ImageMode.current() != ImageMode.NATIVE_RUN) { // a native executable has nothing to compile
            steps.add(new Step("image code", () -> priming.get().prime(1)));
        }
        steps.add(new Step("sqs", () -> {
            RedirectQueues redirect = queues.get().forPublic();
            redirect.allowed().stream().findFirst().ifPresent(redirect::find);
        }));
        steps.add(new Step("tls", () -> downloads.get().prepareTls())); // for images served over https
        return steps;
    }
}
