package io.mediasync.bench;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's generated inputs, the same bytes on every run on a given JDK: written once into the temp
 * directory and reused. The standard set is the four inputs of issue 10.
 */
final class BenchInputs {

    /** Bump when a generator changes, so stale files are not reused. */
    private static final String VERSION = "v1";

    private BenchInputs() {
    }

    /** Prints the four standard inputs' paths, one per line, generating the missing ones ({@code ./mediasync bench order}). */
    public static void main(String[] args) throws IOException {
        standard(true).forEach(System.out::println);
    }

    /** A 12 MP photo-like JPEG at quality 90 (noisy), 3000x3000 and 1400x1400 cover JPEGs, a 3000x3000 cover PNG. */
    static List<Path> standard(boolean quiet) throws IOException {
        return List.of(photo(12, quiet), coverJpeg(3000, quiet), coverJpeg(1400, quiet), coverPng(3000, quiet));
    }

    /** A photo-like JPEG of about {@code megapixels}, 4:3, quality 90. */
    static Path photo(double megapixels, boolean quiet) throws IOException {
        int width = (int) Math.round(Math.sqrt(megapixels * 1e6 * 4 / 3));
        int height = (int) Math.round(width * 3 / 4.0);
        // streams rows: a 50 MP input is written from a 256 MB heap
        return cached(String.format(Locale.ROOT, "photo-%dx%d-q90.jpg", width, height), quiet,
                file -> SyntheticPhoto.writeJpeg(file, width, height, 0.9f));
    }

    static Path coverJpeg(int size, boolean quiet) throws IOException {
        return cached("cover-" + size + "-q90.jpg", quiet, file -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            try (FileImageOutputStream out = new FileImageOutputStream(file.toFile())) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(SyntheticCover.draw(size, 7), null, null), param);
            } finally {
                writer.dispose();
            }
        });
    }

    static Path coverPng(int size, boolean quiet) throws IOException {
        return cached("cover-" + size + ".png", quiet, file -> {
            if (!ImageIO.write(SyntheticCover.draw(size, 7), "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
        });
    }

    private interface Writer {
        void write(Path file) throws IOException;
    }

    /** The input of that name in the temp directory, written first (to a partial file, then moved) if missing. */
    private static Path cached(String name, boolean quiet, Writer writer) throws IOException {
        Path file = dir().resolve(name);
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            if (!quiet) {
                System.err.println("generating " + file);
            }
            Path partial = Path.of(file + ".partial");
            Files.deleteIfExists(partial);
            writer.write(partial);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return file;
    }

    private static Path dir() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "mediasync-bench-" + VERSION));
    }
}
