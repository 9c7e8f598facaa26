//! From a string to shaped glyph runs: clean-up, bidi levels, itemisation into
//! runs of one font / script / direction, and shaping with rustybuzz.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use unicode_bidi::BidiInfo;
use unicode_script::{Script, UnicodeScript};

use crate::badge::fonts::{self, FontId, LoadedFont, Weight};

/// Extent of a glyph's outline (em, relative to the pen position, y up).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ink {
    pub left: f32,
    pub right: f32,
    pub bottom: f32,
    pub top: f32,
}

/// What a glyph stands for in the text, for copy/paste (`/ToUnicode`).
#[derive(Clone, Debug, PartialEq)]
pub enum GlyphText {
    /// The glyph is the font's own glyph for this character.
    Char(char),
    /// A ligature or contextual form standing for these characters.
    Chars(Box<str>),
    /// A further glyph of a cluster whose text went to another glyph.
    Nothing,
}

/// One shaped glyph.
#[derive(Clone, Debug)]
pub struct Glyph {
    pub gid: u16,
    /// Byte range (in the paragraph text) of the cluster this glyph belongs to.
    pub cluster: usize,
    pub cluster_end: usize,
    /// Pen advance in em, after kerning.
    pub advance: f32,
    /// Offset of the glyph from the pen (em), e.g. for marks.
    pub dx: f32,
    pub dy: f32,
    /// Outline extent relative to the pen, offsets included; `None` for blank glyphs.
    pub ink: Option<Ink>,
    pub text: GlyphText,
    /// True when the glyph is the font's cmap glyph for a character of its cluster.
    pub nominal: bool,
}

/// A run of text in one face, script and direction, shaped.
#[derive(Clone, Debug)]
pub struct Run {
    /// Byte range in the paragraph text.
    pub range: Range<usize>,
    pub font: FontId,
    pub synthetic_bold: bool,
    /// Resolved bidi embedding level; odd means right-to-left.
    pub level: u8,
    /// Glyphs in visual (left-to-right) order, as rustybuzz returns them.
    pub glyphs: Vec<Glyph>,
}

impl Run {
    pub fn rtl(&self) -> bool {
        self.level % 2 == 1
    }
}

/// A cleaned, shaped single paragraph of text.
#[derive(Clone, Debug)]
pub struct Paragraph {
    pub text: String,
    pub weight: Weight,
    /// True when the paragraph direction is right-to-left (first strong
    /// character is RTL).
    pub rtl: bool,
    /// Runs in logical order.
    pub runs: Vec<Run>,
    /// Byte offsets at which a second line may start (just after a space).
    pub breaks: Vec<usize>,
}

/// Collapses every run of whitespace and control characters into one space and
/// trims the ends: names come from spreadsheets and forms, and a tab or a line
/// break in them must not reach the badge.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        // U+200B..U+200D and U+2060 are format characters that shaping needs
        // (ZWJ/ZWNJ) or that are harmless; other controls and separators become spaces.
        if c.is_whitespace() || (c.is_control() && c != '\u{200C}' && c != '\u{200D}') {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// Shapes `text` (cleaned first) in the given weight.
pub fn shape_paragraph(text: &str, weight: Weight) -> Paragraph {
    let text = clean(text);
    if text.is_empty() {
        return Paragraph {
            text,
            weight,
            rtl: false,
            runs: Vec::new(),
            breaks: Vec::new(),
        };
    }
    let (levels, rtl) = bidi_levels(&text);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let fonts = assign_fonts(&chars, weight);
    let scripts = resolve_scripts(&chars);

    let mut runs = Vec::new();
    let mut start = 0;
    for i in 1..=chars.len() {
        let boundary = i == chars.len()
            || fonts[i] != fonts[start]
            || scripts[i] != scripts[start]
            || levels[chars[i].0] != levels[chars[start].0];
        if boundary {
            let range = chars[start].0..chars.get(i).map_or(text.len(), |c| c.0);
            let font = fonts[start];
            let level = levels[chars[start].0];
            runs.push(shape_run(&text, range, font, weight, scripts[start], level));
            start = i;
        }
    }

    let breaks = chars
        .windows(2)
        .filter(|w| w[0].1 == ' ' && w[1].1 != ' ')
        .map(|w| w[1].0)
        .collect();
    Paragraph {
        text,
        weight,
        rtl,
        runs,
        breaks,
    }
}

/// True when the text contains anything that can make it right-to-left.
fn may_need_bidi(text: &str) -> bool {
    text.chars().any(|c| {
        let u = c as u32;
        (0x0590..=0x08FF).contains(&u)
            || (0xFB1D..=0xFDFF).contains(&u)
            || (0xFE70..=0xFEFF).contains(&u)
            || (0x10800..=0x10FFF).contains(&u)
            || (0x1E800..=0x1EFFF).contains(&u)
            || matches!(u, 0x200F | 0x202A..=0x202E | 0x2066..=0x2069 | 0x061C)
    })
}

/// Resolved bidi level of every byte, and whether the paragraph is RTL.
fn bidi_levels(text: &str) -> (Vec<u8>, bool) {
    if !may_need_bidi(text) {
        return (vec![0; text.len()], false);
    }
    let info = BidiInfo::new(text, None);
    let rtl = info.paragraphs.first().is_some_and(|p| p.level.is_rtl());
    let levels = info.levels.iter().map(|l| l.number()).collect();
    (levels, rtl)
}

/// The face for each character. Characters of their own script pick the face of
/// that script; spaces, punctuation, digits and marks stay in the face of the
/// character before them (marks must, to combine), or else the one after.
fn assign_fonts(chars: &[(usize, char)], weight: Weight) -> Vec<FontId> {
    let own: Vec<Option<FontId>> = chars
        .iter()
        .map(|&(_, c)| {
            if fonts::follows_neighbours(c) {
                None
            } else {
                Some(
                    fonts::font_for_char(c, weight)
                        .unwrap_or_else(|| fonts::font_for_missing_char(c, weight)),
                )
            }
        })
        .collect();
    let mut result: Vec<FontId> = Vec::with_capacity(chars.len());
    for (i, &(_, c)) in chars.iter().enumerate() {
        if let Some(f) = own[i] {
            result.push(f);
            continue;
        }
        let previous = result.last().copied();
        let next = own[i + 1..].iter().flatten().next().copied();
        let is_mark = c.script() == Script::Inherited;
        let chosen = match (previous, next) {
            (Some(p), _) if is_mark || fonts::font(p).covers(c) => p,
            (_, Some(n)) if fonts::font(n).covers(c) => n,
            _ => fonts::font_for_char(c, weight).unwrap_or(match weight {
                Weight::Regular => FontId::SansRegular,
                Weight::Bold => FontId::SansBold,
            }),
        };
        result.push(chosen);
    }
    result
}

/// The script each character is shaped as: its own, or for shared characters
/// (spaces, digits, marks) the script of the text around them.
fn resolve_scripts(chars: &[(usize, char)]) -> Vec<Script> {
    let own: Vec<Script> = chars.iter().map(|&(_, c)| c.script()).collect();
    let is_shared = |s: Script| matches!(s, Script::Common | Script::Inherited | Script::Unknown);
    let first_real = own
        .iter()
        .copied()
        .find(|&s| !is_shared(s))
        .unwrap_or(Script::Latin);
    let mut current = first_real;
    own.iter()
        .map(|&s| {
            if !is_shared(s) {
                current = s;
            }
            current
        })
        .collect()
}

fn script_tag(script: Script) -> Option<rustybuzz::Script> {
    let name = script.short_name().as_bytes();
    let tag: [u8; 4] = name.try_into().ok()?;
    rustybuzz::Script::from_iso15924_tag(rustybuzz::ttf_parser::Tag::from_bytes(&tag))
}

type PlanKey = (FontId, bool, [u8; 4]);

thread_local! {
    // Building a shape plan costs more than shaping a short name, and a badge
    // run uses a handful of (face, direction, script) combinations: keep them.
    static PLANS: RefCell<HashMap<PlanKey, Rc<rustybuzz::ShapePlan>>> = RefCell::new(HashMap::new());
}

fn shape_plan(font: &LoadedFont, rtl: bool, script: Script) -> Rc<rustybuzz::ShapePlan> {
    let tag = script_tag(script);
    let key_tag: [u8; 4] = tag.map_or(*b"Zyyy", |t| t.tag().to_bytes());
    let key = (font.id, rtl, key_tag);
    PLANS.with(|plans| {
        plans
            .borrow_mut()
            .entry(key)
            .or_insert_with(|| {
                Rc::new(rustybuzz::ShapePlan::new(
                    &font.face,
                    direction(rtl),
                    tag,
                    None,
                    &[],
                ))
            })
            .clone()
    })
}

fn direction(rtl: bool) -> rustybuzz::Direction {
    if rtl {
        rustybuzz::Direction::RightToLeft
    } else {
        rustybuzz::Direction::LeftToRight
    }
}

fn shape_run(
    text: &str,
    range: Range<usize>,
    font_id: FontId,
    weight: Weight,
    script: Script,
    level: u8,
) -> Run {
    let font = fonts::font(font_id);
    let rtl = level % 2 == 1;
    let run_text = &text[range.clone()];
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(run_text);
    buffer.set_direction(direction(rtl));
    if let Some(tag) = script_tag(script) {
        buffer.set_script(tag);
    }
    let plan = shape_plan(font, rtl, script);
    let shaped = rustybuzz::shape_with_plan(&font.face, &plan, buffer);
    let upem = font.units_per_em;
    let mut glyphs: Vec<Glyph> = shaped
        .glyph_infos()
        .iter()
        .zip(shaped.glyph_positions())
        .map(|(info, pos)| {
            let gid = u16::try_from(info.glyph_id).unwrap_or(0);
            let dx = pos.x_offset as f32 / upem;
            let dy = pos.y_offset as f32 / upem;
            let ink = font.glyph_box(gid).map(|b| Ink {
                left: f32::from(b.x_min) / upem + dx,
                right: f32::from(b.x_max) / upem + dx,
                bottom: f32::from(b.y_min) / upem + dy,
                top: f32::from(b.y_max) / upem + dy,
            });
            Glyph {
                gid,
                cluster: range.start + info.cluster as usize,
                cluster_end: range.end,
                advance: pos.x_advance as f32 / upem,
                dx,
                dy,
                ink,
                text: GlyphText::Nothing,
                nominal: false,
            }
        })
        .collect();
    assign_glyph_texts(text, &range, font, &mut glyphs, rtl);
    Run {
        range,
        font: font_id,
        synthetic_bold: font_id.synthetic_bold(weight),
        level,
        glyphs,
    }
}

/// Gives each glyph the text it stands for: the character whose cmap glyph it is
/// or, for ligatures and contextual forms, the characters of its cluster that no
/// nominal glyph claimed (to the first such glyph in logical order).
fn assign_glyph_texts(
    text: &str,
    range: &Range<usize>,
    font: &LoadedFont,
    glyphs: &mut [Glyph],
    rtl: bool,
) {
    // Cluster starts in logical order, to find where each cluster ends.
    let mut starts: Vec<usize> = glyphs.iter().map(|g| g.cluster).collect();
    starts.sort_unstable();
    starts.dedup();
    let cluster_end = |start: usize| -> usize {
        match starts.binary_search(&start) {
            Ok(i) => starts.get(i + 1).copied().unwrap_or(range.end),
            Err(_) => range.end,
        }
    };
    // Visit glyphs in logical order so "first glyph of the cluster" is logical.
    let order: Vec<usize> = if rtl {
        (0..glyphs.len()).rev().collect()
    } else {
        (0..glyphs.len()).collect()
    };
    let mut i = 0;
    while i < order.len() {
        let cluster = glyphs[order[i]].cluster;
        let mut j = i;
        while j < order.len() && glyphs[order[j]].cluster == cluster {
            j += 1;
        }
        let end = cluster_end(cluster).max(cluster);
        for &k in &order[i..j] {
            glyphs[k].cluster_end = end;
        }
        let cluster_text = text.get(cluster..end).unwrap_or("");
        let mut claimed = vec![false; cluster_text.chars().count()];
        for &k in &order[i..j] {
            let gid = glyphs[k].gid;
            if gid == 0 {
                continue;
            }
            if let Some((n, c)) = cluster_text
                .chars()
                .enumerate()
                .find(|&(n, c)| !claimed[n] && font.glyph(c) == Some(gid))
            {
                claimed[n] = true;
                glyphs[k].text = GlyphText::Char(c);
                glyphs[k].nominal = true;
            }
        }
        let rest: String = cluster_text
            .chars()
            .zip(&claimed)
            .filter(|(_, done)| !**done)
            .map(|(c, _)| c)
            .collect();
        if !rest.is_empty()
            && let Some(&k) = order[i..j].iter().find(|&&k| !glyphs[k].nominal)
        {
            glyphs[k].text = GlyphText::Chars(rest.into_boxed_str());
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_collapses_whitespace_and_controls() {
        assert_eq!(clean("  Anna \t\n  Maria\u{0007}X  "), "Anna Maria X");
        assert_eq!(clean(""), "");
        assert_eq!(clean(" \n "), "");
    }

    #[test]
    fn vietnamese_is_one_latin_run() {
        let p = shape_paragraph("Nguyễn Thị Phương Thảo", Weight::Regular);
        assert_eq!(p.runs.len(), 1);
        assert_eq!(p.runs[0].font, FontId::SansRegular);
        assert!(!p.rtl);
        assert_eq!(p.breaks.len(), 3);
        assert!(p.runs[0].glyphs.iter().all(|g| g.gid != 0));
    }

    #[test]
    fn arabic_is_rtl_and_joined() {
        let p = shape_paragraph("عبد الرحمن بن محمد", Weight::Bold);
        assert!(p.rtl);
        assert_eq!(p.runs.len(), 1);
        let run = &p.runs[0];
        assert!(run.rtl());
        assert_eq!(run.font, FontId::ArabicBold);
        // Visual order: the first glyph drawn is the end of the text.
        assert!(run.glyphs.first().unwrap().cluster > run.glyphs.last().unwrap().cluster);
        // Joining forms are not the isolated cmap glyphs.
        assert!(run.glyphs.iter().any(|g| !g.nominal && g.gid != 0));
    }

    #[test]
    fn mixed_arabic_and_latin_split_by_level() {
        let p = shape_paragraph("Dr. عبد الرحمن, Minister", Weight::Regular);
        assert!(!p.rtl);
        let fonts: Vec<FontId> = p.runs.iter().map(|r| r.font).collect();
        assert!(fonts.contains(&FontId::ArabicRegular));
        assert!(fonts.contains(&FontId::SansRegular));
        assert!(p.runs.iter().any(|r| r.rtl()));
    }

    #[test]
    fn devanagari_conjunct_forms_a_ligature() {
        let p = shape_paragraph("क्ष", Weight::Regular);
        let glyphs = &p.runs[0].glyphs;
        assert_eq!(glyphs.len(), 1, "क्ष should shape to one conjunct glyph");
        assert_eq!(glyphs[0].text, GlyphText::Chars("क्ष".into()));
    }

    #[test]
    fn cjk_and_thai_choose_their_faces() {
        let p = shape_paragraph("田中 太郎 สมชาย", Weight::Bold);
        assert_eq!(p.runs[0].font, FontId::Cjk);
        assert!(p.runs[0].synthetic_bold);
        assert_eq!(p.runs.last().unwrap().font, FontId::ThaiBold);
    }
}
