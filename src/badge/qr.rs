//! The badge QR code: alphanumeric mode, error correction level Q, drawn as
//! vector rectangles with runs of dark modules merged.

use qrcode::bits::Bits;
use std::sync::OnceLock;

use qrcode::canvas::{Canvas, MaskPattern, Module};
use qrcode::{Color, EcLevel, Version};

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

    #[cfg(test)]
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
        let Some(modules) = best_masked_symbol(bits, version) else {
            continue;
        };
        return Ok(QrMatrix {
            width: version.width() as usize,
            modules,
            version: v,
        });
    }
    Err(QrProblem::TooLong)
}

/// The eight mask patterns of ISO/IEC 18004.
const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// Lays out the code words and applies the mask with the lowest penalty.
///
/// This is what `QrCode::with_bits` does, but its penalty scoring (boxed
/// closures per module) cost more than everything else on a badge. Here the
/// symbol is rows of bits: masking is linear, so each masked symbol is the
/// unmasked data XOR a per-version template (function patterns, format
/// information and mask bits, taken from the qrcode crate once per version),
/// and the ISO/IEC 18004 §7.8.3 penalty is counted with bit operations.
fn best_masked_symbol(bits: Bits, version: Version) -> Option<Vec<bool>> {
    let data = bits.into_bytes();
    let (data_words, ec_words) =
        qrcode::ec::construct_codewords(&data, version, EcLevel::Q).ok()?;
    let mut canvas = Canvas::new(version, EcLevel::Q);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data_words, &ec_words);
    let n = version.width() as usize;
    match templates(version) {
        Some(t) => {
            let (data_rows, data_cols) = unmasked_data(&canvas, n);
            let mut rows = vec![0u128; n];
            let mut cols = vec![0u128; n];
            let mut best: Option<(u32, usize)> = None;
            for m in 0..MASKS.len() {
                xor_into(&mut rows, &t.rows[m], &data_rows);
                xor_into(&mut cols, &t.cols[m], &data_cols);
                let score = bit_penalty(&rows, &cols, n);
                if best.is_none_or(|(s, _)| score < s) {
                    best = Some((score, m));
                }
            }
            let (_, m) = best?;
            xor_into(&mut rows, &t.rows[m], &data_rows);
            Some(
                (0..n * n)
                    .map(|i| rows[i / n] >> (i % n) & 1 == 1)
                    .collect(),
            )
        }
        // Versions 26 to 40 (rows wider than the bit rows): mask by mask.
        None => best_mask_plain(&canvas, n),
    }
}

/// Applies each mask to a copy of the canvas and keeps the lowest penalty.
fn best_mask_plain(canvas: &Canvas, n: usize) -> Option<Vec<bool>> {
    let mut best: Option<(u32, Vec<bool>)> = None;
    for mask in MASKS {
        let mut masked = canvas.clone();
        masked.apply_mask(mask);
        let modules: Vec<bool> = masked
            .into_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect();
        let score = penalty(&modules, n);
        if best.as_ref().is_none_or(|(s, _)| score < *s) {
            best = Some((score, modules));
        }
    }
    best.map(|(_, modules)| modules)
}

fn xor_into(out: &mut [u128], a: &[u128], b: &[u128]) {
    for ((o, x), y) in out.iter_mut().zip(a).zip(b) {
        *o = x ^ y;
    }
}

/// Widest symbol handled with bit rows: a row plus 4 light modules on each
/// side must fit in 128 bits (version 25, 117 modules).
const MAX_BIT_WIDTH: usize = 120;

/// For one version: each mask's symbol with all data modules light, as rows
/// and columns of bits (bit x of row y = module (x, y) is dark).
struct Templates {
    rows: Vec<Vec<u128>>,
    cols: Vec<Vec<u128>>,
}

static TEMPLATES: [OnceLock<Option<Templates>>; 40] = [const { OnceLock::new() }; 40];

fn templates(version: Version) -> Option<&'static Templates> {
    let Version::Normal(v) = version else {
        return None;
    };
    let slot = TEMPLATES.get(usize::try_from(v).ok()?.checked_sub(1)?)?;
    slot.get_or_init(|| {
        let n = version.width() as usize;
        if n > MAX_BIT_WIDTH {
            return None;
        }
        // Zero code words: every data module light before masking.
        let mut bits = Bits::new(version);
        bits.push_terminator(EcLevel::Q).ok()?;
        let (data_words, ec_words) =
            qrcode::ec::construct_codewords(&bits.into_bytes(), version, EcLevel::Q).ok()?;
        let zero_data: Vec<u8> = vec![0; data_words.len()];
        let zero_ec: Vec<u8> = vec![0; ec_words.len()];
        let mut blank = Canvas::new(version, EcLevel::Q);
        blank.draw_all_functional_patterns();
        blank.draw_data(&zero_data, &zero_ec);
        let mut rows = Vec::with_capacity(MASKS.len());
        let mut cols = Vec::with_capacity(MASKS.len());
        for mask in MASKS {
            let mut masked = blank.clone();
            masked.apply_mask(mask);
            let dark: Vec<bool> = masked
                .into_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect();
            let (r, c) = to_bit_lines(n, |x, y| dark[y * n + x]);
            rows.push(r);
            cols.push(c);
        }
        Some(Templates { rows, cols })
    })
    .as_ref()
}

/// Rows and columns of bits from a module predicate.
fn to_bit_lines(n: usize, dark: impl Fn(usize, usize) -> bool) -> (Vec<u128>, Vec<u128>) {
    let mut rows = vec![0u128; n];
    let mut cols = vec![0u128; n];
    for (y, row) in rows.iter_mut().enumerate() {
        for (x, col) in cols.iter_mut().enumerate() {
            if dark(x, y) {
                *row |= 1 << x;
                *col |= 1 << y;
            }
        }
    }
    (rows, cols)
}

/// The dark data modules before masking, as bit rows and columns.
fn unmasked_data(canvas: &Canvas, n: usize) -> (Vec<u128>, Vec<u128>) {
    to_bit_lines(n, |x, y| {
        canvas.get(x as i16, y as i16) == Module::Unmasked(Color::Dark)
    })
}

/// `n` low bits set.
fn low_bits(n: usize) -> u128 {
    if n >= 128 {
        u128::MAX
    } else {
        (1u128 << n) - 1
    }
}

/// The same penalty as [`penalty`], on bit rows and columns.
fn bit_penalty(rows: &[u128], cols: &[u128], n: usize) -> u32 {
    let mut score = 0;
    for &line in rows.iter().chain(cols) {
        score += bit_line_penalty(line, n);
    }
    let inner = low_bits(n - 1);
    for pair in rows.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let dark = a & (a >> 1) & b & (b >> 1) & inner;
        let light = !a & !(a >> 1) & !b & !(b >> 1) & inner;
        score += 3 * (dark.count_ones() + light.count_ones());
    }
    let dark: usize = rows.iter().map(|r| r.count_ones() as usize).sum();
    let total = n * n;
    score + 10 * ((20 * dark).abs_diff(10 * total) / total) as u32
}

/// N1 and N3 of one line of bits.
fn bit_line_penalty(line: u128, n: usize) -> u32 {
    let all = low_bits(n);
    let mut score = 0;
    for same in [line & all, !line & all] {
        // Bit i: modules i..i+4 all this colour; a run of length L ≥ 5 has
        // L - 4 of them and scores L - 2 = (L - 4) + 2.
        let five = same & (same >> 1) & (same >> 2) & (same >> 3) & (same >> 4) & low_bits(n - 4);
        let starts = same & !(same << 1);
        score += five.count_ones() + 2 * (five & starts).count_ones();
    }
    // Finder-like 1011101 with four light modules before or after, outside
    // the symbol counting as light: work on the line padded by 4 each side.
    let dark = (line & all) << 4;
    let light = !dark & low_bits(n + 8);
    for pattern in [
        [1u8, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0],
        [0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1],
    ] {
        let mut hits = low_bits(n - 2);
        for (k, &p) in pattern.iter().enumerate() {
            hits &= if p == 1 { dark >> k } else { light >> k };
        }
        score += 40 * hits.count_ones();
    }
    score
}

/// Mask penalty (ISO/IEC 18004 §7.8.3): runs of five or more same-coloured
/// modules (N1), 2 × 2 blocks (N2), finder-like 1:1:3:1:1 patterns beside four
/// light modules (N3), and imbalance of dark and light (N4).
fn penalty(modules: &[bool], n: usize) -> u32 {
    let mut score = 0u32;
    let mut line = vec![false; n];
    for i in 0..n {
        for horizontal in [true, false] {
            for (j, cell) in line.iter_mut().enumerate() {
                *cell = if horizontal {
                    modules[i * n + j]
                } else {
                    modules[j * n + i]
                };
            }
            score += line_penalty(&line);
        }
    }
    for y in 0..n - 1 {
        for x in 0..n - 1 {
            let c = modules[y * n + x];
            if modules[y * n + x + 1] == c
                && modules[(y + 1) * n + x] == c
                && modules[(y + 1) * n + x + 1] == c
            {
                score += 3;
            }
        }
    }
    let dark = modules.iter().filter(|&&d| d).count();
    let total = modules.len().max(1);
    // Whole 5 % steps away from half dark.
    let steps = (20 * dark).abs_diff(10 * total) / total;
    score + 10 * steps as u32
}

/// N1 and N3 for one row or column (outside the symbol counts as light).
fn line_penalty(line: &[bool]) -> u32 {
    const FINDER_THEN_LIGHT: u16 = 0b101_1101_0000;
    const LIGHT_THEN_FINDER: u16 = 0b000_0101_1101;
    let mut score = 0;
    let mut run = 1u32;
    for j in 1..line.len() {
        if line[j] == line[j - 1] {
            run += 1;
        } else {
            if run >= 5 {
                score += run - 2;
            }
            run = 1;
        }
    }
    if run >= 5 {
        score += run - 2;
    }
    let mut window = 0u16;
    for j in 0..line.len() + 4 {
        let dark = line.get(j).copied().unwrap_or(false);
        window = ((window << 1) | u16::from(dark)) & 0x7FF;
        // A window is complete once 11 modules (with 4 light before the line) are in.
        if j + 4 >= 10 && (window == FINDER_THEN_LIGHT || window == LIGHT_THEN_FINDER) {
            score += 40;
        }
    }
    score
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
    let n = m.width;
    let mut rects: Vec<ModuleRect> = Vec::with_capacity(n * n / 4);
    // For each start column: the rectangle (index into `rects`) that ended
    // on the previous row with that start, if any.
    let mut open: Vec<Option<usize>> = vec![None; n];
    let mut next_open: Vec<Option<usize>> = vec![None; n];
    for y in 0..n {
        let row = &m.modules[y * n..(y + 1) * n];
        let mut x = 0;
        while x < n {
            if !row[x] {
                x += 1;
                continue;
            }
            let start = x;
            while x < n && row[x] {
                x += 1;
            }
            let len = (x - start) as u16;
            let grown = open[start].filter(|&i| rects[i].w == len);
            next_open[start] = Some(match grown {
                Some(i) => {
                    rects[i].h += 1;
                    i
                }
                None => {
                    rects.push(ModuleRect {
                        x: start as u16,
                        y: y as u16,
                        w: len,
                        h: 1,
                    });
                    rects.len() - 1
                }
            });
        }
        std::mem::swap(&mut open, &mut next_open);
        next_open.iter_mut().for_each(|o| *o = None);
    }
    // Rectangles are created in order of their top row, then column.
    rects
}

/// Draws the symbol with its quiet zone into the square whose lower-left
/// corner is (x, y) and side is `side` points: a white square, then the dark
/// modules in black.
pub fn draw(content: &mut Content, m: &QrMatrix, x: f32, y: f32, side: f32) {
    let total = m.width_with_quiet_zone() as f32;
    let module = side / total;
    content
        .save()
        .fill_colour(super::Colour::WHITE)
        .rect(x, y, side, side)
        .fill();
    content.fill_colour(super::Colour::BLACK);
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

    /// Decodes a matrix with rqrr (4 pixels per module, quiet zone included).
    fn decode(m: &QrMatrix) -> (String, u16) {
        let scale = 4;
        let size = m.width_with_quiet_zone() * scale;
        let img = rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| {
            let (mx, my) = (x / scale, y / scale);
            let inside = (QUIET_ZONE..QUIET_ZONE + m.width).contains(&mx)
                && (QUIET_ZONE..QUIET_ZONE + m.width).contains(&my);
            if inside && m.dark(mx - QUIET_ZONE, my - QUIET_ZONE) {
                0
            } else {
                255
            }
        });
        let mut img = img;
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1);
        let (meta, text) = grids[0].decode().unwrap();
        (text, meta.ecc_level)
    }

    #[test]
    fn symbols_decode_to_their_text_at_level_q() {
        for text in [
            "HN25:1".to_string(),
            "ACCREDIT HN25 000123".into(),
            sample_text(100),
            sample_text(250),
            "Byte mode, lower case: é".into(),
        ] {
            let m = encode(&text).unwrap();
            let (decoded, ecc) = decode(&m);
            assert_eq!(decoded, text);
            // rqrr numbers levels as the format bits do: M 0, L 1, H 2, Q 3.
            assert_eq!(ecc, 3);
        }
    }

    #[test]
    fn bit_scoring_matches_the_plain_scoring() {
        let mut state = 7u64;
        for n in [21usize, 41, 57, 117] {
            for _ in 0..20 {
                let modules: Vec<bool> = (0..n * n)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        // Biased so long runs and finder-like patterns occur.
                        state % 7 < 3
                    })
                    .collect();
                let (rows, cols) = to_bit_lines(n, |x, y| modules[y * n + x]);
                assert_eq!(
                    bit_penalty(&rows, &cols, n),
                    penalty(&modules, n),
                    "width {n}"
                );
            }
        }
    }

    #[test]
    fn template_masking_equals_canvas_masking() {
        for len in [5, 60, 100, 180, 400] {
            let text = sample_text(len);
            let fast = encode(&text).unwrap();
            let version = Version::Normal(fast.version);
            let mut bits = Bits::new(version);
            bits.push_alphanumeric_data(text.as_bytes()).unwrap();
            bits.push_terminator(EcLevel::Q).unwrap();
            let (d, e) =
                qrcode::ec::construct_codewords(&bits.into_bytes(), version, EcLevel::Q).unwrap();
            let mut canvas = Canvas::new(version, EcLevel::Q);
            canvas.draw_all_functional_patterns();
            canvas.draw_data(&d, &e);
            assert_eq!(
                best_mask_plain(&canvas, fast.width).unwrap(),
                fast.modules,
                "{len} characters"
            );
        }
    }

    #[test]
    fn large_versions_use_the_plain_path() {
        let text = sample_text(1500);
        let m = encode(&text).unwrap();
        assert!(m.width > MAX_BIT_WIDTH);
        assert_eq!(decode(&m).0, text);
    }

    #[test]
    fn penalty_follows_the_standard() {
        // All light 21 × 21: every row and column one run of 21 (N1: 19 each),
        // 400 blocks (N2: 3 each), no finder-like pattern, 50 % off balance (N4: 100).
        let light = vec![false; 21 * 21];
        assert_eq!(penalty(&light, 21), 42 * 19 + 400 * 3 + 100);
        // 1:1:3:1:1 with four light modules after it, in a row.
        let line = [
            true, false, true, true, true, false, true, false, false, false, false,
        ];
        assert_eq!(line_penalty(&line), 40 + 40);
    }

    fn sample_text(n: usize) -> String {
        crate::badge::sample::qr_text(42, n)
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
