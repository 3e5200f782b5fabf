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
     * Issue 10: at most 25 MiB (25 * 1024 * 1024 bytes) per package. They were 52.5 MB, 28.5 MB without the
     * MongoDB driver's encryption; the plain synchronous driver instead of quarkus-mongodb-client took out the
     * reactive stack (Vert.x, Netty, Mutiny) that only its reactive client used. See docs/benchmarks.md.
     */
    private static final long MAX_BYTES = 25L * 1024 * 1024;

    /**
     * Jars nothing in the functions runs: the MongoDB driver's client-side encryption (mongodb-crypt, 21 MB, and
     * its JNA) and Reactor (optional dependencies of the driver), and the reactive stack quarkus-mongodb-client
     * brought (Vert.x, Netty, Mutiny's Vert.x and reactive-streams bindings, context propagation, the TLS
     * registry): the functions call the synchronous driver only. Mutiny itself (and its jctools) stays: ArC uses
     * it. Names as in lib/, where Quarkus prefixes a jar it rewrote with "modified-".
     */
    private static final List<String> UNUSED = List.of("org.mongodb.mongodb-crypt-", "net.java.dev.jna.", "io.projectreactor.reactor-core-",
            "io.quarkus.quarkus-mongodb-client-", "org.mongodb.mongodb-driver-reactivestreams-", "io.vertx.", "io.netty.",
            "io.smallrye.reactive.smallrye-mutiny-vertx-", "io.smallrye.reactive.vertx-mutiny-generator-",
            "io.smallrye.reactive.mutiny-reactive-streams-operators-", "io.smallrye.reactive.mutiny-smallrye-context-propagation-",
            "io.smallrye.smallrye-context-propagation", "io.quarkus.quarkus-vertx-", "io.quarkus.quarkus-netty-",
            "io.quarkus.quarkus-mutiny-", "io.quarkus.quarkus-tls-registry-");

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
            List<String> jars = entries(zip).stream().filter(e -> e.startsWith("lib/") && e.endsWith(".jar"))
                    .map(e -> e.replaceFirst("^lib/(modified-)?", "")).toList();
            assertThat(jars).as(zip + " has its libraries").isNotEmpty();
            for (String unused : UNUSED) {
                assertThat(jars).as(Repo.root().relativize(zip) + " without " + unused).noneMatch(j -> j.startsWith(unused));
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
