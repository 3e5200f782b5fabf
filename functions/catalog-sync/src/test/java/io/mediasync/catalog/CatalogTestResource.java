package io.mediasync.catalog;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the function at the fake catalog: http://catalog.test:PORT/api, resolved to loopback by {@link TestResolver}. */
public class CatalogTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        FakeCatalog catalog = FakeCatalog.shared();
        return Map.of("mediasync.catalog.api.url", "http://catalog.test:" + catalog.port() + "/api");
    }

    @Override
    public void stop() {
        // the fake catalog serves every test class of this JVM
    }
}
