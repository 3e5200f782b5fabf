package io.mediasync.resizer.imaging.colour;

import io.mediasync.resizer.imaging.pixels.Plane;

/**
 * Pixels with opacity as the resize stage takes them for WebP: B, G, R, A bytes with each colour premultiplied by its
 * opacity, {@code round(c * a / 255)}. Resampling straight colour would bleed the colour hidden under transparent
 * pixels into the visible edge (a logo's anti-aliased border turns dark, or whatever the editor left there); weighted
 * by opacity, a pixel contributes colour in proportion to how much of it shows. 8 bits, as Pillow's resize of RGBA
 * (it converts to RGBa and back): the colour of a pixel of opacity a keeps about a/255 of its precision, which is
 * what shows of it.
 * <p>
 * The rounding is the flattening's: {@code (v * a + 255 * (255 - a) + 127) / 255}, the JPEG path's colour on white,
 * is exactly {@code premultiply(v, a) + 255 - a}.
 */
public final class Premultiplied {

    public static final int CHANNELS = 4;

    private Premultiplied() {
    }

    /** Straight B, G, R pixels and their opacity, both packed: what the WebP encoder takes. */
    public record Straight(int width, int height, byte[] bgr, byte[] alpha) {
    }

    static int premultiply(int value, int alpha) {
        return (value * alpha + 127) / 255;
    }

    /**
     * The premultiplied plane of packed A, B, G, R pixels (Java2D's TYPE_4BYTE_ABGR), or null when every pixel is
     * opaque: such a source is encoded as the JPEG's pixels are, without an alpha plane.
     */
    static Plane fromAbgr(byte[] abgr, int width, int height) {
        int pixels = width * height;
        boolean opaque = true;
        for (int i = 0; i < pixels && opaque; i++) {
            opaque = abgr[i * 4] == (byte) 255;
        }
        if (opaque) {
            return null;
        }
        Plane out = Plane.allocate(width, height, CHANNELS);
        byte[] dst = out.samples();
        for (int i = 0, s = 0; i < pixels; i++, s += 4) {
            int a = abgr[s] & 0xFF;
            dst[s] = (byte) premultiply(abgr[s + 1] & 0xFF, a);
            dst[s + 1] = (byte) premultiply(abgr[s + 2] & 0xFF, a);
            dst[s + 2] = (byte) premultiply(abgr[s + 3] & 0xFF, a);
            dst[s + 3] = (byte) a;
        }
        return out;
    }

    /**
     * Back to straight colour, {@code round(p * 255 / a)} clamped (the Lanczos lobes can leave a colour above its
     * opacity); a fully transparent pixel's colour is 0, which the encoder replaces by what codes cheapest anyway.
     */
    public static Straight unpremultiply(Plane premultiplied) {
        int width = premultiplied.width();
        int height = premultiplied.height();
        byte[] bgr = new byte[width * height * 3];
        byte[] alpha = new byte[width * height];
        byte[] in = premultiplied.samples();
        for (int y = 0, d = 0, o = 0; y < height; y++) {
            for (int x = 0, s = premultiplied.offset() + y * premultiplied.stride(); x < width; x++, s += 4, d += 3, o++) {
                int a = in[s + 3] & 0xFF;
                alpha[o] = (byte) a;
                if (a == 255) {
                    bgr[d] = in[s];
                    bgr[d + 1] = in[s + 1];
                    bgr[d + 2] = in[s + 2];
                } else if (a != 0) {
                    int half = a >> 1;
                    bgr[d] = (byte) Math.min(255, ((in[s] & 0xFF) * 255 + half) / a);
                    bgr[d + 1] = (byte) Math.min(255, ((in[s + 1] & 0xFF) * 255 + half) / a);
                    bgr[d + 2] = (byte) Math.min(255, ((in[s + 2] & 0xFF) * 255 + half) / a);
                }
            }
        }
        return new Straight(width, height, bgr, alpha);
    }
}
