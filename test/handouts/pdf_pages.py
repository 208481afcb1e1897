"""Reads a PDF for the handout test: each page's size, text, and how much ink it carries.

Each page is rendered to pixels with PDFium (pypdfium2, the engine of Chromium's own PDF viewer)
at 72 dpi and, with --png DIR, saved as DIR/NAME-pN.png for a person to look at. For each page it
prints, as one JSON list on stdout:
  width, height   the page size in points (A4 is 595 x 842, Letter 612 x 792);
  text            the page's text, whitespace collapsed;
  ink             the fraction of pixels that are not white (any channel below 235);
  colour          the fraction of strongly coloured pixels (max - min channel above 60): plotted
                  lines, bars, surfaces and colour bars, but hardly any of the black text.

With --below TEXT (repeatable), it also finds TEXT (the last line of a code cell that shows a
figure) and measures ink and colour in the band under it where that figure is printed (the
page's full width, from the line down to BAND points or the bottom margin): code cells keep their
output on the same page, so this band is the figure, and a figure that was not drawn leaves it
white or grey.

Output: {"pages": [...], "below": [{"text", "page", "ink", "colour"}, ...]} (page is 1-based, or
null when the text is on no page).

Usage: .venv/bin/python test/handouts/pdf_pages.py FILE.pdf [--png DIR] [--below TEXT ...] [--band POINTS]
"""
from __future__ import annotations

import argparse
import json
import struct
import zlib
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium


def write_png(path: Path, rgb: np.ndarray) -> None:
    """A plain 8-bit RGB PNG (no dependency beyond zlib)."""
    height, width = rgb.shape[:2]
    raw = b"".join(b"\x00" + rgb[y].tobytes() for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pdf")
    parser.add_argument("--png", help="save each page as a PNG in this folder")
    parser.add_argument("--below", action="append", default=[], help="measure the band under this text (repeatable)")
    parser.add_argument("--band", type=int, default=340, help="height of that band in points (default 340: a 460 px figure)")
    args = parser.parse_args()
    document = pdfium.PdfDocument(args.pdf)
    pages = []
    rendered = []
    for index in range(len(document)):
        page = document[index]
        width, height = page.get_size()
        text = " ".join(page.get_textpage().get_text_range().split())
        rgb = np.ascontiguousarray(page.render(scale=1.0, rev_byteorder=True).to_numpy()[:, :, :3])
        channels = rgb.astype(np.int16)
        ink = float((channels.min(axis=2) < 235).mean())
        colour = float(((channels.max(axis=2) - channels.min(axis=2)) > 60).mean())
        if args.png:
            Path(args.png).mkdir(parents=True, exist_ok=True)
            write_png(Path(args.png) / f"{Path(args.pdf).stem}-p{index + 1}.png", rgb)
        pages.append({"width": round(width, 1), "height": round(height, 1), "text": text, "ink": ink, "colour": colour})
        rendered.append((page, channels, height))
    below = []
    for wanted in args.below:
        found = None
        for number, (page, channels, height) in enumerate(rendered, start=1):
            textpage = page.get_textpage()
            searcher = textpage.search(wanted, match_case=True)
            occurrence = searcher.get_next()
            if occurrence is None:
                continue
            index, count = occurrence
            bottom = min(textpage.get_charbox(i)[1] for i in range(index, index + count))
            top_row = int(height - bottom) + 2  # the first pixel row under the line (scale 1: 1 px = 1 pt)
            end_row = min(channels.shape[0] - 36, top_row + args.band)  # stop at the 0.5 in bottom margin
            band = channels[top_row:end_row]
            found = {
                "text": wanted,
                "page": number,
                "ink": float((band.min(axis=2) < 235).mean()),
                "colour": float(((band.max(axis=2) - band.min(axis=2)) > 60).mean()),
            }
            break
        below.append(found or {"text": wanted, "page": None, "ink": 0.0, "colour": 0.0})
    print(json.dumps({"pages": pages, "below": below}))


if __name__ == "__main__":
    main()
