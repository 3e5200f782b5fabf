#!/usr/bin/env python3
"""Pillow peer of `./mediasync bench resize`: the same work done the way Pillow's users do it well.

Per run: read the file; open it; draft() to the largest box (libjpeg-turbo's DCT scaling, for JPEGs: the decode
keeps at least the box's size) and decode once; then per size, largest first, thumbnail() of a copy of the decoded
image (FIT, with its default reducing_gap=2.0: a reduce() box step, then the filter) with LANCZOS, the filter
mediasync uses (thumbnail's own default is BICUBIC); other modes resize() the region the mode shows with
reducing_gap=2.0; save each as JPEG at the same quality (4:2:0, optimized Huffman tables, no metadata, like
mediasync's encoder).

    /usr/bin/python3 bench/pillow_resize.py --input photo.jpg --runs 10 --sizes 50x50,250x250,800x800

Prints {"engine":"pillow","ms_per_image":<median>,"cpu_ms_per_image":<median CPU time>,"decode_ms":..,"resize_ms":..,"encode_ms":..,
"peak_rss_mb":<peak RSS of this process, interpreter included>,"runs":N}; --save-dir keeps the last run's outputs
as <label>.jpg.
"""
import argparse
import io
import json
import os
import resource
import statistics
import sys
import time

from PIL import Image


def parse_sizes(spec):
    sizes = []
    for item in spec.split(","):
        item = item.strip()
        label, _, box = item.rpartition("=")
        w, _, h = box.lower().partition("x")
        sizes.append((label or item, int(w), int(h)))
    return sizes


def clamp(v, most):
    return int(max(1, min(v, most)))


def region(mode, sw, sh, bw, bh):
    """(out_w, out_h, region_w, region_h) for fill and force: the same rules as mediasync's ResizeGeometry."""
    sx, sy = bw / sw, bh / sh
    if mode == "fill":
        s = min(1.0, max(sx, sy))
        w, h = clamp(round(sw * s), bw), clamp(round(sh * s), bh)
        return w, h, min(sw, w / s), min(sh, h / s)
    return bw, bh, sw, sh  # force


UPRIGHT = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
           5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
           8: Image.Transpose.ROTATE_90}


def process(data, sizes, mode, quality):
    t0 = time.perf_counter()
    im = Image.open(io.BytesIO(data))
    orientation = im.getexif().get(0x0112, 1)
    transpose = UPRIGHT.get(orientation)
    swap = orientation in (5, 6, 7, 8)
    boxes = sorted(sizes, key=lambda s: -s[1] * s[2])
    stored = [(label, h, w) if swap else (label, w, h) for label, w, h in boxes]  # boxes in stored axes
    if mode == "fit":
        im.draft("RGB", (stored[0][1], stored[0][2]))  # to the largest box
    decoded = im.convert("RGB") if im.mode != "RGB" else im  # decodes once
    decoded.load()
    t1 = time.perf_counter()
    results = []
    for label, bw, bh in stored:
        if mode == "fit":
            out = decoded.copy()
            out.thumbnail((bw, bh), Image.Resampling.LANCZOS)
        else:
            sw, sh = im.size
            fx, fy = sw / decoded.width, sh / decoded.height
            w, h, rw, rh = region(mode, sw, sh, bw, bh)
            x0, y0 = (sw - rw) / 2 / fx, (sh - rh) / 2 / fy
            out = decoded.resize((w, h), Image.Resampling.LANCZOS, box=(x0, y0, x0 + rw / fx, y0 + rh / fy),
                                 reducing_gap=2.0)
        if transpose is not None:
            out = out.transpose(transpose)  # orient the small result, as mediasync does
        results.append((label, out))
    t2 = time.perf_counter()
    outputs = {}
    for label, out in results:
        buf = io.BytesIO()
        out.save(buf, "JPEG", quality=quality, optimize=True)
        outputs[label] = buf.getvalue()
    t3 = time.perf_counter()
    return outputs, (t1 - t0, t2 - t1, t3 - t2)


def peak_rss_mb():
    """VmHWM: ru_maxrss would report the parent JVM's size, carried over fork and exec on Linux."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--input", required=True)
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--sizes", default="50x50,250x250,800x800")
    p.add_argument("--mode", default="fit", choices=["fit", "fill", "force"])
    p.add_argument("--quality", type=int, default=85)
    p.add_argument("--save-dir", help="write the last run's outputs there as <label>.jpg")
    p.add_argument("--quiet", action="store_true", help="only the JSON line")
    a = p.parse_args()
    sizes = parse_sizes(a.sizes)

    total, cpu, stages = [], [], []
    for run in range(a.warmup + a.runs):
        start = time.perf_counter()
        start_cpu = time.process_time()
        with open(a.input, "rb") as f:
            data = f.read()
        outputs, times = process(data, sizes, a.mode, a.quality)
        if run >= a.warmup:
            total.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
            stages.append(times)
    if a.save_dir:
        for label, jpeg in outputs.items():
            with open(os.path.join(a.save_dir, label + ".jpg"), "wb") as f:
                f.write(jpeg)
    if not a.quiet:
        for label, jpeg in outputs.items():
            print(f"  {label:<10} {len(jpeg):7d} bytes", file=sys.stderr)
    peak_mb = peak_rss_mb()
    print(json.dumps({"engine": "pillow", "ms_per_image": round(statistics.median(total), 1),
                      "cpu_ms_per_image": round(statistics.median(cpu), 1),
                      "decode_ms": round(statistics.median(t[0] for t in stages) * 1000, 1),
                      "resize_ms": round(statistics.median(t[1] for t in stages) * 1000, 1),
                      "encode_ms": round(statistics.median(t[2] for t in stages) * 1000, 1),
                      "peak_rss_mb": round(peak_mb, 1), "input": a.input, "runs": a.runs}, separators=(",", ":")))


if __name__ == "__main__":
    main()
