package io.mediasync.resizer.imaging.resample;

import io.mediasync.resizer.imaging.pixels.RgbImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExifOrientationTest {

    /** A stored 3x2 image whose pixels are numbered 1..6 row by row (in the blue byte). */
    private static RgbImage numbered() {
        RgbImage image = RgbImage.allocate(3, 2);
        for (int i = 0; i < 6; i++) {
            image.bgr()[i * 3] = (byte) (i + 1);
        }
        return image;
    }

    private static String rows(RgbImage image) {
        StringBuilder s = new StringBuilder();
        for (int y = 0; y < image.height(); y++) {
            if (y > 0) {
                s.append('/');
            }
            for (int x = 0; x < image.width(); x++) {
                s.append(image.rgb(x, y) & 0xFF);
            }
        }
        return s.toString();
    }

    // stored: 123/456. Expected upright images from the EXIF definitions (what row 0 / column 0 of the stored image
    // show): 2 = mirrored, 3 = upside down, 4 = flipped, 5 = transposed, 6 = stored rotated 90 clockwise to show,
    // 7 = transverse, 8 = rotated 90 counter-clockwise to show.
    @ParameterizedTest
    @CsvSource({"1, 123/456", "2, 321/654", "3, 654/321", "4, 456/123",
            "5, 14/25/36", "6, 41/52/63", "7, 63/52/41", "8, 36/25/14"})
    void appliesEachOrientation(int tag, String expected) {
        ExifOrientation orientation = ExifOrientation.fromTag(tag);
        assertThat(orientation.tag()).isEqualTo(tag);
        RgbImage upright = orientation.apply(numbered());
        assertThat(rows(upright)).isEqualTo(expected);
        assertThat(upright.width()).isEqualTo(orientation.uprightWidth(3, 2));
        assertThat(upright.height()).isEqualTo(orientation.uprightHeight(3, 2));
    }

    @ParameterizedTest
    @CsvSource({"0", "9", "-1", "65535"})
    void unknownValuesMeanAsStored(int tag) {
        assertThat(ExifOrientation.fromTag(tag)).isEqualTo(ExifOrientation.TOP_LEFT);
    }
}
