package io.mediasync.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The peers, each at its best and each doing the same work as ours in its own process: Pillow through
 * {@code bench/pillow_resize.py}, libvips in-process through {@code bench/vips_resize.c} (compiled here against the
 * installed libvips). Both print one JSON line of the same fields and leave their last outputs in a directory.
 * A peer that is not installed is skipped with a note.
 */
final class PeerEngines {

    /** What a peer needs to be told: the same as our engine gets. */
    record Work(Path input, String sizes, String mode, int quality, int runs, int warmup) {
    }

    private final Path root;
    private final Path workDir;

    PeerEngines(Path root, Path workDir) {
        this.root = root;
        this.workDir = workDir;
    }

    /** The first of the given interpreters that can import PIL; empty when none can. */
    Optional<String> python(List<String> candidates) throws IOException, InterruptedException {
        for (String python : candidates) {
            if (run(List.of(python, "-c", "import PIL"), 60).exitCode == 0) {
                return Optional.of(python);
            }
        }
        return Optional.empty();
    }

    Optional<EngineResult> pillow(String python, Work work) throws IOException, InterruptedException {
        Path script = root.resolve("bench/pillow_resize.py");
        Path out = Files.createDirectories(workDir.resolve("pillow"));
        List<String> command = new ArrayList<>(List.of(python, script.toString(), "--input", work.input.toString(),
                "--runs", String.valueOf(work.runs), "--warmup", String.valueOf(work.warmup), "--sizes", work.sizes,
                "--mode", work.mode, "--quality", String.valueOf(work.quality), "--save-dir", out.toString(), "--quiet"));
        return parse("pillow", command, out, work);
    }

    /** libvips in-process: the C peer, compiled once into the work directory; empty when libvips is not installed. */
    Optional<EngineResult> vips(Work work) throws IOException, InterruptedException {
        if (!"fit".equals(work.mode)) {
            System.err.println("libvips: skipped, the peer only fits (--mode fit)");
            return Optional.empty();
        }
        Path binary = workDir.resolve("vips_resize");
        if (!Files.isExecutable(binary)) {
            Output flags = run(List.of("pkg-config", "--cflags", "--libs", "vips"), 60);
            if (flags.exitCode != 0) {
                System.err.println("libvips: skipped, pkg-config finds no vips (apt-get install libvips-dev)");
                return Optional.empty();
            }
            List<String> compile = new ArrayList<>(List.of("cc", "-O2", "-o", binary.toString(),
                    root.resolve("bench/vips_resize.c").toString()));
            compile.addAll(List.of(flags.text.trim().split("\\s+")));
            Output built = run(compile, 300);
            if (built.exitCode != 0) {
                System.err.println("libvips: skipped, the peer did not compile: " + built.text.strip());
                return Optional.empty();
            }
        }
        Path out = Files.createDirectories(workDir.resolve("vips"));
        return parse("libvips", List.of(binary.toString(), work.input.toString(), String.valueOf(work.runs),
                String.valueOf(work.warmup), work.sizes, String.valueOf(work.quality), out.toString()), out, work);
    }

    private Optional<EngineResult> parse(String engine, List<String> command, Path out, Work work)
            throws IOException, InterruptedException {
        Output result = run(command, 3600);
        String line = result.text.strip().lines().reduce((a, b) -> b).orElse("");
        if (result.exitCode != 0 || !line.startsWith("{")) {
            System.err.println(engine + ": failed (exit " + result.exitCode + "): " + result.text.strip());
            return Optional.empty();
        }
        Map<String, byte[]> outputs = new LinkedHashMap<>();
        for (String item : work.sizes.split(",")) {
            String label = item.contains("=") ? item.substring(0, item.indexOf('=')).trim() : item.trim();
            Path file = out.resolve(label + ".jpg");
            if (Files.isRegularFile(file)) {
                outputs.put(label, Files.readAllBytes(file));
            }
        }
        return Optional.of(new EngineResult(engine, Json.number(line, "ms_per_image"), Json.number(line, "cpu_ms_per_image"),
                Json.number(line, "decode_ms"),
                Json.number(line, "resize_ms"), Json.number(line, "encode_ms"), Json.number(line, "peak_rss_mb"), "rss",
                (int) Json.number(line, "runs"), outputs));
    }

    private record Output(int exitCode, String text) {
    }

    /** Runs a command: its stdout, stderr passed through; exit code 127 when it cannot be started. */
    private static Output run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            return new Output(127, e.getMessage());
        }
        process.getOutputStream().close();
        byte[] stdout = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Output(124, "timed out");
        }
        return new Output(process.exitValue(), new String(stdout, StandardCharsets.UTF_8));
    }
}
