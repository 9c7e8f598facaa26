//! The bundled Noto fonts, parsed once, and the choice of a font for each character.
//!
//! Every font is compiled into the binary with `include_bytes!` so that a badge
//! prints the same on every machine. All of them are TrueType (`glyf`) fonts: the
//! CJK face was converted from CFF when it was subset (see `assets/fonts/README.md`),
//! so the PDF writer has a single embedding path (CIDFontType2).

use std::sync::{LazyLock, OnceLock};

use unicode_script::{Script, UnicodeScript};

/// One of the bundled font faces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontId {
    SansRegular,
    SansBold,
    ArabicRegular,
    ArabicBold,
    DevanagariRegular,
    DevanagariBold,
    ThaiRegular,
    ThaiBold,
    /// Chinese, Japanese and Korean; one weight only (bold is drawn by stroking
    /// the outline, see [`FontId::synthetic_bold`]).
    Cjk,
}

/// The weight a piece of text asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// Number of bundled faces; [`FontId::index`] is below it.
pub const FONT_COUNT: usize = 9;

impl FontId {
    pub const ALL: [FontId; FONT_COUNT] = [
        FontId::SansRegular,
        FontId::SansBold,
        FontId::ArabicRegular,
        FontId::ArabicBold,
        FontId::DevanagariRegular,
        FontId::DevanagariBold,
        FontId::ThaiRegular,
        FontId::ThaiBold,
        FontId::Cjk,
    ];

    /// Position in [`FontId::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// True when bold text in this face must be emboldened by stroking the
    /// outlines (the CJK face ships in one weight to keep the binary small).
    pub fn synthetic_bold(self, weight: Weight) -> bool {
        self == FontId::Cjk && weight == Weight::Bold
    }

    fn spec(self) -> &'static FontSpec {
        &SPECS[self.index()]
    }
}

/// Static facts about one bundled file.
struct FontSpec {
    postscript_name: &'static str,
    bytes: &'static [u8],
    /// Ascent and descent (em) a line of this font reserves even when its glyphs
    /// are shorter, so that lines in one box share a baseline grid. Ink that
    /// reaches further (stacked Vietnamese diacritics, Arabic marks) is measured
    /// glyph by glyph and extends the line; see `text::shape`.
    nominal_ascent: f32,
    nominal_descent: f32,
}

macro_rules! font_file {
    ($name:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/", $name))
    };
}

static SPECS: [FontSpec; FONT_COUNT] = [
    FontSpec {
        postscript_name: "NotoSans-Regular",
        bytes: font_file!("NotoSans-Regular.ttf"),
        nominal_ascent: 0.76,
        nominal_descent: 0.24,
    },
    FontSpec {
        postscript_name: "NotoSans-Bold",
        bytes: font_file!("NotoSans-Bold.ttf"),
        nominal_ascent: 0.76,
        nominal_descent: 0.24,
    },
    FontSpec {
        postscript_name: "NotoSansArabic-Regular",
        bytes: font_file!("NotoSansArabic-Regular.ttf"),
        nominal_ascent: 0.80,
        nominal_descent: 0.40,
    },
    FontSpec {
        postscript_name: "NotoSansArabic-Bold",
        bytes: font_file!("NotoSansArabic-Bold.ttf"),
        nominal_ascent: 0.80,
        nominal_descent: 0.40,
    },
    FontSpec {
        postscript_name: "NotoSansDevanagari-Regular",
        bytes: font_file!("NotoSansDevanagari-Regular.ttf"),
        nominal_ascent: 0.90,
        nominal_descent: 0.30,
    },
    FontSpec {
        postscript_name: "NotoSansDevanagari-Bold",
        bytes: font_file!("NotoSansDevanagari-Bold.ttf"),
        nominal_ascent: 0.90,
        nominal_descent: 0.30,
    },
    FontSpec {
        postscript_name: "NotoSansThai-Regular",
        bytes: font_file!("NotoSansThai-Regular.ttf"),
        nominal_ascent: 0.85,
        nominal_descent: 0.30,
    },
    FontSpec {
        postscript_name: "NotoSansThai-Bold",
        bytes: font_file!("NotoSansThai-Bold.ttf"),
        nominal_ascent: 0.85,
        nominal_descent: 0.30,
    },
    FontSpec {
        postscript_name: "NotoSansCJKsc-Regular",
        bytes: font_file!("NotoSansCJKsc-Regular-names.ttf"),
        nominal_ascent: 0.88,
        nominal_descent: 0.12,
    },
];

/// The bytes of every bundled font file, for other renderers (the GUI loads
/// them so names in every script show without system fonts).
pub fn bundled_files() -> impl Iterator<Item = &'static [u8]> {
    SPECS.iter().map(|s| s.bytes)
}

/// A bundled face, parsed and ready for shaping and measuring.
pub struct LoadedFont {
    pub id: FontId,
    pub postscript_name: &'static str,
    pub bytes: &'static [u8],
    /// rustybuzz face (dereferences to the `ttf_parser::Face`).
    pub face: rustybuzz::Face<'static>,
    /// Font units per em, as a float for scaling.
    pub units_per_em: f32,
    pub nominal_ascent: f32,
    pub nominal_descent: f32,
    /// printpdf's parse of the same bytes, made on first use: only needed to
    /// subset the font when a PDF is written.
    subsetting_face: OnceLock<Option<printpdf::ParsedFont>>,
}

impl LoadedFont {
    /// Glyph id of `c`, if the face covers it.
    pub fn glyph(&self, c: char) -> Option<u16> {
        self.face.glyph_index(c).map(|g| g.0)
    }

    pub fn covers(&self, c: char) -> bool {
        self.glyph(c).is_some()
    }

    /// Advance width of a glyph in em (0 for an unknown glyph).
    pub fn advance_em(&self, gid: u16) -> f32 {
        self.face
            .glyph_hor_advance(ttf_parser::GlyphId(gid))
            .map_or(0.0, |a| f32::from(a) / self.units_per_em)
    }

    /// Advance width in PDF glyph-space units (thousandths of an em), rounded as
    /// the `/W` array of the embedded font states it.
    pub fn advance_thousandths(&self, gid: u16) -> i32 {
        let units = i64::from(
            self.face
                .glyph_hor_advance(ttf_parser::GlyphId(gid))
                .unwrap_or(0),
        );
        let upem = i64::from(self.face.units_per_em().max(1) as u16);
        ((units * 1000 + upem / 2) / upem) as i32
    }

    /// Outline bounding box of a glyph in font units, as the `glyf` table
    /// records it (no outline decoding); `None` for blank glyphs.
    pub fn glyph_box(&self, gid: u16) -> Option<ttf_parser::Rect> {
        let id = ttf_parser::GlyphId(gid);
        match self.face.tables().glyf {
            Some(glyf) => glyf.bbox(id),
            None => self.face.glyph_bounding_box(id),
        }
    }

    /// The face as printpdf parses it, for subsetting. `None` if printpdf cannot
    /// read it (never the case for the bundled files; tested).
    pub fn subsetting_face(&self) -> Option<&printpdf::ParsedFont> {
        self.subsetting_face
            .get_or_init(|| {
                let mut warnings = Vec::new();
                printpdf::ParsedFont::from_bytes(self.bytes, 0, &mut warnings)
            })
            .as_ref()
    }
}

static FONTS: LazyLock<Vec<LoadedFont>> = LazyLock::new(|| {
    FontId::ALL
        .iter()
        .filter_map(|&id| {
            let spec = id.spec();
            // The files are bundled and tested, so a parse failure is a build
            // defect; the font is then left out and its text falls back to the
            // others (`font()` below never fails).
            let face = rustybuzz::Face::from_slice(spec.bytes, 0)?;
            let units_per_em = f32::from(face.units_per_em().max(1) as u16);
            Some(LoadedFont {
                id,
                postscript_name: spec.postscript_name,
                bytes: spec.bytes,
                face,
                units_per_em,
                nominal_ascent: spec.nominal_ascent,
                nominal_descent: spec.nominal_descent,
                subsetting_face: OnceLock::new(),
            })
        })
        .collect()
});

/// The parsed face for `id`. Falls back to the first face that parsed if that
/// one did not (which the `fonts_parse` test rules out).
#[allow(
    clippy::expect_used,
    reason = "data compiled into the program, checked by the tests: a failure is a build defect"
)]
pub fn font(id: FontId) -> &'static LoadedFont {
    let fonts = &*FONTS;
    fonts
        .iter()
        .find(|f| f.id == id)
        .or_else(|| fonts.first())
        .expect("no bundled font could be parsed")
}

/// True when every bundled font parsed (checked by tests).
pub fn all_fonts_parse() -> bool {
    FONTS.len() == FONT_COUNT
}

/// The face whose script `c` belongs to, before coverage is checked.
fn preferred_font(c: char, weight: Weight) -> FontId {
    let bold = weight == Weight::Bold;
    match c.script() {
        Script::Arabic | Script::Syriac | Script::Thaana | Script::Nko => {
            if bold {
                FontId::ArabicBold
            } else {
                FontId::ArabicRegular
            }
        }
        Script::Devanagari => {
            if bold {
                FontId::DevanagariBold
            } else {
                FontId::DevanagariRegular
            }
        }
        Script::Thai => {
            if bold {
                FontId::ThaiBold
            } else {
                FontId::ThaiRegular
            }
        }
        Script::Han | Script::Hiragana | Script::Katakana | Script::Hangul | Script::Bopomofo => {
            FontId::Cjk
        }
        _ => sans(weight),
    }
}

fn sans(weight: Weight) -> FontId {
    match weight {
        Weight::Regular => FontId::SansRegular,
        Weight::Bold => FontId::SansBold,
    }
}

/// Order in which faces are tried when the preferred one lacks a character.
fn fallback_order(weight: Weight) -> [FontId; 5] {
    let bold = weight == Weight::Bold;
    [
        sans(weight),
        FontId::Cjk,
        if bold {
            FontId::ArabicBold
        } else {
            FontId::ArabicRegular
        },
        if bold {
            FontId::DevanagariBold
        } else {
            FontId::DevanagariRegular
        },
        if bold {
            FontId::ThaiBold
        } else {
            FontId::ThaiRegular
        },
    ]
}

/// The face to draw `c` with: the one for its script if it covers `c`, else the
/// first face in the fallback order that does, else `None` (no bundled face has
/// it; the caller draws the preferred face's "missing glyph" box).
pub fn font_for_char(c: char, weight: Weight) -> Option<FontId> {
    let preferred = preferred_font(c, weight);
    if font(preferred).covers(c) {
        return Some(preferred);
    }
    fallback_order(weight)
        .into_iter()
        .find(|&id| id != preferred && font(id).covers(c))
}

/// The face used for `c` when nothing covers it: its script's face.
pub fn font_for_missing_char(c: char, weight: Weight) -> FontId {
    preferred_font(c, weight)
}

/// True for characters that take the font of the text around them (spaces,
/// punctuation, digits, combining marks) rather than choosing their own.
pub fn follows_neighbours(c: char) -> bool {
    matches!(
        c.script(),
        Script::Common | Script::Inherited | Script::Unknown
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fonts_parse_and_can_be_subset() {
        assert!(all_fonts_parse());
        for id in FontId::ALL {
            let f = font(id);
            assert_eq!(f.id, id);
            assert!(
                f.subsetting_face().is_some(),
                "{id:?} not readable by printpdf"
            );
            assert!(
                f.face.tables().glyf.is_some(),
                "{id:?} must have glyf outlines"
            );
        }
    }

    #[test]
    fn each_script_gets_its_face() {
        let w = Weight::Regular;
        assert_eq!(font_for_char('ễ', w), Some(FontId::SansRegular));
        assert_eq!(font_for_char('Ж', Weight::Bold), Some(FontId::SansBold));
        assert_eq!(font_for_char('Ω', w), Some(FontId::SansRegular));
        assert_eq!(font_for_char('ع', w), Some(FontId::ArabicRegular));
        assert_eq!(font_for_char('क', w), Some(FontId::DevanagariRegular));
        assert_eq!(font_for_char('ส', w), Some(FontId::ThaiRegular));
        assert_eq!(font_for_char('张', Weight::Bold), Some(FontId::Cjk));
        assert_eq!(font_for_char('の', w), Some(FontId::Cjk));
        assert_eq!(font_for_char('김', w), Some(FontId::Cjk));
        assert_eq!(font_for_char('\u{10FFFD}', w), None);
    }
}
