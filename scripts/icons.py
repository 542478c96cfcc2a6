#!/usr/bin/env python3
"""Draws the app's icons (public/icons/*.png): an open book, cream pages with red lines on a
yellow cover, on the app's red.

Run once when the design changes: `scripts/icons.py`. Standard library only (zlib for PNG), so
it runs on any machine with python3. Three files, all full-bleed squares (launchers round or
cut them to their own shape): icon-192.png and icon-512.png (purpose "any") and
icon-maskable-512.png (purpose "maskable": the book smaller, inside the central safe circle of
40 % radius).

Every shape is an axis-aligned rectangle with exact pixel coverage (smooth edges without
supersampling), so most rows repeat the one above; PNG's "up" filter turns those into zeros and
the files stay small (the app shell has a size budget, tests/e2e/tests/budget.rs).
"""

import struct
import zlib
from pathlib import Path

RED = (179, 38, 30)  # --accent in style.css
YELLOW = (255, 214, 79)
CREAM = (255, 246, 214)

# The book in unit coordinates: (x0, y0, x1, y1, colour), painted in order.
BOOK = [
    (0.16, 0.28, 0.84, 0.76, YELLOW),  # the cover, showing below and between the pages
    (0.20, 0.24, 0.485, 0.72, CREAM),  # left page
    (0.515, 0.24, 0.80, 0.72, CREAM),  # right page
] + [
    (x0, y, x1, y + 0.03, RED)  # lines of text
    for y in (0.32, 0.41, 0.50, 0.59)
    for (x0, x1) in ((0.245, 0.44), (0.56, 0.755))
]


def overlap(lo: float, hi: float, a: float, b: float) -> float:
    return max(0.0, min(hi, b) - max(lo, a))


def coverage(size: int, a: float, b: float) -> list:
    """How much of each pixel along one axis lies in [a, b] (unit coordinates)."""
    return [overlap(p / size, (p + 1) / size, a, b) * size for p in range(size)]


def render(size: int, maskable: bool) -> list:
    """The icon's pixels, row by row, as RGBA tuples."""
    scale = 0.8 if maskable else 1.0  # maskable: the book shrinks into the safe circle
    shapes = []
    for x0, y0, x1, y1, colour in BOOK:
        x0, x1, y0, y1 = (0.5 + (v - 0.5) * scale for v in (x0, x1, y0, y1))
        shapes.append((coverage(size, x0, x1), coverage(size, y0, y1), colour))
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            c = RED
            for cov_x, cov_y, colour in shapes:
                a = cov_x[px] * cov_y[py]
                if a > 0:
                    c = tuple(old * (1 - a) + new * a for old, new in zip(c, colour))
            row.append(tuple(round(v) for v in c) + (255,))
        rows.append(row)
    return rows


def png(rows: list) -> bytes:
    """An 8-bit RGBA PNG, each row filtered with "up" when it repeats much of the one above."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = bytearray()
    previous = bytes(4 * len(rows[0]))
    for row in rows:
        line = bytes(v for pixel in row for v in pixel)
        up = bytes((a - b) % 256 for a, b in zip(line, previous))
        raw += b"\x02" + up if up.count(0) > line.count(0) else b"\x00" + line
        previous = line
    size = len(rows)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
        + chunk(b"IEND", b"")
    )


def main() -> None:
    out = Path(__file__).resolve().parent.parent / "public" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    for name, size, maskable in [
        ("icon-192.png", 192, False),
        ("icon-512.png", 512, False),
        ("icon-maskable-512.png", 512, True),
    ]:
        (out / name).write_bytes(png(render(size, maskable)))
        print(f"wrote {out / name}")


if __name__ == "__main__":
    main()
