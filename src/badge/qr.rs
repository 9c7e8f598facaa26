//! The badge QR code: alphanumeric mode, error correction level Q, drawn as
//! vector rectangles with runs of dark modules merged.

use qrcode::bits::Bits;
use qrcode::{Color, EcLevel, QrCode, Version};

use super::pdf::content::Content;

/// Modules of light margin around the symbol (ISO/IEC 18004 asks for 4).
pub const QUIET_ZONE: usize = 4;

/// The 45 characters of QR alphanumeric mode.
fn is_alphanumeric(b: u8) -> bool {
    matches!(b, b'0'..=b'9' | b'A'..=b'Z' | b' ' | b'$' | b'%' | b'*' | b'+' | b'-' | b'.' | b'/' | b':')
}

/// A QR symbol as a square of modules (true = dark).
pub struct QrMatrix {
    pub width: usize,
    pub modules: Vec<bool>,
    pub version: i16,
}

impl QrMatrix {
    /// Width including the quiet zone on both sides.
    pub fn width_with_quiet_zone(&self) -> usize {
        self.width + 2 * QUIET_ZONE
    }

    fn dark(&self, x: usize, y: usize) -> bool {
        self.modules[y * self.width + x]
    }
}

/// Why a QR code could not be made.
#[derive(Debug, PartialEq, Eq)]
pub enum QrProblem {
    TooLong,
}

/// Encodes `text` at error correction level Q in the smallest version that
/// holds it: alphanumeric mode when every character is in the 45-character
/// alphanumeric set (credentials are base45 text, which is), otherwise one
/// byte-mode segment (UTF-8).
pub fn encode(text: &str) -> Result<QrMatrix, QrProblem> {
    let data = text.as_bytes();
    let alphanumeric = data.iter().all(|&b| is_alphanumeric(b));
    for v in 1..=40i16 {
        let version = Version::Normal(v);
        let mut bits = Bits::new(version);
        let pushed = if alphanumeric {
            bits.push_alphanumeric_data(data)
        } else {
            bits.push_byte_data(data)
        };
        if pushed.is_err() || bits.push_terminator(EcLevel::Q).is_err() {
            continue;
        }
        let Ok(code) = QrCode::with_bits(bits, EcLevel::Q) else {
            continue;
        };
        let width = code.width();
        let modules = code
            .into_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect();
        return Ok(QrMatrix {
            width,
            modules,
            version: v,
        });
    }
    Err(QrProblem::TooLong)
}

/// A rectangle of dark modules: column, row, width, height (in modules).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModuleRect {
    pub x: u16,
    pub y: u16,
    pub w: u16,
    pub h: u16,
}

/// Covers the dark modules with rectangles: horizontal runs in each row, then
/// runs with the same columns in consecutive rows merged into one rectangle.
/// Rectangles are listed by top row, then column (deterministic).
pub fn rectangles(m: &QrMatrix) -> Vec<ModuleRect> {
    let mut done: Vec<ModuleRect> = Vec::new();
    // Rectangles still growing downwards, keyed by their column span.
    let mut open: Vec<ModuleRect> = Vec::new();
    for y in 0..m.width {
        let mut runs: Vec<(u16, u16)> = Vec::new();
        let mut x = 0;
        while x < m.width {
            if m.dark(x, y) {
                let start = x;
                while x < m.width && m.dark(x, y) {
                    x += 1;
                }
                runs.push((start as u16, (x - start) as u16));
            } else {
                x += 1;
            }
        }
        let mut next_open = Vec::with_capacity(runs.len());
        for (start, len) in runs {
            if let Some(pos) = open.iter().position(|r| r.x == start && r.w == len) {
                let mut r = open.swap_remove(pos);
                r.h += 1;
                next_open.push(r);
            } else {
                next_open.push(ModuleRect {
                    x: start,
                    y: y as u16,
                    w: len,
                    h: 1,
                });
            }
        }
        done.append(&mut open);
        open = next_open;
    }
    done.append(&mut open);
    done.sort_by_key(|r| (r.y, r.x));
    done
}

/// Draws the symbol with its quiet zone into the square whose lower-left
/// corner is (x, y) and side is `side` points: a white square, then the dark
/// modules in black.
pub fn draw(content: &mut Content, m: &QrMatrix, x: f32, y: f32, side: f32) {
    let total = m.width_with_quiet_zone() as f32;
    let module = side / total;
    content
        .save()
        .fill_colour(super::Rgb::WHITE)
        .rect(x, y, side, side)
        .fill();
    content.fill_colour(super::Rgb::BLACK);
    // Module units, origin at the symbol's top-left corner, y down.
    let quiet = QUIET_ZONE as f32 * module;
    content.transform(module, 0.0, 0.0, -module, x + quiet, y + side - quiet);
    for r in rectangles(m) {
        content
            .int(i64::from(r.x))
            .int(i64::from(r.y))
            .int(i64::from(r.w))
            .int(i64::from(r.h))
            .raw("re\n");
    }
    content.fill().restore();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphanumeric_text_uses_alphanumeric_mode_and_level_q() {
        // 100 alphanumeric characters fit version 6 at level Q (capacity 108),
        // which byte mode could not (capacity 74).
        let text = "HC1:6BF+70790T9WJWG.FKY*4GO0.O1CV2 O5 N2FBBRW1*70HS8WY04AC*WIFN0AHCD8KD97TK0F90KECTHGWJC0FDC:5AIA%G7X+AQB9746HS80:54IBQF60R6$A80X6S1BTYACG6M+9XG8KIAWNA91AY%67092L4WJCT3EHS8XJC$+DXJCCWENF6OF63W5NW6WF6%JC QE/IAYJC5LEW34U3ET7DXC9 QE-ED8%E.JCBECB1";
        let m = encode(&text[..100]).unwrap();
        assert_eq!(m.version, 6);
        assert_eq!(m.width, 41);
    }

    #[test]
    fn other_text_falls_back_to_byte_mode() {
        assert!(encode("lower case é").is_ok());
        assert!(encode("").is_ok());
        assert_eq!(encode(&"A".repeat(5000)).err(), Some(QrProblem::TooLong));
    }

    #[test]
    fn rectangles_cover_exactly_the_dark_modules() {
        let m = encode("ACCREDIT HN25 000123").unwrap();
        let mut covered = vec![false; m.modules.len()];
        for r in rectangles(&m) {
            for y in r.y..r.y + r.h {
                for x in r.x..r.x + r.w {
                    let i = usize::from(y) * m.width + usize::from(x);
                    assert!(!covered[i], "modules covered twice");
                    covered[i] = true;
                }
            }
        }
        assert_eq!(covered, m.modules);
        let dark = m.modules.iter().filter(|&&d| d).count();
        assert!(
            rectangles(&m).len() * 2 < dark,
            "merging should at least halve the count"
        );
    }
}
