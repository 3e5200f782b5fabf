package io.mediasync.resizer.imaging.jpeg;

/**
 * Where the IDCT writes each component's samples: per component a plane of rows, told when an iMCU row is complete.
 * {@link OutputStage} turns them into pixels as it goes; {@link PlanarOutput} keeps the planes.
 */
interface BlockOutput {

    byte[] plane(int component);

    int stride(int component);

    /** Where sample row {@code row} (counted from the top of the image) of a component lives in its plane. */
    int rowOffset(int component, int row);

    /**
     * Where each block's mean goes (one sample per block, a plane reduced by the block size, for free: it is the
     * DC coefficient), or null when not kept.
     */
    default byte[] means(int component) {
        return null;
    }

    default int meansStride(int component) {
        return 0;
    }

    /** Component rows of iMCU row {@code iMcuRow} are all written. */
    void iMcuRowDone(int iMcuRow, boolean last);
}
