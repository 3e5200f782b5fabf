package io.mediasync.resync;

import io.mediasync.common.failure.FailurePolicy;
import io.mediasync.resync.config.ResyncConfig;
import io.mediasync.resync.model.Planner;
import io.mediasync.resync.model.ResyncModel;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the plain classes (mediasync-common, the model) from configuration. */
@Singleton
public class Producers {

    /** Parsed at start-up, so a bad RESYNC_COLLECTIONS or RESYNC_RELATIONS fails fast with its reason. */
    @Produces
    @Singleton
    ResyncModel model(ResyncConfig config) {
        return ResyncModel.parse(config.collections(), config.relations());
    }

    @Produces
    @Singleton
    Planner planner(ResyncModel model, ResyncConfig config, Clock clock) {
        return new Planner(model, config.retryFailedAfter(), clock);
    }

    /** The one failure policy (common), injected where the re-sync classifies what broke a step. */
    @Produces
    @Singleton
    FailurePolicy failurePolicy() {
        return FailurePolicy.standard();
    }
}
