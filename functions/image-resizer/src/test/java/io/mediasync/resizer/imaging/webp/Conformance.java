package io.mediasync.resizer.imaging.webp;

import io.mediasync.resizer.imaging.webp.Pictures.Picture;
import io.mediasync.resizer.imaging.webp.RiffChunks.Chunk;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything one encoding must satisfy. The file's chunks tile it exactly and say what they should. The
 * reconstruction the encoder reports is what decoders make: dwebp decodes the file to it exactly, where installed;
 * everywhere, TwelveMonkeys' reader decodes the same frame with the loop filter off to the encoder's unfiltered
 * reconstruction exactly (see {@link Decoders} for why off), and the RFC's loop filter written out again
 * ({@link ReferenceLoopFilter}) turns that into the filtered reconstruction. Alpha comes back as given.
 */
final class Conformance {

    private Conformance() {
    }

    static void check(Picture p, int quality) {
        WebpEncoder.Encoded on = new WebpEncoder(quality, Tuning.DEFAULT, true)
                .encodeFrame(p.width(), p.height(), p.bgr(), p.stride(), p.alpha(), true);
        WebpEncoding e = on.encoding();
        structure(e.file(), p);
        if (p.alpha() != null) {
            assertThat(e.alpha()).as("alpha").isEqualTo(p.alpha());
        }
        Optional<byte[]> dwebp = Decoders.dwebpYuv(e.file());
        dwebp.ifPresent(planes -> samePlanes(p + " q" + quality + ": dwebp", Decoders.flatYuv(e), planes));

        WebpEncoder.Encoded off = new WebpEncoder(quality, Tuning.DEFAULT, false)
                .encodeFrame(p.width(), p.height(), p.bgr(), p.stride(), p.alpha(), false);
        Planes unfiltered = on.unfiltered();
        WebpEncoding offEncoding = off.encoding();
        samePlanes(p + " q" + quality + ": the same frame unfiltered", Decoders.flatYuv(cropped(unfiltered, e.alpha())),
                Decoders.flatYuv(offEncoding));
        if (!Decoders.twelveMonkeysCapsChromaDc(off.frame())) {
            int[] expected = Decoders.twelveMonkeysRgb(offEncoding);
            int[] decoded = Decoders.argb(Decoders.twelveMonkeys(offEncoding.file()));
            samePixels(p + " q" + quality + ": TwelveMonkeys", expected, decoded, p.width());
        }

        Vp8Frame frame = on.frame();
        byte[][] planes = {unfiltered.y.clone(), unfiltered.u.clone(), unfiltered.v.clone()};
        ReferenceLoopFilter.apply(planes, new int[] {unfiltered.yStride, unfiltered.uvStride, unfiltered.uvStride},
                frame.mbWidth, frame.mbHeight, 0, new ReferenceLoopFilter.Parameters() {
                    @Override
                    public int level(int n) {
                        return frame.segments[frame.segmentMap[n]].filterLevel;
                    }

                    @Override
                    public boolean inner(int n) {
                        return !frame.hasY2(n) || !frame.empty[n];
                    }
                });
        Planes filtered = new Planes(p.width(), p.height());
        System.arraycopy(planes[0], 0, filtered.y, 0, planes[0].length);
        System.arraycopy(planes[1], 0, filtered.u, 0, planes[1].length);
        System.arraycopy(planes[2], 0, filtered.v, 0, planes[2].length);
        samePlanes(p + " q" + quality + ": the RFC's loop filter", Decoders.flatYuv(e),
                Decoders.flatYuv(cropped(filtered, e.alpha())));
    }

    /** RIFF, then VP8 alone or VP8X + ALPH + VP8, each saying what it should; a VP8 key frame of this size. */
    static void structure(byte[] file, Picture p) {
        List<Chunk> chunks = RiffChunks.parse(file);
        Chunk vp8;
        if (p.alpha() == null) {
            assertThat(chunks).extracting(Chunk::fourCc).containsExactly("VP8 ");
            vp8 = chunks.get(0);
        } else {
            assertThat(chunks).extracting(Chunk::fourCc).containsExactly("VP8X", "ALPH", "VP8 ");
            Chunk header = chunks.get(0);
            assertThat(header.size()).isEqualTo(10);
            assertThat(file[header.offset()]).as("VP8X flags: alpha only").isEqualTo((byte) 0x10);
            assertThat(RiffChunks.le(file, header.offset() + 1, 3)).as("reserved").isZero();
            assertThat(RiffChunks.le(file, header.offset() + 4, 3)).as("canvas width - 1").isEqualTo(p.width() - 1);
            assertThat(RiffChunks.le(file, header.offset() + 7, 3)).as("canvas height - 1").isEqualTo(p.height() - 1);
            assertThat(file[chunks.get(1).offset()]).as("ALPH: lossless, unfiltered").isEqualTo((byte) 1);
            vp8 = chunks.get(2);
        }
        int tag = RiffChunks.le(file, vp8.offset(), 3);
        assertThat(tag & 1).as("key frame").isZero();
        assertThat((tag >> 1) & 7).as("version").isZero();
        assertThat((tag >> 4) & 1).as("shown").isOne();
        assertThat(10 + (tag >>> 5)).as("first partition within the chunk").isLessThan(vp8.size());
        assertThat(RiffChunks.le(file, vp8.offset() + 3, 3)).as("start code").isEqualTo(0x2a019d);
        assertThat(RiffChunks.le(file, vp8.offset() + 6, 2)).as("width, no scaling").isEqualTo(p.width());
        assertThat(RiffChunks.le(file, vp8.offset() + 8, 2)).as("height, no scaling").isEqualTo(p.height());
    }

    private static WebpEncoding cropped(Planes planes, byte[] alpha) {
        int chromaWidth = (planes.width + 1) / 2;
        int chromaHeight = (planes.height + 1) / 2;
        return new WebpEncoding(null, planes.width, planes.height,
                Planes.crop(planes.y, planes.yStride, planes.width, planes.height),
                Planes.crop(planes.u, planes.uvStride, chromaWidth, chromaHeight),
                Planes.crop(planes.v, planes.uvStride, chromaWidth, chromaHeight), alpha);
    }

    /** Byte-exact, reporting how many samples differ and the first, not a dump of both arrays. */
    static void samePlanes(String what, byte[] expected, byte[] actual) {
        assertThat(actual.length).as(what + ": size").isEqualTo(expected.length);
        int differing = 0;
        int first = -1;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i]) {
                differing++;
                first = first < 0 ? i : first;
            }
        }
        assertThat(differing).as(what + ": samples differing, first at " + first).isZero();
    }

    static void samePixels(String what, int[] expected, int[] actual, int width) {
        assertThat(actual.length).as(what + ": size").isEqualTo(expected.length);
        int differing = 0;
        int first = -1;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i]) {
                differing++;
                first = first < 0 ? i : first;
            }
        }
        String at = first < 0 ? "" : String.format(", first at (%d, %d): expected %08x, got %08x", first % width,
                first / width, expected[first], actual[first]);
        assertThat(differing).as(what + ": pixels differing" + at).isZero();
    }
}
