package io.mediasync.resizer.imaging.jpeg;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IdctTest {

    /**
     * The reduced IDCTs promise each output sample is the mean of the 8/n x 8/n samples the full IDCT gives: checked
     * on random blocks (sparse like real ones, and dense), against the full 8x8 transform averaged here.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void reducedSizesAreTheBoxMeansOfTheFullBlock(int size) {
        Random random = new Random(size);
        int[] workspace = new int[64];
        int worst = 0;
        int compared = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int[] coefficients = new int[64];
            int nonZero = trial % 2 == 0 ? 1 + random.nextInt(6) : 64;
            for (int i = 0; i < nonZero; i++) {
                int k = nonZero == 64 ? i : random.nextInt(64);
                int range = nonZero == 64 ? 13 : 121; // dense blocks: smaller values, or they clip
                coefficients[k] = k == 0 ? (random.nextInt(121) - 60) * 8 : (random.nextInt(range) - range / 2) * 2;
            }
            byte[] full = new byte[64];
            Idct.idct8(coefficients.clone(), workspace, full, 0, 8);
            if (!unclipped(full)) {
                continue; // clipping at 0 or 255 happens before the mean in a full decode: not comparable
            }
            compared++;
            byte[] reduced = new byte[size * size];
            Idct.idct(component(size, false), coefficients.clone(), workspace, reduced, 0, size);
            int group = 8 / size;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int sum = 0;
                    for (int dy = 0; dy < group; dy++) {
                        for (int dx = 0; dx < group; dx++) {
                            sum += full[(y * group + dy) * 8 + x * group + dx] & 0xFF;
                        }
                    }
                    double mean = (double) sum / (group * group);
                    worst = Math.max(worst, (int) Math.ceil(Math.abs((reduced[y * size + x] & 0xFF) - mean) - 0.5));
                }
            }
        }
        assertThat(compared).as("blocks compared").isGreaterThan(1500);
        assertThat(worst).as("largest difference from the mean, in levels").isLessThanOrEqualTo(1);
    }

    /**
     * The low-pass reductions (chroma decoded to planes) promise the block's lowest n x n frequencies at n points,
     * unattenuated: checked against that reconstruction in double precision, an n-point inverse DCT of those
     * coefficients scaled by sqrt(n/8) per axis (which keeps the block's mean).
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void lowPassReductionsKeepTheLowestFrequenciesUnattenuated(int size) {
        Random random = new Random(100 + size);
        int[] workspace = new int[64];
        double worst = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int[] coefficients = new int[64];
            for (int k = 0; k < 64; k++) {
                coefficients[k] = k == 0 ? (random.nextInt(121) - 60) * 8 : (random.nextInt(41) - 20) * 2;
            }
            byte[] reduced = new byte[size * size];
            Idct.idct(component(size, true), coefficients.clone(), workspace, reduced, 0, size);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double expected = 128;
                    for (int v = 0; v < size; v++) {
                        for (int u = 0; u < size; u++) {
                            expected += weight(u, x, size) * weight(v, y, size) * coefficients[v * 8 + u];
                        }
                    }
                    expected = Math.max(0, Math.min(255, expected));
                    worst = Math.max(worst, Math.abs((reduced[y * size + x] & 0xFF) - expected));
                }
            }
        }
        assertThat(worst).as("largest difference from the reconstruction, in levels").isLessThanOrEqualTo(1.0);
    }

    /** sqrt(n/8) times the orthonormal n-point inverse DCT's weight of coefficient u at point x. */
    private static double weight(int u, int x, int n) {
        double c = u == 0 ? Math.sqrt(1.0 / n) : Math.sqrt(2.0 / n);
        return Math.sqrt(n / 8.0) * c * Math.cos((2 * x + 1) * u * Math.PI / (2 * n));
    }

    private static Component component(int size, boolean lowPass) {
        Component c = new Component(1, 0, 1, 1, 0);
        c.scaledSize = size;
        c.lowPass = lowPass;
        return c;
    }

    private static boolean unclipped(byte[] samples) {
        for (byte b : samples) {
            int v = b & 0xFF;
            if (v == 0 || v == 255) {
                return false;
            }
        }
        return true;
    }
}
