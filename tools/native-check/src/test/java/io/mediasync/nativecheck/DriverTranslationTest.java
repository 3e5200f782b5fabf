package io.mediasync.nativecheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverTranslationTest {

    @TempDir
    Path dir;

    @Test
    void apiOptionsBecomeHostedOptionsWithTheCommandLineAsTheirOrigin() throws IOException {
        jar("app.jar", Map.of(), "Main-Class", "app.Main");
        BuilderCommand c = DriverTranslation.translate(List.of("--features=a.F,b.G", "--no-fallback", "--link-at-build-time",
                "--initialize-at-run-time=x.Y,z", "--initialize-at-build-time=", "--enable-url-protocols=http,https",
                "--enable-monitoring=heapdump", "--enable-https", "app-runner", "-jar", "app.jar"), dir);

        assertThat(c.builderOptions()).containsExactly(
                "-H:Features@user+api=a.F,b.G",
                "-H:FallbackThreshold@user+api=0",
                "-H:LinkAtBuildTime@user+api=",
                "-H:ClassInitialization@user+api=x.Y:run_time,z:run_time",
                "-H:ClassInitialization@user+api=:build_time",
                "-H:EnableURLProtocols@user+api=http,https",
                "-H:EnableMonitoringFeatures@user+api=heapdump",
                "-H:EnableURLProtocols@user+api=https");
        assertThat(c.imageName()).isEqualTo("app-runner");
    }

    @Test
    void javaOptionsGoToTheBuilderJvmAndHostedOptionsKeepTheirOrderWithAnOrigin() throws IOException {
        jar("app.jar", Map.of(), "Main-Class", "app.Main");
        BuilderCommand c = DriverTranslation.translate(List.of("-J-Dfile.encoding=UTF-8", "-J--add-opens=java.base/java.io=ALL-UNNAMED",
                "-H:+UnlockExperimentalVMOptions", "-H:IncludeLocales=en", "-H:-UnlockExperimentalVMOptions",
                "--enable-native-access=ALL-UNNAMED", "-Dsome.property=1", "app", "-jar", "app.jar"), dir);

        assertThat(c.jvmOptions()).containsExactly("-Dfile.encoding=UTF-8", "--add-opens=java.base/java.io=ALL-UNNAMED", "-Dsome.property=1");
        assertThat(c.builderOptions()).containsExactly("-H:+UnlockExperimentalVMOptions@user", "-H:IncludeLocales@user=en",
                "-H:-UnlockExperimentalVMOptions@user");
        assertThat(c.nativeAccessModules()).containsExactly("ALL-UNNAMED");
    }

    @Test
    void theJarsManifestGivesTheMainClassTheClassPathAndItsModuleOpenings() throws IOException {
        Path lib = jar("lib/dep.jar", Map.of(), "Implementation-Title", "dep");
        Path app = jar("app.jar", Map.of(), "Main-Class", "io.quarkus.runner.GeneratedMain", "Class-Path", "lib/dep.jar lib/missing.jar",
                "Add-Opens", "java.base/java.lang java.base/java.net");

        BuilderCommand c = DriverTranslation.translate(List.of("app", "-jar", "app.jar"), dir);

        assertThat(c.mainClass()).isEqualTo("io.quarkus.runner.GeneratedMain");
        assertThat(c.classpath()).containsExactly(app, lib, dir.resolve("lib/missing.jar"));
        assertThat(c.builderOptions()).containsExactly("-H:AddOpens=java.base/java.lang=ALL-UNNAMED",
                "-H:AddOpens=java.base/java.net=ALL-UNNAMED");
    }

    @Test
    void aLibrarysPropertiesAndConfigurationFilesBecomeOptionsWithTheFileAsTheirOrigin() throws IOException {
        Path lib = jar("lib/dep.jar", Map.of(
                "META-INF/native-image/org.example/dep/native-image.properties",
                "Args = --initialize-at-run-time=org.example.Lazy \\\n  --link-at-build-time -H:+Flag\nJavaArgs = -Dx=1\n",
                "META-INF/native-image/org.example/dep/reflect-config.json", "[]",
                "META-INF/native-image/org.example/dep/reachability-metadata.json", "{}"), "Implementation-Title", "dep");
        jar("app.jar", Map.of(), "Main-Class", "app.Main", "Class-Path", "lib/dep.jar");
        String properties = "jar:" + lib.toUri() + "!/META-INF/native-image/org.example/dep/native-image.properties";

        BuilderCommand c = DriverTranslation.translate(List.of("app", "-jar", "app.jar"), dir);

        assertThat(c.builderOptions()).containsExactly(
                "-H:ClassInitialization@" + properties + "+api=org.example.Lazy:run_time",
                "-H:LinkAtBuildTime@" + properties + "+api=",
                "-H:+Flag@" + properties,
                "-H:ReachabilityMetadataResources@jar:" + lib.toUri()
                        + "!/META-INF/native-image/org.example/dep/reachability-metadata.json+api=META-INF/native-image/org.example/dep/reachability-metadata.json",
                "-H:ReflectionConfigurationResources@jar:" + lib.toUri()
                        + "!/META-INF/native-image/org.example/dep/reflect-config.json+api=META-INF/native-image/org.example/dep/reflect-config.json");
        assertThat(c.jvmOptions()).containsExactly("-Dx=1");
    }

    @Test
    void excludedConfigurationIsNotRead() throws IOException {
        jar("lib/netty.jar", Map.of("META-INF/native-image/io.netty/native-image.properties", "Args = --initialize-at-build-time=io.netty"),
                "Implementation-Title", "netty");
        jar("app.jar", Map.of(), "Main-Class", "app.Main", "Class-Path", "lib/netty.jar");

        BuilderCommand c = DriverTranslation.translate(List.of("--exclude-config", "netty\\.jar", "^/META-INF/native-image/", "app",
                "-jar", "app.jar"), dir);

        assertThat(c.builderOptions()).isEmpty();
    }

    @Test
    void anOptionTheCheckDoesNotKnowStopsItInsteadOfBeingSkipped() throws IOException {
        jar("app.jar", Map.of(), "Main-Class", "app.Main");

        assertThatThrownBy(() -> DriverTranslation.translate(List.of("--some-future-option=1", "app", "-jar", "app.jar"), dir))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("unknown native-image option '--some-future-option=1' from user");
        assertThatThrownBy(() -> DriverTranslation.translate(List.of("--no-fallback=1", "app", "-jar", "app.jar"), dir))
                .isInstanceOf(TranslationException.class).hasMessageContaining("--no-fallback from user takes no value");
        assertThatThrownBy(() -> DriverTranslation.translate(List.of("app", "other", "-jar", "app.jar"), dir))
                .isInstanceOf(TranslationException.class).hasMessageContaining("unexpected argument 'other'");
    }

    /** A jar at {@code name} under the temp folder with these entries and main manifest attributes (name, value…). */
    private Path jar(String name, Map<String, String> entries, String... attributes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        for (int i = 0; i < attributes.length; i += 2) {
            manifest.getMainAttributes().putValue(attributes[i], attributes[i + 1]);
        }
        Path jar = dir.resolve(name);
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                j.putNextEntry(new JarEntry(e.getKey()));
                j.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
        return jar;
    }
}
