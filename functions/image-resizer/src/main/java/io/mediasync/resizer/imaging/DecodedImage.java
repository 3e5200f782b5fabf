package io.mediasync.resizer.imaging;

import io.mediasync.resizer.imaging.jpeg.JpegPlane;
import io.mediasync.resizer.imaging.jpeg.JpegPlanes;

/**
 * A decoded source as the resize stage takes it: B, G, R pixels, or a JPEG's component planes (Y, Cb, Cr or Y
 * alone), each with its subsampling on the image's grid. Planes are resized each on its own, to the rendition's size,
 * and only then made into pixels ({@link #render}): resizing commutes with the YCbCr to RGB conversion (it is affine
 * and the filter's weights sum to 1), so this gives the pixels of converting first, for a fraction of the work. The
 * chroma of a 4:2:0 JPEG is never upsampled to the full grid, and the conversion runs on the small output.
 */
final class DecodedImage {

    private enum Kind { BGR, YCC, GREY }

    private final Kind kind;
    private final Plane[] planes;
    private final int[] subsamplingX;
    private final int[] subsamplingY;
    /** Per plane, the decoder's copy of it reduced by {@link #meansFactor} (its block means), or null. */
    private final Plane[] means;
    private final int[] meansFactor;

    private DecodedImage(Kind kind, Plane[] planes, int[] subsamplingX, int[] subsamplingY, Plane[] means,
            int[] meansFactor) {
        this.kind = kind;
        this.planes = planes;
        this.subsamplingX = subsamplingX;
        this.subsamplingY = subsamplingY;
        this.means = means;
        this.meansFactor = meansFactor;
    }

    static DecodedImage of(RgbImage pixels) {
        return new DecodedImage(Kind.BGR, new Plane[] {pixels.plane()}, new int[] {1}, new int[] {1}, new Plane[1],
                new int[1]);
    }

    static DecodedImage of(JpegPlanes decoded) {
        JpegPlane[] from = decoded.planes();
        Kind kind = switch (decoded.colour()) {
            case YCC -> Kind.YCC;
            case GRAY -> Kind.GREY;
            default -> throw new IllegalArgumentException("no planar path for " + decoded.colour());
        };
        if (from.length != (kind == Kind.YCC ? 3 : 1)) {
            throw new IllegalArgumentException(from.length + " planes for " + decoded.colour());
        }
        Plane[] planes = new Plane[from.length];
        int[] x = new int[from.length];
        int[] y = new int[from.length];
        Plane[] means = new Plane[from.length];
        int[] meansFactor = new int[from.length];
        for (int i = 0; i < from.length; i++) {
            JpegPlane p = from[i];
            planes[i] = plane(p);
            x[i] = p.subsamplingX();
            y[i] = p.subsamplingY();
            means[i] = p.means() == null ? null : plane(p.means());
            meansFactor[i] = p.meansFactor();
        }
        return new DecodedImage(kind, planes, x, y, means, meansFactor);
    }

    private static Plane plane(JpegPlane p) {
        return new Plane(p.width(), p.height(), 1, p.stride(), p.samples());
    }

    int planeCount() {
        return planes.length;
    }

    Plane plane(int i) {
        return planes[i];
    }

    /** How many pixels of the image's grid one sample of plane {@code i} covers across (1 or 2). */
    int subsamplingX(int i) {
        return subsamplingX[i];
    }

    int subsamplingY(int i) {
        return subsamplingY[i];
    }

    /**
     * Plane {@code i} and the copies of it the decoder made for free: its block means, the plane box-reduced by the
     * block size (and more exactly: each the mean of the full decode's pixels, rounded once).
     */
    ReducedSources sources(int i) {
        ReducedSources sources = new ReducedSources(planes[i]);
        if (means[i] != null) {
            sources.add(meansFactor[i], means[i]);
        }
        return sources;
    }

    /** The decoded pixels, when they were decoded as pixels. */
    RgbImage rgb() {
        if (kind != Kind.BGR) {
            throw new IllegalStateException("decoded as " + kind + " planes, not pixels");
        }
        return RgbImage.of(planes[0]);
    }

    /** Where a rendition lies in one plane (or in a box-reduced copy of it): the region, in its samples. */
    record Region(Plane plane, double x0, double y0, double x1, double y1) {
    }

    /**
     * The rendition of {@code width x height} pixels: each plane's region resampled to that size (chroma included:
     * the encoder subsamples it again), then made into pixels. Planes are converted from the resampler's unrounded
     * sums and rounded once, as pixels.
     */
    RgbImage render(Region[] regions, int width, int height) {
        if (kind == Kind.BGR) {
            Region r = regions[0];
            return RgbImage.of(Resampler.resample(r.plane(), r.x0(), r.y0(), r.x1(), r.y1(), width, height));
        }
        Resampler.Samples[] samples = new Resampler.Samples[regions.length];
        for (int i = 0; i < regions.length; i++) {
            Region r = regions[i];
            samples[i] = Resampler.samples(r.plane(), r.x0(), r.y0(), r.x1(), r.y1(), width, height);
        }
        RgbImage out = RgbImage.allocate(width, height);
        if (kind == Kind.GREY) {
            YccToRgb.grey(samples[0], out.bgr());
        } else {
            YccToRgb.convert(samples[0], samples[1], samples[2], out.bgr());
        }
        return out;
    }
}
