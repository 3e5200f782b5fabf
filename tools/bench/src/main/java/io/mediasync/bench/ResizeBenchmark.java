package io.mediasync.bench;

import io.mediasync.resizer.imaging.ImageInfo;
import io.mediasync.resizer.imaging.pipeline.ImageProcessor;
import io.mediasync.resizer.imaging.ImageRejectedException;
import io.mediasync.resizer.imaging.OutputFormat;
import io.mediasync.resizer.imaging.ResizeMode;
import io.mediasync.common.images.SizeSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ./mediasync bench resize}: times the image-resizer's core ({@link ImageProcessor#process}: read, decode
 * once, every size, encode) on each input, next to the same core decoding with ImageIO only (the "before" of the
 * built-in decoders), Pillow done well and libvips in-process where installed; prints per engine the total and
 * stage times, peak memory and the PSNR of each size against an exact Lanczos of the full image, then the ratios.
 */
public final class ResizeBenchmark {

    private static final String USAGE = """
            usage: ResizeBenchmark [--input FILE]... [--generate-mp N] [--runs N] [--warmup N]
                                   [--sizes 50x50,250x250,800x800] [--mode fit|fill|force] [--quality 85]
                                   [--max-decoded-pixels N] [--python PATH] [--no-peers] [--no-before] [--no-psnr]
                                   [--json-only] [--no-deployed] [--first N] [--formats jpeg,webp]
              --input        an image (JPEG, PNG, ...); repeatable. Default: the four generated inputs of issue 10
                             (12 MP photo JPEG q90, 3000x3000 and 1400x1400 cover JPEGs, 3000x3000 cover PNG)
              --generate-mp  instead, one generated photo-like JPEG of N megapixels
              --runs         measured runs per engine (default 10), after --warmup runs (default 30: the JIT
                             compiles the resizer's loops over the first 20 or so images; the peers are native)
              --python       interpreter with Pillow (default: python3, else /usr/bin/python3)
              --no-peers     skip Pillow and libvips;  --no-before  skip the ImageIO-only engine
              --no-psnr      skip the quality figures;  --json-only  print only the JSON lines
              --formats      the in-process row writes every rendition in these (default jpeg; jpeg,webp: an order
                             asking for WebP too)
              --no-deployed  skip the deployed configurations, each in a JVM of its own with Lambda's flags (serial GC,
                             C1 only): after the warm-up (a warm container), and the first --first N images (default
                             5) of a fresh process (a cold container); then the template's resizer (Lambda's flags and
                             its JAVA_TOOL_OPTIONS): the first N images of a fresh container, and after SnapStart's priming
            """;

    /** The benchmark measures, it does not police. */
    static final long MAX_PIXELS = 100_000_000L;

    private ResizeBenchmark() {
    }

    private record Options(List<Path> inputs, double generateMegapixels, int runs, int warmup, String sizes, ResizeMode mode,
                           int quality, long maxDecodedPixels, List<String> pythons, boolean peers, boolean before,
                           boolean psnr, boolean jsonOnly, boolean deployed, int firstImages, Set<OutputFormat> formats) {
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
        List<Path> inputs = !o.inputs.isEmpty() ? o.inputs
                : o.generateMegapixels > 0 ? List.of(BenchInputs.photo(o.generateMegapixels, o.jsonOnly))
                : BenchInputs.standard(o.jsonOnly);
        long maxPixels = MAX_PIXELS;
        ImageProcessor ours = new ImageProcessor(maxPixels, o.maxDecodedPixels, o.mode, o.quality / 100f, true);
        ImageProcessor imageIo = new ImageProcessor(maxPixels, o.maxDecodedPixels, o.mode, o.quality / 100f, false);
        Path work = Files.createTempDirectory("mediasync-bench");
        PeerEngines peers = new PeerEngines(Path.of(System.getProperty("mediasync.root", ".")), work);
        Optional<String> python = o.peers ? peers.python(o.pythons) : Optional.empty();
        if (o.peers && python.isEmpty()) {
            System.err.println("pillow: skipped, none of " + o.pythons + " can import PIL (apt-get install python3-pil)");
        }
        List<String> table = new ArrayList<>();
        try {
            for (Path input : inputs) {
                ImageInfo info;
                try {
                    info = ours.probe(Files.readAllBytes(input));
                } catch (ImageRejectedException e) {
                    System.err.println("mediasync rejected " + input + ": " + e.code() + ": " + e.reason());
                    return 1;
                }
                double megapixels = info.pixels() / 1e6;
                if (!o.jsonOnly) {
                    System.err.printf(Locale.ROOT, "%n%s: %s %dx%d (%.1f MP, %d KB), sizes %s, %s, %d warm-up + %d runs, max heap %d MB, "
                            + "in-process rows on %s%n", input.getFileName(), info.format(), info.width(), info.height(), megapixels,
                            Files.size(input) / 1024, o.sizes, o.mode, o.warmup, o.runs, Runtime.getRuntime().maxMemory() >> 20,
                            DeployedRuns.ownFlags());
                }
                List<EngineResult> results = new ArrayList<>();
                try {
                    results.add(MediasyncEngine.run("mediasync", ours, input, sizes, o.formats, o.runs, o.warmup, false));
                    if (o.before) {
                        results.add(MediasyncEngine.run("mediasync-imageio", imageIo, input, sizes, o.runs, o.warmup));
                    }
                    if (o.deployed) {
                        ResizeChild.Work deployedWork = new ResizeChild.Work(o.sizes, o.mode, o.quality, o.maxDecodedPixels, o.runs, o.warmup, false, false);
                        DeployedRuns.lambdaFlags(input, deployedWork).ifPresent(results::add);
                        DeployedRuns.firstImages(input, deployedWork, o.firstImages).ifPresent(results::add);
                        results.addAll(DeployedRuns.template(input, deployedWork, o.firstImages));
                    }
                } catch (ImageRejectedException e) {
                    System.err.println("mediasync rejected " + input + ": " + e.code() + ": " + e.reason());
                    return 1;
                }
                PeerEngines.Work peerWork = new PeerEngines.Work(input, o.sizes, o.mode.name().toLowerCase(Locale.ROOT),
                        o.quality, o.runs, o.warmup);
                if (python.isPresent()) {
                    peers.pillow(python.get(), peerWork).ifPresent(results::add);
                }
                if (o.peers) {
                    peers.vips(peerWork).ifPresent(results::add);
                }
                report(input, megapixels, results, o, table);
            }
        } finally {
            deleteTree(work);
        }
        if (!o.jsonOnly) {
            System.err.println();
            System.err.println("input                    engine                                 wall     cpu   decode   resize   encode   peak MB   PSNR dB per size");
            table.forEach(System.err::println);
        }
        return 0;
    }

    private static void report(Path input, double megapixels, List<EngineResult> results, Options o, List<String> table)
            throws IOException {
        Reference reference = o.psnr && o.mode == ResizeMode.FIT ? Reference.of(input) : null;
        String name = input.getFileName().toString();
        for (EngineResult r : results) {
            Map<String, Double> psnr = new LinkedHashMap<>();
            if (reference != null) {
                for (Map.Entry<String, byte[]> output : r.outputs().entrySet()) {
                    psnr.put(output.getKey(), reference.psnr(output.getValue()));
                }
            }
            System.out.println(r.json(name, megapixels, psnr));
            table.add(String.format(Locale.ROOT, "%-24s %-34s %7.1f %7s  %7s  %7s  %7s  %6.0f %-4s %s", name, r.engine(), r.totalMs(),
                    ms(r.cpuMs()), ms(r.decodeMs()), ms(r.resizeMs()), ms(r.encodeMs()), r.peakMb(), r.memoryKind(), psnrText(psnr)));
        }
        List<EngineResult> ours = results.stream().filter(r -> r.engine().startsWith("mediasync")
                && !r.engine().equals("mediasync-imageio")).toList();
        for (EngineResult peer : results.stream().filter(r -> !ours.contains(r)).toList()) {
            // ImageIO's row is the in-process core's "before"; the native peers are what every row is held against
            for (EngineResult row : peer.engine().startsWith("mediasync") ? ours.subList(0, 1) : ours) {
                double cpuRatio = row.cpuMs() / peer.cpuMs();
                System.out.println(Json.object("input", name, "ratio", row.engine() + "/" + peer.engine(),
                        "ms_per_image", row.totalMs() / peer.totalMs(), "cpu_ms_per_image", Double.isFinite(cpuRatio) ? cpuRatio : null));
                table.add(String.format(Locale.ROOT, "%-24s %-46s %6.2fx %6.2fx", name, row.engine() + "/" + peer.engine(),
                        row.totalMs() / peer.totalMs(), cpuRatio));
            }
        }
    }

    private static String ms(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "-";
    }

    private static String psnrText(Map<String, Double> psnr) {
        StringBuilder out = new StringBuilder();
        psnr.forEach((label, db) -> out.append(String.format(Locale.ROOT, "%s %.2f  ", label, db)));
        return out.toString().strip();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Options parse(String[] args) {
        List<Path> inputs = new ArrayList<>();
        double generate = 0;
        int runs = 10;
        int warmup = 30; // JIT steady state: the resize stage takes 23 ms on the photo's 15th image, 16 from the 25th
        String sizes = SizeSpec.DEFAULT_LIST;
        ResizeMode mode = ResizeMode.FIT;
        int quality = 85;
        long maxDecoded = ImageProcessor.DEFAULT_MAX_DECODED_PIXELS;
        List<String> pythons = List.of("python3", "/usr/bin/python3");
        boolean peers = true;
        boolean before = true;
        boolean psnr = true;
        boolean jsonOnly = false;
        boolean deployed = true;
        int firstImages = 5;
        Set<OutputFormat> formats = EnumSet.of(OutputFormat.JPEG);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--input" -> inputs.add(readable(Path.of(value(args, ++i, arg))));
                case "--generate-mp" -> generate = positive(Double.parseDouble(value(args, ++i, arg)), arg);
                case "--runs" -> runs = (int) positive(Integer.parseInt(value(args, ++i, arg)), arg);
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, arg));
                case "--sizes" -> sizes = value(args, ++i, arg);
                case "--mode" -> mode = ResizeMode.parse(value(args, ++i, arg));
                case "--quality" -> quality = (int) positive(Integer.parseInt(value(args, ++i, arg)), arg);
                case "--max-decoded-pixels" -> maxDecoded = (long) positive(Long.parseLong(value(args, ++i, arg)), arg);
                case "--python" -> pythons = List.of(value(args, ++i, arg));
                case "--no-peers" -> peers = false;
                case "--no-before" -> before = false;
                case "--no-psnr" -> psnr = false;
                case "--json-only" -> jsonOnly = true;
                case "--no-deployed" -> deployed = false;
                case "--formats" -> formats = formats(value(args, ++i, arg));
                case "--first" -> firstImages = (int) positive(Integer.parseInt(value(args, ++i, arg)), arg);
                case "-h", "--help" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        SizeSpec.parseList(sizes); // fail early on a bad list
        if (quality > 100 || warmup < 0) {
            throw new IllegalArgumentException("--quality is 1..100 and --warmup >= 0");
        }
        return new Options(inputs, generate, runs, warmup, sizes, mode, quality, maxDecoded, pythons, peers, before, psnr, jsonOnly,
                deployed, firstImages, formats);
    }

    /** "jpeg" or "jpeg,webp", as an order's formats: the in-process row writes every rendition in each. */
    private static Set<OutputFormat> formats(String list) {
        Set<OutputFormat> formats = EnumSet.noneOf(OutputFormat.class);
        for (String name : list.split(",")) {
            formats.add(OutputFormat.named(name.strip()).orElseThrow(() -> new IllegalArgumentException("--formats: unknown " + name)));
        }
        if (!formats.contains(OutputFormat.JPEG)) {
            throw new IllegalArgumentException("--formats must include jpeg, as an order's do");
        }
        return formats;
    }

    private static Path readable(Path input) {
        if (!Files.isReadable(input)) {
            throw new IllegalArgumentException("cannot read " + input);
        }
        return input;
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
