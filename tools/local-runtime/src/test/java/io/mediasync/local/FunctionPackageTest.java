package io.mediasync.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.local.template.StackModel.FunctionDef;
import io.mediasync.local.template.StackTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Every function.zip the template names holds what its functions run and no more, and stays small (a Lambda
 * package is downloaded and unpacked at every cold start): checked by listing the zips the build made.
 */
class FunctionPackageTest {

    /**
     * The packages were 52.5 MB; without the unused jars below they are 28.5 MB. Issue 10 asks for 25 MB, which jar
     * exclusions cannot reach: every other jar has classes the functions load (measured with class-load logging
     * over the end-to-end tests: Quarkus itself loads Vert.x, Netty buffers, Jackson's Joda module with joda-time,
     * the Lambda events' S3Event), and even all the jars never loaded (Netty's HTTP/DNS codecs, jctools, code
     * generation annotations: 2.6 MB) would leave 25.9 MB. See docs/benchmarks.md.
     */
    private static final long MAX_BYTES = 30_000_000L;

    /**
     * Jars nothing in the functions runs, kept out by the parent pom: the MongoDB driver's client-side encryption
     * (mongodb-crypt, 21 MB, and its JNA) and Reactor (only the reactive client, unused, calls it).
     */
    private static final List<String> UNUSED = List.of("org.mongodb.mongodb-crypt-", "net.java.dev.jna.", "io.projectreactor.reactor-core-");

    private static List<Path> packages() throws Exception {
        TreeSet<Path> zips = new TreeSet<>();
        for (FunctionDef f : StackTemplate.load(Repo.root().resolve("template.yaml"), LocalOptions.localParameters(),
                "http://127.0.0.1:9324", n -> "x").functions()) {
            zips.add(f.codeUri());
        }
        assertThat(zips).as("function packages named in the template").isNotEmpty();
        for (Path zip : zips) {
            assertThat(zip).as("built by ./mvnw package").isRegularFile();
        }
        return List.copyOf(zips);
    }

    private static List<String> entries(Path zip) throws Exception {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void everyPackageStaysSmall() throws Exception {
        for (Path zip : packages()) {
            assertThat(Files.size(zip)).as(Repo.root().relativize(zip) + " in bytes").isLessThanOrEqualTo(MAX_BYTES);
        }
    }

    @Test
    void noPackageHoldsJarsNothingRuns() throws Exception {
        for (Path zip : packages()) {
            List<String> jars = entries(zip).stream().filter(e -> e.startsWith("lib/") && e.endsWith(".jar")).toList();
            assertThat(jars).as(zip + " has its libraries").isNotEmpty();
            for (String unused : UNUSED) {
                assertThat(jars).as(Repo.root().relativize(zip) + " without " + unused).noneMatch(j -> j.startsWith("lib/" + unused));
            }
        }
    }

    @Test
    void theBenchmarkIsNotInAnyPackage() throws Exception {
        for (Path zip : packages()) {
            assertThat(entries(zip)).as(Repo.root().relativize(zip).toString())
                    .noneMatch(e -> e.contains("/bench/") && e.endsWith(".class"));
        }
    }
}
