package io.mediasync.bench;

import io.mediasync.resizer.imaging.ImageProcessor;
import io.mediasync.resizer.imaging.ResizeMode;
import io.mediasync.resizer.imaging.SizeSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One engine run of the resizer core in a JVM of its own ({@link DeployedRuns} starts it with the deployed flags):
 * prints the engine's JSON line on stdout and nothing else there.
 */
final class ResizeChild {

    /** What the child measures; {@code mean}: the first images' mean instead of the median (each of them counts). */
    record Work(String sizes, ResizeMode mode, int quality, long maxDecodedPixels, int runs, int warmup, boolean mean) {

        List<String> arguments(Path input) {
            return List.of(input.toString(), sizes, mode.name(), Integer.toString(quality), Long.toString(maxDecodedPixels),
                    Integer.toString(runs), Integer.toString(warmup), Boolean.toString(mean));
        }
    }

    private ResizeChild() {
    }

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        Work work = new Work(args[1], ResizeMode.valueOf(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]),
                Integer.parseInt(args[5]), Integer.parseInt(args[6]), Boolean.parseBoolean(args[7]));
        // the same processor as the in-process row (ResizeBenchmark): only the JVM differs
        ImageProcessor processor = new ImageProcessor(ResizeBenchmark.MAX_PIXELS, work.maxDecodedPixels(), work.mode(),
                work.quality() / 100f, true);
        List<SizeSpec> sizes = SizeSpec.parseList(work.sizes());
        EngineResult result = MediasyncEngine.run("child", processor, input, sizes, work.runs(), work.warmup(), work.mean());
        System.out.println(result.json(input.getFileName().toString().toLowerCase(Locale.ROOT), 0, Map.of()));
    }
}
