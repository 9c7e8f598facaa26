//! Drawing one badge (and one page of badges) into a content stream.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use rayon::prelude::*;

use super::fonts::Weight;
use super::layout::{self, BadgeGeometry, TextSlot, sheet};
use super::pdf::content::{Content, GlyphUsage};
use super::qr;
use super::text::{self, Align, BoxSpec, LaidText, Rect, VAlign, fit, shape};
use super::{BadgeContent, BadgeError, Colour, EventStyle, Layout};

/// Colour of body text on the white badge.
const INK: Colour = Colour::new(0x1B, 0x26, 0x31);
/// Photo placeholder colours.
const SILHOUETTE_BACKGROUND: Colour = Colour::new(0xE5, 0xE8, 0xEC);
const SILHOUETTE_FIGURE: Colour = Colour::new(0xA7, 0xB0, 0xBA);

/// A text field of the badge (for inspection and tests).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Subtitle,
    GivenNames,
    FamilyName,
    Function,
    Delegation,
    Serial,
    Category,
    Footer,
}

/// An image already written to the PDF: its resource name and pixel size.
#[derive(Clone, Debug)]
pub struct PlacedImage {
    pub name: String,
    pub width: u32,
    pub height: u32,
}

/// Everything shared by all badges of one document: geometry, the texts that
/// repeat (event title, footer, categories, delegations, functions — laid out
/// once each), the logo and the photos.
pub struct Prepared<'a> {
    pub style: &'a EventStyle,
    pub geometry: &'static BadgeGeometry,
    title: Arc<LaidText>,
    subtitle: Arc<LaidText>,
    footer: Arc<LaidText>,
    shared: HashMap<(Field, String), Arc<LaidText>>,
    pub logo: Option<PlacedImage>,
    pub photos: HashMap<[u8; 32], PlacedImage>,
}

impl<'a> Prepared<'a> {
    pub fn new(
        style: &'a EventStyle,
        layout: Layout,
        badges: &[BadgeContent],
        logo: Option<PlacedImage>,
    ) -> Prepared<'a> {
        let geometry = geometry_for(layout);
        let (title_slot, subtitle_slot) = title_slots(geometry, logo.is_some());
        let mut wanted: Vec<(Field, &str)> = Vec::new();
        {
            let mut seen = std::collections::HashSet::new();
            for b in badges {
                let fields = [
                    (Field::Category, Some(b.category_name.as_str())),
                    (Field::Delegation, Some(b.delegation.as_str())),
                    (Field::Function, b.function.as_deref()),
                ];
                for (field, text) in fields {
                    if let Some(text) = text
                        && seen.insert((field, text))
                    {
                        wanted.push((field, text));
                    }
                }
            }
        }
        let shared = wanted
            .par_iter()
            .map(|&(field, text)| {
                let slot = field_slot(geometry, field);
                (
                    (field, text.to_string()),
                    Arc::new(text::layout(text, &slot.spec())),
                )
            })
            .collect();
        Prepared {
            style,
            geometry,
            title: Arc::new(text::layout(&style.title, &title_slot.spec())),
            subtitle: Arc::new(text::layout(&style.subtitle, &subtitle_slot.spec())),
            footer: Arc::new(text::layout(&style.footer, &geometry.footer.spec())),
            shared,
            logo,
            photos: HashMap::new(),
        }
    }

    fn shared_text(&self, field: Field, text: &str) -> Arc<LaidText> {
        match self.shared.get(&(field, text.to_string())) {
            Some(t) => t.clone(),
            None => Arc::new(text::layout(text, &field_slot(self.geometry, field).spec())),
        }
    }

    /// Every text of a badge, laid out, with the slot it was fitted in.
    pub fn texts(&self, badge: &BadgeContent) -> Vec<(Field, TextSlot, Arc<LaidText>)> {
        let g = self.geometry;
        let (title_slot, subtitle_slot) = title_slots(g, self.logo.is_some());
        let mut out = vec![
            (Field::Title, title_slot, self.title.clone()),
            (Field::Subtitle, subtitle_slot, self.subtitle.clone()),
            (
                Field::GivenNames,
                g.given_names,
                Arc::new(text::layout(&badge.given_names, &g.given_names.spec())),
            ),
            (
                Field::FamilyName,
                g.family_name,
                Arc::new(text::layout(&badge.family_name_caps, &g.family_name.spec())),
            ),
        ];
        if let Some(function) = &badge.function {
            out.push((
                Field::Function,
                g.function,
                self.shared_text(Field::Function, function),
            ));
        }
        out.push((
            Field::Delegation,
            g.delegation,
            self.shared_text(Field::Delegation, &badge.delegation),
        ));
        out.push((
            Field::Serial,
            g.serial,
            Arc::new(text::layout(
                &format!("{:06}", badge.serial),
                &g.serial.spec(),
            )),
        ));
        out.push((
            Field::Category,
            g.category,
            self.shared_text(Field::Category, &badge.category_name),
        ));
        out.push((Field::Footer, g.footer, self.footer.clone()));
        out
    }
}

pub fn geometry_for(layout: Layout) -> &'static BadgeGeometry {
    match layout {
        Layout::A6 | Layout::A4x4 => &layout::A6,
        Layout::Card => &layout::CARD,
    }
}

fn title_slots(g: &BadgeGeometry, with_logo: bool) -> (TextSlot, TextSlot) {
    if with_logo {
        (g.title, g.subtitle)
    } else {
        (
            g.title.at(g.title_without_logo),
            g.subtitle.at(g.subtitle_without_logo),
        )
    }
}

fn field_slot(g: &BadgeGeometry, field: Field) -> TextSlot {
    match field {
        Field::Title => g.title,
        Field::Subtitle => g.subtitle,
        Field::GivenNames => g.given_names,
        Field::FamilyName => g.family_name,
        Field::Function => g.function,
        Field::Delegation => g.delegation,
        Field::Serial => g.serial,
        Field::Category => g.category,
        Field::Footer => g.footer,
    }
}

/// Maps badge rectangles (y down from the top) to PDF coordinates (y up).
struct Page {
    height: f32,
}

impl Page {
    /// Lower-left corner and size of `r`.
    fn rect(&self, r: &Rect) -> (f32, f32, f32, f32) {
        (r.x, self.height - r.y - r.h, r.w, r.h)
    }
}

/// Draws a badge in its own coordinates (origin at its lower-left corner).
pub fn draw_badge(
    prep: &Prepared<'_>,
    badge: &BadgeContent,
    out: &mut Content,
    usage: &mut GlyphUsage,
) -> Result<(), BadgeError> {
    let g = prep.geometry;
    let page = Page { height: g.height };
    let qr = qr::encode(&badge.qr_text).map_err(|_| BadgeError::QrTooLong {
        serial: badge.serial,
        chars: badge.qr_text.chars().count(),
    })?;

    // Bands first, so text lands on top of them.
    fill_rect(out, &page, &g.title_band, prep.style.band_colour);
    fill_rect(out, &page, &g.category_band, badge.category_colour);

    if let Some(logo) = &prep.logo {
        draw_image_contained(out, &page, &g.logo, logo);
    }
    draw_photo(prep, badge, out, &page);

    let band_text = prep.style.band_colour.readable_text();
    let category_text = badge.category_colour.readable_text();
    for (field, slot, laid) in prep.texts(badge) {
        let colour = match field {
            Field::Title | Field::Subtitle => band_text,
            Field::Category => category_text,
            _ => INK,
        };
        out.text(&laid, slot.rect.x, g.height - slot.rect.y, colour, usage);
    }

    draw_zones(out, &page, g, &badge.zones, usage);

    let (x, y, side, _) = page.rect(&g.qr);
    qr::draw(out, &qr, x, y, side);
    Ok(())
}

fn fill_rect(out: &mut Content, page: &Page, r: &Rect, colour: Colour) {
    let (x, y, w, h) = page.rect(r);
    out.fill_colour(colour).rect(x, y, w, h).fill();
}

/// Scales an image to fit inside `r`, keeping its proportions, centred.
fn draw_image_contained(out: &mut Content, page: &Page, r: &Rect, img: &PlacedImage) {
    let (x, y, w, h) = page.rect(r);
    let (iw, ih) = (img.width.max(1) as f32, img.height.max(1) as f32);
    let scale = (w / iw).min(h / ih);
    let (dw, dh) = (iw * scale, ih * scale);
    out.image(&img.name, x + (w - dw) / 2.0, y + (h - dh) / 2.0, dw, dh);
}

/// The photo, scaled to cover the 3:4 box (normalised photos are exactly 3:4;
/// anything else is centre-cropped by a clip), or a neutral silhouette.
fn draw_photo(prep: &Prepared<'_>, badge: &BadgeContent, out: &mut Content, page: &Page) {
    let g = prep.geometry;
    let (x, y, w, h) = page.rect(&g.photo);
    let image = badge.photo.as_ref().and_then(|p| prep.photos.get(&p.key));
    out.save().rect(x, y, w, h).clip();
    match image {
        Some(img) => {
            let (iw, ih) = (img.width.max(1) as f32, img.height.max(1) as f32);
            let scale = (w / iw).max(h / ih);
            let (dw, dh) = (iw * scale, ih * scale);
            out.image(&img.name, x + (w - dw) / 2.0, y + (h - dh) / 2.0, dw, dh);
        }
        None => {
            out.fill_colour(SILHOUETTE_BACKGROUND)
                .rect(x, y, w, h)
                .fill();
            out.fill_colour(SILHOUETTE_FIGURE);
            // Head.
            out.ellipse(x + w * 0.5, y + h * 0.62, w * 0.2, h * 0.16)
                .fill();
            // Shoulders: a wide half-ellipse rising from the bottom edge.
            out.ellipse(x + w * 0.5, y - h * 0.02, w * 0.44, h * 0.4)
                .fill();
        }
    }
    out.restore();
    out.stroke_colour(INK)
        .line_width(g.photo_frame)
        .rect(x, y, w, h)
        .stroke();
}

/// Bold zone labels "0" to "255", shaped once.
static ZONE_LABELS: LazyLock<Vec<shape::Paragraph>> = LazyLock::new(|| {
    (0..=255u16)
        .map(|z| shape::shape_paragraph(&z.to_string(), Weight::Bold))
        .collect()
});

/// Side of the zone boxes and how many columns, for `n` zones in `area`:
/// the largest box (down to the minimum) with which all of them fit.
fn zone_grid(n: usize, area: &Rect, g: &BadgeGeometry) -> (f32, usize, usize) {
    let gap = g.zone_gap;
    let mut side = g.zone_box_max.min(area.h).min(area.w);
    loop {
        let cols = (((area.w + gap) / (side + gap)).floor() as usize).max(1);
        let rows_fit = (((area.h + gap) / (side + gap)).floor() as usize).max(1);
        if n.div_ceil(cols) <= rows_fit || side <= g.zone_box_min {
            return (side, cols, rows_fit);
        }
        side = (side - layout::mm(0.25)).max(g.zone_box_min);
    }
}

/// Access zones as boxed numbers, left to right in the order given. When even
/// the smallest boxes cannot hold them all, the last box says "+N" (the number
/// of zones not shown).
fn draw_zones(
    out: &mut Content,
    page: &Page,
    g: &BadgeGeometry,
    zones: &[u8],
    usage: &mut GlyphUsage,
) {
    if zones.is_empty() {
        return;
    }
    let area = g.zones;
    let (side, cols, rows) = zone_grid(zones.len(), &area, g);
    let capacity = cols * rows;
    let shown = if zones.len() > capacity {
        capacity.saturating_sub(1)
    } else {
        zones.len()
    };
    let border = (side * 0.07).max(0.6);
    let label_spec = BoxSpec {
        width: side - 2.0 * border - side * 0.12,
        height: side - 2.0 * border - side * 0.16,
        max_size: side,
        min_size: 1.0,
        floor_size: 1.0,
        max_lines: 1,
        align: Align::Center,
        valign: VAlign::Center,
        weight: Weight::Bold,
    };
    let mut labels: Vec<LaidText> = zones[..shown]
        .iter()
        .map(|&z| fit::fit(&ZONE_LABELS[usize::from(z)], &label_spec))
        .collect();
    if shown < zones.len() {
        labels.push(text::layout(
            &format!("+{}", zones.len() - shown),
            &label_spec,
        ));
    }
    out.stroke_colour(INK).line_width(border);
    for (i, label) in labels.iter().enumerate() {
        let cell = Rect {
            x: area.x + (i % cols) as f32 * (side + g.zone_gap),
            y: area.y + (i / cols) as f32 * (side + g.zone_gap),
            w: side,
            h: side,
        };
        let (x, y, w, h) = page.rect(&cell);
        let half = border / 2.0;
        out.rect(x + half, y + half, w - border, h - border)
            .stroke();
        let inner_left = cell.x + (side - label_spec.width) / 2.0;
        let inner_top = cell.y + (side - label_spec.height) / 2.0;
        out.text(label, inner_left, page.height - inner_top, INK, usage);
    }
}

/// Draws one page: a single badge (A6, card) or up to four on an A4 sheet with
/// crop marks. Returns the page's content stream, uncompressed.
pub fn draw_page(
    prep: &Prepared<'_>,
    layout: Layout,
    badges: &[BadgeContent],
    usage: &mut GlyphUsage,
) -> Result<Vec<u8>, BadgeError> {
    let mut out = Content::with_capacity(12_000 * badges.len());
    match layout {
        Layout::A6 | Layout::Card => {
            for badge in badges {
                draw_badge(prep, badge, &mut out, usage)?;
            }
        }
        Layout::A4x4 => {
            for (badge, &(sx, sy)) in badges.iter().zip(sheet::SLOTS.iter()) {
                let ty = sheet::HEIGHT - sy - prep.geometry.height;
                out.save().transform(1.0, 0.0, 0.0, 1.0, sx, ty);
                draw_badge(prep, badge, &mut out, usage)?;
                out.restore();
            }
            draw_crop_marks(&mut out);
        }
    }
    Ok(out.buf)
}

/// Marks on the two inner cut lines of the A4 sheet (see `layout::sheet`).
fn draw_crop_marks(out: &mut Content) {
    let grey = Colour::new(sheet::MARK_GREY, sheet::MARK_GREY, sheet::MARK_GREY);
    let (cx, cy) = (sheet::CUT_X, sheet::HEIGHT - sheet::CUT_Y);
    let (w, h) = (sheet::WIDTH, sheet::HEIGHT);
    let (near, len) = (sheet::TICK_FROM_EDGE, sheet::TICK_LENGTH);
    out.save().stroke_colour(grey).line_width(sheet::MARK_WIDTH);
    out.move_to(cx - sheet::CROSS_ARM, cy)
        .line_to(cx + sheet::CROSS_ARM, cy);
    out.move_to(cx, cy - sheet::CROSS_ARM)
        .line_to(cx, cy + sheet::CROSS_ARM);
    out.move_to(cx, h - near).line_to(cx, h - near - len);
    out.move_to(cx, near).line_to(cx, near + len);
    out.move_to(near, cy).line_to(near + len, cy);
    out.move_to(w - near, cy).line_to(w - near - len, cy);
    out.stroke().restore();
}
