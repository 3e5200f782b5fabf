package io.mediasync.resizer.imaging.decode;

import io.mediasync.resizer.imaging.colour.Premultiplied;
import io.mediasync.resizer.imaging.jpeg.JpegPlane;
import io.mediasync.resizer.imaging.jpeg.JpegPlanes;
import io.mediasync.resizer.imaging.pixels.Plane;
import io.mediasync.resizer.imaging.pixels.RgbImage;
import io.mediasync.resizer.imaging.resample.ReducedSources;
import io.mediasync.resizer.imaging.resample.Resampler;
import io.mediasync.resizer.imaging.resample.YccToRgb;

/**
 * A decoded source as the resize stage takes it: B, G, R pixels, or a JPEG's component planes (Y, Cb, Cr or Y
 * alone), each with its subsampling on the image's grid. Planes are resized each on its own, to the rendition's size,
 * and only then made into pixels ({@link #render}): resizing commutes with the YCbCr to RGB conversion (it is affine
 * and the filter's weights sum to 1), so this gives the pixels of converting first, for a fraction of the work. The
 * chroma of a 4:2:0 JPEG is never upsampled to the full grid, and the conversion runs on the small output.
 */
public final class DecodedImage {

    private enum Kind { BGR, YCC, GREY }

    /**
     * One plane, how many pixels of the image's grid one of its samples covers on each axis (1 or 2), and the
     * decoder's copy of it reduced by {@code meansFactor} (its block means), or null.
     */
    private record Layer(Plane plane, int subsamplingX, int subsamplingY, Plane means, int meansFactor) {
    }

    private final Kind kind;
    private final Layer[] layers;
    /** Pixels with their opacity, premultiplied ({@link Premultiplied}), on the grid of the B, G, R plane; or null. */
    private final Plane premultiplied;

    private DecodedImage(Kind kind, Layer... layers) {
        this(kind, null, layers);
    }

    private DecodedImage(Kind kind, Plane premultiplied, Layer... layers) {
        this.kind = kind;
        this.layers = layers;
        this.premultiplied = premultiplied;
    }

    static DecodedImage of(RgbImage pixels) {
        return of(pixels, null);
    }

    /**
     * Pixels flattened onto white (the JPEG's, as ever) and, for a source with transparency decoded for WebP, the
     * same pixels with their opacity: B, G, R, A premultiplied, 4 bytes a pixel, or null for an opaque source.
     */
    static DecodedImage of(RgbImage pixels, Plane premultiplied) {
        if (premultiplied != null && (premultiplied.width() != pixels.width() || premultiplied.height() != pixels.height()
                || premultiplied.channels() != Premultiplied.CHANNELS)) {
            throw new IllegalArgumentException("alpha plane " + premultiplied.width() + "x" + premultiplied.height()
                    + " does not match the pixels");
        }
        return new DecodedImage(Kind.BGR, premultiplied, new Layer(pixels.plane(), 1, 1, null, 0));
    }

    /** The premultiplied pixels with opacity, with the copies a resize will reduce them to; null when opaque. */
    public ReducedSources premultipliedSources() {
        return premultiplied == null ? null : new ReducedSources(premultiplied);
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
        Layer[] layers = new Layer[from.length];
        for (int i = 0; i < from.length; i++) {
            JpegPlane p = from[i];
            layers[i] = new Layer(plane(p), p.subsamplingX(), p.subsamplingY(),
                    p.means() == null ? null : plane(p.means()), p.meansFactor());
        }
        return new DecodedImage(kind, layers);
    }

    private static Plane plane(JpegPlane p) {
        return new Plane(p.width(), p.height(), 1, p.stride(), p.samples());
    }

    public int planeCount() {
        return layers.length;
    }

    public Plane plane(int i) {
        return layers[i].plane();
    }

    /** How many pixels of the image's grid one sample of plane {@code i} covers across (1 or 2). */
    public int subsamplingX(int i) {
        return layers[i].subsamplingX();
    }

    public int subsamplingY(int i) {
        return layers[i].subsamplingY();
    }

    /**
     * Plane {@code i} and the copies of it the decoder made for free: its block means, the plane box-reduced by the
     * block size (and more exactly: each the mean of the full decode's pixels, rounded once).
     */
    public ReducedSources sources(int i) {
        Layer layer = layers[i];
        ReducedSources sources = new ReducedSources(layer.plane());
        if (layer.means() != null) {
            sources.add(layer.meansFactor(), layer.means());
        }
        return sources;
    }

    /** The decoded pixels, when they were decoded as pixels. */
    RgbImage rgb() {
        if (kind != Kind.BGR) {
            throw new IllegalStateException("decoded as " + kind + " planes, not pixels");
        }
        return RgbImage.of(layers[0].plane());
    }

    /** Where a rendition lies in one plane (or in a box-reduced copy of it): the region, in its samples. */
    public record Region(Plane plane, double x0, double y0, double x1, double y1) {
    }

    /**
     * The rendition of {@code width x height} pixels: each plane's region resampled to that size (chroma included:
     * the encoder subsamples it again), then made into pixels. Planes are converted from the resampler's unrounded
     * sums and rounded once, as pixels.
     */
    public RgbImage render(Region[] regions, int width, int height) {
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

    /** Whether this is a JPEG's component planes rather than pixels. */
    public boolean planar() {
        return kind != Kind.BGR;
    }
}
