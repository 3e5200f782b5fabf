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

    /** The SOF segment of {@code length} bytes at {@code pos}. */
    static Frame read(byte[] data, int pos, int length, boolean progressive) throws JpegException {
        if (length < 6) {
            throw JpegException.corrupt("SOF segment too short");
        }
        int precision = data[pos] & 0xFF;
        int height = u16(data, pos + 1);
        int width = u16(data, pos + 3);
        int count = data[pos + 5] & 0xFF;
        if (precision != 8) {
            throw JpegException.unsupported(precision + "-bit samples");
        }
        if (height == 0) {
            throw JpegException.unsupported("image height defined by a DNL marker");
        }
        if (width == 0) {
            throw JpegException.corrupt("image width 0");
        }
        if (count != 1 && count != 3 && count != 4) {
            throw JpegException.unsupported(count + " colour components");
        }
        if (length < 6 + 3 * count) {
            throw JpegException.corrupt("SOF segment too short for its components");
        }
        Component[] components = new Component[count];
        for (int i = 0; i < count; i++) {
            int p = pos + 6 + 3 * i;
            int id = data[p] & 0xFF;
            int h = (data[p + 1] & 0xFF) >> 4;
            int v = data[p + 1] & 0x0F;
            int table = data[p + 2] & 0xFF;
            if (h < 1 || h > 4 || v < 1 || v > 4) {
                throw JpegException.corrupt("sampling factors " + h + "x" + v);
            }
            if (table > 3) {
                throw JpegException.corrupt("quantisation table " + table);
            }
            for (int j = 0; j < i; j++) {
                if (components[j].id == id) {
                    throw JpegException.unsupported("two components with id " + id);
                }
            }
            components[i] = count == 1 ? new Component(id, i, 1, 1, table) : new Component(id, i, h, v, table);
        }
        return new Frame(width, height, progressive, components);
    }

    private static int u16(byte[] data, int at) {
        return (data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF);
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
