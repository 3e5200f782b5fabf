package io.mediasync.resizer.imaging.webp;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The boolean coder against the decoder of RFC 6386 section 7.3 (written out here): every bit comes back, carries
 * into bytes already written included. That decoder keeps a byte of look-ahead, so it may fetch one byte past
 * what the encoder wrote (never more); the frame writer leaves that byte after the last partition.
 */
class WebpBoolEncoderTest {

    /** RFC 6386 7.3's bool_decoder, reading 0 past the end and counting how often it had to. */
    private static final class Decoder {
        private final byte[] data;
        private int position;
        private int value;
        private int range = 255;
        private int bitCount;
        int pastEnd;

        Decoder(byte[] data) {
            this.data = data;
            value = next() << 8 | next();
        }

        private int next() {
            if (position < data.length) {
                return data[position++] & 0xFF;
            }
            pastEnd++;
            return 0;
        }

        int bit(int probability) {
            int split = 1 + (((range - 1) * probability) >> 8);
            int bigSplit = split << 8;
            int bit;
            if (value >= bigSplit) {
                range -= split;
                value -= bigSplit;
                bit = 1;
            } else {
                range = split;
                bit = 0;
            }
            while (range < 128) {
                value <<= 1;
                range <<= 1;
                if (++bitCount == 8) {
                    bitCount = 0;
                    value |= next();
                }
            }
            return bit;
        }
    }

    @Test
    void everyBitComesBackAtEveryProbability() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int count = 1 + random.nextInt(random.nextBoolean() ? 40 : 4000);
            int[] bits = new int[count];
            int[] probabilities = new int[count];
            boolean skewed = random.nextBoolean(); // long runs of likely bits make carries and 0xFF bytes
            BoolEncoder encoder = new BoolEncoder(16);
            for (int i = 0; i < count; i++) {
                probabilities[i] = skewed ? 250 + random.nextInt(6) : 1 + random.nextInt(255);
                bits[i] = random.nextInt(256) < probabilities[i] ? 0 : 1;
                if (skewed && random.nextInt(50) == 0) {
                    bits[i] = 1 - bits[i];
                }
                encoder.putBit(bits[i], probabilities[i]);
            }
            byte[] out = encoder.finish();
            Decoder decoder = new Decoder(out);
            for (int i = 0; i < count; i++) {
                assertThat(decoder.bit(probabilities[i])).as("round %d bit %d of %d", round, i, count).isEqualTo(bits[i]);
            }
            assertThat(decoder.pastEnd).as("round %d: bytes fetched past the end", round).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void literalsAndOptionalSignedValues() {
        BoolEncoder encoder = new BoolEncoder(16);
        encoder.putLiteral(0x5A, 8);
        encoder.putLiteral(3, 2);
        encoder.putOptionalSigned(-9, 4);
        encoder.putOptionalSigned(0, 4);
        encoder.putOptionalSigned(12, 7);
        Decoder decoder = new Decoder(encoder.finish());
        assertThat(literal(decoder, 8)).isEqualTo(0x5A);
        assertThat(literal(decoder, 2)).isEqualTo(3);
        assertThat(decoder.bit(128)).isOne();
        assertThat(literal(decoder, 4)).isEqualTo(9);
        assertThat(decoder.bit(128)).as("negative").isOne();
        assertThat(decoder.bit(128)).as("absent").isZero();
        assertThat(decoder.bit(128)).isOne();
        assertThat(literal(decoder, 7)).isEqualTo(12);
        assertThat(decoder.bit(128)).as("positive").isZero();
    }

    private static int literal(Decoder decoder, int bits) {
        int value = 0;
        for (int i = 0; i < bits; i++) {
            value = value << 1 | decoder.bit(128);
        }
        return value;
    }
}
