package io.mediasync.resizer.imaging.pixels;

import java.util.Objects;

/**
 * What the resize stage works on: {@code width x height} pixels of {@code channels} interleaved bytes each, the
 * first at {@code offset}, rows {@code stride} bytes apart. An {@link RgbImage} is a plane of 3 channels; a JPEG decoded to planes is one plane of
 * 1 channel per component (Y, Cb, Cr), each at its own resolution.
 */
public record Plane(int width, int height, int channels, int stride, byte[] samples, int offset) {

    public Plane {
        if (width < 1 || height < 1 || channels < 1) {
            throw new IllegalArgumentException("empty plane " + width + "x" + height + "x" + channels);
        }
        Objects.requireNonNull(samples);
        if (offset < 0 || stride < (long) width * channels
                || samples.length < offset + (long) stride * (height - 1) + (long) width * channels) {
            throw new IllegalArgumentException("sample array too short for " + width + "x" + height + "x" + channels);
        }
    }

    /** A plane whose first pixel is the array's first. */
    public Plane(int width, int height, int channels, int stride, byte[] samples) {
        this(width, height, channels, stride, samples, 0);
    }

    /** A new plane with rows packed (stride = width x channels). */
    public static Plane allocate(int width, int height, int channels) {
        int stride = Math.multiplyExact(width, channels);
        return new Plane(width, height, channels, stride, new byte[Math.multiplyExact(stride, height)]);
    }

    /** Bytes of one row's pixels. */
    public int rowBytes() {
        return width * channels;
    }
}
