//! Printed badges: a PDF of accreditation badges (and a PNG preview of one).
//!
//! ```no_run
//! use accredit::badge::{render_pdf, BadgeContent, EventStyle, Layout, Colour};
//! let style = EventStyle {
//!     title: "Signing Ceremony of the UN Convention against Cybercrime".into(),
//!     subtitle: "Hanoi · 25–26 October 2025".into(),
//!     footer: "This badge must be worn visibly at all times".into(),
//!     logo: None,
//!     band_colour: Colour::new(0x00, 0x5A, 0x9C),
//! };
//! let badge = BadgeContent {
//!     serial: 1,
//!     qr_text: "HC1:EXAMPLE".into(),
//!     given_names: "Thị Phương Thảo".into(),
//!     family_name_caps: "NGUYỄN".into(),
//!     function: Some("Head of Delegation".into()),
//!     delegation: "Viet Nam".into(),
//!     category_name: "DELEGATE".into(),
//!     category_colour: Colour::new(0xC0, 0x39, 0x2B),
//!     zones: vec![1, 2, 5],
//!     photo: None,
//! };
//! let pdf = render_pdf(&style, &[badge], Layout::A6, &|_done| true).unwrap();
//! ```
//!
//! Layouts, sizes and every dimension are in [`layout`]; fonts in [`fonts`];
//! text shaping and fitting in [`text`].

use std::sync::Arc;

use sha2::{Digest, Sha256};

mod document;
pub mod fonts;
pub mod layout;
pub(crate) mod pdf;
mod preview;
pub mod qr;
mod render;
pub mod sample;
pub mod text;

pub use document::render_pdf;
pub use preview::render_preview_png;
pub use render::Field;

pub use crate::domain::{Colour, Layout};

/// What every badge of an event shares.
#[derive(Clone, Debug)]
pub struct EventStyle {
    /// Event title, in the band at the top.
    pub title: String,
    /// Venue and dates, under the title.
    pub subtitle: String,
    /// Small print at the bottom, e.g. "This badge must be worn visibly at all times".
    pub footer: String,
    /// Logo, PNG or JPEG, drawn at the left of the title band.
    pub logo: Option<Vec<u8>>,
    /// Colour of the title band; its text is white or black, whichever reads better.
    pub band_colour: Colour,
}

/// A participant's photo, already normalised (see [`crate::photo::normalise`]).
#[derive(Clone, Debug)]
pub struct PhotoRef {
    /// SHA-256 of `jpeg`: photos with the same key are embedded once.
    pub key: [u8; 32],
    /// Baseline or progressive JPEG, embedded as it is.
    pub jpeg: Arc<[u8]>,
}

impl PhotoRef {
    /// Wraps JPEG bytes, computing their key.
    pub fn new(jpeg: Arc<[u8]>) -> PhotoRef {
        let key = Sha256::digest(&jpeg).into();
        PhotoRef { key, jpeg }
    }
}

impl From<crate::photo::NormalisedPhoto> for PhotoRef {
    fn from(photo: crate::photo::NormalisedPhoto) -> PhotoRef {
        PhotoRef {
            key: photo.sha256,
            jpeg: Arc::from(photo.jpeg),
        }
    }
}

/// What one badge shows.
#[derive(Clone, Debug)]
pub struct BadgeContent {
    pub serial: u64,
    /// Text of the QR code (credential). Alphanumeric-mode characters (base45)
    /// give the smallest code; other text is encoded in byte mode.
    pub qr_text: String,
    pub given_names: String,
    /// Family name, already in capitals (the caller's domain rules decide how).
    pub family_name_caps: String,
    /// Title or function, e.g. "Minister of Foreign Affairs".
    pub function: Option<String>,
    pub delegation: String,
    pub category_name: String,
    pub category_colour: Colour,
    /// Access zones, shown as boxed numbers in this order.
    pub zones: Vec<u8>,
    pub photo: Option<PhotoRef>,
}

impl Layout {
    pub fn badges_per_page(self) -> usize {
        match self {
            Layout::A6 | Layout::Card => 1,
            Layout::A4x4 => 4,
        }
    }

    /// Page size in points.
    pub fn page_size(self) -> (f32, f32) {
        match self {
            Layout::A6 => (layout::A6.width, layout::A6.height),
            Layout::Card => (layout::CARD.width, layout::CARD.height),
            Layout::A4x4 => (layout::sheet::WIDTH, layout::sheet::HEIGHT),
        }
    }
}

/// Why badges could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum BadgeError {
    #[error("badge rendering was cancelled")]
    Cancelled,
    #[error("there are no badges to print")]
    NoBadges,
    #[error("the QR text of badge {serial} is too long for a QR code ({chars} characters)")]
    QrTooLong { serial: u64, chars: usize },
    #[error("the photo of badge {serial} cannot be used: {reason}")]
    Photo { serial: u64, reason: String },
    #[error("the event logo cannot be used: {0}")]
    Logo(String),
    #[error("font problem: {0}")]
    Font(String),
    #[error("could not draw the preview: {0}")]
    Preview(String),
}

/// Where one text of a badge went: its box and the measured extent of the
/// laid-out text, both in points from the badge's top-left corner.
#[derive(Clone, Debug)]
pub struct FieldLayout {
    pub field: Field,
    pub slot: text::Rect,
    pub bbox: text::Rect,
    /// Text size in points (0 for an empty text).
    pub size: f32,
    pub lines: usize,
    /// The text was cut with an ellipsis.
    pub truncated: bool,
    /// The text is smaller than the slot's minimum size.
    pub below_min: bool,
}

/// Lays out the texts of one badge without drawing it: lets the caller warn
/// about names that had to be shrunk or cut, and lets tests check every text
/// stays in its box.
pub fn inspect_badge(style: &EventStyle, badge: &BadgeContent, layout: Layout) -> Vec<FieldLayout> {
    let logo = style.logo.as_ref().map(|_| render::PlacedImage {
        name: String::new(),
        width: 1,
        height: 1,
    });
    let prep = render::Prepared::new(style, layout, std::slice::from_ref(badge), logo);
    prep.texts(badge)
        .into_iter()
        .map(|(field, slot, laid)| FieldLayout {
            field,
            slot: slot.rect,
            bbox: laid.bbox.offset(slot.rect.x, slot.rect.y),
            size: laid.size,
            lines: laid.lines.len(),
            truncated: laid.truncated,
            below_min: laid.below_min,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_names_round_trip() {
        for l in [Layout::A6, Layout::Card, Layout::A4x4] {
            assert_eq!(l.to_string().parse::<Layout>().unwrap(), l);
        }
        assert_eq!("A4X4".parse::<Layout>().unwrap(), Layout::A4x4);
        let e = "a5".parse::<Layout>().unwrap_err();
        assert!(e.contains("\"a5\" is not a layout"), "{e}");
    }

    #[test]
    fn colours_parse_and_pick_readable_text() {
        assert_eq!(
            "#C0392B".parse::<Colour>().unwrap(),
            Colour::new(0xC0, 0x39, 0x2B)
        );
        let e = "#C0392".parse::<Colour>().unwrap_err();
        assert!(e.contains("is not a colour"), "{e}");
        let e = "#ÄÄÄÄÄÄ".parse::<Colour>().unwrap_err();
        assert!(e.contains("is not a colour"), "{e}");
        assert_eq!(Colour::new(0xC0, 0x39, 0x2B).readable_text(), Colour::WHITE);
        assert_eq!(
            Colour::new(0xF1, 0xC4, 0x0F).readable_text(),
            Colour::NEAR_BLACK
        );
        assert_eq!(Colour::WHITE.readable_text(), Colour::NEAR_BLACK);
        assert_eq!(Colour::BLACK.readable_text(), Colour::WHITE);
    }
}
