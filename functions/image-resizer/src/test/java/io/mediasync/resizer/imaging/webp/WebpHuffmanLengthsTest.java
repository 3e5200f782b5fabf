package io.mediasync.resizer.imaging.webp;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prefix code lengths for the lossless alpha: within the limit even for very skewed counts, complete (the
 * lengths of the used symbols fill the code space exactly, as VP8L readers require), unused symbols without one.
 */
class WebpHuffmanLengthsTest {

    @Test
    void limitedAndComplete() {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            int size = 2 + random.nextInt(random.nextBoolean() ? 20 : 280);
            int limit = random.nextBoolean() ? 7 : 15;
            int[] counts = new int[size];
            int used = 0;
            for (int s = 0; s < size; s++) {
                // geometric-like counts: a few huge, many tiny, some unused
                counts[s] = random.nextInt(4) == 0 ? 0 : 1 + (int) Math.min(1 << 28, Math.pow(2, random.nextInt(30)));
                used += counts[s] > 0 ? 1 : 0;
            }
            if (used < 2 || used > 1 << limit) {
                continue;
            }
            int[] lengths = new int[size];
            HuffmanLengths.build(counts, limit, lengths);
            long kraft = 0; // in units of 2^-limit
            for (int s = 0; s < size; s++) {
                if (counts[s] == 0) {
                    assertThat(lengths[s]).as("unused symbol %d", s).isZero();
                } else {
                    assertThat(lengths[s]).as("symbol %d", s).isBetween(1, limit);
                    kraft += 1L << (limit - lengths[s]);
                }
            }
            assertThat(kraft).as("round %d: the code fills its space", round).isEqualTo(1L << limit);
        }
    }
}
