package io.mediasync.resizer.imaging.webp;

import com.twelvemonkeys.imageio.color.YCbCrConverter;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The independent decoders the encoder is checked against.
 *
 * <p>TwelveMonkeys' WebP reader (a dependency already) decodes VP8 and ALPH exactly, but converts to RGB its own
 * way: each pixel takes the chroma sample of its 2x2 block (no interpolation) through its BT.601 tables
 * ({@link YCbCrConverter#convertRec601YCbCr2RGB}). {@link #twelveMonkeysRgb} makes that conversion of a
 * reconstruction, so the reader's pixels can be compared exactly. Its loop filter, though, runs on each macroblock
 * as soon as it is decoded, and the next ones then predict from filtered pixels, which the format does not do:
 * files with the loop filter on come out different (checked: cwebp -f 0 files decode exactly, cwebp's default ones
 * do not). It is given the same frames with the filter off. Nor does it cap the chroma DC step at 132 (RFC 6386
 * 14.1: the quantiser index 117), which only the lowest qualities reach (about 0 to 2): those frames are left to
 * dwebp ({@link #twelveMonkeysCapsChromaDc}).
 *
 * <p>libwebp's dwebp, where installed (Debian's webp package), decodes anything exactly in Y'CbCr: {@code -yuv}
 * writes the Y, U, V planes (and alpha) as they are, before any conversion.
 */
final class Decoders {

    private Decoders() {
    }

    static BufferedImage twelveMonkeys(byte[] file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("webp");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ARGB of each pixel as TwelveMonkeys' reader makes it from these planes (alpha 255 when there is none). */
    static int[] twelveMonkeysRgb(WebpEncoding e) {
        int[] argb = new int[e.width() * e.height()];
        int chromaWidth = (e.width() + 1) / 2;
        byte[] yuv = new byte[3];
        byte[] rgb = new byte[3];
        for (int y = 0; y < e.height(); y++) {
            for (int x = 0; x < e.width(); x++) {
                int i = y * e.width() + x;
                yuv[0] = e.y()[i];
                yuv[1] = e.u()[(y / 2) * chromaWidth + x / 2];
                yuv[2] = e.v()[(y / 2) * chromaWidth + x / 2];
                YCbCrConverter.convertRec601YCbCr2RGB(yuv, rgb, 0);
                int a = e.alpha() == null ? 255 : e.alpha()[i] & 0xFF;
                argb[i] = a << 24 | (rgb[0] & 0xFF) << 16 | (rgb[1] & 0xFF) << 8 | rgb[2] & 0xFF;
            }
        }
        return argb;
    }

    /** Whether a segment's chroma DC index passes 117, where TwelveMonkeys' step differs from the RFC's. */
    static boolean twelveMonkeysCapsChromaDc(Vp8Frame frame) {
        for (Segment segment : frame.segments) {
            if (segment.quantizer + frame.uvDcDelta > 117) {
                return true;
            }
        }
        return false;
    }

    static int[] argb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** dwebp's Y, U, V (and alpha) planes of a file, or empty when dwebp is not installed. */
    static Optional<byte[]> dwebpYuv(byte[] file) {
        if (!DWEBP_INSTALLED) {
            return Optional.empty();
        }
        try {
            Path in = Files.createTempFile("mediasync-webp", ".webp");
            Path out = Files.createTempFile("mediasync-webp", ".yuv");
            try {
                Files.write(in, file);
                Process process = new ProcessBuilder("dwebp", "-quiet", in.toString(), "-yuv", "-o", out.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new AssertionError("dwebp failed on a " + file.length + "-byte file");
                }
                return Optional.of(Files.readAllBytes(out));
            } finally {
                Files.deleteIfExists(in);
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The planes as dwebp -yuv writes them: Y, U, V, then alpha if any. */
    static byte[] flatYuv(WebpEncoding e) {
        int alpha = e.alpha() == null ? 0 : e.alpha().length;
        byte[] out = new byte[e.y().length + e.u().length + e.v().length + alpha];
        System.arraycopy(e.y(), 0, out, 0, e.y().length);
        System.arraycopy(e.u(), 0, out, e.y().length, e.u().length);
        System.arraycopy(e.v(), 0, out, e.y().length + e.u().length, e.v().length);
        if (alpha > 0) {
            System.arraycopy(e.alpha(), 0, out, out.length - alpha, alpha);
        }
        return out;
    }

    static final boolean DWEBP_INSTALLED = onPath("dwebp");

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
