package io.mediasync.bench;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * A photo-like benchmark input of any size: smooth colour gradients, solid shapes and per-pixel grain, encoded as a
 * JPEG. The pixels are computed row by row as the encoder asks for them, so a 50 MP input can be written from a
 * 256 MB heap (a BufferedImage of it would need 150 MB).
 */
final class SyntheticPhoto extends DataBuffer {

    private record Disc(int cx, int cy, int radius, int r, int g, int b) {
    }

    private final int width;
    private final int height;
    private final int rowBytes;
    private final byte[] row;
    private final short[] waveX;
    private final short[] waveY;
    private final Disc[] discs;
    private int cachedRow = -1;

    private SyntheticPhoto(int width, int height, long seed) {
        super(DataBuffer.TYPE_BYTE, width * height * 3);
        this.width = width;
        this.height = height;
        this.rowBytes = width * 3;
        this.row = new byte[rowBytes];
        this.waveX = new short[width];
        this.waveY = new short[height];
        for (int x = 0; x < width; x++) {
            waveX[x] = (short) (90 * Math.sin(x * 3.0 * Math.PI / width));
        }
        for (int y = 0; y < height; y++) {
            waveY[y] = (short) (90 * Math.cos(y * 2.4 * Math.PI / height));
        }
        Random random = new Random(seed);
        discs = new Disc[12];
        for (int i = 0; i < discs.length; i++) {
            discs[i] = new Disc(random.nextInt(width), random.nextInt(height), (int) (Math.min(width, height) * (0.03 + 0.12 * random.nextDouble())),
                    random.nextInt(256), random.nextInt(256), random.nextInt(256));
        }
    }

    /** Writes a {@code width x height} synthetic photo as a JPEG of the given quality (0..1) to {@code file}. */
    static void writeJpeg(Path file, int width, int height, float quality) throws IOException {
        SyntheticPhoto pixels = new SyntheticPhoto(width, height, 42);
        var model = new PixelInterleavedSampleModel(DataBuffer.TYPE_BYTE, width, height, 3, width * 3, new int[] {2, 1, 0});
        var colours = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false, Transparency.OPAQUE,
                DataBuffer.TYPE_BYTE);
        BufferedImage image = new BufferedImage(colours, Raster.createWritableRaster(model, pixels, null), false, null);
        // the benchmark may use ImageIO's lookup: it only writes a test input, it is not part of the function
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        java.nio.file.Files.deleteIfExists(file);
        try (FileImageOutputStream out = new FileImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    @Override
    public int getElem(int bank, int i) {
        int y = i / rowBytes;
        if (y != cachedRow) {
            renderRow(y);
        }
        return row[i - y * rowBytes] & 0xFF;
    }

    @Override
    public void setElem(int bank, int i, int val) {
        throw new UnsupportedOperationException("read-only synthetic image");
    }

    /** B, G, R bytes of row {@code y}: gradients, then the discs crossing this row, then grain. */
    private void renderRow(int y) {
        int gy = waveY[y];
        for (int x = 0, p = 0; x < width; x++, p += 3) {
            row[p] = (byte) (255L * (x + y) / (width + height));
            row[p + 1] = (byte) (128 + gy);
            row[p + 2] = (byte) (128 + waveX[x]);
        }
        for (Disc d : discs) {
            int dy = y - d.cy;
            if (Math.abs(dy) < d.radius) {
                int half = (int) Math.sqrt((double) d.radius * d.radius - (double) dy * dy);
                for (int x = Math.max(0, d.cx - half), end = Math.min(width, d.cx + half); x < end; x++) {
                    row[x * 3] = (byte) d.b;
                    row[x * 3 + 1] = (byte) d.g;
                    row[x * 3 + 2] = (byte) d.r;
                }
            }
        }
        long state = 0x9E3779B97F4A7C15L * (y + 1); // xorshift grain, deterministic per row
        for (int p = 0; p < rowBytes; p++) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            int grain = (int) ((state & 0xFF) + ((state >>> 8) & 0xFF)) / 10 - 25; // triangular, about +-25
            int v = (row[p] & 0xFF) + grain;
            row[p] = (byte) (v < 0 ? 0 : Math.min(v, 255));
        }
        cachedRow = y;
    }
}
