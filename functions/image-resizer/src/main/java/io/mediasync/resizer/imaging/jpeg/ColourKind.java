package io.mediasync.resizer.imaging.jpeg;

/** How the components map to colours, decided as libjpeg (and TwelveMonkeys' reader) decide it. */
public enum ColourKind {
    /** One component; output as three equal bytes. */
    GRAY,
    /** YCbCr, converted to B, G, R bytes. */
    YCC,
    /** RGB stored without a colour transform (Adobe transform 0); output as B, G, R bytes. */
    RGB,
    /** Adobe CMYK (stored inverted); output as four C, M, Y, K bytes. */
    CMYK,
    /** Adobe YCCK; output as four C, M, Y, K bytes. */
    YCCK;

    public int bands() {
        return this == CMYK || this == YCCK ? 4 : 3;
    }

    /**
     * The rules of libjpeg's jdapimin.c, with TwelveMonkeys' treatment of an Adobe segment that contradicts the
     * component count (ignored). Layouts ImageIO has special cases for (PhotoYCC, YCbCrA, RGBA) go to ImageIO.
     */
    static ColourKind of(JpegParser parser) throws JpegException {
        Component[] c = parser.frame.components;
        int adobe = parser.applications.adobeTransform;
        if (adobe == 1 && c.length != 3 || adobe == 2 && c.length != 4) {
            adobe = -1;
        }
        switch (c.length) {
            case 1:
                return GRAY;
            case 3:
                if (parser.applications.jfif) {
                    return YCC;
                }
                if (adobe >= 0) {
                    return adobe == 0 ? RGB : YCC;
                }
                if (ids(c, 'R', 'G', 'B')) {
                    return RGB;
                }
                if (ids(c, 'Y', 'C', 'c')) {
                    throw JpegException.unsupported("PhotoYCC colour");
                }
                return YCC;
            default:
                if (adobe >= 0) {
                    return adobe == 0 ? CMYK : YCCK;
                }
                if (ids(c, 1, 2, 3, 4) || ids(c, 'R', 'G', 'B', 'A') || ids(c, 'Y', 'C', 'c', 'A')) {
                    throw JpegException.unsupported("four components with alpha");
                }
                return CMYK;
        }
    }

    private static boolean ids(Component[] c, int... expected) {
        for (int i = 0; i < expected.length; i++) {
            if (c[i].id != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
