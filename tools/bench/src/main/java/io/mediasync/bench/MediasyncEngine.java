package io.mediasync.bench;

import io.mediasync.resizer.imaging.pipeline.ImageProcessor;
import io.mediasync.resizer.imaging.ImageRejectedException;
import io.mediasync.resizer.imaging.OutputFormat;
import io.mediasync.resizer.imaging.ProcessedImage;
import io.mediasync.resizer.imaging.Rendition;
import io.mediasync.common.images.SizeSpec;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Times {@link ImageProcessor#process} exactly as the Lambda handler calls it, in this JVM: read the file, decode
 * once, every size, encode. The stage times come from the processor itself.
 */
final class MediasyncEngine {

    private MediasyncEngine() {
    }

    /**
     * CPU time of every live thread of this JVM (GC and JIT threads included), in nanoseconds: the process total
     * the OS reports ticks in 10 ms steps, too coarse for one image.
     */
    private static long processCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            total += Math.max(0, threads.getThreadCpuTime(id));
        }
        return total;
    }

    static EngineResult run(String name, ImageProcessor processor, Path input, List<SizeSpec> sizes, int runs, int warmup)
            throws IOException, ImageRejectedException {
        return run(name, processor, input, sizes, Set.of(OutputFormat.JPEG), runs, warmup, false);
    }

    static EngineResult run(String name, ImageProcessor processor, Path input, List<SizeSpec> sizes, int runs, int warmup,
            boolean mean) throws IOException, ImageRejectedException {
        return run(name, processor, input, sizes, Set.of(OutputFormat.JPEG), runs, warmup, mean);
    }

    /** {@code mean}: the runs' mean instead of their median, for the first images of a process, where each one counts. */
    /** {@code formats}: what every rendition is written as, the JPEG and, as an order may ask, the WebP (issue 25). */
    static EngineResult run(String name, ImageProcessor processor, Path input, List<SizeSpec> sizes, Set<OutputFormat> formats,
            int runs, int warmup, boolean mean) throws IOException, ImageRejectedException {
        for (int i = 0; i < warmup; i++) {
            processor.process(Files.readAllBytes(input), sizes, formats);
        }
        System.gc(); // start the measured runs from a clean heap, so the peak is theirs
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        double[] total = new double[runs];
        double[] cpu = new double[runs];
        double[] decode = new double[runs];
        double[] resize = new double[runs];
        double[] encode = new double[runs];
        ProcessedImage last = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            long startCpu = processCpuNanos();
            last = processor.process(Files.readAllBytes(input), sizes, formats);
            total[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (processCpuNanos() - startCpu) / 1e6;
            decode[i] = last.times().decodeNanos() / 1e6;
            resize[i] = last.times().resizeNanos() / 1e6;
            encode[i] = last.times().encodeNanos() / 1e6;
        }
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        Map<String, byte[]> outputs = new LinkedHashMap<>();
        for (Rendition r : last.renditions()) {
            outputs.put(r.size().label(), r.jpeg());
        }
        ToDoubleFunction<double[]> summary = mean ? v -> Arrays.stream(v).average().orElseThrow()
                : Json::median;
        return new EngineResult(name, summary.applyAsDouble(total), summary.applyAsDouble(cpu), summary.applyAsDouble(decode),
                summary.applyAsDouble(resize), summary.applyAsDouble(encode), peak / 1048576.0, "heap", runs, outputs);
    }
}
