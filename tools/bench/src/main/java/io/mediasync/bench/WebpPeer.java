package io.mediasync.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * libwebp beside our encoder: {@code bench/webp_encode.c}, compiled here against the libwebp.so.7 of Debian's webp
 * package, encodes in-process with cwebp's default configuration (its files are cwebp -m 4 -q Q's, byte for byte;
 * checked on each rendition), one encode per request so they can alternate with ours; without a C compiler,
 * cwebp itself with its own -v timing (millisecond resolution). dwebp decodes every WebP, both sides', as
 * browsers do (fancy upsampling).
 */
final class WebpPeer {

    /** libwebp at the service of one rendition: one encode per call, its file kept per quality. */
    interface Server extends AutoCloseable {
        /** One encode at {@code quality}: its CPU and wall times in ms (NaN when not measured). */
        double[] encode(int quality) throws IOException, InterruptedException;

        byte[] file(int quality) throws IOException;

        @Override
        void close() throws IOException;
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

    /** A libwebp server for the picture in {@code ppm}: the harness, else cwebp with its -v time. */
    Server serve(Path ppm) throws IOException, InterruptedException {
        Path prefix = work.resolve("libwebp-q");
        if (harness() == null) {
            return new Server() {
                @Override
                public double[] encode(int quality) throws IOException, InterruptedException {
                    String log = run(List.of("cwebp", "-v", "-m", "4", "-q", String.valueOf(quality), ppm.toString(),
                            "-o", prefix + String.valueOf(quality) + ".webp"));
                    Matcher time = Pattern.compile("Time to encode picture: ([0-9.]+)s").matcher(log);
                    return new double[] {time.find() ? 1000 * Double.parseDouble(time.group(1)) : Double.NaN, Double.NaN};
                }

                @Override
                public byte[] file(int quality) throws IOException {
                    return Files.readAllBytes(Path.of(prefix + String.valueOf(quality) + ".webp"));
                }

                @Override
                public void close() {
                }
            };
        }
        Process process = new ProcessBuilder(harness.toString(), ppm.toString(), prefix.toString(), "--serve")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Writer commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        BufferedReader replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        return new Server() {
            @Override
            public double[] encode(int quality) throws IOException {
                commands.write(quality + "\n");
                commands.flush();
                String line = replies.readLine();
                if (line == null) {
                    throw new IOException("the libwebp harness stopped");
                }
                return new double[] {Json.number(line, "cpu_ms"), Json.number(line, "wall_ms")};
            }

            @Override
            public byte[] file(int quality) throws IOException {
                return Files.readAllBytes(Path.of(prefix + String.valueOf(quality) + ".webp"));
            }

            @Override
            public void close() throws IOException {
                commands.close();
                try {
                    process.waitFor(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                process.destroy();
            }
        };
    }

    /** Whether libwebp's file at this quality is cwebp -m 4 -q quality's, byte for byte. */
    boolean sameAsCwebp(Path ppm, int quality, byte[] file) throws IOException, InterruptedException {
        Path check = work.resolve("cwebp-check.webp");
        run(List.of("cwebp", "-quiet", "-m", "4", "-q", String.valueOf(quality), ppm.toString(), "-o",
                check.toString()));
        return Arrays.equals(Files.readAllBytes(check), file);
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
