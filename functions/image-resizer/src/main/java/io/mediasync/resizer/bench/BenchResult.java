package io.mediasync.resizer.bench;

import java.util.Arrays;
import java.util.Locale;

/** One engine's figures, printed as the one-line JSON the benchmark promises. */
record BenchResult(String engine, double msPerImage, double peakHeapMb, String input, double megapixels, int runs) {

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    String json() {
        return String.format(Locale.ROOT,
                "{\"engine\":\"%s\",\"ms_per_image\":%.1f,\"peak_heap_mb\":%.1f,\"input\":\"%s\",\"megapixels\":%.1f,\"runs\":%d}",
                engine, msPerImage, peakHeapMb, escape(input), megapixels, runs);
    }

    static String ratioJson(String name, double ratio) {
        return String.format(Locale.ROOT, "{\"ratio\":\"%s\",\"ms_per_image\":%.2f}", name, ratio);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Reads back the fields of a line printed by {@link #json()} (the Pillow peer prints the same shape). */
    static BenchResult parse(String json) {
        return new BenchResult(text(json, "engine"), number(json, "ms_per_image"), number(json, "peak_heap_mb"),
                text(json, "input"), number(json, "megapixels"), (int) number(json, "runs"));
    }

    private static String text(String json, String key) {
        int start = json.indexOf("\"" + key + "\":\"");
        if (start < 0) {
            throw new IllegalArgumentException("no \"" + key + "\" in " + json);
        }
        start += key.length() + 4;
        return json.substring(start, json.indexOf('"', start));
    }

    private static double number(String json, String key) {
        int start = json.indexOf("\"" + key + "\":");
        if (start < 0) {
            throw new IllegalArgumentException("no \"" + key + "\" in " + json);
        }
        start += key.length() + 3;
        int end = start;
        while (end < json.length() && "-+.0123456789eE".indexOf(json.charAt(end)) >= 0) {
            end++;
        }
        return Double.parseDouble(json.substring(start, end));
    }
}
