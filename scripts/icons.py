#!/usr/bin/env python3
"""Draws the app's icons (public/icons/*.png): an open book in yellow on the app's red.

Run once when the design changes: `scripts/icons.py` (about 4 minutes: pure Python, 3×3
samples per pixel). Standard library only (zlib for PNG), so
it runs on any machine with python3. Three files: icon-192.png and icon-512.png (rounded
square, transparent corners, purpose "any") and icon-maskable-512.png (full-bleed background,
the book inside the central safe circle of 40 % radius, purpose "maskable").
"""

import struct
import zlib
from pathlib import Path

RED = (179, 38, 30, 255)  # --accent in style.css
DARK = (120, 20, 16, 255)
YELLOW = (255, 214, 79, 255)
CREAM = (255, 246, 214, 255)

# An open book in unit coordinates (0..1), as convex polygons drawn in order.
LEFT_COVER = [(0.50, 0.40), (0.15, 0.31), (0.15, 0.74), (0.50, 0.82)]
RIGHT_COVER = [(0.50, 0.40), (0.85, 0.31), (0.85, 0.74), (0.50, 0.82)]
LEFT_PAGE = [(0.49, 0.36), (0.19, 0.26), (0.19, 0.68), (0.49, 0.77)]
RIGHT_PAGE = [(0.51, 0.36), (0.81, 0.26), (0.81, 0.68), (0.51, 0.77)]


def line(x0: float, x1: float, y: float, slope: float, t: float = 0.022) -> list:
    """A text line on a page: a thin parallelogram from x0 to x1 rising by `slope`."""
    return [(x0, y), (x1, y + (x1 - x0) * slope), (x1, y + (x1 - x0) * slope + t), (x0, y + t)]


def shapes() -> list:
    out = [(LEFT_COVER, YELLOW), (RIGHT_COVER, YELLOW), (LEFT_PAGE, CREAM), (RIGHT_PAGE, CREAM)]
    slope = 0.10 / 0.30
    for k in range(4):
        y = 0.37 + 0.09 * k
        out.append((line(0.23, 0.45, y - 0.22 * slope + 0.0, slope), RED))
        out.append((line(0.55, 0.77, y, -slope), RED))
    return out


def inside(poly: list, x: float, y: float) -> bool:
    """Whether (x, y) lies in the convex polygon `poly` (either winding)."""
    sign = 0
    for (ax, ay), (bx, by) in zip(poly, poly[1:] + poly[:1]):
        c = (bx - ax) * (y - ay) - (by - ay) * (x - ax)
        if c != 0:
            s = 1 if c > 0 else -1
            if sign and s != sign:
                return False
            sign = s
    return True


def in_rounded_square(x: float, y: float, r: float) -> bool:
    cx = min(max(x, r), 1 - r)
    cy = min(max(y, r), 1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def colour_at(x: float, y: float, maskable: bool) -> tuple:
    if maskable:
        # Shrink the drawing towards the centre so it stays in the safe circle.
        x, y = 0.5 + (x - 0.5) / 0.8, 0.5 + (y - 0.5) / 0.8
    elif not in_rounded_square(x, y, 0.18):
        return (0, 0, 0, 0)
    colour = RED
    for poly, c in shapes():
        if inside(poly, x, y):
            colour = c
    return colour


def render(size: int, maskable: bool) -> bytes:
    n = 3  # samples per axis per pixel, for smooth edges
    rows = bytearray()
    for py in range(size):
        rows.append(0)  # filter: none
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(n):
                for sx in range(n):
                    c = colour_at((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, maskable)
                    for i in range(3):
                        acc[i] += c[i] * c[3]
                    acc[3] += c[3]
            a = acc[3]
            if a == 0:
                rows += bytes(4)
            else:
                rows += bytes([round(acc[0] / a), round(acc[1] / a), round(acc[2] / a), round(a / (n * n))])
    return png(size, bytes(rows))


def png(size: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main() -> None:
    out = Path(__file__).resolve().parent.parent / "public" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    for name, size, maskable in [("icon-192.png", 192, False), ("icon-512.png", 512, False), ("icon-maskable-512.png", 512, True)]:
        (out / name).write_bytes(render(size, maskable))
        print(f"wrote {out / name}")


if __name__ == "__main__":
    main()
