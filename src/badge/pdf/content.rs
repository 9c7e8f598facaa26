//! A PDF content stream builder: the few operators badges need, written
//! straight into bytes with compact, deterministic number formatting.

use crate::badge::Colour;
use crate::badge::fonts::{self, FONT_COUNT, FontId};
use crate::badge::text::fit::SYNTHETIC_BOLD_STROKE_EM;
use crate::badge::text::{GlyphText, LaidText};
use std::collections::BTreeMap;

/// Glyphs used per font, with the text each stands for (if known), collected
/// while drawing so the fonts can be subset and given a `/ToUnicode` map.
#[derive(Clone, Debug, Default)]
pub struct GlyphUsage {
    pub fonts: [BTreeMap<u16, Option<String>>; FONT_COUNT],
}

impl GlyphUsage {
    pub fn record(&mut self, font: FontId, gid: u16, text: &GlyphText) {
        let entry = self.fonts[font.index()].entry(gid).or_insert(None);
        if entry.is_none() {
            *entry = match text {
                GlyphText::Char(c) => Some(c.to_string()),
                GlyphText::Chars(s) => Some(s.to_string()),
                GlyphText::Nothing => None,
            };
        }
    }

    /// Adds `other`'s glyphs; texts already known here win, so merging in a
    /// fixed order gives a deterministic result.
    pub fn merge(&mut self, other: GlyphUsage) {
        for (mine, theirs) in self.fonts.iter_mut().zip(other.fonts) {
            for (gid, text) in theirs {
                let entry = mine.entry(gid).or_insert(None);
                if entry.is_none() {
                    *entry = text;
                }
            }
        }
    }
}

/// Resource name of a font: `/F0` … `/F8`.
pub fn font_resource(font: FontId) -> String {
    format!("F{}", font.index())
}

/// A content stream under construction. Coordinates are PDF points, y up.
#[derive(Default)]
pub struct Content {
    pub buf: Vec<u8>,
    /// Current fill and stroke colours, when known, so repeats are skipped.
    current_fill: Option<Colour>,
    current_stroke: Option<Colour>,
}

impl Content {
    pub fn with_capacity(n: usize) -> Content {
        Content {
            buf: Vec::with_capacity(n),
            current_fill: None,
            current_stroke: None,
        }
    }

    pub fn raw(&mut self, s: &str) -> &mut Self {
        self.buf.extend_from_slice(s.as_bytes());
        self
    }

    /// Writes a number with at most two decimals (0.01 pt is far below print
    /// resolution), then a space.
    pub fn num(&mut self, v: f32) -> &mut Self {
        write_num(&mut self.buf, v, 100);
        self.buf.push(b' ');
        self
    }

    /// Writes an integer, then a space.
    pub fn int(&mut self, v: i64) -> &mut Self {
        write_int(&mut self.buf, v);
        self.buf.push(b' ');
        self
    }

    pub fn save(&mut self) -> &mut Self {
        self.raw("q\n")
    }

    /// `Q`: the colours go back to what they were at `q`, which is not tracked.
    pub fn restore(&mut self) -> &mut Self {
        self.current_fill = None;
        self.current_stroke = None;
        self.raw("Q\n")
    }

    pub fn transform(&mut self, a: f32, b: f32, c: f32, d: f32, e: f32, f: f32) -> &mut Self {
        self.num(a).num(b).num(c).num(d).num(e).num(f).raw("cm\n")
    }

    pub fn fill_colour(&mut self, c: Colour) -> &mut Self {
        if self.current_fill == Some(c) {
            return self;
        }
        self.current_fill = Some(c);
        self.colour(c).raw("rg\n")
    }

    pub fn stroke_colour(&mut self, c: Colour) -> &mut Self {
        if self.current_stroke == Some(c) {
            return self;
        }
        self.current_stroke = Some(c);
        self.colour(c).raw("RG\n")
    }

    fn colour(&mut self, c: Colour) -> &mut Self {
        for v in [c.r, c.g, c.b] {
            write_num(&mut self.buf, f32::from(v) / 255.0, 1000);
            self.buf.push(b' ');
        }
        self
    }

    pub fn line_width(&mut self, w: f32) -> &mut Self {
        self.num(w).raw("w\n")
    }

    /// Appends a rectangle to the path (x, y = lower-left corner).
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32) -> &mut Self {
        self.num(x).num(y).num(w).num(h).raw("re\n")
    }

    pub fn move_to(&mut self, x: f32, y: f32) -> &mut Self {
        self.num(x).num(y).raw("m\n")
    }

    pub fn line_to(&mut self, x: f32, y: f32) -> &mut Self {
        self.num(x).num(y).raw("l\n")
    }

    pub fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x3: f32, y3: f32) -> &mut Self {
        self.num(x1)
            .num(y1)
            .num(x2)
            .num(y2)
            .num(x3)
            .num(y3)
            .raw("c\n")
    }

    pub fn fill(&mut self) -> &mut Self {
        self.raw("f\n")
    }

    pub fn stroke(&mut self) -> &mut Self {
        self.raw("S\n")
    }

    pub fn clip(&mut self) -> &mut Self {
        self.raw("W n\n")
    }

    /// Appends an ellipse (four Bézier arcs) centred on (cx, cy).
    pub fn ellipse(&mut self, cx: f32, cy: f32, rx: f32, ry: f32) -> &mut Self {
        // Control-point distance for a quarter circle.
        const K: f32 = 0.552_284_8;
        let (kx, ky) = (rx * K, ry * K);
        self.move_to(cx + rx, cy)
            .curve_to(cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry)
            .curve_to(cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy)
            .curve_to(cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry)
            .curve_to(cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy)
            .raw("h\n")
    }

    /// Paints the image XObject `name` into the rectangle (x, y, w, h).
    pub fn image(&mut self, name: &str, x: f32, y: f32, w: f32, h: f32) -> &mut Self {
        self.save().transform(w, 0.0, 0.0, h, x, y);
        self.raw("/").raw(name).raw(" Do\n").restore()
    }

    /// Draws laid-out text whose box has its top-left corner at (`left`, `top`)
    /// in PDF coordinates (so a line's baseline is at `top - baseline`).
    pub fn text(
        &mut self,
        laid: &LaidText,
        left: f32,
        top: f32,
        colour: Colour,
        usage: &mut GlyphUsage,
    ) {
        if laid.is_empty() {
            return;
        }
        let size = laid.size;
        self.fill_colour(colour);
        self.raw("BT\n");
        let mut current: Option<(FontId, bool)> = None;
        for line in &laid.lines {
            for run in &line.runs {
                if run.glyphs.is_empty() {
                    continue;
                }
                if current.map(|c| c.0) != Some(run.font) {
                    self.raw("/")
                        .raw(&font_resource(run.font))
                        .raw(" ")
                        .num(size)
                        .raw("Tf\n");
                }
                let bold = run.synthetic_bold;
                if current.map(|c| c.1) != Some(bold) {
                    if bold {
                        // Fill and stroke the outline with the text colour.
                        self.stroke_colour(colour)
                            .line_width(SYNTHETIC_BOLD_STROKE_EM * size)
                            .raw("2 Tr\n");
                    } else if current.is_some() {
                        self.raw("0 Tr\n");
                    }
                }
                current = Some((run.font, bold));
                if run.needs_actual_text {
                    self.raw("/Span<</ActualText<FEFF");
                    for unit in run.text.encode_utf16() {
                        push_hex4(&mut self.buf, unit);
                    }
                    self.raw(">>>BDC\n");
                }
                let x = left + line.x + run.x * size;
                let y = top - line.baseline;
                self.raw("1 0 0 1 ").num(x).num(y).raw("Tm\n");
                self.glyphs(run.font, &run.glyphs, size, usage);
                if run.needs_actual_text {
                    self.raw("EMC\n");
                }
            }
        }
        if current.is_some_and(|c| c.1) {
            self.raw("0 Tr\n");
        }
        self.raw("ET\n");
    }

    /// Shows glyphs with `TJ`, turning the shaper's positions into kerning
    /// numbers against the advances of the embedded font (`/W`), and vertical
    /// mark offsets into text rise (`Ts`).
    fn glyphs(
        &mut self,
        font_id: FontId,
        glyphs: &[crate::badge::text::PlacedGlyph],
        size: f32,
        usage: &mut GlyphUsage,
    ) {
        let font = fonts::font(font_id);
        // Where the viewer's pen is, in tenths of a thousandth of an em from
        // the run start. Glyphs that need no adjustment share one hex string.
        let mut pen: i64 = 0;
        let mut rise = 0.0f32;
        let mut in_string = false;
        self.buf.push(b'[');
        for g in glyphs {
            usage.record(font_id, g.gid, &g.text);
            if (g.dy - rise).abs() > 1e-4 {
                if in_string {
                    self.buf.push(b'>');
                    in_string = false;
                }
                self.raw("]TJ\n");
                rise = g.dy;
                self.num(rise * size).raw("Ts\n[");
            }
            let target = (f64::from(g.x) * 10_000.0).round() as i64;
            let shift = target - pen;
            if shift != 0 {
                if in_string {
                    self.buf.push(b'>');
                    in_string = false;
                }
                write_num_tenths(&mut self.buf, -shift);
                pen = target;
            }
            if !in_string {
                self.buf.push(b'<');
                in_string = true;
            }
            push_hex4(&mut self.buf, g.gid);
            pen += i64::from(font.advance_thousandths(g.gid)) * 10;
        }
        if in_string {
            self.buf.push(b'>');
        }
        self.raw("]TJ\n");
        if rise != 0.0 {
            self.raw("0 Ts\n");
        }
    }
}

/// Writes `v` rounded to 1/`scale` (scale 100 or 1000), without trailing zeros.
fn write_num(buf: &mut Vec<u8>, v: f32, scale: i64) {
    let v = if v.is_finite() { v } else { 0.0 };
    let scaled = (f64::from(v) * scale as f64).round() as i64;
    if scaled < 0 {
        buf.push(b'-');
    }
    let a = scaled.unsigned_abs() as i64;
    write_int(buf, a / scale);
    let mut frac = a % scale;
    if frac != 0 {
        buf.push(b'.');
        let mut div = scale / 10;
        while frac != 0 && div > 0 {
            buf.push(b'0' + (frac / div) as u8);
            frac %= div;
            div /= 10;
        }
    }
}

/// Writes a kerning amount given in tenths (one decimal), e.g. -125 → "-12.5".
fn write_num_tenths(buf: &mut Vec<u8>, tenths: i64) {
    if tenths < 0 {
        buf.push(b'-');
    }
    let a = tenths.unsigned_abs() as i64;
    write_int(buf, a / 10);
    if a % 10 != 0 {
        buf.push(b'.');
        buf.push(b'0' + (a % 10) as u8);
    }
}

pub fn write_int(buf: &mut Vec<u8>, v: i64) {
    if v < 0 {
        buf.push(b'-');
    }
    let mut a = v.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut n = 0;
    loop {
        digits[n] = b'0' + (a % 10) as u8;
        n += 1;
        a /= 10;
        if a == 0 {
            break;
        }
    }
    buf.extend(digits[..n].iter().rev());
}

pub fn push_hex4(buf: &mut Vec<u8>, v: u16) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for shift in [12, 8, 4, 0] {
        buf.push(HEX[usize::from((v >> shift) & 0xF)]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(v: f32) -> String {
        let mut b = Vec::new();
        write_num(&mut b, v, 100);
        String::from_utf8(b).unwrap()
    }

    #[test]
    fn numbers_are_compact() {
        assert_eq!(num(0.0), "0");
        assert_eq!(num(12.0), "12");
        assert_eq!(num(-3.5), "-3.5");
        assert_eq!(num(1.005), "1");
        assert_eq!(num(297.637_8), "297.64");
        assert_eq!(num(0.05), "0.05");
        assert_eq!(num(f32::NAN), "0");
        let mut b = Vec::new();
        write_num_tenths(&mut b, -125);
        write_num_tenths(&mut b, 30);
        assert_eq!(b, b"-12.53");
    }
}
