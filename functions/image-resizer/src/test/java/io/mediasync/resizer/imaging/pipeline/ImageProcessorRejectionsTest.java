package io.mediasync.resizer.imaging.pipeline;

import io.mediasync.resizer.imaging.ImageRejectedException;
import io.mediasync.testsupport.TestImages;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


import static org.assertj.core.api.Assertions.assertThat;

/** Data that is not a usable image: truncated, not an image at all, or a container we do not support. */
class ImageProcessorRejectionsTest extends ImageProcessorFixture {

    @Test
    void truncatedBaselineJpegIsCorrupt() {
        byte[] jpeg = TestImages.jpeg(TestImages.photoLike(400, 300, 4), 0.9f);
        ImageRejectedException e = rejection(fit, Arrays.copyOf(jpeg, jpeg.length / 2));
        assertThat(e.code()).isEqualTo("corrupt_image");
        assertThat(e.reason()).contains("truncated");
    }

    @Test
    void truncatedProgressiveJpegIsCorrupt() {
        byte[] jpeg = TestImages.fixture("progressive.jpg");
        assertThat(rejection(fit, Arrays.copyOf(jpeg, jpeg.length * 2 / 3)).code()).isEqualTo("corrupt_image");
    }

    @Test
    void jpegCutInsideItsHeaderIsCorrupt() {
        byte[] jpeg = TestImages.jpeg(TestImages.photoLike(40, 30, 5), 0.9f);
        assertThat(rejection(fit, Arrays.copyOf(jpeg, 100)).code()).isEqualTo("corrupt_image");
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "gif", "bmp", "webp"})
    void truncatedOtherFormatsAreCorrupt(String kind) {
        byte[] whole = switch (kind) {
            case "png" -> TestImages.png(TestImages.photoLike(300, 200, 6));
            case "gif" -> TestImages.fixture("two-frames.gif");
            case "bmp" -> TestImages.fixture("halves.bmp");
            default -> TestImages.fixture("lossy.webp");
        };
        ImageRejectedException e = rejection(fit, Arrays.copyOf(whole, whole.length / 2));
        assertThat(e.code()).isEqualTo("corrupt_image");
    }

    @Test
    void htmlIsNotAnImage() {
        ImageRejectedException e = rejection(fit,
                "<!DOCTYPE html>\n<html><head><title>404</title></head><body>Not Found</body></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(e.code()).isEqualTo("not_an_image");
        assertThat(e.reason()).contains("HTML");
    }

    @Test
    void emptyAndTextAreNotImages() {
        assertThat(rejection(fit, new byte[0]).code()).isEqualTo("not_an_image");
        assertThat(rejection(fit, new byte[0]).reason()).isEqualTo("the data is empty");
        assertThat(rejection(fit, "just some text".getBytes(StandardCharsets.UTF_8)).reason()).contains("text");
    }

    @Test
    void knownButUnsupportedContainersAreUnsupported() {
        byte[] tiff = {'I', 'I', 0x2A, 0, 8, 0, 0, 0, 0, 0};
        ImageRejectedException e = rejection(fit, tiff);
        assertThat(e.code()).isEqualTo("unsupported_format");
        assertThat(e.reason()).startsWith("TIFF");
    }
}
