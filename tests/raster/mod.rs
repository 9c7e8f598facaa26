//! Helpers shared by the badge tests: rasterising PDF pages with hayro and
//! reading QR codes back with rqrr.
#![allow(dead_code)]

use std::sync::Arc;

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{PixmapSettings, RenderCache, RenderSettings};

/// A rasterised page, 8-bit grey.
pub struct GreyPage {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
    pub dpi: f32,
}

impl GreyPage {
    pub fn at(&self, x: usize, y: usize) -> u8 {
        self.pixels[y * self.width + x]
    }

    /// Pixel at a position given in millimetres from the top-left corner.
    pub fn at_mm(&self, x: f32, y: f32) -> u8 {
        let px = (x / 25.4 * self.dpi) as usize;
        let py = (y / 25.4 * self.dpi) as usize;
        self.at(px.min(self.width - 1), py.min(self.height - 1))
    }
}

/// Number of pages of a PDF, as hayro reads it.
pub fn page_count(pdf: &[u8]) -> usize {
    Pdf::new(Arc::new(pdf.to_vec()))
        .expect("hayro cannot open the PDF")
        .pages()
        .len()
}

/// Rasterises every page at `dpi`.
pub fn rasterise(pdf: &[u8], dpi: f32) -> Vec<GreyPage> {
    let pdf = Pdf::new(Arc::new(pdf.to_vec())).expect("hayro cannot open the PDF");
    let cache = RenderCache::new();
    let scale = dpi / 72.0;
    let settings = PixmapSettings {
        x_scale: scale,
        y_scale: scale,
        bg_color: WHITE,
    };
    pdf.pages()
        .iter()
        .map(|page| {
            let pixmap = hayro::render(
                page,
                &cache,
                &InterpreterSettings::default(),
                &RenderSettings::default(),
                &settings,
            );
            let (width, height) = (usize::from(pixmap.width()), usize::from(pixmap.height()));
            let pixels = pixmap
                .data_as_u8_slice()
                .chunks_exact(4)
                .map(|p| {
                    ((u32::from(p[0]) * 299 + u32::from(p[1]) * 587 + u32::from(p[2]) * 114) / 1000)
                        as u8
                })
                .collect();
            GreyPage {
                width,
                height,
                pixels,
                dpi,
            }
        })
        .collect()
}

/// A QR code found on a page: its text, error correction level (rqrr's
/// numbering: Q = 3) and corners in pixels.
pub struct FoundQr {
    pub text: String,
    pub ecc_level: u16,
    pub bounds: [(i32, i32); 4],
}

/// Finds and decodes every QR code on the page (the image is thresholded
/// first: rqrr misreads some anti-aliased module edges).
pub fn read_qr_codes(page: &GreyPage) -> Vec<FoundQr> {
    let mut prepared =
        rqrr::PreparedImage::prepare_from_greyscale(page.width, page.height, |x, y| {
            if page.at(x, y) < 128 { 0 } else { 255 }
        });
    prepared
        .detect_grids()
        .into_iter()
        .filter_map(|grid| {
            let bounds = grid.bounds.map(|p| (p.x, p.y));
            grid.decode().ok().map(|(meta, text)| FoundQr {
                text,
                ecc_level: meta.ecc_level,
                bounds,
            })
        })
        .collect()
}

impl GreyPage {
    /// The part of the page in the rectangle (x, y, w, h), in millimetres.
    pub fn crop_mm(&self, x: f32, y: f32, w: f32, h: f32) -> GreyPage {
        let px = |v: f32| ((v / 25.4 * self.dpi) as usize).min(self.width);
        let py = |v: f32| ((v / 25.4 * self.dpi) as usize).min(self.height);
        let (x0, y0, x1, y1) = (px(x), py(y), px(x + w), py(y + h));
        let mut pixels = Vec::with_capacity((x1 - x0) * (y1 - y0));
        for row in y0..y1 {
            pixels.extend_from_slice(&self.pixels[row * self.width + x0..row * self.width + x1]);
        }
        GreyPage {
            width: x1 - x0,
            height: y1 - y0,
            pixels,
            dpi: self.dpi,
        }
    }
}

/// Reads one QR code per badge: every page is rasterised and cut into its
/// badge areas (`areas`, mm; one per badge slot, `per_page` badges on each
/// page) so rqrr never sees two symbols at once. Resolutions 200, 250 and
/// 300 dpi are tried in turn for the areas where nothing was read (rqrr
/// misses some symbols at one resolution and reads them at another; zbar
/// reads them all at 200).
pub fn read_badge_qr_texts(
    pdf: &[u8],
    areas: &[(f32, f32, f32, f32)],
    badges: usize,
) -> Vec<Option<String>> {
    let mut texts: Vec<Option<String>> = vec![None; badges];
    for dpi in [200.0, 250.0, 300.0] {
        if texts.iter().all(Option::is_some) {
            break;
        }
        for (p, page) in rasterise(pdf, dpi).iter().enumerate() {
            for (slot, &(x, y, w, h)) in areas.iter().enumerate() {
                let badge = p * areas.len() + slot;
                if badge >= badges || texts[badge].is_some() {
                    continue;
                }
                let codes = read_qr_codes(&page.crop_mm(x, y, w, h));
                assert!(codes.len() <= 1, "more than one QR code in a badge");
                texts[badge] = codes.into_iter().next().map(|q| q.text);
            }
        }
    }
    texts
}

/// Counts image XObjects in a PDF written by the badge renderer.
pub fn count_images(pdf: &[u8]) -> usize {
    count(pdf, b"/Subtype /Image")
}

pub fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}
