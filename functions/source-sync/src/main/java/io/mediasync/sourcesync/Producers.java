package io.mediasync.sourcesync;

import io.mediasync.common.net.Backoff;
import io.mediasync.common.net.FetchConfig;
import io.mediasync.common.net.HostResolver;
import io.mediasync.common.net.RetryPolicy;
import io.mediasync.common.net.SafeHttpClient;
import io.mediasync.common.postback.PostbackKind;
import io.mediasync.common.postback.PostbackSender;
import io.mediasync.common.secrets.Secrets;
import io.mediasync.common.time.Sleeper;
import io.mediasync.sourcesync.config.NetConfig;
import io.mediasync.sourcesync.config.OrchestratorConfig;
import io.mediasync.sourcesync.config.StorageConfig;
import io.mediasync.sourcesync.downloader.adapter.Adapters;
import io.mediasync.sourcesync.fetch.HostThrottle;
import io.mediasync.sourcesync.fetch.PoliteFetcher;
import io.mediasync.sourcesync.orchestrator.ForPostbacks;
import io.mediasync.sourcesync.orchestrator.ThumbnailSizes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;

/** Wires the plain classes (mediasync-common, the adapters, the throttle) from configuration. */
@Singleton
public class Producers {

    /** Name resolution: the system's; tests replace it with a map to loopback (never real DNS). */
    @Produces
    @Singleton
    HostResolver resolver() {
        return HostResolver.system();
    }

    /** Listings and files: the SSRF guard and the resizer's limits. */
    @Produces
    @Singleton
    @Default
    SafeHttpClient downloads(FetchConfig config, HostResolver resolver) {
        return FetchConfig.client(config, config.readTimeout(), resolver);
    }

    /** Sync postbacks: the same guard (the URL comes from a source), their own timeout. */
    @Produces
    @Singleton
    @ForPostbacks
    SafeHttpClient postbacks(FetchConfig config, OrchestratorConfig orchestrator, HostResolver resolver) {
        return FetchConfig.client(config, orchestrator.postbackTimeout(), resolver);
    }

    void close(@Disposes @Any SafeHttpClient client) throws IOException {
        client.close();
    }

    @Produces
    @Singleton
    PoliteFetcher politeFetcher(SafeHttpClient http, NetConfig net, Clock clock, Sleeper sleeper) {
        return new PoliteFetcher(http, new HostThrottle(net.hostMaxConcurrency(), net.hostMinInterval(), clock, sleeper),
                RetryPolicy.backoff(PoliteFetcher::retriedHere, net.retries(), new Backoff(net.backoffBase(), net.backoffCap()),
                        sleeper, clock));
    }

    @Produces
    @Singleton
    Adapters adapters() {
        return Adapters.standard();
    }

    /** Parsed at start-up, so a bad RESIZE_SIZES fails fast. */
    @Produces
    @Singleton
    ThumbnailSizes thumbnailSizes(StorageConfig storage) {
        return ThumbnailSizes.parse(storage.resizeSizes());
    }

    /** Sync postbacks: each receiver signed with its own secret, derived from POSTBACK_SECRET (or POSTBACK_SECRET_ARN's) and its origin. */
    @Produces
    @Singleton
    PostbackSender postbackSender(@ForPostbacks SafeHttpClient http, OrchestratorConfig config, Secrets secrets) {
        // the orchestrator's postbacks are messages mediasync authors: signed as such, never as an order result
        return new PostbackSender(http, secrets.setting(config.postbackSecretsArn(), config.postbackSecrets()), PostbackKind.SYSTEM_EVENT);
    }

}
