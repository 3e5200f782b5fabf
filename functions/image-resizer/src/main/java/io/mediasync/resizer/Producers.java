package io.mediasync.resizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediasync.common.net.FetchConfig;
import io.mediasync.common.net.SafeHttpClient;
import io.mediasync.common.postback.LegacySecretKey;
import io.mediasync.common.postback.PostbackKind;
import io.mediasync.common.postback.PostbackSender;
import io.mediasync.common.secrets.Secrets;
import io.mediasync.common.sqs.QueueUrls;
import io.mediasync.common.sqs.RedirectQueues;
import io.mediasync.resizer.config.PostbackConfig;
import io.mediasync.resizer.delivery.ForPostbacks;
import io.mediasync.resizer.delivery.RedirectSender;
import io.mediasync.resizer.config.ResizerConfig;
import io.mediasync.resizer.imaging.pipeline.ImageProcessor;
import io.mediasync.resizer.imaging.ResizeMode;
import io.mediasync.common.images.SizeSpec;
import io.mediasync.resizer.order.OrderOrigin;
import io.mediasync.resizer.order.OrderParser;
import io.mediasync.resizer.order.OutputFormats;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** Wires the plain classes of mediasync-common and the imaging core from configuration. */
@Singleton
public class Producers {

    /** The configured output sizes, parsed once at start-up so a bad setting fails fast. */
    public record OutputSizes(List<SizeSpec> sizes) {
    }

    @Produces
    @Singleton
    OutputSizes outputSizes(ResizerConfig config) {
        return new OutputSizes(SizeSpec.parseList(config.sizes()));
    }

    @Produces
    @Singleton
    ImageProcessor imageProcessor(ResizerConfig config) {
        if (config.jpegQuality() < 1 || config.jpegQuality() > 100) {
            throw new IllegalArgumentException("mediasync.resizer.jpeg-quality must be 1..100, not " + config.jpegQuality());
        }
        if (config.webpQuality() < 0 || config.webpQuality() > 100) {
            throw new IllegalArgumentException("mediasync.resizer.webp-quality must be 0..100, not " + config.webpQuality());
        }
        return new ImageProcessor(config.maxPixels(), ImageProcessor.DEFAULT_MAX_DECODED_PIXELS,
                ResizeMode.parse(config.mode()), config.jpegQuality() / 100f, config.webpQuality(), true);
    }

    /** Downloads of source images. */
    @Produces
    @Singleton
    @Default
    SafeHttpClient downloads(FetchConfig config) {
        return FetchConfig.client(config, config.readTimeout());
    }

    /** Postbacks: same SSRF guard (the URL comes from the message), their own timeout. */
    @Produces
    @Singleton
    @ForPostbacks
    SafeHttpClient postbacks(FetchConfig config, PostbackConfig postback) {
        return FetchConfig.client(config, postback.timeout());
    }

    void close(@Disposes @Any SafeHttpClient client) throws java.io.IOException {
        client.close();
    }


    /**
     * Public orders: REDIRECT_QUEUES, never an internal queue nor one carrying system-authored results. Internal
     * orders: those and INTERNAL_REDIRECT_QUEUES. Internal queues (orders, events, DLQs) are never a target.
     */
    @Produces
    @Singleton
    RedirectSender.Targets redirectTargets(QueueUrls urls, ResizerConfig config) {
        List<String> publicQueues = List.of(config.redirectQueues().split(","));
        List<String> systemQueues = List.of(config.internalRedirectQueues().split(","));
        List<String> internal = List.of(config.internalQueues().split(","));
        List<String> neverForPublic = new ArrayList<>(internal);
        neverForPublic.addAll(systemQueues);
        List<String> forInternal = new ArrayList<>(publicQueues);
        forInternal.addAll(systemQueues);
        return new RedirectSender.Targets(
                new RedirectQueues(urls, publicQueues, neverForPublic, config.queueListRefreshCalls()),
                new RedirectQueues(urls, forInternal, internal, config.queueListRefreshCalls()));
    }

    @Produces
    @Singleton
    OrderOrigin.Decider orderOrigins(ResizerConfig config) {
        return new OrderOrigin.Decider(config.internalOrderQueues());
    }

    /** Postbacks: each receiver signed with its own secret, derived from POSTBACK_SECRET (or POSTBACK_SECRET_ARN's) and its origin. */
    @Produces
    @Singleton
    PostbackSender postbackSender(@ForPostbacks SafeHttpClient http, PostbackConfig config, Secrets secrets) {
        return new PostbackSender(http, secrets.setting(config.secretsArn(), config.secrets()), PostbackKind.ORDER_RESULT);
    }

    @Produces
    @Singleton
    LegacySecretKey legacySecretKey(PostbackConfig config, Secrets secrets) {
        return new LegacySecretKey(secrets.setting(config.legacySecretArn(), config.legacySecretKey()), config.legacyOrigins());
    }

    @Produces
    @Singleton
    OrderParser orderParser(ObjectMapper json, ResizerConfig config, RedirectSender.Targets targets) {
        return new OrderParser(json, config.defaultBucketName(), targets::allows,
                new OrderOrigin.ReservedBucketNames(config.internalBucketNames()),
                new OutputFormats(OutputFormats.parseSetting(config.formats())));
    }
}
