package io.mediasync.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.mongo.MongoConfig;
import io.mediasync.common.secrets.SecretsConfig;
import io.mediasync.testsupport.ConfigDocs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/catalog-sync.md's configuration table gives every variable the code reads, with the code's default (the settings every function shares: docs/image-resizer.md). */
class ConfigDocsTest {

    @Test
    void theTableAgreesWithTheMappings() {
        assertThat(ConfigDocs.problems(List.of(Path.of("../../docs/catalog-sync.md"), Path.of("../../docs/image-resizer.md")),
                CatalogApiConfig.class, CatalogHttpConfig.class, CatalogFieldsConfig.class, CatalogLimitsConfig.class,
                CatalogRunConfig.class, InvocationConfig.class, MongoConfig.class, SecretsConfig.class)).isEmpty();
    }
}
