package io.mediasync.resizer.imaging;

import io.mediasync.resizer.imaging.decode.UnsupportedFormats;
import io.mediasync.testsupport.TestImages;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


import static org.assertj.core.api.Assertions.assertThat;

class ImageFormatTest {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void detectsEachMagicNumber() {
        assertThat(ImageFormat.detect(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10))).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.detect(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0))).contains(ImageFormat.PNG);
        assertThat(ImageFormat.detect("GIF89a\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1))).contains(ImageFormat.GIF);
        assertThat(ImageFormat.detect("GIF87a\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1))).contains(ImageFormat.GIF);
        assertThat(ImageFormat.detect("RIFF\u0010\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)))
                .contains(ImageFormat.WEBP);
        byte[] bmp = new byte[30];
        bmp[0] = 'B';
        bmp[1] = 'M';
        bmp[14] = 40; // BITMAPINFOHEADER
        assertThat(ImageFormat.detect(bmp)).contains(ImageFormat.BMP);
    }

    @Test
    void detectsTheFixtures() {
        assertThat(ImageFormat.detect(TestImages.fixture("progressive.jpg"))).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.detect(TestImages.fixture("two-frames.gif"))).contains(ImageFormat.GIF);
        assertThat(ImageFormat.detect(TestImages.fixture("halves.bmp"))).contains(ImageFormat.BMP);
        assertThat(ImageFormat.detect(TestImages.fixture("lossy.webp"))).contains(ImageFormat.WEBP);
        assertThat(ImageFormat.detect(TestImages.png(TestImages.solid(2, 2, 0)))).contains(ImageFormat.PNG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<!DOCTYPE html><html><body>Not found</body></html>", "{\"error\":\"nope\"}",
            "BMW is not a bitmap header at all", "RIFF....WAVEfmt ", "GIF88a", "\u00FF\u00D8"})
    void doesNotDetectOtherBytes(String text) {
        assertThat(ImageFormat.detect(text.getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    }

    @Test
    void toleratesNullAndTinyInput() {
        assertThat(ImageFormat.detect(null)).isEqualTo(Optional.empty());
        assertThat(ImageFormat.detect(new byte[] {(byte) 0x89})).isEmpty();
    }

    @Test
    void recognisesUnsupportedContainersByName() {
        assertThat(UnsupportedFormats.recognise(bytes('I', 'I', 0x2A, 0, 8, 0, 0, 0))).contains("TIFF");
        assertThat(UnsupportedFormats.recognise(bytes(0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'))).contains("HEIF");
        assertThat(UnsupportedFormats.recognise(bytes(0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'a', 'v', 'i', 'f'))).contains("AVIF");
        assertThat(UnsupportedFormats.recognise("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
                .getBytes(StandardCharsets.UTF_8))).contains("SVG");
        assertThat(UnsupportedFormats.recognise("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
