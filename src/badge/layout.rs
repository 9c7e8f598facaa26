//! Every dimension of every badge layout, in one place.
//!
//! Dimensions are written in millimetres, measured from the top-left corner of
//! the badge (y grows downwards), and converted to points where they are
//! defined. Text sizes are in points.
//!
//! Margins: nothing is drawn closer than [`BadgeGeometry::safe_margin`] to a
//! badge edge — 4 mm on A6 and on the A4 sheet, because office printers cannot
//! print the outer ~4 mm of a sheet and because cutting is never exact; 3 mm on
//! the ID-1 card, which card printers print edge to edge. Coloured bands are
//! therefore inset too, not printed to the edge.

use super::fonts::Weight;
use super::text::{Align, BoxSpec, Rect, VAlign};

/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// Millimetres to points.
pub const fn mm(v: f32) -> f32 {
    v * PT_PER_MM
}

/// A rectangle given in millimetres (x, y from the top-left corner).
const fn rect(x: f32, y: f32, w: f32, h: f32) -> Rect {
    Rect {
        x: mm(x),
        y: mm(y),
        w: mm(w),
        h: mm(h),
    }
}

/// Where a text goes and how it is fitted.
#[derive(Clone, Copy, Debug)]
pub struct TextSlot {
    pub rect: Rect,
    /// Preferred maximum, minimum and hard-floor sizes (pt); see `text` for the rules.
    pub max: f32,
    pub min: f32,
    pub floor: f32,
    pub lines: u8,
    pub align: Align,
    pub valign: VAlign,
    pub weight: Weight,
}

impl TextSlot {
    pub fn spec(&self) -> BoxSpec {
        BoxSpec {
            width: self.rect.w,
            height: self.rect.h,
            max_size: self.max,
            min_size: self.min,
            floor_size: self.floor,
            max_lines: self.lines,
            align: self.align,
            valign: self.valign,
            weight: self.weight,
        }
    }

    /// The same slot in another rectangle.
    pub fn at(&self, rect: Rect) -> TextSlot {
        TextSlot { rect, ..*self }
    }
}

#[allow(clippy::too_many_arguments)]
const fn slot(
    r: Rect,
    max: f32,
    min: f32,
    floor: f32,
    lines: u8,
    align: Align,
    valign: VAlign,
    weight: Weight,
) -> TextSlot {
    TextSlot {
        rect: r,
        max,
        min,
        floor,
        lines,
        align,
        valign,
        weight,
    }
}

/// The geometry of one badge face.
#[derive(Clone, Copy, Debug)]
pub struct BadgeGeometry {
    /// Badge size in points.
    pub width: f32,
    pub height: f32,
    pub safe_margin: f32,
    /// Event band at the top, in the event's colour.
    pub title_band: Rect,
    /// Logo box inside the band (the logo is scaled to fit, keeping its shape).
    pub logo: Rect,
    /// Event title and subtitle when there is a logo…
    pub title: TextSlot,
    pub subtitle: TextSlot,
    /// …and where they move when there is none.
    pub title_without_logo: Rect,
    pub subtitle_without_logo: Rect,
    /// Photo box, 3:4.
    pub photo: Rect,
    /// Width of the line framing the photo (pt).
    pub photo_frame: f32,
    pub given_names: TextSlot,
    pub family_name: TextSlot,
    pub function: TextSlot,
    pub delegation: TextSlot,
    /// Area for the boxed zone numbers.
    pub zones: Rect,
    /// Largest and smallest side of a zone box, and the gap between boxes (pt).
    pub zone_box_max: f32,
    pub zone_box_min: f32,
    pub zone_gap: f32,
    /// QR square, quiet zone included, and the clear space kept around it.
    pub qr: Rect,
    pub qr_clear_space: f32,
    pub serial: TextSlot,
    /// Category band near the bottom, in the category's colour.
    pub category_band: Rect,
    pub category: TextSlot,
    pub footer: TextSlot,
}

use Align::{Center, Start};
use VAlign::{Bottom, Top};
use Weight::{Bold, Regular};

/// A6 portrait lanyard badge, 105 × 148 mm.
///
/// The category name is set up to 48 pt (capitals about 12 mm high), readable
/// from 3 m; the QR square is 36 mm with its quiet zone, so a version-6 code
/// (about 100 characters) is 30 mm wide.
#[rustfmt::skip]
pub const A6: BadgeGeometry = BadgeGeometry {
    width: mm(105.0),
    height: mm(148.0),
    safe_margin: mm(4.0),
    // rect(x, y, w, h) in mm; slot(rect, max, min, floor size in pt, lines, align, valign, weight)
    title_band:            rect(4.0,  4.0,  97.0, 18.0),
    logo:                  rect(6.0,  5.5,  15.0, 15.0),
    title:      slot(rect(23.0, 5.5,  76.0, 9.5),  14.0,  8.0,  6.0, 2, Start, Bottom, Bold),
    subtitle:   slot(rect(23.0, 15.5, 76.0, 5.0),   8.5,  6.0,  5.0, 1, Start, Top, Regular),
    title_without_logo:    rect(6.0,  5.5,  93.0, 9.5),
    subtitle_without_logo: rect(6.0,  15.5, 93.0, 5.0),
    photo:                 rect(6.0,  25.0, 30.0, 40.0),
    photo_frame: 0.5,
    given_names: slot(rect(39.0, 25.0, 60.0, 11.0), 18.0, 10.0,  6.0, 2, Start, Bottom, Regular),
    family_name: slot(rect(39.0, 36.5, 60.0, 13.5), 24.0, 12.0,  7.0, 2, Start, Top, Bold),
    function:    slot(rect(39.0, 51.0, 60.0, 6.5),  11.0,  7.0,  5.5, 2, Start, Top, Regular),
    delegation:  slot(rect(39.0, 58.0, 60.0, 7.0),  13.0,  8.0,  6.0, 2, Start, Top, Bold),
    zones:                 rect(6.0,  69.0, 53.0, 29.0),
    zone_box_max: mm(12.0),
    zone_box_min: mm(3.5),
    zone_gap: mm(1.5),
    qr:                    rect(63.0, 72.0, 36.0, 36.0),
    qr_clear_space: mm(2.0),
    serial:      slot(rect(6.0, 100.0, 53.0, 8.0),  14.0,  8.0,  6.0, 1, Start, Bottom, Bold),
    category_band:         rect(4.0, 112.0, 97.0, 24.0),
    category:    slot(rect(7.0, 114.0, 91.0, 20.0), 48.0, 20.0, 12.0, 2, Center, VAlign::Center, Bold),
    footer:      slot(rect(6.0, 137.5, 93.0, 6.0),   7.5,  5.5,  4.5, 2, Center, VAlign::Center, Regular),
};

/// ID-1 card portrait, 54 × 85.6 mm, for card printers.
///
/// The QR square is 30 mm with its quiet zone: a version-6 code is 25 mm wide.
#[rustfmt::skip]
pub const CARD: BadgeGeometry = BadgeGeometry {
    width: mm(54.0),
    height: mm(85.6),
    safe_margin: mm(3.0),
    // rect(x, y, w, h) in mm; slot(rect, max, min, floor size in pt, lines, align, valign, weight)
    title_band:            rect(3.0,  3.0,  48.0, 9.0),
    logo:                  rect(4.0,  3.75, 7.5,  7.5),
    title:      slot(rect(12.5, 3.5,  37.5, 5.0),   8.0,  5.0,  4.0, 2, Start, Bottom, Bold),
    subtitle:   slot(rect(12.5, 8.7,  37.5, 2.8),   5.0,  4.0,  3.5, 1, Start, Top, Regular),
    title_without_logo:    rect(4.0,  3.5,  46.0, 5.0),
    subtitle_without_logo: rect(4.0,  8.7,  46.0, 2.8),
    photo:                 rect(4.0,  13.5, 18.0, 24.0),
    photo_frame: 0.4,
    given_names: slot(rect(24.0, 13.5, 26.0, 7.0),  11.0,  6.0,  4.5, 2, Start, Bottom, Regular),
    family_name: slot(rect(24.0, 21.0, 26.0, 8.5),  14.0,  7.0,  5.0, 2, Start, Top, Bold),
    function:    slot(rect(24.0, 30.0, 26.0, 3.5),   7.0,  5.0,  4.0, 1, Start, Top, Regular),
    delegation:  slot(rect(24.0, 34.0, 26.0, 3.5),   8.0,  5.0,  4.0, 1, Start, Top, Bold),
    zones:                 rect(4.0,  40.0, 15.5, 22.0),
    zone_box_max: mm(7.0),
    zone_box_min: mm(2.5),
    zone_gap: mm(1.0),
    qr:                    rect(21.0, 39.0, 30.0, 30.0),
    qr_clear_space: mm(1.5),
    serial:      slot(rect(4.0,  63.0, 15.5, 5.0),   7.0,  4.5,  3.5, 1, Start, Bottom, Bold),
    category_band:         rect(3.0,  70.5, 48.0, 9.0),
    category:    slot(rect(4.0,  71.0, 46.0, 8.0),  22.0,  9.0,  5.0, 2, Center, VAlign::Center, Bold),
    footer:      slot(rect(4.0,  79.8, 46.0, 2.8),   5.0,  3.5,  3.0, 1, Center, VAlign::Center, Regular),
};

/// The A4 portrait sheet of four A6 badges.
///
/// A4 (210 × 297 mm) is exactly two A6 wide and 1 mm more than two A6 high, so
/// the badges touch: there is no gutter for crop marks outside them. The sheet
/// edges are the badges' outer left/right edges and need no cut; the 0.5 mm
/// strips at top and bottom lie in every printer's unprintable margin. The cuts
/// that matter are the two inner lines (x = 105 mm, y = 148.5 mm). Marks are
/// drawn *on* those lines, inside the badges' 4 mm content-free margin, so a
/// cut along them removes them: a cross where they meet and a tick near each
/// sheet edge, placed inside the printable area.
pub mod sheet {
    use super::mm;

    pub const WIDTH: f32 = mm(210.0);
    pub const HEIGHT: f32 = mm(297.0);
    /// Top-left corner of each badge slot, in reading order.
    pub const SLOTS: [(f32, f32); 4] = [
        (mm(0.0), mm(0.5)),
        (mm(105.0), mm(0.5)),
        (mm(0.0), mm(148.5)),
        (mm(105.0), mm(148.5)),
    ];
    pub const CUT_X: f32 = mm(105.0);
    pub const CUT_Y: f32 = mm(148.5);
    /// Half-length of the arms of the centre cross.
    pub const CROSS_ARM: f32 = mm(3.5);
    /// Ticks near the sheet edges: distance of their far end from the edge, length.
    pub const TICK_FROM_EDGE: f32 = mm(5.0);
    pub const TICK_LENGTH: f32 = mm(6.0);
    /// Line width of the marks (pt) and their grey level.
    pub const MARK_WIDTH: f32 = 0.3;
    pub const MARK_GREY: u8 = 90;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content_boxes(g: &BadgeGeometry) -> Vec<(&'static str, Rect)> {
        vec![
            ("title band", g.title_band),
            ("photo", g.photo),
            ("given names", g.given_names.rect),
            ("family name", g.family_name.rect),
            ("function", g.function.rect),
            ("delegation", g.delegation.rect),
            ("zones", g.zones),
            ("qr + clear space", g.qr.inflate(g.qr_clear_space)),
            ("serial", g.serial.rect),
            ("category band", g.category_band),
            ("footer", g.footer.rect),
        ]
    }

    #[test]
    fn boxes_do_not_overlap_and_stay_in_the_safe_area() {
        for (name, g) in [("A6", A6), ("card", CARD)] {
            let safe = Rect {
                x: g.safe_margin,
                y: g.safe_margin,
                w: g.width - 2.0 * g.safe_margin,
                h: g.height - 2.0 * g.safe_margin,
            };
            let boxes = content_boxes(&g);
            assert!(
                safe.contains(&g.qr, 0.01),
                "{name}: QR leaves the safe area"
            );
            for (i, (a, ra)) in boxes.iter().enumerate() {
                // The QR's clear space may reach into the margin: it is blank.
                if !a.starts_with("qr") {
                    assert!(safe.contains(ra, 0.01), "{name}: {a} leaves the safe area");
                }
                for (b, rb) in &boxes[i + 1..] {
                    assert!(!ra.overlaps(rb), "{name}: {a} overlaps {b}");
                }
            }
            for (inner, outer) in [
                (g.logo, g.title_band),
                (g.title.rect, g.title_band),
                (g.subtitle.rect, g.title_band),
                (g.title_without_logo, g.title_band),
                (g.subtitle_without_logo, g.title_band),
                (g.category.rect, g.category_band),
            ] {
                assert!(
                    outer.contains(&inner, 0.01),
                    "{name}: band content leaves its band"
                );
            }
            assert!(!g.title.rect.overlaps(&g.subtitle.rect));
            assert!(!g.logo.overlaps(&g.title.rect));
            // Photo is 3:4.
            assert!((g.photo.w * 4.0 - g.photo.h * 3.0).abs() < 0.01);
            // QR square at least 25 mm including the quiet zone, ≥ 25 mm of code
            // for a version-6 (41-module) symbol.
            assert!(g.qr.w >= mm(25.0) && (g.qr.w - g.qr.h).abs() < 0.01);
            assert!(
                g.qr.w * 41.0 / 49.0 >= mm(25.0) - 0.01,
                "{name}: v6 code narrower than 25 mm"
            );
        }
    }

    #[test]
    fn four_a6_fill_the_a4_sheet() {
        for (x, y) in sheet::SLOTS {
            assert!(x + A6.width <= sheet::WIDTH + 0.01);
            assert!(y + A6.height <= sheet::HEIGHT + 0.01);
        }
        // Crop marks stay in the badges' content-free margin.
        const { assert!(sheet::CROSS_ARM < A6.safe_margin) };
        const { assert!(sheet::TICK_FROM_EDGE >= mm(4.0)) };
    }
}
