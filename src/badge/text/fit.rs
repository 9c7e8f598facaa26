//! Fitting shaped text into a box: pick the largest size at which the text fits
//! on one line or, when allowed and better, on two lines broken at a space;
//! below the minimum size keep shrinking to a hard floor, and at the floor cut
//! the text with an ellipsis. The result never extends past its box.

use std::ops::Range;

use super::shape::{Glyph, GlyphText, Paragraph, Run, shape_paragraph};
use super::{Align, BoxSpec, LaidLine, LaidText, LineRun, PlacedGlyph, Rect, VAlign};
use crate::badge::fonts;

/// Gap between two lines of one box, in em of the text size.
const LINE_GAP_EM: f32 = 0.10;
/// Width of the outline stroke that emboldens the single-weight CJK face, in em.
pub const SYNTHETIC_BOLD_STROKE_EM: f32 = 0.03;
/// A two-line layout must beat the one-line size by this factor to be chosen,
/// so that a name is not broken for a gain nobody can see.
const WRAP_GAIN: f32 = 1.02;
const ELLIPSIS: char = '…';
/// Sizes closer than this (pt) count as equal when comparing layouts.
const SAME_SIZE: f32 = 0.01;

/// Measurements of one line at a text size of 1 (em units).
#[derive(Clone, Copy, Debug)]
struct Metrics {
    /// Leftmost extent (≤ 0) relative to the pen start, ink included.
    left: f32,
    /// Rightmost extent relative to the pen start.
    right: f32,
    ascent: f32,
    descent: f32,
}

impl Metrics {
    fn width(&self) -> f32 {
        self.right - self.left
    }
    fn height(&self) -> f32 {
        self.ascent + self.descent
    }
}

/// A line cut out of a paragraph, glyphs in visual order, ready to place.
struct Line {
    runs: Vec<LineRun>,
    metrics: Metrics,
}

/// Lays `text` (already shaped) out in `spec`.
pub fn fit(paragraph: &Paragraph, spec: &BoxSpec) -> LaidText {
    let len = paragraph.text.len();
    if len == 0 || spec.width <= 0.0 || spec.height <= 0.0 {
        return LaidText::empty();
    }

    // Best size over the candidate layouts: one line, or two broken at a space.
    let one = measure(paragraph, 0..len);
    let one_size = size_for(&[&one], spec);
    // Best layout so far: its size, its widest line (em) and, for two lines,
    // where the second starts.
    let mut best: (f32, f32, Option<usize>) = (one_size, one.width(), None);
    if spec.max_lines >= 2 {
        for &b in &paragraph.breaks {
            let first = measure(paragraph, 0..trim_end(&paragraph.text, b));
            let second = measure(paragraph, b..len);
            let size = size_for(&[&first, &second], spec);
            let widest = first.width().max(second.width());
            let better = match best.2 {
                None => size > best.0 * WRAP_GAIN,
                // Among two-line layouts of the same size (height-bound), the
                // more balanced one reads better ("HEAD OF / DELEGATION").
                Some(_) => {
                    size > best.0 + SAME_SIZE || (size > best.0 - SAME_SIZE && widest < best.1)
                }
            };
            if better {
                best = (size, widest, Some(b));
            }
        }
    }

    let (size, _, second_start) = best;
    if size < spec.floor_size {
        return truncate(paragraph, spec);
    }
    let lines = match second_start {
        None => vec![build_line(paragraph, 0..len)],
        Some(b) => vec![
            build_line(paragraph, 0..trim_end(&paragraph.text, b)),
            build_line(paragraph, b..len),
        ],
    };
    place(
        lines,
        size,
        spec,
        paragraph.rtl,
        false,
        size < spec.min_size,
    )
}

/// The largest size (pt) at which these lines fit the box, capped at max size.
fn size_for(lines: &[&Metrics], spec: &BoxSpec) -> f32 {
    let width = lines.iter().map(|m| m.width()).fold(0.0, f32::max);
    let height = stacked_height(lines);
    let by_width = if width > 0.0 {
        spec.width / width
    } else {
        f32::INFINITY
    };
    let by_height = if height > 0.0 {
        spec.height / height
    } else {
        f32::INFINITY
    };
    by_width.min(by_height).min(spec.max_size)
}

fn stacked_height(lines: &[&Metrics]) -> f32 {
    let gaps = lines.len().saturating_sub(1) as f32 * LINE_GAP_EM;
    lines.iter().map(|m| m.height()).sum::<f32>() + gaps
}

/// The end of the text before the spaces that precede byte `b`.
fn trim_end(text: &str, b: usize) -> usize {
    text[..b].trim_end().len()
}

/// Cuts the text to fit at the floor size, ending it with an ellipsis.
///
/// With two lines allowed, the first line takes as many words as fit (or, if
/// even the first word does not, as many characters) and the second line takes
/// the rest, cut. Cutting happens at cluster boundaries in logical order, so a
/// right-to-left name loses its logical end (its visual left) and the ellipsis
/// stands there.
fn truncate(paragraph: &Paragraph, spec: &BoxSpec) -> LaidText {
    let size = spec.floor_size;
    let max_width_em = spec.width / size;
    let len = paragraph.text.len();
    let mut lines = Vec::new();
    let mut start = 0;
    let two_lines = spec.max_lines >= 2 && {
        let one = measure(paragraph, 0..len);
        stacked_height(&[&one, &one]) * size <= spec.height
    };
    if two_lines {
        let word_end = paragraph
            .breaks
            .iter()
            .rev()
            .map(|&b| (b, trim_end(&paragraph.text, b)))
            .find(|&(_, end)| measure(paragraph, 0..end).width() <= max_width_em);
        let (first_end, next_start) = match word_end {
            Some((b, end)) => (end, b),
            None => {
                let end = longest_prefix(paragraph, 0, max_width_em);
                (end, end)
            }
        };
        if first_end > 0 {
            lines.push(build_line(paragraph, 0..first_end));
            start = next_start;
            while paragraph.text[start..].starts_with(' ') {
                start += 1;
            }
        }
    }
    if start < len {
        let rest = &paragraph.text[start..];
        let whole = shape_paragraph(rest, paragraph.weight);
        let whole_line = build_line(&whole, 0..whole.text.len());
        if whole_line.metrics.width() <= max_width_em {
            lines.push(whole_line);
        } else {
            lines.push(ellipsised(&whole, max_width_em));
        }
    }
    let metrics: Vec<&Metrics> = lines.iter().map(|l| &l.metrics).collect();
    let height = stacked_height(&metrics);
    let width = metrics.iter().map(|m| m.width()).fold(0.0, f32::max);
    // The floor is a size, not a promise: in a box too small for even one line at
    // the floor the text shrinks further rather than overflow.
    let mut size = size;
    if height * size > spec.height {
        size = spec.height / height;
    }
    if width * size > spec.width {
        size = spec.width / width;
    }
    place(lines, size, spec, paragraph.rtl, true, true)
}

/// The longest prefix, cut at a cluster boundary, whose width fits.
fn longest_prefix(paragraph: &Paragraph, start: usize, max_width_em: f32) -> usize {
    let cuts = cluster_boundaries(paragraph, start);
    let fits = |end: usize| measure(paragraph, start..end).width() <= max_width_em;
    let (mut lo, mut hi) = (0usize, cuts.len());
    // Invariant: cuts[..lo] fit, cuts[hi..] do not (width grows with the cut).
    while lo < hi {
        let mid = (lo + hi) / 2;
        if fits(cuts[mid]) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if lo == 0 { start } else { cuts[lo - 1] }
}

/// Byte offsets after `start` at which the text can be cut without splitting a
/// cluster (a base and its marks, a ligature, a conjunct), the text end included.
fn cluster_boundaries(paragraph: &Paragraph, start: usize) -> Vec<usize> {
    let mut cuts: Vec<usize> = paragraph
        .runs
        .iter()
        .flat_map(|r| r.glyphs.iter().map(|g| g.cluster))
        .filter(|&c| c > start)
        .collect();
    cuts.push(paragraph.text.len());
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// The longest start of the paragraph that, followed by an ellipsis, fits.
fn ellipsised(paragraph: &Paragraph, max_width_em: f32) -> Line {
    let cuts = cluster_boundaries(paragraph, 0);
    let shaped_with_ellipsis = |end: usize| {
        let mut s = paragraph.text[..end].trim_end().to_string();
        s.push(ELLIPSIS);
        let p = shape_paragraph(&s, paragraph.weight);
        build_line(&p, 0..p.text.len())
    };
    let (mut lo, mut hi) = (0usize, cuts.len());
    let mut best: Option<Line> = None;
    while lo < hi {
        let mid = (lo + hi) / 2;
        let line = shaped_with_ellipsis(cuts[mid]);
        if line.metrics.width() <= max_width_em {
            best = Some(line);
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    best.unwrap_or_else(|| {
        // Not even one character and the ellipsis fit: the ellipsis alone.
        let p = shape_paragraph(&ELLIPSIS.to_string(), paragraph.weight);
        build_line(&p, 0..p.text.len())
    })
}

/// Pieces of runs inside `range`, in visual order: (run index, glyph span).
fn line_pieces(paragraph: &Paragraph, range: &Range<usize>) -> Vec<(usize, Range<usize>)> {
    let mut pieces: Vec<(usize, Range<usize>)> = Vec::new();
    for (i, run) in paragraph.runs.iter().enumerate() {
        if run.range.end <= range.start || run.range.start >= range.end {
            continue;
        }
        let glyphs = glyph_span(&run.glyphs, range);
        if !glyphs.is_empty() {
            pieces.push((i, glyphs));
        }
    }
    if pieces.iter().any(|(i, _)| paragraph.runs[*i].level > 0) {
        let levels: Vec<u8> = pieces
            .iter()
            .map(|(i, _)| paragraph.runs[*i].level)
            .collect();
        let order = visual_order(&levels);
        order.into_iter().map(|k| pieces[k].clone()).collect()
    } else {
        pieces
    }
}

/// Measures the line `range` of the paragraph at size 1 (em).
fn measure(paragraph: &Paragraph, range: Range<usize>) -> Metrics {
    let mut m = Metrics {
        left: 0.0,
        right: 0.0,
        ascent: 0.0,
        descent: 0.0,
    };
    let mut pen = 0.0f32;
    for (run_index, span) in line_pieces(paragraph, &range) {
        let run = &paragraph.runs[run_index];
        pen = extend_metrics(&mut m, run, &run.glyphs[span], pen);
    }
    m.right = m.right.max(pen);
    m
}

/// Grows `m` by a run's glyphs drawn from `pen`; returns the pen after them.
fn extend_metrics(m: &mut Metrics, run: &Run, glyphs: &[Glyph], mut pen: f32) -> f32 {
    let font = fonts::font(run.font);
    m.ascent = m.ascent.max(font.nominal_ascent);
    m.descent = m.descent.max(font.nominal_descent);
    let stroke = if run.synthetic_bold {
        SYNTHETIC_BOLD_STROKE_EM / 2.0
    } else {
        0.0
    };
    for g in glyphs {
        if let Some(ink) = g.ink {
            m.left = m.left.min(pen + ink.left - stroke);
            m.right = m.right.max(pen + ink.right + stroke);
            m.ascent = m.ascent.max(ink.top + stroke);
            m.descent = m.descent.max(-ink.bottom + stroke);
        }
        pen += g.advance;
    }
    pen
}

/// Cuts the glyphs of `range` out of the paragraph in visual order and measures them.
fn build_line(paragraph: &Paragraph, range: Range<usize>) -> Line {
    let mut metrics = Metrics {
        left: 0.0,
        right: 0.0,
        ascent: 0.0,
        descent: 0.0,
    };
    let mut pen = 0.0f32;
    let pieces = line_pieces(paragraph, &range);
    let mut runs = Vec::with_capacity(pieces.len());
    for (run_index, span) in pieces {
        let run = &paragraph.runs[run_index];
        let glyphs = &run.glyphs[span];
        let run_x = pen;
        pen = extend_metrics(&mut metrics, run, glyphs, pen);
        let mut placed = Vec::with_capacity(glyphs.len());
        let mut x = 0.0f32;
        for g in glyphs {
            placed.push(PlacedGlyph {
                gid: g.gid,
                x: x + g.dx,
                dy: g.dy,
                text: g.text.clone(),
            });
            x += g.advance;
        }
        let text_start = glyphs.iter().map(|g| g.cluster).min().unwrap_or(0);
        let text_end = glyphs.iter().map(|g| g.cluster_end).max().unwrap_or(0);
        let text = paragraph
            .text
            .get(text_start..text_end)
            .unwrap_or("")
            .to_string();
        let needs_actual_text = !simple_mapping(glyphs, &text, run.rtl());
        runs.push(LineRun {
            font: run.font,
            synthetic_bold: run.synthetic_bold,
            x: run_x,
            glyphs: placed,
            text,
            needs_actual_text,
        });
    }
    metrics.right = metrics.right.max(pen);
    Line { runs, metrics }
}

/// Glyph indices of a run whose clusters lie in `range` (contiguous, since a
/// run's clusters are monotonic in visual order).
fn glyph_span(glyphs: &[Glyph], range: &Range<usize>) -> Range<usize> {
    let first = glyphs.iter().position(|g| range.contains(&g.cluster));
    let last = glyphs.iter().rposition(|g| range.contains(&g.cluster));
    match (first, last) {
        (Some(a), Some(b)) => a..b + 1,
        _ => 0..0,
    }
}

/// True when the glyphs' texts, read in logical order (right to left for an
/// RTL run), give back the run's text: then `/ToUnicode` alone makes it
/// extractable (viewers put right-to-left text back in logical order
/// themselves). Otherwise (reordered Indic vowel signs, a glyph whose text went
/// to another glyph) the run gets an `/ActualText`.
fn simple_mapping(glyphs: &[Glyph], text: &str, rtl: bool) -> bool {
    let mut expected = text;
    let mut check = |g: &Glyph| -> bool {
        let piece: std::borrow::Cow<'_, str> = match &g.text {
            GlyphText::Char(c) => c.to_string().into(),
            GlyphText::Chars(s) => (&**s).into(),
            GlyphText::Nothing => return false,
        };
        match expected.strip_prefix(&*piece) {
            Some(rest) => {
                expected = rest;
                true
            }
            None => false,
        }
    };
    let all = if rtl {
        glyphs.iter().rev().all(&mut check)
    } else {
        glyphs.iter().all(&mut check)
    };
    all && expected.is_empty()
}

/// Visual order of pieces from their bidi levels (rule L2 of UAX #9: from the
/// highest level down to the lowest odd one, reverse every maximal sequence at
/// that level or above).
fn visual_order(levels: &[u8]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..levels.len()).collect();
    let Some(&max) = levels.iter().max() else {
        return order;
    };
    let min_odd = levels
        .iter()
        .copied()
        .filter(|l| l % 2 == 1)
        .min()
        .unwrap_or(u8::MAX);
    let mut level = max;
    while level >= min_odd && level > 0 {
        let mut i = 0;
        while i < order.len() {
            if levels[order[i]] >= level {
                let mut j = i;
                while j < order.len() && levels[order[j]] >= level {
                    j += 1;
                }
                order[i..j].reverse();
                i = j;
            } else {
                i += 1;
            }
        }
        level -= 1;
    }
    order
}

/// Positions the lines in the box at `size` and records the bounding box.
fn place(
    lines: Vec<Line>,
    size: f32,
    spec: &BoxSpec,
    rtl: bool,
    truncated: bool,
    below_min: bool,
) -> LaidText {
    let metrics: Vec<&Metrics> = lines.iter().map(|l| &l.metrics).collect();
    let block_height = stacked_height(&metrics) * size;
    let top = match spec.valign {
        VAlign::Top => 0.0,
        VAlign::Center => (spec.height - block_height) / 2.0,
        VAlign::Bottom => spec.height - block_height,
    }
    .max(0.0);
    let mut laid = Vec::with_capacity(lines.len());
    let mut y = top;
    let mut bbox: Option<Rect> = None;
    for line in lines {
        let m = line.metrics;
        let width = m.width() * size;
        let x_left = match spec.align {
            Align::Center => (spec.width - width) / 2.0,
            Align::Start if rtl => spec.width - width,
            Align::Start => 0.0,
            Align::End => spec.width - width,
        }
        .max(0.0);
        let baseline = y + m.ascent * size;
        let pen_x = x_left - m.left * size;
        let rect = Rect {
            x: x_left,
            y,
            w: width,
            h: m.height() * size,
        };
        bbox = Some(bbox.map_or(rect, |b| b.union(&rect)));
        laid.push(LaidLine {
            x: pen_x,
            baseline,
            runs: line.runs,
        });
        y += (m.height() + LINE_GAP_EM) * size;
    }
    LaidText {
        size,
        lines: laid,
        bbox: bbox.unwrap_or_default(),
        truncated,
        below_min,
    }
}
