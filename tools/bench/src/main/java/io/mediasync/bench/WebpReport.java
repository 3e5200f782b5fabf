package io.mediasync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@link WebpBenchmark} prints: per rendition a table of both encoders at each quality (bytes, PSNR, CPU ms)
 * with the size ratio at equal PSNR (ours over libwebp's interpolated at our PSNR: below 1 is smaller) and the
 * CPU time ratio at the same quality; then the JPEG's point and the WebP sizes at its PSNR; a JSON line per row;
 * a summary table at the end (geometric mean and median of the size ratios, mean and worst of the time ratios).
 * Points outside the other curve's PSNR range have no ratio; near the top qualities PSNR hardly moves while the
 * sizes double, so ratios there swing widely: the median is the steadier figure.
 */
final class WebpReport {

    private final boolean jsonOnly;
    private final List<String> summary = new ArrayList<>();

    WebpReport(boolean jsonOnly) {
        this.jsonOnly = jsonOnly;
    }

    void rendition(String input, String size, WebpRendition.Timed[] ours, WebpRendition.Timed[] theirs,
                   RdCurve ourCurve, RdCurve theirCurve, double[] jpeg, int jpegQuality, boolean cwebpBytes) {
        print(String.format(Locale.ROOT, "%n%s %s (libwebp's files are cwebp -m 4's byte for byte: %s)", input, size,
                cwebpBytes ? "yes" : "NO"));
        print("   q |    ours: bytes    PSNR  cpu ms |  libwebp: bytes    PSNR  cpu ms | libwebp bytes at our PSNR   ratio | cpu ratio");
        List<Double> sizeRatios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        double worstCpu = 0;
        int worstCpuQuality = -1;
        for (int k = 0; k < ours.length; k++) {
            int q = ours[k].quality();
            RdCurve.Point mine = point(ourCurve, q);
            RdCurve.Point peer = point(theirCurve, q);
            double atOurPsnr = theirCurve.bytesAt(mine.psnr());
            double sizeRatio = mine.bytes() / atOurPsnr;
            double cpuRatio = ours[k].cpuMs() / theirs[k].cpuMs();
            if (Double.isFinite(sizeRatio)) {
                sizeRatios.add(sizeRatio);
            }
            cpuRatios.add(cpuRatio);
            if (cpuRatio > worstCpu) {
                worstCpu = cpuRatio;
                worstCpuQuality = q;
            }
            print(String.format(Locale.ROOT, "%4d | %14d %7.2f %7.2f | %14d %7.2f %7.2f | %25s %7s | %9.2f", q, mine.bytes(),
                    mine.psnr(), ours[k].cpuMs(), peer.bytes(), peer.psnr(), theirs[k].cpuMs(),
                    Double.isFinite(atOurPsnr) ? String.valueOf(Math.round(atOurPsnr)) : "-",
                    Double.isFinite(sizeRatio) ? String.format(Locale.ROOT, "%.3f", sizeRatio) : "-", cpuRatio));
            System.out.println(Json.object("input", input, "size", size, "quality", q, "ours_bytes", mine.bytes(),
                    "ours_psnr", mine.psnr(), "ours_cpu_ms", ours[k].cpuMs(), "ours_median_cpu_ms", ours[k].medianCpuMs(),
                    "ours_wall_ms", ours[k].wallMs(), "libwebp_bytes", peer.bytes(), "libwebp_psnr", peer.psnr(),
                    "libwebp_cpu_ms", theirs[k].cpuMs(), "libwebp_median_cpu_ms", theirs[k].medianCpuMs(),
                    "libwebp_wall_ms", finite(theirs[k].wallMs()),
                    "libwebp_bytes_at_our_psnr", finite(atOurPsnr), "size_ratio", finite(sizeRatio), "cpu_ratio", cpuRatio));
        }
        double oursAtJpeg = ourCurve.bytesAt(jpeg[1]);
        double theirsAtJpeg = theirCurve.bytesAt(jpeg[1]);
        print(String.format(Locale.ROOT, "JPEG q%d: %d bytes, %.2f dB; WebP at that PSNR: ours %s bytes (%s of the JPEG), libwebp %s (%s)",
                jpegQuality, (long) jpeg[0], jpeg[1], whole(oursAtJpeg), ratio(oursAtJpeg / jpeg[0]), whole(theirsAtJpeg),
                ratio(theirsAtJpeg / jpeg[0])));
        double sizeMean = RdCurve.geometricMean(sizeRatios);
        double sizeMedian = sizeRatios.isEmpty() ? Double.NaN
                : Json.median(sizeRatios.stream().mapToDouble(Double::doubleValue).toArray());
        double cpuMean = RdCurve.geometricMean(cpuRatios);
        System.out.println(Json.object("input", input, "size", size, "size_ratio_geomean", finite(sizeMean),
                "size_ratio_median", finite(sizeMedian),
                "size_ratio_points", sizeRatios.size(), "cpu_ratio_geomean", cpuMean, "cpu_ratio_worst", worstCpu,
                "cpu_ratio_worst_quality", worstCpuQuality, "jpeg_bytes", (long) jpeg[0], "jpeg_psnr", jpeg[1],
                "ours_bytes_at_jpeg_psnr", finite(oursAtJpeg), "ours_vs_jpeg", finite(oursAtJpeg / jpeg[0]),
                "libwebp_vs_jpeg", finite(theirsAtJpeg / jpeg[0])));
        summary.add(String.format(Locale.ROOT, "%-24s %-9s %8s %7s (%2d) %10.2f %8.2f (q%d) %12s %10s", input, size,
                ratio(sizeMean), ratio(sizeMedian), sizeRatios.size(), cpuMean, worstCpu, worstCpuQuality,
                ratio(oursAtJpeg / jpeg[0]), ratio(theirsAtJpeg / jpeg[0])));
    }

    void summary() {
        print("");
        print("                                   size vs libwebp at equal PSNR   cpu vs libwebp at equal q");
        print("input                    rendition  geomean  median (points)         mean  worst        ours/JPEG  libwebp/JPEG");
        summary.forEach(this::print);
    }

    private static RdCurve.Point point(RdCurve curve, int quality) {
        return curve.points().stream().filter(p -> p.quality() == quality).findFirst().orElseThrow();
    }

    private void print(String line) {
        if (!jsonOnly) {
            System.err.println(line);
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String whole(double v) {
        return Double.isFinite(v) ? String.valueOf(Math.round(v)) : "-";
    }

    private static String ratio(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "-";
    }
}
