package io.mediasync.catalog.layout;

import io.mediasync.catalog.CatalogSyncFunction;
import io.mediasync.testsupport.PackageCycles;
import org.junit.jupiter.api.Test;

/** Each package reads knowing only those below it (issue 22; docs/architecture.md): no cycle grows back. */
class PackageCyclesTest {

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        PackageCycles.assertNone("io.mediasync.catalog", CatalogSyncFunction.class);
    }
}
