package io.mediasync.resync.layout;

import io.mediasync.resync.Producers;
import io.mediasync.testsupport.PackageCycles;
import org.junit.jupiter.api.Test;

/**
 * The re-sync's packages form a line (handlers in the root > run > provide, execute > apply > progress > store >
 * model, config; docs/architecture.md). A cycle between run and the phases was straightened once (issue 22); this
 * keeps it out.
 */
class PackageCyclesTest {

    @Test
    void noPackageOfTheResyncDependsOnItselfThroughAnother() {
        PackageCycles.assertNone("io.mediasync.resync", Producers.class);
    }
}
