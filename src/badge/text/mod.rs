//! Text for badges: shaping (rustybuzz), bidi ordering (unicode-bidi), measuring
//! with real advances and glyph outlines, and fitting into boxes.
//!
//! Fitting rules (see [`fit::fit`]):
//! 1. The text is set at the largest size, up to the box's maximum, at which it
//!    fits on one line, or on two lines broken at a space when the box allows
//!    two lines and that gives a larger size.
//! 2. A size below the box's minimum is still used as long as it is at least the
//!    box's hard floor (long names get small rather than cut).
//! 3. When even the floor does not fit, the text is set at the floor and cut at a
//!    cluster boundary, ending with "…" (on the second line when two are allowed).
//!
//! The laid-out text records its bounding box (advances, glyph outlines and line
//! ascent/descent), which always lies inside the box.

pub mod fit;
pub mod shape;

pub use shape::GlyphText;

use crate::badge::fonts::{FontId, Weight};

/// An axis-aligned rectangle in points, y growing downwards from the top of the
/// badge (or of a text box).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }
    pub fn union(&self, other: &Rect) -> Rect {
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        Rect {
            x,
            y,
            w: self.right().max(other.right()) - x,
            h: self.bottom().max(other.bottom()) - y,
        }
    }
    /// True when `inner` lies inside `self`, allowing `slack` points for rounding.
    pub fn contains(&self, inner: &Rect, slack: f32) -> bool {
        inner.x >= self.x - slack
            && inner.y >= self.y - slack
            && inner.right() <= self.right() + slack
            && inner.bottom() <= self.bottom() + slack
    }
    /// True when the two rectangles share some area.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }
    /// The rectangle moved by (dx, dy).
    pub fn offset(&self, dx: f32, dy: f32) -> Rect {
        Rect {
            x: self.x + dx,
            y: self.y + dy,
            ..*self
        }
    }
    /// The rectangle grown by `d` on every side.
    pub fn inflate(&self, d: f32) -> Rect {
        Rect {
            x: self.x - d,
            y: self.y - d,
            w: self.w + 2.0 * d,
            h: self.h + 2.0 * d,
        }
    }
}

/// Horizontal alignment. `Start` is left for left-to-right text and right for
/// right-to-left text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Start,
    Center,
    End,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VAlign {
    Top,
    Center,
    Bottom,
}

/// The box a text must fit in, and how.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BoxSpec {
    /// Size of the box in points.
    pub width: f32,
    pub height: f32,
    /// Text sizes in points: preferred maximum, minimum, hard floor (≤ minimum).
    pub max_size: f32,
    pub min_size: f32,
    pub floor_size: f32,
    /// 1 or 2.
    pub max_lines: u8,
    pub align: Align,
    pub valign: VAlign,
    pub weight: Weight,
}

/// A glyph placed on a line.
#[derive(Clone, Debug)]
pub struct PlacedGlyph {
    pub gid: u16,
    /// Position of the glyph origin from the start of its run, in em.
    pub x: f32,
    /// Vertical offset (em, up), e.g. for marks.
    pub dy: f32,
    /// What the glyph stands for, for `/ToUnicode`.
    pub text: GlyphText,
}

/// Glyphs of one face and direction on one line, in visual order.
#[derive(Clone, Debug)]
pub struct LineRun {
    pub font: FontId,
    pub synthetic_bold: bool,
    /// Start of the run from the line's pen start, in em.
    pub x: f32,
    pub glyphs: Vec<PlacedGlyph>,
    /// The run's text in logical order.
    pub text: String,
    /// True when copy/paste needs an `/ActualText` (right-to-left, ligatures,
    /// reordered or contextual glyphs).
    pub needs_actual_text: bool,
}

/// One laid-out line.
#[derive(Clone, Debug)]
pub struct LaidLine {
    /// Pen start, in points from the box's left edge.
    pub x: f32,
    /// Baseline, in points from the box's top edge.
    pub baseline: f32,
    pub runs: Vec<LineRun>,
}

/// Text fitted into a box.
#[derive(Clone, Debug)]
pub struct LaidText {
    /// Text size in points.
    pub size: f32,
    pub lines: Vec<LaidLine>,
    /// Extent of the text relative to the box's top-left corner (points).
    pub bbox: Rect,
    /// True when the text was cut with an ellipsis.
    pub truncated: bool,
    /// True when the size is below the box's minimum.
    pub below_min: bool,
}

impl LaidText {
    fn empty() -> LaidText {
        LaidText {
            size: 0.0,
            lines: Vec::new(),
            bbox: Rect::default(),
            truncated: false,
            below_min: false,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// Shapes and fits `text` into `spec`.
pub fn layout(text: &str, spec: &BoxSpec) -> LaidText {
    let paragraph = shape::shape_paragraph(text, spec.weight);
    fit::fit(&paragraph, spec)
}
