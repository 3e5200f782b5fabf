package io.mediasync.resizer.imaging.webp;

/** Fixed tables of RFC 6386 that the encoder shares with every decoder. */
final class Vp8Tables {

    private Vp8Tables() {
    }

    /** Position in the 4x4 block (raster order) of the n-th coefficient in coding order (RFC 6386 13). */
    static final int[] ZIGZAG = {0, 1, 4, 8, 5, 2, 3, 6, 9, 12, 13, 10, 7, 11, 14, 15};

    /** The coding-order index of each position in the 4x4 block: the inverse of {@link #ZIGZAG}. */
    static final int[] CODING_ORDER = new int[16];

    static {
        for (int n = 0; n < 16; n++) {
            CODING_ORDER[ZIGZAG[n]] = n;
        }
    }

    /** Probability band of the n-th coefficient in coding order; entry 16 serves the end-of-block after the last. */
    static final int[] BANDS = {0, 1, 2, 3, 6, 4, 5, 6, 6, 6, 6, 6, 6, 6, 6, 7, 0};

    /** dc_qlookup: the DC dequantisation factor of each quantiser index (RFC 6386 14.1). */
    static final int[] DC_QUANT = {
              4,   5,   6,   7,   8,   9,  10,  10,  11,  12,  13,  14,  15,  16,  17,  17,
             18,  19,  20,  20,  21,  21,  22,  22,  23,  23,  24,  25,  25,  26,  27,  28,
             29,  30,  31,  32,  33,  34,  35,  36,  37,  37,  38,  39,  40,  41,  42,  43,
             44,  45,  46,  46,  47,  48,  49,  50,  51,  52,  53,  54,  55,  56,  57,  58,
             59,  60,  61,  62,  63,  64,  65,  66,  67,  68,  69,  70,  71,  72,  73,  74,
             75,  76,  76,  77,  78,  79,  80,  81,  82,  83,  84,  85,  86,  87,  88,  89,
             91,  93,  95,  96,  98, 100, 101, 102, 104, 106, 108, 110, 112, 114, 116, 118,
            122, 124, 126, 128, 130, 132, 134, 136, 138, 140, 143, 145, 148, 151, 154, 157
    };

    /** ac_qlookup: the AC dequantisation factor of each quantiser index. */
    static final int[] AC_QUANT = {
              4,   5,   6,   7,   8,   9,  10,  11,  12,  13,  14,  15,  16,  17,  18,  19,
             20,  21,  22,  23,  24,  25,  26,  27,  28,  29,  30,  31,  32,  33,  34,  35,
             36,  37,  38,  39,  40,  41,  42,  43,  44,  45,  46,  47,  48,  49,  50,  51,
             52,  53,  54,  55,  56,  57,  58,  60,  62,  64,  66,  68,  70,  72,  74,  76,
             78,  80,  82,  84,  86,  88,  90,  92,  94,  96,  98, 100, 102, 104, 106, 108,
            110, 112, 114, 116, 119, 122, 125, 128, 131, 134, 137, 140, 143, 146, 149, 152,
            155, 158, 161, 164, 167, 170, 173, 177, 181, 185, 189, 193, 197, 201, 205, 209,
            213, 217, 221, 225, 229, 234, 239, 245, 249, 254, 259, 264, 269, 274, 279, 284
    };

    /** Smallest value of each token of DCT_CAT1..DCT_CAT6 and the probabilities of its extra bits, MSB first. */
    static final int[] CATEGORY_BASE = {5, 7, 11, 19, 35, 67};
    static final int[][] CATEGORY_PROBS = {
            {159},
            {165, 145},
            {173, 148, 140},
            {176, 155, 140, 135},
            {180, 157, 141, 134, 130},
            {254, 254, 243, 230, 196, 177, 153, 140, 133, 130, 129}
    };

    /** The largest coefficient a token can carry: DCT_CAT6's base plus 11 extra bits. */
    static final int MAX_LEVEL = 2047;
}
