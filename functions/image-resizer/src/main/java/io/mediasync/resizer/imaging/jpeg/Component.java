package io.mediasync.resizer.imaging.jpeg;

/** One colour component of the frame: its sampling, tables, and its state while decoding. */
final class Component {
    final int id;
    /** Position in the frame's component list. */
    final int index;
    /** Sampling factors, 1..4 (1 for a single-component frame, whatever the file says: it is never interleaved). */
    final int h;
    final int v;
    final int quantTable;

    /** Blocks covering the component's own samples (a non-interleaved scan decodes exactly these). */
    int widthInBlocks;
    int heightInBlocks;
    /** Blocks of the MCU grid (an interleaved scan decodes these; the extra ones are padding). */
    int paddedWidthInBlocks;
    int paddedHeightInBlocks;

    Huffman dcTable;
    Huffman acTable;
    int dcPredictor;
    /** Dequantisation table in zigzag order, latched at the component's first scan; zero slack up to ZigZag.LENGTH. */
    int[] quant;
    /** Per zigzag index: natural index << 16 | quantiser (one load per coefficient in the block decoder). */
    int[] zigzagQuant;

    /** Side of the block this component's IDCT produces: 1, 2, 4 or 8. */
    int scaledSize;
    /**
     * Whether reduced blocks keep their lowest frequencies unattenuated ({@link ReducedIdct#idct4LowPass}) rather
     * than being the means of the full decode: for chroma decoded to planes.
     */
    boolean lowPass;

    /**
     * Quantised coefficients of every block of the MCU grid, 64 per block in natural order, when the whole image
     * must be held (progressive or multi-scan); null when decoded block by block.
     */
    short[] coefficients;

    Component(int id, int index, int h, int v, int quantTable) {
        this.id = id;
        this.index = index;
        this.h = h;
        this.v = v;
        this.quantTable = quantTable;
    }

    /** Index of the first coefficient of a block in {@link #coefficients}. */
    int blockOffset(int blockRow, int blockColumn) {
        return (blockRow * paddedWidthInBlocks + blockColumn) << 6;
    }

    /** Bytes {@link #coefficients} needs. */
    long coefficientBytes() {
        return (long) paddedWidthInBlocks * paddedHeightInBlocks * 64 * Short.BYTES;
    }
}
