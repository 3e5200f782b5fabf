package io.mediasync.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One engine's figures on one input: medians of the measured runs, in milliseconds (NaN where the engine does not
 * separate a stage): wall time, and the process' CPU time (every thread: steadier than wall time on a busy
 * machine); its peak memory, and the outputs of its last run by size label.
 *
 * @param memoryKind what {@code peakMb} measures: "heap" (the JVM's used heap) or "rss" (a process' peak RSS)
 */
record EngineResult(String engine, double totalMs, double cpuMs, double decodeMs, double resizeMs, double encodeMs, double peakMb,
                    String memoryKind, int runs, Map<String, byte[]> outputs) {

    String json(String input, double megapixels, Map<String, Double> psnr) {
        return Json.object("engine", engine, "input", input, "megapixels", megapixels, "ms_per_image", totalMs,
                "cpu_ms_per_image", finite(cpuMs),
                "decode_ms", finite(decodeMs), "resize_ms", finite(resizeMs), "encode_ms", finite(encodeMs),
                "peak_" + memoryKind + "_mb", peakMb, "psnr_db", psnr.isEmpty() ? null : new LinkedHashMap<>(psnr),
                "runs", runs);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
