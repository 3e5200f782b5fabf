package io.mediasync.resizer.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.images.SizeSpec;
import io.mediasync.common.mongo.MongoConfig;
import io.mediasync.common.net.FetchConfig;
import io.mediasync.common.secrets.SecretsConfig;
import io.mediasync.testsupport.ConfigDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/image-resizer.md's configuration table gives every variable the code reads, with the code's default. */
class ConfigDocsTest {

    static final Path DOC = Path.of("../../docs/image-resizer.md");
    static final Class<?>[] MAPPINGS = {ResizerConfig.class, InvocationConfig.class, PostbackConfig.class,
            PrimingConfig.class, MongoConfig.class, SecretsConfig.class, FetchConfig.class};

    @Test
    void theTableAgreesWithTheMappings() {
        assertThat(ConfigDocs.problems(List.of(DOC), MAPPINGS)).isEmpty();
    }

    @Test
    void aDefaultChangedOnOneSideOrAVariableLeftOutIsReported(@TempDir Path dir) throws IOException {
        String page = Files.readString(DOC);
        String row = "| `RESIZE_SIZES` | `" + SizeSpec.DEFAULT_LIST + "` |";
        assertThat(page).contains(row);

        Path changed = Files.writeString(dir.resolve("changed.md"), page.replace(row, "| `RESIZE_SIZES` | `50x50` |"));
        assertThat(ConfigDocs.problems(List.of(changed), MAPPINGS))
                .containsExactly("RESIZE_SIZES: the docs say '50x50', the code '" + SizeSpec.DEFAULT_LIST + "'");

        Path left = Files.writeString(dir.resolve("left.md"), page.replace(row, "| `OTHER` | `x` |"));
        assertThat(ConfigDocs.problems(List.of(left), MAPPINGS)).singleElement().asString()
                .startsWith("RESIZE_SIZES (default '" + SizeSpec.DEFAULT_LIST + "') is in no table");
    }
}
