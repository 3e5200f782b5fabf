package io.mediasync.bench;

import io.mediasync.common.images.SizeSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./mediasync bench webp}: our WebP encoder against libwebp (cwebp's configuration, -m 4) and against the
 * pipeline's JPEG, on the renditions of the resize benchmark's inputs. Each rendition is the exact Lanczos resize
 * of the whole input ({@link Reference}): every encoder gets those pixels, and PSNR (R, G, B, all pixels) is
 * measured against them after decoding (WebP by dwebp, JPEG by ImageIO). Sizes are compared at equal PSNR along
 * each side's size/PSNR curve over the qualities; times at the same quality setting, both warm, in-process,
 * taken in turns.
 */
public final class WebpBenchmark {

    private static final String USAGE = """
            usage: WebpBenchmark [--input FILE]... [--sizes 50x50,250x250,800x800] [--qualities 20,30,...,95]
                                 [--runs N] [--warmup-mbs N] [--jpeg-quality 85] [--json-only]
              --input       an image; repeatable (default: the four inputs of bench resize)
              --qualities   WebP qualities of both encoders (default 20,30,40,50,60,70,75,80,85,90,95)
              --runs        timed encodes per quality and encoder, the two in turns (default 7), after warm-up: for
                            ours --warmup-mbs macroblocks per rendition (default 100000: the JIT's steady state),
                            3 encodes per quality for libwebp
              --jpeg-quality  the pipeline's JPEG quality, 1..100 (default 85)
            """;

    private WebpBenchmark() {
    }

    private record Options(List<Path> inputs, String sizes, int[] qualities, int runs, long warmupMbs, int jpegQuality,
                           boolean jsonOnly) {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (WebpPeer.missing().isPresent()) {
            System.err.println("bench webp needs libwebp's tools to compare with: " + WebpPeer.missing().get());
            System.exit(1);
        }
        Path work = Files.createTempDirectory("mediasync-bench-webp");
        try {
            run(options, new WebpPeer(Path.of(System.getProperty("mediasync.root", ".")), work), work);
        } finally {
            try (var files = Files.list(work)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(work);
        }
    }

    private static void run(Options o, WebpPeer peer, Path work) throws IOException, InterruptedException {
        List<Path> inputs = o.inputs.isEmpty() ? BenchInputs.standard(o.jsonOnly) : o.inputs;
        WebpReport report = new WebpReport(o.jsonOnly);
        if (!o.jsonOnly) {
            System.err.printf(Locale.ROOT, "libwebp timed %s; ours: %d macroblocks of warm-up per rendition, %d runs; JVM %s %s%n",
                    peer.timing(), o.warmupMbs, o.runs, System.getProperty("java.vm.version"),
                    String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
        }
        for (Path input : inputs) {
            Reference reference = Reference.of(input);
            if (reference == null) {
                System.err.println("ImageIO cannot read " + input + " as 8-bit RGB: skipped");
                continue;
            }
            for (SizeSpec size : SizeSpec.parseList(o.sizes)) {
                int[] fit = WebpRendition.fit(reference.width(), reference.height(), size.width(), size.height());
                WebpRendition rendition = new WebpRendition(fit[0], fit[1], reference.exact(fit[0], fit[1]));
                Path ppm = work.resolve("rendition.ppm");
                WebpPeer.writePpm(ppm, fit[0], fit[1], rendition.bgr);
                WebpRendition.Timed[][] raced;
                try (WebpPeer.Server server = peer.serve(ppm)) {
                    raced = rendition.race(o.qualities, o.warmupMbs, o.runs, server);
                }
                WebpRendition.Timed[] ours = raced[0];
                WebpRendition.Timed[] theirs = raced[1];
                RdCurve ourCurve = new RdCurve();
                RdCurve theirCurve = new RdCurve();
                for (int k = 0; k < o.qualities.length; k++) {
                    ourCurve.add(o.qualities[k], ours[k].file().length, RdCurve.psnr(rendition.bgr, peer.decode(ours[k].file())));
                    byte[] file = theirs[k].file();
                    theirCurve.add(o.qualities[k], file.length, RdCurve.psnr(rendition.bgr, peer.decode(file)));
                }
                double[] jpeg = rendition.jpeg(o.jpegQuality / 100f);
                int middle = o.qualities.length / 2;
                boolean cwebpBytes = peer.sameAsCwebp(ppm, o.qualities[middle], theirs[middle].file());
                report.rendition(input.getFileName().toString(), fit[0] + "x" + fit[1], ours, theirs, ourCurve,
                        theirCurve, jpeg, o.jpegQuality, cwebpBytes);
            }
        }
        report.summary();
    }

    private static Options parse(String[] args) {
        List<Path> inputs = new ArrayList<>();
        String sizes = SizeSpec.DEFAULT_LIST;
        int[] qualities = {20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 95};
        int runs = 7;
        long warmupMbs = 100_000;
        int jpegQuality = 85;
        boolean jsonOnly = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--input" -> inputs.add(Path.of(value(args, ++i, arg)));
                case "--sizes" -> sizes = value(args, ++i, arg);
                case "--qualities" -> qualities = Arrays.stream(value(args, ++i, arg).split(","))
                        .mapToInt(q -> Integer.parseInt(q.trim())).toArray();
                case "--runs" -> runs = Integer.parseInt(value(args, ++i, arg));
                case "--warmup-mbs" -> warmupMbs = Long.parseLong(value(args, ++i, arg));
                case "--jpeg-quality" -> jpegQuality = Integer.parseInt(value(args, ++i, arg));
                case "--json-only" -> jsonOnly = true;
                case "-h", "--help" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        SizeSpec.parseList(sizes); // fail early on a bad list
        for (Path input : inputs) {
            if (!Files.isReadable(input)) {
                throw new IllegalArgumentException("cannot read " + input);
            }
        }
        if (runs < 1 || warmupMbs < 0 || jpegQuality < 1 || jpegQuality > 100 || qualities.length < 2
                || Arrays.stream(qualities).anyMatch(q -> q < 0 || q > 100)) {
            throw new IllegalArgumentException("--runs >= 1, --warmup-mbs >= 0, --jpeg-quality 1..100, two or more qualities 0..100");
        }
        return new Options(inputs, sizes, qualities, runs, warmupMbs, jpegQuality, jsonOnly);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
