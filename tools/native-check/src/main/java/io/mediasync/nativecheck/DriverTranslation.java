package io.mediasync.nativecheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * Translates {@code native-image} arguments (as Quarkus passes them) into a {@link BuilderCommand}, doing what the
 * GraalVM driver does before it starts the builder: {@code -J} options to the builder's JVM, API options to hosted
 * options with their origin, {@code -jar} to the class path and main class of its manifest, and every class path
 * entry's {@code META-INF/native-image} metadata ({@code native-image.properties} Args and the JSON configuration
 * files) to options, since the builder does not read them by itself. Written by hand because the driver is not on
 * Maven Central; anything it does not know is a {@link TranslationException}, not a skipped argument.
 */
final class DriverTranslation {

    /** The driver's origin for options given on its command line. */
    static final String COMMAND_LINE = "user";

    private final Path workingDirectory;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> builderOptions = new ArrayList<>();
    private final Set<Path> classpath = new LinkedHashSet<>();
    private final Set<String> nativeAccess = new LinkedHashSet<>();
    private final List<Pattern[]> excludedConfigs = new ArrayList<>();
    private String mainClass;
    private String imageName;

    private DriverTranslation(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** @param workingDirectory where the driver was started: relative paths in {@code args} are resolved there */
    static BuilderCommand translate(List<String> args, Path workingDirectory) {
        DriverTranslation t = new DriverTranslation(workingDirectory);
        t.consume(new ArrayDeque<>(args), COMMAND_LINE);
        // the driver reads the metadata once the exclusions of the whole command line are known
        for (Path entry : List.copyOf(t.classpath)) {
            NativeImageMetadata.walk(entry, t.excludedConfigs, t::applyMetadata);
        }
        if (t.mainClass == null) {
            throw new TranslationException("no main class: neither -jar with a Main-Class nor -H:Class was given");
        }
        if (t.imageName == null) {
            throw new TranslationException("no image name was given");
        }
        return new BuilderCommand(List.copyOf(t.jvmOptions), List.copyOf(t.builderOptions), List.copyOf(t.classpath),
                t.mainClass, t.imageName, List.copyOf(t.nativeAccess));
    }

    private void applyMetadata(NativeImageMetadata.Entry entry) {
        if (entry.javaArgs() != null) {
            jvmOptions.addAll(split(entry.javaArgs()));
        }
        if (entry.args() != null) {
            consume(new ArrayDeque<>(split(entry.args())), entry.origin());
        }
        if (entry.configurationOption() != null) {
            builderOptions.add("-H:" + entry.configurationOption() + "@" + entry.origin() + "+api=" + entry.resource());
        }
    }

    private void consume(Deque<String> args, String origin) {
        while (!args.isEmpty()) {
            String arg = args.poll();
            if (arg.startsWith("-J")) {
                jvmOptions.add(arg.substring(2));
            } else if (arg.startsWith("-D")) {
                jvmOptions.add(arg);
            } else if (arg.startsWith("-H:")) {
                hosted(withOrigin(arg, origin));
            } else if (arg.startsWith("-R:")) {
                builderOptions.add(arg);
            } else if (arg.equals("-jar")) {
                jar(resolve(required(args, arg)));
            } else if (arg.equals("-cp") || arg.equals("-classpath") || arg.equals("--class-path")) {
                Arrays.stream(required(args, arg).split(":")).map(this::resolve).forEach(classpath::add);
            } else if (arg.startsWith("--enable-native-access")) {
                String modules = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : required(args, arg);
                nativeAccess.addAll(Arrays.asList(modules.split(",")));
            } else if (arg.equals("--exclude-config")) {
                excludedConfigs.add(new Pattern[] {Pattern.compile(required(args, arg)), Pattern.compile(required(args, arg))});
            } else if (arg.startsWith("-")) {
                api(arg, args, origin);
            } else if (imageName == null) {
                imageName = arg;
            } else {
                throw new TranslationException("unexpected argument '" + arg + "' from " + origin + " (the image name is " + imageName + ")");
            }
        }
    }

    private void api(String arg, Deque<String> args, String origin) {
        int eq = arg.indexOf('=');
        String name = eq < 0 ? arg : arg.substring(0, eq);
        ApiOptions.Rule rule = ApiOptions.rule(name)
                .orElseThrow(() -> new TranslationException("unknown native-image option '" + arg + "' from " + origin
                        + ": add its translation to ApiOptions (see GraalVM's @APIOption for it)"));
        String value = eq < 0 ? null : arg.substring(eq + 1);
        if (value == null && rule instanceof ApiOptions.Valued v && v.spaceSeparated()) {
            value = required(args, arg);
        }
        hosted(ApiOptions.hosted(name, rule, value, origin));
    }

    private void hosted(String option) {
        if (option.startsWith("-H:Class@") || option.startsWith("-H:Class=")) {
            mainClass = option.substring(option.indexOf('=') + 1);
        } else if (option.startsWith("-H:Name@") || option.startsWith("-H:Name=")) {
            imageName = option.substring(option.indexOf('=') + 1);
        } else {
            builderOptions.add(option);
        }
    }

    /** The manifest's Main-Class, Class-Path (relative to the jar) and Add-Opens/Add-Exports, as the driver reads them. */
    private void jar(Path jar) {
        classpath.add(jar);
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getManifest() == null) {
                throw new TranslationException("no manifest in " + jar);
            }
            Attributes main = file.getManifest().getMainAttributes();
            String manifestOrigin = "manifest from " + jar.toUri();
            if (main.getValue("Main-Class") == null) {
                throw new TranslationException("no Main-Class in the manifest of " + jar);
            }
            mainClass = main.getValue("Main-Class");
            String classPath = main.getValue("Class-Path");
            if (classPath != null) {
                for (String element : classPath.trim().split(" +")) {
                    classpath.add(jar.getParent().resolve(element).normalize());
                }
            }
            moduleAttribute(main.getValue("Add-Opens"), "AddOpens", manifestOrigin);
            moduleAttribute(main.getValue("Add-Exports"), "AddExports", manifestOrigin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    private void moduleAttribute(String value, String option, String origin) {
        if (value == null) {
            return;
        }
        for (String modulePackage : value.trim().split(" +")) {
            builderOptions.add("-H:" + option + "=" + modulePackage + "=ALL-UNNAMED");
        }
    }

    /** {@code -H:Opt=v} from {@code origin} → {@code -H:Opt@origin=v}, as the driver's injectHostedOptionOrigin. */
    static String withOrigin(String option, String origin) {
        int eq = option.indexOf('=');
        String name = eq < 0 ? option : option.substring(0, eq);
        if (name.contains("@")) {
            return option;
        }
        return eq < 0 ? option + "@" + origin : name + "@" + origin + option.substring(eq);
    }

    private Path resolve(String path) {
        return workingDirectory.resolve(path).normalize();
    }

    private static String required(Deque<String> args, String option) {
        String value = args.poll();
        if (value == null) {
            throw new TranslationException(option + " needs a value");
        }
        return value;
    }

    private static List<String> split(String propertyValue) {
        String trimmed = propertyValue.trim();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }

    static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
