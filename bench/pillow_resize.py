#!/usr/bin/env python3
"""Pillow peer of io.mediasync.resizer.bench.ResizeBenchmark: the same work, the same JSON line.

Per run: read the file, open it, decode once (with Pillow's shrink-on-load, JPEG DCT scaling via draft(), limited
by the same rule as mediasync: the decoded image stays at least 2x every rendition), then per size a LANCZOS resize
of the region the mode shows and a JPEG save to memory at the same quality (4:2:0, optimized Huffman tables, no
metadata, like mediasync's encoder).

    python3 bench/pillow_resize.py --input photo.jpg --runs 10 --sizes 50x50,250x250,800x800

Prints {"engine":"pillow","ms_per_image":<median of the measured runs>,"peak_heap_mb":<peak RSS of this process>,
"input":..,"megapixels":..,"runs":N}. Peak RSS is the closest Pillow has to the JVM's peak heap; it includes
the interpreter (~15 MB).
"""
import argparse
import io
import json
import math
import resource
import statistics
import sys
import time

from PIL import Image

MARGIN = 2  # same as ShrinkOnLoad.MARGIN


def parse_sizes(spec):
    sizes = []
    for item in spec.split(","):
        item = item.strip()
        label, _, box = item.rpartition("=")
        w, _, h = box.lower().partition("x")
        sizes.append((label or item, int(w), int(h)))
    return sizes


def geometry(mode, sw, sh, bw, bh):
    """(out_w, out_h, region_w, region_h): the same rules as ResizeGeometry (centred region, never upscale)."""
    sx, sy = bw / sw, bh / sh
    if mode == "fit":
        s = min(1.0, sx, sy)
        return clamp(round(sw * s), bw), clamp(round(sh * s), bh), sw, sh
    if mode == "fill":
        s = min(1.0, max(sx, sy))
        w, h = clamp(round(sw * s), bw), clamp(round(sh * s), bh)
        return w, h, min(sw, w / s), min(sh, h / s)
    return bw, bh, sw, sh  # force


def clamp(v, most):
    return int(max(1, min(v, most)))


# EXIF orientation -> the transpose that shows the stored pixels upright (as ImageOps.exif_transpose does)
UPRIGHT = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
           5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
           8: Image.Transpose.ROTATE_90}


def process(data, sizes, mode, quality):
    im = Image.open(io.BytesIO(data))
    orientation = im.getexif().get(0x0112, 1)
    transpose = UPRIGHT.get(orientation)
    swap = orientation in (5, 6, 7, 8)
    sw, sh = im.size  # stored
    uw, uh = (sh, sw) if swap else (sw, sh)  # upright: the sizes apply to what the viewer sees
    plans = []
    for label, bw, bh in sizes:
        w, h, rw, rh = geometry(mode, uw, uh, bw, bh)
        plans.append((label, h, w, rh, rw) if swap else (label, w, h, rw, rh))  # back to stored axes
    # draft() picks the largest DCT scale (1/2, 1/4, 1/8) keeping the image >= the requested size
    need_w = max(math.ceil(MARGIN * w * sw / rw) for _, w, h, rw, rh in plans)
    need_h = max(math.ceil(MARGIN * h * sh / rh) for _, w, h, rw, rh in plans)
    im.draft("RGB", (need_w, need_h))
    im = im.convert("RGB")  # decodes once
    fx, fy = sw / im.width, sh / im.height
    outputs = {}
    for label, w, h, rw, rh in plans:
        x0, y0 = (sw - rw) / 2 / fx, (sh - rh) / 2 / fy
        out = im.resize((w, h), Image.Resampling.LANCZOS, box=(x0, y0, x0 + rw / fx, y0 + rh / fy))
        if transpose is not None:
            out = out.transpose(transpose)  # orient the small result, as mediasync does
        buf = io.BytesIO()
        out.save(buf, "JPEG", quality=quality, optimize=True)
        outputs[label] = (out.width, out.height, buf.tell())
    return (uw, uh), outputs


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--input", required=True)
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--sizes", default="50x50,250x250,800x800")
    p.add_argument("--mode", default="fit", choices=["fit", "fill", "force"])
    p.add_argument("--quality", type=int, default=85)
    p.add_argument("--quiet", action="store_true", help="only the JSON line")
    a = p.parse_args()
    sizes = parse_sizes(a.sizes)

    millis = []
    for run in range(a.warmup + a.runs):
        start = time.perf_counter()
        with open(a.input, "rb") as f:
            data = f.read()
        (sw, sh), outputs = process(data, sizes, a.mode, a.quality)
        if run >= a.warmup:
            millis.append((time.perf_counter() - start) * 1000)
    if not a.quiet:
        for label, (w, h, n) in outputs.items():
            print(f"  {label:<10} {w:4d}x{h:<4d} {n:7d} bytes", file=sys.stderr)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"engine": "pillow", "ms_per_image": round(statistics.median(millis), 1),
                      "peak_heap_mb": round(peak_mb, 1), "input": a.input,
                      "megapixels": round(sw * sh / 1e6, 1), "runs": a.runs}, separators=(",", ":")))


if __name__ == "__main__":
    main()
