package io.mediasync.nativecheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A class path entry's {@code META-INF/native-image/**} files, in the driver's order: every
 * {@code native-image.properties} first, then each kind of JSON configuration. The builder only reads what the
 * driver passes it, so a library's registrations and initialization rules count only through this walk.
 */
final class NativeImageMetadata {

    static final String ROOT = "META-INF/native-image/";
    static final String PROPERTIES = "native-image.properties";

    /** JSON configuration files by name, and the hosted option that names them (GraalVM's MetaInfFileType). */
    private static final List<Map.Entry<String, String>> CONFIGURATIONS = List.of(
            Map.entry("reachability-metadata.json", "ReachabilityMetadataResources"),
            Map.entry("jni-config.json", "JNIConfigurationResources"),
            Map.entry("reflect-config.json", "ReflectionConfigurationResources"),
            Map.entry("resource-config.json", "ResourceConfigurationResources"),
            Map.entry("proxy-config.json", "DynamicProxyConfigurationResources"),
            Map.entry("serialization-config.json", "SerializationConfigurationResources"),
            Map.entry("predefined-classes-config.json", "PredefinedClassesConfigurationResources"));

    /**
     * One metadata file: a properties file's {@code args}/{@code javaArgs}, or a JSON file's {@code resource} path
     * and the {@code configurationOption} that takes it; {@code origin} is its URI, as the driver names it.
     */
    record Entry(String origin, String resource, String args, String javaArgs, String configurationOption) {
    }

    private NativeImageMetadata() {
    }

    static void walk(Path classpathEntry, List<Pattern[]> excluded, Consumer<Entry> consumer) {
        if (!Files.exists(classpathEntry)) {
            return; // the driver tolerates a missing Class-Path element too
        }
        List<String> resources = resources(classpathEntry).stream()
                .filter(r -> r.startsWith(ROOT))
                .filter(r -> excluded.stream().noneMatch(p -> p[0].matcher(classpathEntry.toString()).find()
                        && p[1].matcher("/" + r).find()))
                .sorted(Comparator.naturalOrder())
                .toList();
        for (String resource : resources) {
            if (fileName(resource).equals(PROPERTIES)) {
                Properties properties = load(classpathEntry, resource);
                String dir = resource.substring(0, resource.lastIndexOf('/'));
                consumer.accept(new Entry(origin(classpathEntry, resource), resource,
                        substitute(properties.getProperty("Args"), dir), substitute(properties.getProperty("JavaArgs"), dir), null));
            }
        }
        for (Map.Entry<String, String> kind : CONFIGURATIONS) {
            for (String resource : resources) {
                if (fileName(resource).equals(kind.getKey())) {
                    consumer.accept(new Entry(origin(classpathEntry, resource), resource, null, null, kind.getValue()));
                }
            }
        }
    }

    /** {@code ${.}}: the properties file's own folder, the one substitution the libraries we package use. */
    private static String substitute(String value, String dir) {
        return value == null ? null : value.replace("${.}", dir);
    }

    private static String origin(Path classpathEntry, String resource) {
        String base = classpathEntry.toUri().toString();
        return Files.isDirectory(classpathEntry) ? base + resource : "jar:" + base + "!/" + resource;
    }

    private static String fileName(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    private static List<String> resources(Path classpathEntry) {
        try {
            if (Files.isDirectory(classpathEntry)) {
                Path root = classpathEntry.resolve(ROOT);
                if (!Files.isDirectory(root)) {
                    return List.of();
                }
                try (Stream<Path> files = Files.walk(root)) {
                    return files.filter(Files::isRegularFile)
                            .map(p -> classpathEntry.relativize(p).toString().replace('\\', '/')).toList();
                }
            }
            try (JarFile jar = new JarFile(classpathEntry.toFile())) {
                List<String> names = new ArrayList<>();
                jar.stream().filter(e -> !e.isDirectory()).map(JarEntry::getName).forEach(names::add);
                return names;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class path entry " + classpathEntry, e);
        }
    }

    private static Properties load(Path classpathEntry, String resource) {
        Properties properties = new Properties();
        try {
            if (Files.isDirectory(classpathEntry)) {
                try (InputStream in = Files.newInputStream(classpathEntry.resolve(resource))) {
                    properties.load(in);
                }
            } else {
                try (JarFile jar = new JarFile(classpathEntry.toFile()); InputStream in = jar.getInputStream(jar.getEntry(resource))) {
                    properties.load(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " in " + classpathEntry, e);
        }
        return properties;
    }
}
