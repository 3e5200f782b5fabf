package io.mediasync.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The collections {@code up} names are the ones the functions write: their default names in the functions' config. */
class BannerTest {

    private static final Pattern COLLECTION = Pattern.compile("@WithDefault\\(\"([a-z_]+)\"\\)\\s+String \\w+Collection\\(\\)");

    @Test
    void theBannersCollectionsAreTheFunctionsCollections() throws IOException {
        List<String> configured;
        try (Stream<Path> files = Files.walk(Repo.root().resolve("functions"))) {
            configured = files.filter(f -> f.toString().contains("/src/main/java/") && f.toString().endsWith("Config.java"))
                    .flatMap(BannerTest::collections).distinct().toList(); // sources: catalog-sync's and source sync's
        }
        assertThat(Banner.COLLECTIONS.keySet()).containsExactlyInAnyOrderElementsOf(configured);
    }

    private static Stream<String> collections(Path config) {
        try {
            Matcher m = COLLECTION.matcher(Files.readString(config));
            return m.results().map(r -> r.group(1)).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
