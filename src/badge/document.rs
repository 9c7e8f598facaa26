//! Assembling the badge PDF: pages rendered in parallel chunks, streamed into
//! the file in order, photos embedded once each, fonts subset at the end.

use std::collections::hash_map::Entry;

use rayon::prelude::*;

use super::pdf::content::GlyphUsage;
use super::pdf::writer::{PdfWriter, deflate};
use super::pdf::{embed, image};
use super::render::{self, PlacedImage, Prepared};
use super::{BadgeContent, BadgeError, EventStyle, Layout};

/// Badges rendered between two progress reports; a multiple of 4 so A4 sheets
/// are never split. Large enough to keep both cores busy, small enough that
/// cancelling answers within a few tens of milliseconds.
const CHUNK: usize = 256;

/// Renders `badges` into one PDF.
///
/// `progress` is called on the calling thread after each chunk of badges with
/// the number done so far; returning `false` cancels ([`BadgeError::Cancelled`]).
/// The same input always gives the same bytes.
pub fn render_pdf(
    style: &EventStyle,
    badges: &[BadgeContent],
    layout: Layout,
    progress: &dyn Fn(usize) -> bool,
) -> Result<Vec<u8>, BadgeError> {
    if badges.is_empty() {
        return Err(BadgeError::NoBadges);
    }
    let mut writer = PdfWriter::new(badges.len() * 4_000 + 1_000_000);
    let catalog = writer.reserve();
    let pages_root = writer.reserve();
    let resources = writer.reserve();
    let info = writer.reserve();

    let logo = match &style.logo {
        Some(bytes) => Some(write_logo(&mut writer, bytes)?),
        None => None,
    };
    let mut xobjects: Vec<(String, u32)> = Vec::new();
    if let Some((placed, id)) = &logo {
        xobjects.push((placed.name.clone(), *id));
    }
    let mut prep = Prepared::new(style, layout, badges, logo.map(|(placed, _)| placed));

    let (page_width, page_height) = layout.page_size();
    let media_box = format!("[0 0 {page_width:.2} {page_height:.2}]");
    let per_page = layout.badges_per_page();
    let mut usage = GlyphUsage::default();
    let mut page_ids = Vec::with_capacity(badges.len().div_ceil(per_page));
    let mut done = 0;

    for chunk in badges.chunks(CHUNK) {
        // Photos first seen in this chunk are written before its pages, in badge order.
        for badge in chunk {
            let Some(photo) = &badge.photo else { continue };
            let index = prep.photos.len();
            if let Entry::Vacant(slot) = prep.photos.entry(photo.key) {
                let info = image::jpeg_info(&photo.jpeg).ok_or_else(|| BadgeError::Photo {
                    serial: badge.serial,
                    reason: "it is not a JPEG file (photos must be normalised first)".into(),
                })?;
                let id = writer.reserve();
                image::write_jpeg(&mut writer, id, &photo.jpeg, info);
                let name = format!("P{index}");
                xobjects.push((name.clone(), id));
                slot.insert(PlacedImage {
                    name,
                    width: info.width,
                    height: info.height,
                });
            }
        }

        let pages: Vec<Result<(Vec<u8>, GlyphUsage), BadgeError>> = chunk
            .par_chunks(per_page)
            .map(|page_badges| {
                let mut page_usage = GlyphUsage::default();
                let content = render::draw_page(&prep, layout, page_badges, &mut page_usage)?;
                Ok((deflate(&content), page_usage))
            })
            .collect();

        for page in pages {
            let (content, page_usage) = page?;
            let content_id = writer.reserve();
            writer.stream(content_id, "/Filter /FlateDecode", &content);
            let page_id = writer.reserve();
            let body = format!(
                "<</Type /Page /Parent {pages_root} 0 R /MediaBox {media_box} /Resources {resources} 0 R /Contents {content_id} 0 R>>"
            );
            writer.object(page_id, body.as_bytes());
            page_ids.push(page_id);
            usage.merge(page_usage);
        }
        done += chunk.len();
        if !progress(done) {
            return Err(BadgeError::Cancelled);
        }
    }

    let fonts = embed::write_fonts(&mut writer, &usage)?;
    let images: String = xobjects
        .iter()
        .map(|(name, id)| format!("/{name} {id} 0 R "))
        .collect();
    writer.object(
        resources,
        format!("<</Font <<{fonts}>> /XObject <<{images}>>>>").as_bytes(),
    );
    Ok(writer.finish_document(
        catalog,
        pages_root,
        info,
        &page_ids,
        &style.title,
        "Accredit badge renderer",
    ))
}

/// Writes the logo: a JPEG as it is, anything else decoded to RGB + alpha.
fn write_logo(writer: &mut PdfWriter, bytes: &[u8]) -> Result<(PlacedImage, u32), BadgeError> {
    let id = writer.reserve();
    let (width, height) = match image::jpeg_info(bytes) {
        Some(info) => {
            image::write_jpeg(writer, id, bytes, info);
            (info.width, info.height)
        }
        None => {
            let decoded = image::decode_logo(bytes).map_err(BadgeError::Logo)?;
            image::write_rgba(writer, id, &decoded);
            (decoded.width, decoded.height)
        }
    };
    Ok((
        PlacedImage {
            name: "L0".to_string(),
            width,
            height,
        },
        id,
    ))
}
