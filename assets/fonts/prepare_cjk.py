#!/usr/bin/env python3
"""Build assets/fonts/NotoSansCJKsc-Regular-names.ttf from Debian's fonts-noto-cjk.

Run once by a developer (needs `pip install fonttools`); the result is committed.

1. Take face 2 ("Noto Sans CJK SC") out of NotoSansCJK-Regular.ttc.
2. Keep only the characters a printed name can hold: GB 2312 (hanzi, symbols),
   JIS X 0208 (kanji, kana, symbols), KS X 1001 hangul syllables and jamo, the
   kana and CJK punctuation blocks and the halfwidth/fullwidth forms.
3. Convert the CFF outlines to TrueType quadratic `glyf` outlines, so that every
   font the badge renderer embeds is a TrueType CIDFontType2 (one embedding path,
   a /CIDToGIDMap, and subsetting by glyph id work the same for all of them).
"""
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

SRC = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FACE = 2  # Noto Sans CJK SC
OUT = sys.argv[1] if len(sys.argv) > 1 else "NotoSansCJKsc-Regular-names.ttf"
# cu2qu tolerance in font units (em = 1000): invisible at badge sizes.
MAX_ERR = 1.0


def double_byte_charset(codec, lead_range, trail_range):
    chars = set()
    for lead in lead_range:
        for trail in trail_range:
            try:
                chars.update(bytes([lead, trail]).decode(codec))
            except UnicodeDecodeError:
                pass
    return chars


def name_charset():
    chars = set()
    chars |= double_byte_charset("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
    chars |= double_byte_charset("euc_jp", range(0xA1, 0xF5), range(0xA1, 0xFF))
    korean = double_byte_charset("euc_kr", range(0xA1, 0xC9), range(0xA1, 0xFF))
    # KS X 1001 rows 1..40: symbols, jamo and the 2,350 hangul syllables (hanja
    # rows 42.. are left out, as the brief asks; the common ones are in GB/JIS).
    chars |= korean
    for lo, hi in [
        (0x3000, 0x303F),  # CJK symbols and punctuation
        (0x3040, 0x30FF),  # hiragana, katakana (incl. ・ and ー)
        (0x3130, 0x318F),  # hangul compatibility jamo
        (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms
    ]:
        chars.update(chr(c) for c in range(lo, hi + 1))
    return {ord(c) for c in chars if ord(c) > 0x7F}


def cff_to_glyf(font):
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
        "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.maxComponentDepth = 0
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0  # no glyph names: smaller
    font.sfntVersion = "\x00\x01\x00\x00"


def main():
    font = TTCollection(SRC).fonts[FACE]
    options = subset.Options()
    options.layout_features = ["ccmp", "kern", "liga"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.drop_tables += ["vhea", "vmtx", "VORG", "DSIG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=name_charset())
    subsetter.subset(font)
    cff_to_glyf(font)
    font.save(OUT)
    print(OUT, len(font.getGlyphOrder()), "glyphs")


if __name__ == "__main__":
    main()
