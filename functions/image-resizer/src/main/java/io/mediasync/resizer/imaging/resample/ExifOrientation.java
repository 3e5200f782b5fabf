package io.mediasync.resizer.imaging.resample;

import io.mediasync.resizer.imaging.pixels.Plane;
import io.mediasync.resizer.imaging.pixels.RgbImage;

/**
 * The eight EXIF orientations (tag 0x0112): how the stored pixels must be transformed to be shown upright.
 * Applied to the small renditions rather than the big decoded source, which is why it only needs to be cheap.
 */
public enum ExifOrientation {
    TOP_LEFT(1),     // as stored
    TOP_RIGHT(2),    // mirrored horizontally
    BOTTOM_RIGHT(3), // rotated 180
    BOTTOM_LEFT(4),  // mirrored vertically
    LEFT_TOP(5),     // transposed (mirror + rotate 270 clockwise)
    RIGHT_TOP(6),    // rotate 90 clockwise to show
    RIGHT_BOTTOM(7), // transversed (mirror + rotate 90 clockwise)
    LEFT_BOTTOM(8);  // rotate 270 clockwise to show

    private final int tag;

    ExifOrientation(int tag) {
        this.tag = tag;
    }

    int tag() {
        return tag;
    }

    /** Unknown or missing values mean "as stored", as every viewer treats them. */
    public static ExifOrientation fromTag(int tag) {
        for (ExifOrientation o : values()) {
            if (o.tag == tag) {
                return o;
            }
        }
        return TOP_LEFT;
    }

    /** Whether width and height trade places. */
    boolean swapsAxes() {
        return tag >= 5;
    }

    public int uprightWidth(int storedWidth, int storedHeight) {
        return swapsAxes() ? storedHeight : storedWidth;
    }

    public int uprightHeight(int storedWidth, int storedHeight) {
        return swapsAxes() ? storedWidth : storedHeight;
    }

    /** The upright image. */
    public RgbImage apply(RgbImage stored) {
        return this == TOP_LEFT ? stored : RgbImage.of(apply(stored.plane()));
    }

    /**
     * The upright plane, packed, of any number of channels (B, G, R or, for WebP, premultiplied B, G, R, A). Each case
     * is "where does output pixel (x, y) read from", as a start and two strides.
     */
    public Plane apply(Plane stored) {
        if (this == TOP_LEFT) {
            return stored;
        }
        int w = stored.width();
        int h = stored.height();
        int px = stored.channels();
        int row = stored.stride();
        int last = (w - 1) * px;
        int bottom = (h - 1) * row;
        // source index = start + x * stepX + y * stepY, for output (x, y)
        int[] walk = switch (this) {
            case TOP_LEFT -> new int[] {0, px, row};
            case TOP_RIGHT -> new int[] {last, -px, row};
            case BOTTOM_RIGHT -> new int[] {bottom + last, -px, -row};
            case BOTTOM_LEFT -> new int[] {bottom, px, -row};
            case LEFT_TOP -> new int[] {0, row, px};
            case RIGHT_TOP -> new int[] {bottom, -row, px};
            case RIGHT_BOTTOM -> new int[] {bottom + last, -row, -px};
            case LEFT_BOTTOM -> new int[] {last, row, -px};
        };
        int outWidth = uprightWidth(w, h);
        int outHeight = uprightHeight(w, h);
        Plane upright = Plane.allocate(outWidth, outHeight, px);
        byte[] in = stored.samples();
        byte[] out = upright.samples();
        int d = 0;
        for (int y = 0; y < outHeight; y++) {
            for (int x = 0, s = stored.offset() + walk[0] + y * walk[2]; x < outWidth; x++, s += walk[1]) {
                for (int c = 0; c < px; c++) {
                    out[d++] = in[s + c];
                }
            }
        }
        return upright;
    }
}
