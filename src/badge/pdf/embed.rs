//! Embedding the fonts a document used: each as a subset (printpdf's
//! `subset_font`, i.e. allsorts) in a Type0 / CIDFontType2 font with
//! `Identity-H` encoding.
//!
//! Content streams show the *original* glyph ids of the bundled font as CIDs,
//! and a `/CIDToGIDMap` maps them to the renumbered subset glyphs. That lets
//! every page be written (and compressed, in parallel) before it is known which
//! glyphs the whole document uses.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use super::content::GlyphUsage;
use super::writer::PdfWriter;
use crate::badge::BadgeError;
use crate::badge::fonts::{self, FontId};

/// Writes the fonts in `usage` and returns their resource entries
/// ("/F0 12 0 R …") for the page resource dictionary.
pub fn write_fonts(writer: &mut PdfWriter, usage: &GlyphUsage) -> Result<String, BadgeError> {
    let mut entries = String::new();
    for font_id in FontId::ALL {
        let glyphs = &usage.fonts[font_id.index()];
        if glyphs.is_empty() {
            continue;
        }
        let id = write_font(writer, font_id, glyphs)?;
        let _ = write!(
            entries,
            "/{} {id} 0 R ",
            super::content::font_resource(font_id)
        );
    }
    Ok(entries)
}

fn write_font(
    writer: &mut PdfWriter,
    font_id: FontId,
    glyphs: &BTreeMap<u16, Option<String>>,
) -> Result<u32, BadgeError> {
    let font = fonts::font(font_id);
    let parsed = font.subsetting_face().ok_or_else(|| {
        BadgeError::Font(format!(
            "{} cannot be read for embedding",
            font.postscript_name
        ))
    })?;
    let request: BTreeMap<u16, String> = glyphs
        .iter()
        .map(|(&gid, text)| (gid, text.clone().unwrap_or_default()))
        .collect();
    let subset = printpdf::subset_font(parsed, &request).map_err(|e| {
        BadgeError::Font(format!("{} could not be subset: {e}", font.postscript_name))
    })?;

    let type0 = writer.reserve();
    let cid_font = writer.reserve();
    let descriptor = writer.reserve();
    let file = writer.reserve();
    let to_unicode = writer.reserve();
    let cid_to_gid = writer.reserve();

    let name = format!(
        "{}+{}",
        subset_tag(font.postscript_name, glyphs),
        font.postscript_name
    );

    // CID (original glyph id) -> glyph id in the subset.
    let max_cid = glyphs.keys().next_back().copied().unwrap_or(0);
    let mut map = vec![0u8; (usize::from(max_cid) + 1) * 2];
    for (&cid, (new_gid, _)) in &subset.glyph_mapping {
        let at = usize::from(cid) * 2;
        if at + 1 < map.len() {
            map[at..at + 2].copy_from_slice(&new_gid.to_be_bytes());
        }
    }
    writer.deflated_stream(cid_to_gid, "", &map);

    writer.deflated_stream(
        file,
        &format!(" /Length1 {}", subset.bytes.len()),
        &subset.bytes,
    );
    writer.deflated_stream(to_unicode, "", to_unicode_cmap(glyphs).as_bytes());

    let face = &font.face;
    let scale = 1000.0 / font.units_per_em;
    let bbox = face.global_bounding_box();
    let scaled = |v: i16| (f32::from(v) * scale).round() as i32;
    let descriptor_body = format!(
        "<</Type /FontDescriptor /FontName /{name} /Flags 4 /FontBBox [{} {} {} {}] /ItalicAngle 0 /Ascent {} /Descent {} /CapHeight {} /StemV 80 /FontFile2 {file} 0 R>>",
        scaled(bbox.x_min),
        scaled(bbox.y_min),
        scaled(bbox.x_max),
        scaled(bbox.y_max),
        scaled(face.ascender()),
        scaled(face.descender()),
        scaled(face.capital_height().unwrap_or(face.ascender())),
    );
    writer.object(descriptor, descriptor_body.as_bytes());

    let cid_body = format!(
        "<</Type /Font /Subtype /CIDFontType2 /BaseFont /{name} /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor {descriptor} 0 R /DW 1000 /W {} /CIDToGIDMap {cid_to_gid} 0 R>>",
        widths(font_id, glyphs)
    );
    writer.object(cid_font, cid_body.as_bytes());

    let type0_body = format!(
        "<</Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H /DescendantFonts [{cid_font} 0 R] /ToUnicode {to_unicode} 0 R>>"
    );
    writer.object(type0, type0_body.as_bytes());
    Ok(type0)
}

/// Six capital letters naming the subset, derived from the glyphs in it (the
/// PDF specification asks for a tag that differs between different subsets).
fn subset_tag(name: &str, glyphs: &BTreeMap<u16, Option<String>>) -> String {
    let mut hasher = Sha256::new();
    hasher.update(name.as_bytes());
    for gid in glyphs.keys() {
        hasher.update(gid.to_be_bytes());
    }
    hasher.finalize()[..6]
        .iter()
        .map(|b| char::from(b'A' + b % 26))
        .collect()
}

/// The `/W` array: advances of the used glyphs, consecutive ids grouped.
fn widths(font_id: FontId, glyphs: &BTreeMap<u16, Option<String>>) -> String {
    let font = fonts::font(font_id);
    let mut out = String::from("[");
    let mut run_start: Option<u16> = None;
    let mut previous = 0u16;
    for &gid in glyphs.keys() {
        match run_start {
            Some(_) if gid == previous.wrapping_add(1) => out.push(' '),
            Some(_) => {
                let _ = write!(out, "] {gid} [");
            }
            None => {
                let _ = write!(out, "{gid} [");
            }
        }
        run_start.get_or_insert(gid);
        let _ = write!(out, "{}", font.advance_thousandths(gid));
        previous = gid;
    }
    if run_start.is_some() {
        out.push(']');
    }
    out.push(']');
    out
}

/// A `/ToUnicode` CMap from CIDs (original glyph ids) to the text they show.
fn to_unicode_cmap(glyphs: &BTreeMap<u16, Option<String>>) -> String {
    let mapped: Vec<(u16, &str)> = glyphs
        .iter()
        .filter_map(|(&gid, text)| text.as_deref().filter(|t| !t.is_empty()).map(|t| (gid, t)))
        .collect();
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for chunk in mapped.chunks(100) {
        let _ = writeln!(out, "{} beginbfchar", chunk.len());
        for (gid, text) in chunk {
            let _ = write!(out, "<{gid:04X}> <");
            for unit in text.encode_utf16() {
                let _ = write!(out, "{unit:04X}");
            }
            out.push_str(">\n");
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_group_consecutive_ids() {
        let mut glyphs = BTreeMap::new();
        for gid in [3u16, 4, 5, 9] {
            glyphs.insert(gid, None);
        }
        let w = widths(FontId::SansRegular, &glyphs);
        assert!(w.starts_with("[3 ["), "{w}");
        assert_eq!(w.matches('[').count(), 3, "{w}");
    }

    #[test]
    fn cmap_lists_mapped_glyphs_only() {
        let mut glyphs = BTreeMap::new();
        glyphs.insert(0x41u16, Some("A".to_string()));
        glyphs.insert(0x42u16, None);
        glyphs.insert(0x43u16, Some("ffi".to_string()));
        let cmap = to_unicode_cmap(&glyphs);
        assert!(cmap.contains("2 beginbfchar"));
        assert!(cmap.contains("<0041> <0041>"));
        assert!(cmap.contains("<0043> <006600660069>"));
    }
}
