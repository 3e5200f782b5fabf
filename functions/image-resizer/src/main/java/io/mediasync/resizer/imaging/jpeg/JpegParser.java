package io.mediasync.resizer.imaging.jpeg;


/**
 * Walks the marker segments of a JPEG: SOF, DHT, DQT, DRI, SOS and the APPn segments that matter for colour (JFIF,
 * Adobe, ICC_PROFILE). Keeps the tables in force as they change between scans. Everything outside this decoder's
 * reach (other SOF processes, arithmetic coding, 12-bit samples, DNL, hierarchical markers) is
 * {@link JpegException.Kind#UNSUPPORTED}.
 */
final class JpegParser {

    private static final int MAX_COMPONENTS_IN_MCU_BLOCKS = 10;

    final byte[] data;
    private int pos;

    Frame frame;
    final int[][] quantTables = new int[4][];
    final Huffman[] dcTables = new Huffman[4];
    final Huffman[] acTables = new Huffman[4];
    int restartInterval;
    final AppSegments applications = new AppSegments();

    JpegParser(byte[] data) throws JpegException {
        this.data = data;
        if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) {
            throw JpegException.corrupt("no SOI marker");
        }
        pos = 2;
    }

    /** Reads segments up to the next SOS and returns it, or null at EOI. Requires a frame before the first scan. */
    Scan nextScan() throws JpegException {
        while (true) {
            int marker = nextMarker();
            switch (marker) {
                case BitReader.END_OF_DATA -> throw JpegException.truncated("the data ends before the EOI marker");
                case 0xD9 -> {
                    if (frame == null) {
                        throw JpegException.corrupt("EOI before any frame");
                    }
                    return null;
                }
                case 0xC0, 0xC1, 0xC2 -> readFrame(marker == 0xC2);
                case 0xC4 -> readHuffmanTables();
                case 0xDB -> readQuantTables();
                case 0xDD -> readRestartInterval();
                case 0xDA -> {
                    return readScan();
                }
                case 0xE0, 0xE2, 0xEE -> readApplication(marker);
                case 0xD8 -> throw JpegException.corrupt("second SOI marker");
                case 0x01, 0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7 -> {
                    // TEM and stray RSTn have no length: nothing to skip
                }
                default -> {
                    if (marker >= 0xC3 && marker <= 0xCF || marker == 0xDC || marker == 0xDE || marker == 0xDF) {
                        throw JpegException.unsupported(String.format("JPEG process of marker 0x%02X", marker));
                    }
                    pos += segmentLength() ; // APPn, COM and reserved markers
                }
            }
        }
    }

    /** Continues after a scan whose entropy-coded data ended at {@code position}. */
    void resumeAt(int position) {
        pos = position;
    }

    private int nextMarker() {
        byte[] d = data;
        while (true) {
            while (pos < d.length && (d[pos] & 0xFF) != 0xFF) {
                pos++; // stray bytes between segments: skipped, as libjpeg does
            }
            while (pos < d.length && (d[pos] & 0xFF) == 0xFF) {
                pos++;
            }
            if (pos >= d.length) {
                return BitReader.END_OF_DATA;
            }
            int marker = d[pos++] & 0xFF;
            if (marker != 0) {
                return marker;
            }
        }
    }

    /** The length of the segment at pos (excluding its 2 length bytes), after checking it fits the data. */
    private int segmentLength() throws JpegException {
        if (pos + 2 > data.length) {
            throw JpegException.truncated("the data ends inside a marker segment");
        }
        int length = u16(pos);
        if (length < 2) {
            throw JpegException.corrupt("marker segment length " + length);
        }
        if (pos + length > data.length) {
            throw JpegException.truncated("the data ends inside a marker segment");
        }
        pos += 2;
        return length - 2;
    }

    private int u16(int at) {
        return (data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF);
    }

    private void readFrame(boolean progressive) throws JpegException {
        int length = segmentLength();
        if (frame != null) {
            throw JpegException.corrupt("second SOF marker");
        }
        frame = Frame.read(data, pos, length, progressive);
        pos += length;
    }

    private void readQuantTables() throws JpegException {
        int length = segmentLength();
        int end = pos + length;
        while (pos < end) {
            int pq = (data[pos] & 0xFF) >> 4;
            int tq = data[pos] & 0x0F;
            int size = pq == 0 ? 64 : 128;
            if (pq > 1 || tq > 3 || pos + 1 + size > end) {
                throw JpegException.corrupt("bad DQT segment");
            }
            int[] table = new int[ZigZag.LENGTH]; // zigzag order, zero slack for corrupt run lengths
            for (int k = 0; k < 64; k++) {
                table[k] = pq == 0 ? data[pos + 1 + k] & 0xFF : u16(pos + 1 + 2 * k);
            }
            quantTables[tq] = table;
            pos += 1 + size;
        }
    }

    private void readHuffmanTables() throws JpegException {
        int length = segmentLength();
        int end = pos + length;
        while (pos < end) {
            int tc = (data[pos] & 0xFF) >> 4;
            int th = data[pos] & 0x0F;
            if (tc > 1 || th > 3 || pos + 17 > end) {
                throw JpegException.corrupt("bad DHT segment");
            }
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = data[pos + 1 + i] & 0xFF;
                total += counts[i];
            }
            if (total > 256 || pos + 17 + total > end) {
                throw JpegException.corrupt("bad DHT segment");
            }
            byte[] values = java.util.Arrays.copyOfRange(data, pos + 17, pos + 17 + total);
            if (tc == 0) {
                for (byte value : values) {
                    if ((value & 0xFF) > 15) {
                        throw JpegException.corrupt("DC Huffman table with a symbol over 15");
                    }
                }
                dcTables[th] = new Huffman(counts, values);
            } else {
                acTables[th] = new Huffman(counts, values);
            }
            pos += 17 + total;
        }
    }

    private void readRestartInterval() throws JpegException {
        int length = segmentLength();
        if (length < 2) {
            throw JpegException.corrupt("DRI segment too short");
        }
        restartInterval = u16(pos);
        pos += length;
    }

    private void readApplication(int marker) throws JpegException {
        int length = segmentLength();
        applications.read(marker, data, pos, length);
        pos += length;
    }

    private Scan readScan() throws JpegException {
        if (frame == null) {
            throw JpegException.corrupt("SOS before SOF");
        }
        int length = segmentLength();
        int start = pos;
        int count = length > 0 ? data[pos] & 0xFF : 0;
        if (count < 1 || count > 4 || length < 4 + 2 * count) {
            throw JpegException.corrupt("bad SOS segment");
        }
        Component[] components = new Component[count];
        int blocksInMcu = 0;
        for (int i = 0; i < count; i++) {
            int p = pos + 1 + 2 * i;
            Component c = frame.component(data[p] & 0xFF);
            if (c == null) {
                throw JpegException.corrupt("SOS names component " + (data[p] & 0xFF) + ", not in the frame");
            }
            for (int j = 0; j < i; j++) {
                if (components[j] == c) {
                    throw JpegException.corrupt("SOS names component " + c.id + " twice");
                }
            }
            components[i] = c;
            blocksInMcu += c.h * c.v;
            int td = (data[p + 1] & 0xFF) >> 4;
            int ta = data[p + 1] & 0x0F;
            if (td > 3 || ta > 3) {
                throw JpegException.corrupt("bad Huffman table selector");
            }
            c.dcTable = dcTables[td];
            c.acTable = acTables[ta];
        }
        int p = pos + 1 + 2 * count;
        int ss = data[p] & 0xFF;
        int se = data[p + 1] & 0xFF;
        int ah = (data[p + 2] & 0xFF) >> 4;
        int al = data[p + 2] & 0x0F;
        if (count > 1 && blocksInMcu > MAX_COMPONENTS_IN_MCU_BLOCKS) {
            throw JpegException.corrupt("too many blocks in an MCU");
        }
        if (frame.progressive) {
            boolean dc = ss == 0;
            if (se > 63 || ss > se || dc && se != 0 || !dc && count != 1 || ah != 0 && al != ah - 1 || al > 13) {
                throw JpegException.corrupt("bad progression parameters");
            }
        } else if (ss != 0 || se != 63 || ah != 0 || al != 0) {
            throw JpegException.corrupt("bad sequential scan parameters");
        }
        for (Component c : components) {
            boolean needsDc = !frame.progressive || ss == 0 && ah == 0;
            boolean needsAc = !frame.progressive || ss > 0;
            if (needsDc && c.dcTable == null || needsAc && c.acTable == null) {
                throw JpegException.corrupt("scan uses an undefined Huffman table");
            }
            if (c.quant == null) {
                int[] table = quantTables[c.quantTable];
                if (table == null) {
                    throw JpegException.corrupt("scan uses an undefined quantisation table");
                }
                c.quant = table.clone(); // latched at the component's first scan, as libjpeg does
                c.zigzagQuant = ZigZag.zigzagQuant(c.quant);
            }
        }
        pos = start + length;
        return new Scan(components, ss, se, ah, al, pos);
    }
}
