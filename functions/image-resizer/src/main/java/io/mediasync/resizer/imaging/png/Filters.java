package io.mediasync.resizer.imaging.png;

/**
 * Undoes a row's PNG filter in place. Both rows start with {@code step} zero bytes (the missing left neighbour), so
 * the loops need no edge cases.
 */
final class Filters {

    private Filters() {
    }

    static void undo(byte type, byte[] row, byte[] above, int step, int rowBytes) throws PngException {
        int end = step + rowBytes;
        switch (type) {
            case 0 -> {
            }
            case 1 -> { // Sub
                for (int i = step; i < end; i++) {
                    row[i] += row[i - step];
                }
            }
            case 2 -> { // Up
                for (int i = step; i < end; i++) {
                    row[i] += above[i];
                }
            }
            case 3 -> { // Average
                for (int i = step; i < end; i++) {
                    row[i] += (byte) (((row[i - step] & 0xFF) + (above[i] & 0xFF)) >> 1);
                }
            }
            case 4 -> paeth(row, above, step, end);
            default -> throw PngException.corrupt("row filter type " + type);
        }
    }

    /** Predicts from the left, above or upper-left neighbour, whichever is closest to left + above - upper-left. */
    private static void paeth(byte[] row, byte[] above, int step, int end) {
        for (int i = step; i < end; i++) {
            int a = row[i - step] & 0xFF;
            int b = above[i] & 0xFF;
            int c = above[i - step] & 0xFF;
            int pa = Math.abs(b - c);
            int pb = Math.abs(a - c);
            int pc = Math.abs(a + b - 2 * c);
            int predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
            row[i] += (byte) predicted;
        }
    }
}
