#!/usr/bin/env python3
"""Generate the Accredit application icon: icons/accredit.svg and PNGs.

A white accreditation badge on a lanyard, with a check mark, on UN blue.
Requires Pillow (`pip install pillow`). Run from anywhere:

    python3 icons/make_icons.py

The PNGs are drawn from the same geometry as the SVG, supersampled and
downscaled. Sizes of 32 px and below use a simplified variant (no lanyard,
larger card, heavier check) so the icon stays legible in a taskbar or tab.
"""
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
BLUE = "#009EDB"  # UN blue
NAVY = "#0B4F7C"
SHADE = "#0086BD"
WHITE = "#FFFFFF"
SIZES = (16, 32, 48, 64, 128, 256, 512)

# Geometry in a 512 x 512 design space: (kind, params, fill).
FULL = {
    "bg": (0, 0, 512, 512, 112),
    "straps": [((150, -20), (244, 132)), ((362, -20), (268, 132))],
    "strap_w": 36,
    "shadow": (140, 140, 388, 468, 36),
    "card": (132, 128, 380, 456, 36),
    "band": (132, 128, 380, 200),  # navy header band, top corners rounded
    "slot": (220, 150, 292, 168, 9),
    "check": [(186, 320), (238, 372), (330, 268)],
    "check_w": 42,
}
SMALL = {
    "bg": (0, 0, 512, 512, 112),
    "straps": [],
    "strap_w": 0,
    "shadow": None,
    "card": (112, 72, 400, 456, 48),
    "band": (112, 72, 400, 168),
    "slot": None,
    "check": [(168, 300), (236, 368), (350, 240)],
    "check_w": 64,
}


def draw(size: int, g: dict, ss: int = 4) -> Image.Image:
    s = size * ss / 512
    im = Image.new("RGBA", (size * ss, size * ss), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)

    def box(b):
        return [round(v * s) for v in b[:4]]

    x0, y0, x1, y1, r = g["bg"]
    d.rounded_rectangle(box(g["bg"]), radius=round(r * s), fill=BLUE)
    for a, b in g["straps"]:
        d.line([round(a[0] * s), round(a[1] * s), round(b[0] * s), round(b[1] * s)],
               fill=NAVY, width=round(g["strap_w"] * s))
    if g["shadow"]:
        d.rounded_rectangle(box(g["shadow"]), radius=round(g["shadow"][4] * s), fill=SHADE)
    cx0, cy0, cx1, cy1, cr = g["card"]
    d.rounded_rectangle(box(g["card"]), radius=round(cr * s), fill=WHITE)
    # Header band: rounded top corners, square bottom edge.
    bx0, by0, bx1, by1 = g["band"]
    d.rounded_rectangle(box((bx0, by0, bx1, by1 + cr)), radius=round(cr * s), fill=NAVY)
    d.rectangle(box((bx0, by1, bx1, by1 + cr + 1)), fill=WHITE)
    if g["slot"]:
        d.rounded_rectangle(box(g["slot"]), radius=round(g["slot"][4] * s), fill=WHITE)
    pts = [(round(x * s), round(y * s)) for x, y in g["check"]]
    w = round(g["check_w"] * s)
    d.line(pts, fill=BLUE, width=w, joint="curve")
    for p in (pts[0], pts[-1]):  # round caps
        d.ellipse([p[0] - w / 2, p[1] - w / 2, p[0] + w / 2, p[1] + w / 2], fill=BLUE)
    # Clip the whole drawing to the rounded background square.
    mask = Image.new("L", im.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle(box(g["bg"]), radius=round(r * s), fill=255)
    im.putalpha(Image.composite(im.getchannel("A"), mask, mask))
    return im.resize((size, size), Image.LANCZOS)


def svg(g: dict) -> str:
    x0, y0, x1, y1, r = g["bg"]
    cx0, cy0, cx1, cy1, cr = g["card"]
    bx0, by0, bx1, by1 = g["band"]
    sx0, sy0, sx1, sy1, sr = g["slot"]
    hx0, hy0, hx1, hy1, hr = g["shadow"]
    straps = "\n".join(
        f'    <line x1="{a[0]}" y1="{a[1]}" x2="{b[0]}" y2="{b[1]}"/>' for a, b in g["straps"])
    check = " ".join(f"{x},{y}" for x, y in g["check"])
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <title>Accredit</title>
  <defs>
    <clipPath id="icon"><rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" rx="{r}"/></clipPath>
    <clipPath id="band"><rect x="{bx0}" y="{by0}" width="{bx1 - bx0}" height="{by1 - by0}"/></clipPath>
  </defs>
  <g clip-path="url(#icon)">
    <rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" rx="{r}" fill="{BLUE}"/>
    <g stroke="{NAVY}" stroke-width="{g["strap_w"]}">
{straps}
    </g>
    <rect x="{hx0}" y="{hy0}" width="{hx1 - hx0}" height="{hy1 - hy0}" rx="{hr}" fill="{SHADE}"/>
    <rect x="{cx0}" y="{cy0}" width="{cx1 - cx0}" height="{cy1 - cy0}" rx="{cr}" fill="{WHITE}"/>
    <rect x="{cx0}" y="{cy0}" width="{cx1 - cx0}" height="{cy1 - cy0}" rx="{cr}" fill="{NAVY}" clip-path="url(#band)"/>
    <rect x="{sx0}" y="{sy0}" width="{sx1 - sx0}" height="{sy1 - sy0}" rx="{sr}" fill="{WHITE}"/>
    <polyline points="{check}" fill="none" stroke="{BLUE}" stroke-width="{g["check_w"]}" stroke-linecap="round" stroke-linejoin="round"/>
  </g>
</svg>
"""


def main() -> None:
    (HERE / "accredit.svg").write_text(svg(FULL), encoding="utf-8", newline="\n")
    for n in SIZES:
        g = SMALL if n <= 32 else FULL
        draw(n, g).save(HERE / f"accredit-{n}.png", optimize=True)
    print("wrote accredit.svg and", ", ".join(f"accredit-{n}.png" for n in SIZES))


if __name__ == "__main__":
    main()
