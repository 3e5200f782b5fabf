package io.mediasync.resync.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.mongo.MongoConfig;
import io.mediasync.common.secrets.SecretsConfig;
import io.mediasync.testsupport.ConfigDocs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/collection-resync.md's configuration table gives every variable the code reads, with the code's default (the settings every function shares: docs/image-resizer.md). */
class ConfigDocsTest {

    @Test
    void theTableAgreesWithTheMappings() {
        assertThat(ConfigDocs.problems(List.of(Path.of("../../docs/collection-resync.md"), Path.of("../../docs/image-resizer.md")),
                ResyncConfig.class, QueuesConfig.class, InvocationConfig.class, MongoConfig.class, SecretsConfig.class)).isEmpty();
    }
}
