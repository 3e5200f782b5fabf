package io.mediasync.nativecheck;

import io.mediasync.local.template.StackModel.FunctionDef;
import io.mediasync.local.template.StackTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./mediasync native-check [function…]}: each function of template.yaml (all when none is named) through
 * the native-image builder with Quarkus' own arguments, up to the object file. One line per function: passed
 * (object file size, methods reachable, time, peak memory) or failed with the builder's error. Functions that
 * share a package are checked once. Exit status 0 only when every one passed.
 */
public final class NativeCheck {

    private static final String USAGE = """
            usage: ./mediasync native-check [options] [function…]

            Runs GraalVM's native-image builder (%s, from Maven Central) on a stock JDK 25 for each function of
            template.yaml (all when none is named), with the arguments Quarkus gives native-image, up to the object
            file; the link to an executable needs GraalVM's static JDK libraries and is not done.

            options:
              --max-heap SIZE       the builder JVM's -Xmx (default 8g)
              --optimize            a fully optimised compile instead of -Ob (slower; same analysis and errors)
              --timeout-minutes N   per package (default 30)
              --jdk DIR             the JDK 25 to run the builder on (default: $NATIVE_CHECK_JDK, else /usr/lib/jvm/*25*)
              -h, --help            this message
            """.formatted(BuilderRun.GRAALVM_VERSION);

    private NativeCheck() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, Path.of(System.getProperty("mediasync.root", ".")).toAbsolutePath().normalize(), System.out));
    }

    static int run(String[] args, Path root, PrintStream out) throws IOException, InterruptedException {
        BuilderRun.Settings settings = BuilderRun.Settings.defaults();
        String jdk = System.getenv("NATIVE_CHECK_JDK");
        List<String> requested = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return 0;
                }
                case "--max-heap" -> settings = new BuilderRun.Settings(value(args, ++i, a), settings.quickBuild(), settings.timeout());
                case "--optimize" -> settings = new BuilderRun.Settings(settings.maxHeap(), false, settings.timeout());
                case "--timeout-minutes" -> settings = new BuilderRun.Settings(settings.maxHeap(), settings.quickBuild(),
                        Duration.ofMinutes(Long.parseLong(value(args, ++i, a))));
                case "--jdk" -> jdk = value(args, ++i, a);
                default -> {
                    if (a.startsWith("-")) {
                        System.err.println("native-check: unknown option " + a + " (see --help)");
                        return 2;
                    }
                    requested.add(a);
                }
            }
        }
        Map<String, List<String>> functionsByModule = functionsByModule(root, requested);
        if (functionsByModule == null) {
            return 2;
        }
        Path sourceJdk = jdk != null ? Path.of(jdk) : findJdk25();
        if (sourceJdk == null) {
            System.err.println("native-check: no JDK 25 found under /usr/lib/jvm: set NATIVE_CHECK_JDK (or --jdk) to a JDK 25 home");
            return 2;
        }
        Path tool = root.resolve("tools/native-check/target");
        Path work = tool.resolve("work");
        Files.createDirectories(work);
        BuilderInstallation installation = new BuilderInstallation(tool.resolve("builder"), work);
        out.println("native-check: preparing the builder on " + sourceJdk + " in " + work);
        installation.prepare(sourceJdk, new ProcessRunner());
        List<String> modules = List.copyOf(functionsByModule.keySet());
        out.println("native-check: recording Quarkus' native-image arguments for " + String.join(", ", modules));
        Path mavenLog = work.resolve("maven-native.log");
        Map<String, QuarkusNativeArguments.Recorded> recorded = QuarkusNativeArguments.record(root, modules, work, mavenLog);
        boolean allPassed = true;
        for (String module : modules) {
            String verdict;
            QuarkusNativeArguments.Recorded args1 = recorded.get(module);
            if (args1 == null) {
                verdict = "FAILED: Quarkus did not reach the native-image step (see " + mavenLog + ")";
            } else {
                verdict = check(args1, installation, settings, work.resolve("out").resolve(Path.of(module).getFileName()));
            }
            allPassed &= verdict.startsWith("passed");
            for (String function : functionsByModule.get(module)) {
                out.printf("native-check: %-28s %s%n", function + " (" + module + ")", verdict);
            }
        }
        return allPassed ? 0 : 1;
    }

    /** The builder's verdict on one recorded package, or the reason its arguments could not be translated. */
    static String check(QuarkusNativeArguments.Recorded recorded, BuilderInstallation installation, BuilderRun.Settings settings,
            Path output) throws IOException, InterruptedException {
        BuilderCommand command;
        try {
            command = DriverTranslation.translate(recorded.args(), recorded.workingDirectory());
        } catch (TranslationException e) {
            return "FAILED: the check cannot translate Quarkus' arguments: " + e.getMessage();
        }
        return new BuilderRun(installation, settings).run(command, recorded.workingDirectory(), output).summary();
    }

    /** Module folder → its functions' names, in template order; null (after saying why) for an unknown name. */
    private static Map<String, List<String>> functionsByModule(Path root, List<String> requested) throws IOException {
        List<FunctionDef> functions = StackTemplate.load(root.resolve("template.yaml"), Map.of(), "http://127.0.0.1",
                name -> "").functions();
        Map<String, List<String>> byModule = new LinkedHashMap<>();
        List<String> known = new ArrayList<>();
        for (FunctionDef f : functions) {
            String name = f.environment().getOrDefault("QUARKUS_LAMBDA_HANDLER", f.name());
            known.add(name);
            if (requested.isEmpty() || requested.contains(name)) {
                Path module = root.relativize(f.codeUri().toAbsolutePath().normalize()).getParent().getParent();
                byModule.computeIfAbsent(module.toString(), k -> new ArrayList<>()).add(name);
            }
        }
        List<String> unknown = requested.stream().filter(r -> !known.contains(r)).toList();
        if (!unknown.isEmpty()) {
            System.err.println("native-check: no function " + String.join(", ", unknown) + " in template.yaml (known: "
                    + String.join(", ", known) + ")");
            return null;
        }
        return byModule;
    }

    /** The first JDK 25 under /usr/lib/jvm (with javap: a JDK, not a JRE), or null. */
    static Path findJdk25() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (Stream<Path> jdks = Files.list(jvms)) {
            for (Path candidate : jdks.sorted().toList()) {
                Path release = candidate.resolve("release");
                if (Files.isRegularFile(release) && Files.readString(release).contains("JAVA_VERSION=\"25")
                        && Files.isExecutable(candidate.resolve("bin/javap"))) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
