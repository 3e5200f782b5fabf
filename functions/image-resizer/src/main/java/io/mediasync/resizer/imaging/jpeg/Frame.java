package io.mediasync.resizer.imaging.jpeg;

/** The SOF segment: size, process and components, with the MCU geometry derived from them. */
final class Frame {
    final int width;
    final int height;
    final boolean progressive;
    final Component[] components;
    final int maxH;
    final int maxV;
    final int mcusPerLine;
    final int mcuRows;

    Frame(int width, int height, boolean progressive, Component[] components) {
        this.width = width;
        this.height = height;
        this.progressive = progressive;
        this.components = components;
        int hMax = 1;
        int vMax = 1;
        for (Component c : components) {
            hMax = Math.max(hMax, c.h);
            vMax = Math.max(vMax, c.v);
        }
        this.maxH = hMax;
        this.maxV = vMax;
        this.mcusPerLine = ceilDiv(width, 8 * hMax);
        this.mcuRows = ceilDiv(height, 8 * vMax);
        for (Component c : components) {
            c.widthInBlocks = ceilDiv(ceilDiv(width * c.h, hMax), 8);
            c.heightInBlocks = ceilDiv(ceilDiv(height * c.v, vMax), 8);
            c.paddedWidthInBlocks = mcusPerLine * c.h;
            c.paddedHeightInBlocks = mcuRows * c.v;
        }
    }

    Component component(int id) {
        for (Component c : components) {
            if (c.id == id) {
                return c;
            }
        }
        return null;
    }

    static int ceilDiv(long a, long b) {
        return (int) ((a + b - 1) / b);
    }
}
