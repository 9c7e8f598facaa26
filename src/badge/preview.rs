//! A PNG preview of one badge, drawn from the very PDF the printer gets
//! (rasterised with hayro), so the preview cannot differ from the print.

use std::sync::Arc;

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{PixmapSettings, RenderCache, RenderSettings};

use super::{BadgeContent, BadgeError, EventStyle, Layout};

/// Renders `badge` alone and returns a PNG at `dpi` dots per inch (clamped to
/// 36–600). For [`Layout::A4x4`] the preview shows the single A6 badge.
pub fn render_preview_png(
    style: &EventStyle,
    badge: &BadgeContent,
    layout: Layout,
    dpi: f32,
) -> Result<Vec<u8>, BadgeError> {
    let layout = match layout {
        Layout::A4x4 => Layout::A6,
        other => other,
    };
    let pdf = super::render_pdf(style, std::slice::from_ref(badge), layout, &|_| true)?;
    rasterise_first_page(pdf, dpi)?
        .into_png()
        .map_err(|e| BadgeError::Preview(e.to_string()))
}

/// Rasterises page 1 of a PDF at `dpi`.
pub(crate) fn rasterise_first_page(
    pdf: Vec<u8>,
    dpi: f32,
) -> Result<hayro::vello_cpu::Pixmap, BadgeError> {
    let dpi = if dpi.is_finite() {
        dpi.clamp(36.0, 600.0)
    } else {
        150.0
    };
    let pdf = Pdf::new(Arc::new(pdf)).map_err(|e| BadgeError::Preview(format!("{e:?}")))?;
    let pages = pdf.pages();
    let page = pages
        .first()
        .ok_or_else(|| BadgeError::Preview("the PDF has no page".into()))?;
    let scale = dpi / 72.0;
    let settings = PixmapSettings {
        x_scale: scale,
        y_scale: scale,
        bg_color: WHITE,
    };
    Ok(hayro::render(
        page,
        &RenderCache::new(),
        &InterpreterSettings::default(),
        &RenderSettings::default(),
        &settings,
    ))
}
