package io.mediasync.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One encoder's size against quality on one rendition, and the size it would take at any PSNR between its
 * points: log(size) interpolated linearly in PSNR between the two neighbouring points (file size grows roughly
 * exponentially with PSNR), never extrapolated.
 */
final class RdCurve {

    record Point(int quality, long bytes, double psnr) {
    }

    private final List<Point> points = new ArrayList<>();

    void add(int quality, long bytes, double psnr) {
        points.add(new Point(quality, bytes, psnr));
        points.sort(Comparator.comparingDouble(Point::psnr));
    }

    List<Point> points() {
        return points;
    }

    /** Bytes at {@code psnr} along the curve, or NaN outside its range. */
    double bytesAt(double psnr) {
        for (int i = 1; i < points.size(); i++) {
            Point a = points.get(i - 1);
            Point b = points.get(i);
            if (psnr >= a.psnr() && psnr <= b.psnr()) {
                if (b.psnr() == a.psnr()) {
                    return Math.min(a.bytes(), b.bytes());
                }
                double t = (psnr - a.psnr()) / (b.psnr() - a.psnr());
                return Math.exp(Math.log(a.bytes()) + t * (Math.log(b.bytes()) - Math.log(a.bytes())));
            }
        }
        return Double.NaN;
    }

    /** PSNR in dB of decoded R, G, B bytes against expected B, G, R bytes of the same picture. */
    static double psnr(byte[] expectedBgr, byte[] decodedRgb) {
        double squared = 0;
        for (int i = 0; i < expectedBgr.length; i += 3) {
            for (int c = 0; c < 3; c++) {
                int d = (expectedBgr[i + 2 - c] & 0xFF) - (decodedRgb[i + c] & 0xFF);
                squared += d * d;
            }
        }
        return squared == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 * expectedBgr.length / squared);
    }

    static double geometricMean(List<Double> values) {
        double log = 0;
        for (double v : values) {
            log += Math.log(v);
        }
        return values.isEmpty() ? Double.NaN : Math.exp(log / values.size());
    }
}
