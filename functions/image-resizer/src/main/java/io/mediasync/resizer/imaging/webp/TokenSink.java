package io.mediasync.resizer.imaging.webp;

/** Where {@link TokenCoder} sends the branches of a coefficient token: counted for statistics, or written. */
interface TokenSink {

    /** A branch coded with the frame's adaptive probability number {@code index} (see CoefficientProbabilities). */
    void adaptive(int bit, int index);

    /** A branch with a fixed probability: the sign and the extra bits of the large categories. */
    void fixed(int bit, int probability);
}
