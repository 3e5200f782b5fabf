package io.mediasync.resizer.imaging.webp;

import java.util.Random;

/**
 * Test pictures as the encoder takes them (B, G, R rows at a stride, an optional alpha plane), the same for a
 * given seed: flat, gradients, noise, photo-like (smooth waves, hard-edged discs, grain), with alpha kinds from
 * binary shapes to anti-aliased edges to random.
 */
final class Pictures {

    enum Content { FLAT, GRADIENT, NOISE, PHOTO }

    enum Alpha { NONE, OPAQUE, SHAPE, SOFT_EDGE, RANDOM }

    record Picture(int width, int height, byte[] bgr, int stride, byte[] alpha, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Pictures() {
    }

    static Picture make(Content content, Alpha alphaKind, int width, int height, long seed) {
        Random random = new Random(seed);
        int stride = width * 3 + (int) Math.floorMod(seed, 3) * 5; // some rows padded: the stride is honoured
        byte[] bgr = new byte[stride * (height - 1) + width * 3];
        int[] flat = {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 3; c++) {
                    bgr[y * stride + x * 3 + c] = (byte) sample(content, x, y, c, width, height, flat, random);
                }
            }
        }
        return new Picture(width, height, bgr, stride, alpha(alphaKind, width, height, random),
                content + "/" + alphaKind + " " + width + "x" + height + " #" + seed);
    }

    private static int sample(Content content, int x, int y, int c, int width, int height, int[] flat, Random random) {
        switch (content) {
            case FLAT:
                return flat[c];
            case GRADIENT:
                return c == 0 ? x * 255 / Math.max(1, width - 1) : c == 1 ? y * 255 / Math.max(1, height - 1)
                        : (x + y) * 255 / Math.max(1, width + height - 2);
            case NOISE:
                return random.nextInt(256);
            default:
                double wave = 90 * Math.sin((x * (c + 1) + y * 0.7) / 9.0) * Math.cos(y / 13.0 + c);
                int disc = (x - width / 3) * (x - width / 3) + (y - height / 2) * (y - height / 2)
                        < width * height / 12 ? 70 * (c - 1) : 0;
                return clamp(128 + (int) wave + disc + random.nextInt(17) - 8);
        }
    }

    private static byte[] alpha(Alpha kind, int width, int height, Random random) {
        if (kind == Alpha.NONE) {
            return null;
        }
        byte[] alpha = new byte[width * height];
        double cx = width / 2.0;
        double cy = height / 2.0;
        double radius = Math.min(width, height) / 2.5;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double distance = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                int a = switch (kind) {
                    case OPAQUE -> 255;
                    case SHAPE -> distance < radius ? 255 : 0;
                    case SOFT_EDGE -> clamp((int) Math.round((radius - distance + 2) * 64));
                    default -> random.nextInt(256);
                };
                alpha[y * width + x] = (byte) a;
            }
        }
        return alpha;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
