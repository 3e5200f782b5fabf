package io.mediasync.resizer.imaging.resample;

import io.mediasync.resizer.imaging.pixels.Plane;
import io.mediasync.resizer.imaging.pixels.RgbImage;

import static io.mediasync.resizer.imaging.resample.RowFilter.Output.BYTES;
import static io.mediasync.resizer.imaging.resample.RowFilter.Output.BYTES_TRANSPOSED;
import static io.mediasync.resizer.imaging.resample.RowFilter.Output.FRACTION;
import static io.mediasync.resizer.imaging.resample.RowFilter.Output.SUMS;

/**
 * Separable Lanczos-3 resampling, the same algorithm as Pillow's {@code ImagingResample} ({@link Weights}): a
 * vertical pass over whole rows, then the horizontal pass as the same row pass ({@link RowFilter}) over the
 * transposed image, so both run as SIMD loops. Fixed point, no per-pixel allocation.
 * <p>
 * {@link #resample} rounds to bytes between the passes and at the end, as Pillow does. {@link #samples} keeps the
 * result unrounded, so that what follows rounds once: the YCbCr planes of a JPEG are converted to RGB first
 * ({@link YccToRgb}), as rounding each plane would add the chroma's rounding, up to 1.8x over, to every pixel.
 * <p>
 * Hand-written on purpose: Java2D's drawImage/AffineTransformOp scale in a single bilinear or bicubic step that
 * reads only 2-4 source pixels per output pixel and so aliases badly when shrinking, getScaledInstance(SMOOTH) is
 * slow, and the libraries that do progressive or proper filtered scaling (imgscalr, java-image-scaling) are
 * unmaintained. No Java2D is used here.
 */
public final class Resampler {

    private static final int BYTE_BITS = RowFilter.BYTE_INPUT_WEIGHT_BITS;

    private Resampler() {
    }

    /**
     * Resampled samples before rounding: {@code width x height} pixels of {@code channels} values times
     * 2^{@code fraction}, pixel (x, y) at {@code x * xStride + y * yStride} (the horizontal pass leaves them
     * transposed: its reader walks them so, instead of a transposition).
     */
    public record Samples(int width, int height, int channels, int[] sums, int fraction, int xStride, int yStride) {
    }

    /** {@link #resample(Plane, double, double, double, double, int, int)} of B, G, R pixels. */
    public static RgbImage resample(RgbImage src, double x0, double y0, double x1, double y1, int outWidth, int outHeight) {
        Plane in = src.plane();
        Plane out = resample(in, x0, y0, x1, y1, outWidth, outHeight);
        return out == in ? src : RgbImage.of(out);
    }

    /**
     * Resamples the region [x0, x1) x [y0, y1) of {@code src} (in source pixels, fractions allowed) to
     * {@code outWidth x outHeight}, every channel alike. Works for shrinking and enlarging, on each axis
     * independently. Returns {@code src} itself when there is nothing to do; otherwise a packed plane.
     */
    public static Plane resample(Plane src, double x0, double y0, double x1, double y1, int outWidth, int outHeight) {
        checkRegion(src, x0, y0, x1, y1);
        boolean horizontal = outWidth != src.width() || x0 != 0 || x1 != src.width();
        boolean vertical = outHeight != src.height() || y0 != 0 || y1 != src.height();
        if (!horizontal && !vertical) {
            return src;
        }
        int channels = src.channels();
        Plane out = Plane.allocate(outWidth, outHeight, channels);
        Weights down = Weights.lanczos(src.height(), y0, y1, outHeight, BYTE_BITS);
        if (!horizontal) {
            RowFilter.filter(src, null, src.rowBytes(), channels, down, BYTES, out.samples(), null, null);
            return out;
        }
        Weights across = Weights.lanczos(src.width(), x0, x1, outWidth, BYTE_BITS);
        Plane rows = columns(src, across);
        // both passes write their rows as columns: the first's output is the second's input, the second's the result
        Plane transposed = Plane.allocate(outHeight, rows.width(), channels);
        if (vertical) {
            RowFilter.filter(rows, null, rows.rowBytes(), channels, down, BYTES_TRANSPOSED, transposed.samples(), null, null);
        } else {
            Transposer.transpose(rows, transposed.samples());
        }
        RowFilter.filter(transposed, null, transposed.rowBytes(), channels, across.shifted(-across.first()),
                BYTES_TRANSPOSED, out.samples(), null, null);
        return out;
    }

    /**
     * The same resampling with nothing rounded (the first pass hands the second shorts with
     * {@link RowFilter#FRACTION_BITS} fractional bits), for a caller that rounds after further arithmetic.
     */
    public static Samples samples(Plane src, double x0, double y0, double x1, double y1, int outWidth, int outHeight) {
        checkRegion(src, x0, y0, x1, y1);
        boolean horizontal = outWidth != src.width() || x0 != 0 || x1 != src.width();
        boolean vertical = outHeight != src.height() || y0 != 0 || y1 != src.height();
        int channels = src.channels();
        int[] sums = new int[Math.multiplyExact(outWidth * channels, outHeight)];
        Weights down = Weights.lanczos(src.height(), y0, y1, outHeight, BYTE_BITS);
        if (!horizontal) { // with no vertical pass either, weights of 1: the samples as they are
            int fraction = RowFilter.filter(src, null, src.rowBytes(), channels, down, SUMS, null, null, sums);
            return new Samples(outWidth, outHeight, channels, sums, fraction, channels, outWidth * channels);
        }
        Weights across = Weights.lanczos(src.width(), x0, x1, outWidth,
                RowFilter.weightBits(vertical ? RowFilter.FRACTION_BITS : 0));
        Plane columns = columns(src, across);
        Plane bytes = null;
        short[] shorts = null;
        if (vertical) {
            short[] filtered = new short[Math.multiplyExact(columns.rowBytes(), outHeight)];
            RowFilter.filter(columns, null, columns.rowBytes(), channels, down, FRACTION, null, filtered, null);
            shorts = Transposer.transpose(filtered, columns.width(), outHeight, channels);
        } else {
            bytes = Transposer.transpose(columns);
        }
        int fraction = RowFilter.filter(bytes, shorts, outHeight * channels, channels, across.shifted(-across.first()),
                SUMS, null, null, sums);
        return new Samples(outWidth, outHeight, channels, sums, fraction, outHeight * channels, channels);
    }

    /** The columns of {@code src} some output pixel of the horizontal pass reads: only those go through the first pass. */
    private static Plane columns(Plane src, Weights across) {
        int first = across.first();
        return new Plane(across.end() - first, src.height(), src.channels(), src.stride(), src.samples(),
                src.offset() + first * src.channels());
    }

    private static void checkRegion(Plane src, double x0, double y0, double x1, double y1) {
        if (!(0 <= x0 && x0 < x1 && x1 <= src.width() && 0 <= y0 && y0 < y1 && y1 <= src.height())) {
            throw new IllegalArgumentException("region [" + x0 + "," + x1 + ")x[" + y0 + "," + y1 + ") outside "
                    + src.width() + "x" + src.height());
        }
    }
}
