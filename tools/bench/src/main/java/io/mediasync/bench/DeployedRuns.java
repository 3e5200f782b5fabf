package io.mediasync.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resizer core as a deployed function runs it, each in a fresh JVM of its own (the in-process rows are the JIT's
 * steady state after the warm-up, which no Lambda container reaches on its first images):
 * <ul>
 * <li>{@code lambda-flags}: Lambda's java17/java21 JVM flags (the serial collector, tiered compilation stopped at
 * C1: what the local runtime gives the functions, {@code FunctionProcess}), after the same warm-up: a warm container;
 * <li>{@code lambda-first-N}: the same flags, no warm-up, the first N images of the process: a fresh container
 * (class loading and interpretation included), what every cold start pays;
 * <li>{@code template-first-N}: the template's resizer in JVM mode, Lambda's flags with its {@code JAVA_TOOL_OPTIONS}
 * (read from template.yaml, so the row is what is deployed), the first N images of a fresh container without SnapStart;
 * <li>{@code template-primed-first-N}: the same after SnapStart's priming ({@code HotPathWarmUp}): the first N images
 * after a restore; {@code template-primed-first-1}: the very first, in a process of its own.
 * </ul>
 * The child runs {@link ResizeChild}, which prints the engine's JSON line; PSNR is not measured again (the code and
 * its output are the same, only the JVM differs).
 */
final class DeployedRuns {

    /** Lambda's own JVM flags for java17 and java21 ("Customize Java runtime startup behavior", AWS Lambda docs). */
    static final List<String> LAMBDA_JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

    /** The resizer's JAVA_TOOL_OPTIONS line in template.yaml: {@code JAVA_TOOL_OPTIONS: !If [IsJvm, "…", …]}. */
    private static final Pattern TEMPLATE_OPTIONS = Pattern.compile("JAVA_TOOL_OPTIONS: !If \\[IsJvm, \"([^\"]+)\"");

    private DeployedRuns() {
    }

    /** The warm container's row: Lambda's flags, the benchmark's warm-up and runs. */
    static Optional<EngineResult> lambdaFlags(Path input, ResizeChild.Work work) throws IOException, InterruptedException {
        return child("mediasync-lambda-flags", input, work);
    }

    /** The fresh container's row: Lambda's flags, no warm-up, the first {@code images} images (their mean). */
    static Optional<EngineResult> firstImages(Path input, ResizeChild.Work work, int images) throws IOException, InterruptedException {
        return child("mediasync-lambda-first-" + images, input, first(work, images, false));
    }

    /** The template's JVM mode: a fresh container, then a restored one (primed), each its first {@code images} images. */
    static List<EngineResult> template(Path input, ResizeChild.Work work, int images) throws IOException, InterruptedException {
        List<EngineResult> rows = new ArrayList<>();
        Path template = Path.of(System.getProperty("mediasync.root", "."), "template.yaml");
        Matcher line = TEMPLATE_OPTIONS.matcher(Files.readString(template));
        if (!line.find()) {
            System.err.println("template rows: skipped, no JAVA_TOOL_OPTIONS for JVM mode in " + template);
            return rows;
        }
        List<String> options = List.of(line.group(1).trim().split("\\s+"));
        child("mediasync-template-first-" + images, input, first(work, images, false), options).ifPresent(rows::add);
        child("mediasync-template-primed-first-" + images, input, first(work, images, true), options).ifPresent(rows::add);
        if (images > 1) { // the first order after a restore on its own: the one a user waits for after a deploy
            child("mediasync-template-primed-first-1", input, first(work, 1, true), options).ifPresent(rows::add);
        }
        return rows;
    }

    private static ResizeChild.Work first(ResizeChild.Work work, int images, boolean primed) {
        return new ResizeChild.Work(work.sizes(), work.mode(), work.quality(), work.maxDecodedPixels(), images, 0, true, primed);
    }

    private static Optional<EngineResult> child(String name, Path input, ResizeChild.Work work) throws IOException, InterruptedException {
        return child(name, input, work, List.of());
    }

    /** {@code toolOptions}: after Lambda's flags, so they win as JAVA_TOOL_OPTIONS set on the function do in AWS. */
    private static Optional<EngineResult> child(String name, Path input, ResizeChild.Work work, List<String> toolOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_JVM_FLAGS);
        command.addAll(toolOptions);
        command.add("-Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m"); // the parent's heap (--heap), not a default
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ResizeChild.class.getName());
        command.addAll(work.arguments(input));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0 || out.isEmpty()) {
            System.err.println(name + ": the child JVM failed (exit " + process.exitValue() + ")");
            return Optional.empty();
        }
        String line = out.lines().reduce((a, b) -> b).orElseThrow();
        return Optional.of(new EngineResult(name, Json.number(line, "ms_per_image"), Json.number(line, "cpu_ms_per_image"),
                Json.number(line, "decode_ms"), Json.number(line, "resize_ms"), Json.number(line, "encode_ms"),
                Json.number(line, "peak_heap_mb"), "heap", (int) Json.number(line, "runs"), Map.of()));
    }

    /** The flags this JVM runs with, for the report's header (so a row's configuration is never guessed). */
    static String ownFlags() {
        List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:") || a.startsWith("-Xmx")).toList();
        return flags.isEmpty() ? "the JVM's defaults (G1, C2)" : String.join(" ", flags);
    }
}
