package io.mediasync.resizer.imaging.encode;

import io.mediasync.resizer.imaging.decode.ImageCodecs;
import io.mediasync.resizer.imaging.pixels.RgbImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes sRGB pixels as a baseline JFIF JPEG with 4:2:0 chroma and no metadata: no EXIF, no ICC profile (sRGB is
 * what a JPEG without a profile means), no comment.
 */
final class JpegEncoder {

    private final float quality;

    /** @param quality 0..1, as ImageIO (libjpeg's 0..100 scale divided by 100) */
    JpegEncoder(float quality) {
        if (!(quality >= 0f && quality <= 1f)) {
            throw new IllegalArgumentException("JPEG quality must be in 0..1, got " + quality);
        }
        this.quality = quality;
    }

    byte[] encode(RgbImage pixels) {
        ImageWriter writer;
        try {
            writer = ImageCodecs.jpegWriter();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(4096, pixels.width() * pixels.height() / 4));
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            JPEGImageWriteParam param = new JPEGImageWriteParam(null);
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
            param.setOptimizeHuffmanTables(true); // a few % smaller, negligible cost at rendition sizes
            writer.setOutput(out);
            // null metadata = the writer's default JFIF header for an sRGB image, and nothing else
            writer.write(null, new IIOImage(pixels.asBufferedImage(), null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding failed", e); // writing to memory: cannot happen
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
