package io.mediasync.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * libwebp beside our encoder: {@code bench/webp_encode.c}, compiled here against the libwebp.so.7 of Debian's webp
 * package, encodes in-process with cwebp's default configuration (its files are cwebp -m 4 -q Q's, byte for byte;
 * checked on each rendition) and times warm encodes like ours; without a C compiler, cwebp itself with its own
 * -v timing (millisecond resolution). dwebp decodes every WebP, both sides', as browsers do (fancy upsampling).
 */
final class WebpPeer {

    /** One libwebp encode: its file and the best and median of its timed runs, in ms (NaN when not measured). */
    record Encoded(int quality, byte[] file, double cpuMs, double medianCpuMs, double wallMs, double medianWallMs) {
    }

    private final Path root;
    private final Path work;
    private Path harness;

    WebpPeer(Path root, Path work) {
        this.root = root;
        this.work = work;
    }

    /** Why libwebp cannot be measured here, or empty when cwebp and dwebp are installed. */
    static Optional<String> missing() {
        for (String tool : List.of("cwebp", "dwebp")) {
            if (!onPath(tool)) {
                return Optional.of(tool + " is not installed (apt-get install webp)");
            }
        }
        return Optional.empty();
    }

    /** How libwebp is timed: "in-process" with the harness, else "cwebp -v". */
    String timing() throws IOException, InterruptedException {
        return harness() != null ? "in-process (bench/webp_encode.c)" : "cwebp -v";
    }

    List<Encoded> encode(Path ppm, int[] qualities, int warmup, int runs) throws IOException, InterruptedException {
        List<Encoded> out = new ArrayList<>();
        Path prefix = work.resolve("libwebp-q");
        if (harness() != null) {
            String list = String.join(",", Arrays.stream(qualities).mapToObj(String::valueOf).toList());
            String json = run(List.of(harness.toString(), ppm.toString(), prefix.toString(), list,
                    String.valueOf(warmup), String.valueOf(runs)));
            for (String line : json.strip().split("\n")) {
                int q = (int) Json.number(line, "quality");
                out.add(new Encoded(q, Files.readAllBytes(Path.of(prefix + String.valueOf(q) + ".webp")),
                        Json.number(line, "cpu_ms"), Json.number(line, "median_cpu_ms"), Json.number(line, "wall_ms"),
                        Json.number(line, "median_wall_ms")));
            }
            return out;
        }
        for (int q : qualities) {
            Path file = Path.of(prefix + String.valueOf(q) + ".webp");
            double[] times = new double[runs];
            for (int i = 0; i < runs; i++) {
                String log = run(List.of("cwebp", "-v", "-m", "4", "-q", String.valueOf(q), ppm.toString(), "-o",
                        file.toString()));
                times[i] = 1000 * Json.number("{\"t\":" + log.replaceAll("(?s).*Time to encode picture: ([0-9.]+)s.*", "$1")
                        + "}", "t");
            }
            out.add(new Encoded(q, Files.readAllBytes(file), Arrays.stream(times).min().orElse(Double.NaN),
                    Json.median(times), Double.NaN, Double.NaN));
        }
        return out;
    }

    /** Whether the harness's file at quality q is cwebp -m 4 -q q's, byte for byte. */
    boolean sameAsCwebp(Path ppm, Encoded encoded) throws IOException, InterruptedException {
        Path file = work.resolve("cwebp-check.webp");
        run(List.of("cwebp", "-quiet", "-m", "4", "-q", String.valueOf(encoded.quality()), ppm.toString(), "-o",
                file.toString()));
        return Arrays.equals(Files.readAllBytes(file), encoded.file());
    }

    /** dwebp's R, G, B bytes of a WebP file. */
    byte[] decode(byte[] webp) throws IOException, InterruptedException {
        Path in = work.resolve("decode.webp");
        Path out = work.resolve("decode.ppm");
        Files.write(in, webp);
        run(List.of("dwebp", "-quiet", in.toString(), "-ppm", "-o", out.toString()));
        byte[] ppm = Files.readAllBytes(out);
        int fields = 0;
        int at = 0;
        while (fields < 4) { // P6, width, height, maxval, each followed by one whitespace
            while (Character.isWhitespace(ppm[at])) {
                at++;
            }
            while (!Character.isWhitespace(ppm[at])) {
                at++;
            }
            fields++;
        }
        return Arrays.copyOfRange(ppm, at + 1, ppm.length);
    }

    /** A binary PPM of B, G, R bytes, for cwebp. */
    static void writePpm(Path file, int width, int height, byte[] bgr) throws IOException {
        byte[] header = ("P6\n" + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(header, header.length + bgr.length);
        for (int i = 0; i < bgr.length; i += 3) {
            out[header.length + i] = bgr[i + 2];
            out[header.length + i + 1] = bgr[i + 1];
            out[header.length + i + 2] = bgr[i];
        }
        Files.write(file, out);
    }

    /** The compiled harness, built on first use; null when there is no C compiler or it does not link. */
    private Path harness() throws IOException, InterruptedException {
        if (harness == null && onPath("cc")) {
            Path binary = work.resolve("webp_encode");
            Process cc = new ProcessBuilder("cc", "-O2", "-o", binary.toString(),
                    root.resolve("bench/webp_encode.c").toString(), "-l:libwebp.so.7").redirectErrorStream(true).start();
            String log = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (cc.waitFor() == 0) {
                harness = binary;
            } else {
                System.err.println("libwebp harness: did not build, timing cwebp -v instead: " + log.strip());
            }
        }
        return harness;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(600, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
        return output;
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
