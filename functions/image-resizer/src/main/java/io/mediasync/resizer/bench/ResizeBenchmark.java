package io.mediasync.resizer.bench;

import io.mediasync.resizer.imaging.ImageInfo;
import io.mediasync.resizer.imaging.ImageProcessor;
import io.mediasync.resizer.imaging.ImageRejectedException;
import io.mediasync.resizer.imaging.ProcessedImage;
import io.mediasync.resizer.imaging.Rendition;
import io.mediasync.resizer.imaging.ResizeMode;
import io.mediasync.resizer.imaging.SizeSpec;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Times {@link ImageProcessor#process} (read the file, decode once, every size, encode) and, where installed, Pillow
 * and vipsthumbnail doing the same work. Not a test: run it with {@code ./mediasync bench resize}.
 * <p>
 * Prints one JSON line per engine, {@code {"engine":..,"ms_per_image":<median of the warm runs>,"peak_heap_mb":..,
 * "input":..,"megapixels":..,"runs":N}}, then {@code {"ratio":"mediasync/pillow","ms_per_image":..}}.
 */
public final class ResizeBenchmark {

    private static final String USAGE = """
            usage: ResizeBenchmark [--input FILE.jpg] [--generate-mp N] [--runs N] [--warmup N]
                                   [--sizes 50x50,250x250,800x800] [--mode fit|fill|force] [--quality 85]
                                   [--max-pixels N] [--max-decoded-pixels N] [--no-peers] [--json-only]
              --input        image to process (default: a generated photo-like JPEG, quality 90)
              --generate-mp  megapixels of the generated input (default 12)
              --runs         measured runs (default 10), after --warmup runs (default 3)
              --no-peers     do not run Pillow / vipsthumbnail
              --json-only    print only the JSON lines
            """;

    private ResizeBenchmark() {
    }

    private record Options(Path input, double generateMegapixels, int runs, int warmup, String sizes, ResizeMode mode,
                           int quality, long maxPixels, long maxDecodedPixels, boolean peers, boolean jsonOnly) {
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
        System.exit(run(options));
    }

    private static int run(Options o) throws IOException, InterruptedException {
        List<SizeSpec> sizes = SizeSpec.parseList(o.sizes);
        Path input = o.input != null ? o.input : generatedInput(o.generateMegapixels, o.jsonOnly);
        ImageProcessor processor = new ImageProcessor(o.maxPixels, o.maxDecodedPixels, o.mode, o.quality / 100f);

        BenchResult ours;
        try {
            ours = measure(processor, input, sizes, o);
        } catch (ImageRejectedException e) {
            System.err.println("mediasync rejected " + input + ": " + e.code() + ": " + e.reason());
            return 1;
        }
        System.out.println(ours.json());

        if (!o.peers) {
            return 0;
        }
        Path script = repositoryRoot().resolve("bench/pillow_resize.py");
        Optional<BenchResult> pillow = PeerBenchmarks.pillow(script, input, o.runs, o.warmup, o.sizes,
                o.mode.name().toLowerCase(Locale.ROOT), o.quality, o.jsonOnly);
        pillow.ifPresent(p -> System.out.println(p.json()));
        Path work = Files.createTempDirectory("mediasync-bench");
        try {
            Optional<BenchResult> vips = Optional.empty();
            if (o.mode == ResizeMode.FIT) {
                vips = PeerBenchmarks.vipsthumbnail(input, ours.megapixels(), o.runs, o.warmup, sizes, o.quality, work);
            } else {
                System.err.println("vipsthumbnail: skipped, it only fits (--mode fit)");
            }
            vips.ifPresent(v -> System.out.println(v.json()));
            pillow.ifPresent(p -> System.out.println(BenchResult.ratioJson("mediasync/pillow", ours.msPerImage() / p.msPerImage())));
            vips.ifPresent(v -> System.out.println(BenchResult.ratioJson("mediasync/vipsthumbnail", ours.msPerImage() / v.msPerImage())));
        } finally {
            try (var files = Files.list(work)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(work);
        }
        return 0;
    }

    private static BenchResult measure(ImageProcessor processor, Path input, List<SizeSpec> sizes, Options o)
            throws IOException, ImageRejectedException {
        ImageInfo info = processor.probe(Files.readAllBytes(input));
        double megapixels = info.pixels() / 1e6;
        if (!o.jsonOnly) {
            System.err.printf(Locale.ROOT, "mediasync: %s, %s %dx%d (%.1f MP), sizes %s, %s, %d warm-up + %d runs, max heap %d MB%n",
                    input, info.format(), info.width(), info.height(), megapixels, o.sizes, o.mode, o.warmup, o.runs,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
        for (int i = 0; i < o.warmup; i++) {
            processor.process(Files.readAllBytes(input), sizes);
        }
        System.gc(); // start the measured runs from a clean heap, so the peak is theirs
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        double[] millis = new double[o.runs];
        ProcessedImage last = null;
        for (int i = 0; i < o.runs; i++) {
            long start = System.nanoTime();
            last = processor.process(Files.readAllBytes(input), sizes);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        if (!o.jsonOnly && last != null) {
            for (Rendition r : last.renditions()) {
                System.err.printf(Locale.ROOT, "  %-10s %4dx%-4d %7d bytes%n", r.size().label(), r.width(), r.height(), r.jpeg().length);
            }
        }
        return new BenchResult("mediasync", BenchResult.median(millis), peak / 1048576.0, input.toString(), megapixels, o.runs);
    }

    /** A generated photo-like JPEG, cached in the temp directory by size (generating 50 MP takes a few seconds). */
    private static Path generatedInput(double megapixels, boolean quiet) throws IOException {
        int width = (int) Math.round(Math.sqrt(megapixels * 1e6 * 4 / 3));
        int height = (int) Math.round(width * 3 / 4.0);
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "mediasync-bench-" + width + "x" + height + "-q90.jpg");
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            if (!quiet) {
                System.err.printf(Locale.ROOT, "generating %dx%d photo-like JPEG at quality 90: %s%n", width, height, file);
            }
            Path partial = Path.of(file + ".partial");
            SyntheticPhoto.writeJpeg(partial, width, height, 0.9f);
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return file;
    }

    /** The checkout root: set by the ./mediasync launcher, else the working directory. */
    private static Path repositoryRoot() {
        return Path.of(System.getProperty("mediasync.root", "."));
    }

    private static Options parse(String[] args) {
        Path input = null;
        double generate = 12;
        int runs = 10;
        int warmup = 3;
        String sizes = "50x50,250x250,800x800";
        ResizeMode mode = ResizeMode.FIT;
        int quality = 85;
        long maxPixels = 100_000_000L; // the benchmark measures, it does not police
        long maxDecoded = ImageProcessor.DEFAULT_MAX_DECODED_PIXELS;
        boolean peers = true;
        boolean jsonOnly = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--input" -> input = Path.of(value(args, ++i, arg));
                case "--generate-mp" -> generate = positive(Double.parseDouble(value(args, ++i, arg)), arg);
                case "--runs" -> runs = (int) positive(Integer.parseInt(value(args, ++i, arg)), arg);
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, arg));
                case "--sizes" -> sizes = value(args, ++i, arg);
                case "--mode" -> mode = ResizeMode.parse(value(args, ++i, arg));
                case "--quality" -> quality = (int) positive(Integer.parseInt(value(args, ++i, arg)), arg);
                case "--max-pixels" -> maxPixels = (long) positive(Long.parseLong(value(args, ++i, arg)), arg);
                case "--max-decoded-pixels" -> maxDecoded = (long) positive(Long.parseLong(value(args, ++i, arg)), arg);
                case "--no-peers" -> peers = false;
                case "--json-only" -> jsonOnly = true;
                case "-h", "--help" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        SizeSpec.parseList(sizes); // fail early on a bad list
        if (input != null && !Files.isReadable(input)) {
            throw new IllegalArgumentException("cannot read " + input);
        }
        if (quality > 100 || warmup < 0) {
            throw new IllegalArgumentException("--quality is 1..100 and --warmup >= 0");
        }
        return new Options(input, generate, runs, warmup, sizes, mode, quality, maxPixels, maxDecoded, peers, jsonOnly);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static double positive(double v, String option) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(option + " must be positive");
        }
        return v;
    }
}
