package io.mediasync.resizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a native build would freeze into the image heap, checked on the JVM in seconds: Quarkus initializes every
 * class at build time except ImageIO's and AWT's packages (quarkus-awt) and the classes this application names in
 * {@code quarkus.native.additional-build-args}. So after the static initializers of the resizer's classes and of
 * TwelveMonkeys' have run, none of their static fields may reach an object of a run-time initialized type (an
 * ImageIO provider, an ImageTypeSpecifier): the builder would stop with "An object of type … was found in the
 * image heap". {@code ./mediasync native-check image-resizer} is the full proof; this test finds the same
 * mistake in every build.
 */
class NativeImageHeapTest {

    /** The packages quarkus-awt initializes at run time (its Feature), with their subclasses. */
    private static final List<String> AWT_RUN_TIME = List.of("javax.imageio.", "java.awt.", "com.sun.imageio.", "sun.awt.",
            "sun.java2d.");

    @Test
    void noClassInitializedAtBuildTimeHoldsAnImageIoOrAwtObject() throws Exception {
        List<String> runTime = new ArrayList<>(AWT_RUN_TIME);
        runTime.addAll(applicationRunTimeClasses());
        List<String> findings = new ArrayList<>();
        List<String> reached;
        try (RecordingLoader probe = new RecordingLoader()) {
            Class.forName("io.mediasync.resizer.imaging.pipeline.HeapProbe", true, probe).getMethod("exercise").invoke(null);
            reached = probe.defined().stream().filter(NativeImageHeapTest::isInspected).map(Class::getName).toList();
        }
        assertThat(reached).as("the classes the decode paths reached")
                .contains("io.mediasync.resizer.imaging.decode.ImageCodecs", "com.twelvemonkeys.imageio.util.ImageTypeSpecifiers");
        // another fresh loader, where those classes are only initialized, as Quarkus initializes them at build time
        try (RecordingLoader build = new RecordingLoader()) {
            for (String name : reached) {
                Class<?> type = Class.forName(name, false, build);
                if (isRunTime(type, runTime)) {
                    continue;
                }
                try {
                    Class.forName(name, true, build);
                } catch (Throwable failed) {
                    continue; // an initializer that fails here fails at build time too, and the builder says so
                }
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                        field.setAccessible(true);
                        String found = reach(field.get(null), runTime, 0, new IdentityHashMap<>());
                        if (found != null) {
                            findings.add(name + "." + field.getName() + " holds " + found);
                        }
                    }
                }
            }
        }

        assertThat(findings).as("static state Quarkus would freeze into the native image heap").isEmpty();
    }

    /** The resizer's main classes (not the tests') and TwelveMonkeys'. */
    private static boolean isInspected(Class<?> type) {
        String name = type.getName();
        if (name.startsWith("com.twelvemonkeys.")) {
            return true;
        }
        String source = type.getProtectionDomain().getCodeSource().getLocation().getPath();
        return name.startsWith("io.mediasync.resizer.") && !source.contains("test-classes");
    }

    /** Loads the test class path afresh (not through the application loader) and remembers what it defined. */
    private static final class RecordingLoader extends URLClassLoader {

        private final List<Class<?>> defined = new ArrayList<>();

        RecordingLoader() {
            // surefire's class path may be a manifest-only jar: URLClassLoader follows its Class-Path
            super(Stream.of(System.getProperty("java.class.path").split(File.pathSeparator)).map(NativeImageHeapTest::url)
                    .toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            Class<?> type = super.findClass(name);
            synchronized (defined) {
                defined.add(type);
            }
            return type;
        }

        List<Class<?>> defined() {
            synchronized (defined) {
                return List.copyOf(defined);
            }
        }
    }

    /** The first object of a run-time initialized type reachable from {@code value}, or null. */
    private static String reach(Object value, List<String> runTime, int depth, Map<Object, Boolean> seen) throws Exception {
        if (value == null || depth > 4 || seen.put(value, true) != null) {
            return null;
        }
        Class<?> type = value.getClass();
        if (isRunTime(type, runTime)) {
            return "a " + type.getName();
        }
        if (type.isArray() && !type.getComponentType().isPrimitive()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                String found = reach(Array.get(value, i), runTime, depth + 1, seen);
                if (found != null) {
                    return found;
                }
            }
        } else if (value instanceof Collection<?> c) {
            for (Object element : c) {
                String found = reach(element, runTime, depth + 1, seen);
                if (found != null) {
                    return found;
                }
            }
        } else if (value instanceof Map<?, ?> m) {
            return reach(new ArrayList<Object>(m.values()), runTime, depth + 1, seen);
        } else if (type.getName().startsWith("io.mediasync.") || type.getName().startsWith("com.twelvemonkeys.")) {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                    field.setAccessible(true);
                    String found = reach(field.get(value), runTime, depth + 1, seen);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    private static boolean isRunTime(Class<?> type, List<String> runTime) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            String name = c.getName();
            if (runTime.stream().anyMatch(p -> p.endsWith(".") ? name.startsWith(p) : name.equals(p))) {
                return true;
            }
        }
        return false;
    }

    /** The classes this package names for run-time initialization in application.properties. */
    private static List<String> applicationRunTimeClasses() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = NativeImageHeapTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        List<String> classes = new ArrayList<>();
        for (String arg : properties.getProperty("quarkus.native.additional-build-args", "").split("(?<!\\\\),")) {
            if (arg.startsWith("--initialize-at-run-time=")) {
                classes.addAll(List.of(arg.substring(arg.indexOf('=') + 1).split("\\\\,")));
            }
        }
        return classes;
    }

    private static URL url(String element) {
        try {
            return Path.of(element).toUri().toURL();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
