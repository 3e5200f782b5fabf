package io.mediasync.resizer.bench;

import io.mediasync.resizer.imaging.SizeSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the same work with other engines, when they are installed: Pillow (via a script) and libvips' vipsthumbnail. */
final class PeerBenchmarks {

    private PeerBenchmarks() {
    }

    /** Pillow, through bench/pillow_resize.py, which prints the same JSON line; empty when Pillow is not importable. */
    static Optional<BenchResult> pillow(Path script, Path input, int runs, int warmup, String sizes, String mode, int quality,
                                        boolean quiet) throws IOException, InterruptedException {
        if (!Files.isRegularFile(script)) {
            System.err.println("pillow: skipped, " + script + " not found");
            return Optional.empty();
        }
        if (run(List.of("python3", "-c", "import PIL"), 60, false).exitCode != 0) {
            System.err.println("pillow: skipped, python3 cannot import PIL");
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(List.of("python3", script.toString(), "--input", input.toString(),
                "--runs", String.valueOf(runs), "--warmup", String.valueOf(warmup), "--sizes", sizes, "--mode", mode,
                "--quality", String.valueOf(quality)));
        if (quiet) {
            command.add("--quiet");
        }
        Output out = run(command, 3600, true);
        if (out.exitCode != 0) {
            System.err.println("pillow: failed (exit " + out.exitCode + "): " + out.text.strip());
            return Optional.empty();
        }
        String last = out.text.strip().lines().reduce((a, b) -> b).orElse("");
        return Optional.of(BenchResult.parse(last));
    }

    /**
     * libvips' vipsthumbnail, one process per size (its shrink-on-load is the reference for fast thumbnails), fitting
     * and never enlarging ("WxH>") like FIT; the median wall time of producing all sizes, process starts included.
     * Empty when it is not on the PATH.
     */
    static Optional<BenchResult> vipsthumbnail(Path input, double megapixels, int runs, int warmup, List<SizeSpec> sizes,
                                               int quality, Path workDir) throws IOException, InterruptedException {
        if (!onPath("vipsthumbnail")) {
            System.err.println("vipsthumbnail: skipped, not on the PATH");
            return Optional.empty();
        }
        double[] millis = new double[runs];
        for (int run = -warmup; run < runs; run++) {
            long start = System.nanoTime();
            for (SizeSpec size : sizes) {
                Path out = workDir.resolve("vips-" + size.label() + ".jpg");
                Output result = run(List.of("vipsthumbnail", input.toString(), "--size", size.width() + "x" + size.height() + ">",
                        "-o", out + "[Q=" + quality + ",strip]"), 600, true);
                if (result.exitCode != 0) {
                    System.err.println("vipsthumbnail: failed: " + result.text.strip());
                    return Optional.empty();
                }
            }
            if (run >= 0) {
                millis[run] = (System.nanoTime() - start) / 1e6;
            }
        }
        return Optional.of(new BenchResult("vipsthumbnail", BenchResult.median(millis), 0, input.toString(), megapixels, runs));
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private record Output(int exitCode, String text) {
    }

    /** Runs a command, returning its stdout; exit code 127 when it cannot be started. */
    private static Output run(List<String> command, long timeoutSeconds, boolean showStderr)
            throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(new ArrayList<>(command))
                    .redirectError(showStderr ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.DISCARD)
                    .start();
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
