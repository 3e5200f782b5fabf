package io.mediasync.resizer.imaging.jpeg;

/**
 * Where the IDCT writes each component's samples: per component a plane of rows, told when an iMCU row is complete.
 * {@link OutputStage} turns them into pixels as it goes; {@link PlanarOutput} keeps the planes.
 */
abstract class BlockOutput {

    /** Per component, its samples: rows {@link #strides} apart, as the subclass lays them out. */
    final byte[][] planes;
    final int[] strides;

    BlockOutput(int components) {
        planes = new byte[components][];
        strides = new int[components];
    }

    final byte[] plane(int component) {
        return planes[component];
    }

    final int stride(int component) {
        return strides[component];
    }

    /** Where sample row {@code row} (counted from the top of the image) of a component lives in its plane. */
    abstract int rowOffset(int component, int row);

    /**
     * Where each block's mean goes (one sample per block, a plane reduced by the block size, for free: it is the
     * DC coefficient), or null when not kept.
     */
    byte[] means(int component) {
        return null;
    }

    int meansStride(int component) {
        return 0;
    }

    /** Component rows of iMCU row {@code iMcuRow} are all written. */
    abstract void iMcuRowDone(int iMcuRow, boolean last);
}
