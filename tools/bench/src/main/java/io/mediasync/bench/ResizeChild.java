package io.mediasync.bench;

import io.mediasync.resizer.imaging.pipeline.HotPathWarmUp;
import io.mediasync.resizer.imaging.pipeline.ImageProcessor;
import io.mediasync.resizer.imaging.OutputFormat;
import io.mediasync.resizer.imaging.ResizeMode;
import io.mediasync.common.images.SizeSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One engine run of the resizer core in a JVM of its own ({@link DeployedRuns} starts it with the deployed flags):
 * prints the engine's JSON line on stdout and nothing else there.
 */
final class ResizeChild {

    /**
     * What the child measures; {@code mean}: the first images' mean instead of the median (each of them counts);
     * {@code primed}: SnapStart's priming first ({@link HotPathWarmUp}, as SnapStartPriming runs it before the
     * snapshot), so the measured images are the first after a restore.
     */
    record Work(String sizes, ResizeMode mode, int quality, long maxDecodedPixels, int runs, int warmup, boolean mean,
                boolean primed) {

        /** The child's command line: the input, then the fields in the record's order ({@link #of} reads it back). */
        List<String> arguments(Path input) {
            return List.of(input.toString(), sizes, mode.name(), Integer.toString(quality), Long.toString(maxDecodedPixels),
                    Integer.toString(runs), Integer.toString(warmup), Boolean.toString(mean), Boolean.toString(primed));
        }

        /** The inverse of {@link #arguments}: the record from {@code args[1..]} (args[0] is the input). */
        static Work of(String[] args) {
            if (args.length != 9) {
                throw new IllegalArgumentException("ResizeChild: expected the input and 8 fields, got " + args.length + " arguments");
            }
            return new Work(args[1], ResizeMode.valueOf(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]), Boolean.parseBoolean(args[7]), Boolean.parseBoolean(args[8]));
        }
    }

    /** SNAPSTART_PRIMING_BUDGET's default (PrimingConfig). */
    private static final Duration PRIMING_BUDGET = Duration.ofSeconds(60);

    private ResizeChild() {
    }

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        Work work = Work.of(args);
        // the same processor as the in-process row (ResizeBenchmark): only the JVM differs
        ImageProcessor processor = new ImageProcessor(ResizeBenchmark.MAX_PIXELS, work.maxDecodedPixels(), work.mode(),
                work.quality() / 100f, true);
        List<SizeSpec> sizes = SizeSpec.parseList(work.sizes());
        if (work.primed()) {
            HotPathWarmUp.Result primed = HotPathWarmUp.untilSteady(processor, sizes, Set.of(OutputFormat.JPEG), PRIMING_BUDGET);
            System.err.printf(Locale.ROOT, "  primed: %d rounds, %s, last round %d ms%n", primed.rounds(),
                    primed.steady() ? "steady" : "budget spent", primed.lastRound().toMillis());
        }
        EngineResult result = MediasyncEngine.run("child", processor, input, sizes, work.runs(), work.warmup(), work.mean());
        System.out.println(result.json(input.getFileName().toString().toLowerCase(Locale.ROOT), 0, Map.of()));
    }
}
