//! A flowing A4 document on top of the badge module's PDF writer: pages made
//! one after another, a cursor going down the page, text set with the bundled
//! fonts, and the file assembled at the end (when the page count is known for
//! the footers). Coordinates here are points from the page's top-left
//! corner; the PDF's own y-up coordinates stay inside this file.

use crate::badge::fonts::Weight;
use crate::badge::pdf::content::{Content, GlyphUsage};
use crate::badge::pdf::embed;
use crate::badge::pdf::image::{RgbaImage, write_rgba};
use crate::badge::pdf::writer::{PdfWriter, deflate};
use crate::badge::qr::{self, QrMatrix};
use crate::badge::text::{self, Align, BoxSpec, VAlign};
use crate::domain::Colour;
use crate::error::{Error, Result};

pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
pub const MARGIN: f32 = 40.0;
/// The lowest point content may reach; the footer lives below it.
pub const CONTENT_BOTTOM: f32 = PAGE_HEIGHT - 54.0;
pub const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;

pub const INK: Colour = Colour::new(0x1A, 0x1F, 0x2B);
pub const MUTED: Colour = Colour::new(0x5F, 0x66, 0x73);
pub const RULE: Colour = Colour::new(0xC9, 0xCF, 0xD8);
pub const NAVY: Colour = Colour::new(0x1F, 0x3B, 0x73);

/// How a piece of text is set.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub size: f32,
    pub weight: Weight,
    pub colour: Colour,
    pub align: Align,
    /// 1 or 2.
    pub lines: u8,
    /// Text may shrink down to this share of its size before it is cut.
    pub shrink: f32,
}

impl Style {
    pub const fn new(size: f32) -> Style {
        Style {
            size,
            weight: Weight::Regular,
            colour: INK,
            align: Align::Start,
            lines: 1,
            shrink: 1.0,
        }
    }

    pub const fn bold(mut self) -> Style {
        self.weight = Weight::Bold;
        self
    }

    pub const fn colour(mut self, colour: Colour) -> Style {
        self.colour = colour;
        self
    }

    pub const fn align(mut self, align: Align) -> Style {
        self.align = align;
        self
    }

    pub const fn lines(mut self, lines: u8) -> Style {
        self.lines = lines;
        self
    }

    pub const fn shrink(mut self, floor: f32) -> Style {
        self.shrink = floor;
        self
    }
}

pub struct Document {
    pages: Vec<Content>,
    /// The page being drawn on.
    current: usize,
    usage: GlyphUsage,
    /// Where the next block goes on the current page, from the top.
    pub y: f32,
    /// The one image pages may show (`/Logo`): the event's logo on letters.
    logo: Option<RgbaImage>,
}

impl Document {
    pub fn new() -> Document {
        let mut doc = Document {
            pages: Vec::new(),
            current: 0,
            usage: GlyphUsage::default(),
            y: MARGIN,
            logo: None,
        };
        doc.new_page();
        doc
    }

    pub fn new_page(&mut self) {
        self.pages.push(Content::with_capacity(16 * 1024));
        self.current = self.pages.len() - 1;
        self.y = MARGIN;
    }

    /// Starts a new page unless `height` more points fit on this one.
    /// Returns whether a page was started.
    pub fn ensure(&mut self, height: f32) -> bool {
        if self.y + height > CONTENT_BOTTOM {
            self.new_page();
            true
        } else {
            false
        }
    }

    fn page(&mut self) -> &mut Content {
        &mut self.pages[self.current]
    }

    /// Sets `text` in the box (x, top, w, h), vertically centred.
    pub fn text(&mut self, x: f32, top: f32, w: f32, h: f32, content: &str, style: Style) {
        let spec = BoxSpec {
            width: w,
            height: h,
            max_size: style.size,
            min_size: style.size,
            floor_size: style.size * style.shrink,
            max_lines: style.lines,
            align: style.align,
            valign: VAlign::Center,
            weight: style.weight,
        };
        let laid = text::layout(content, &spec);
        let mut usage = std::mem::take(&mut self.usage);
        self.page()
            .text(&laid, x, PAGE_HEIGHT - top, style.colour, &mut usage);
        self.usage = usage;
    }

    /// A filled rectangle.
    pub fn fill(&mut self, x: f32, top: f32, w: f32, h: f32, colour: Colour) {
        self.page()
            .fill_colour(colour)
            .rect(x, PAGE_HEIGHT - top - h, w, h)
            .fill();
    }

    /// A rectangle's outline.
    pub fn frame(&mut self, x: f32, top: f32, w: f32, h: f32, colour: Colour, width: f32) {
        self.page()
            .stroke_colour(colour)
            .line_width(width)
            .rect(x, PAGE_HEIGHT - top - h, w, h)
            .stroke();
    }

    /// Sets a paragraph at the cursor, wrapped at spaces to `w`, one line
    /// every `leading` points, starting new pages as needed; moves the
    /// cursor below it.
    pub fn paragraph(&mut self, x: f32, w: f32, content: &str, style: Style, leading: f32) {
        let fits = |line: &str| {
            let spec = BoxSpec {
                width: w,
                height: leading * 2.0,
                max_size: style.size,
                min_size: style.size,
                floor_size: style.size,
                max_lines: 1,
                align: style.align,
                valign: VAlign::Center,
                weight: style.weight,
            };
            !text::layout(line, &spec).truncated
        };
        let mut line = String::new();
        let emit = |doc: &mut Document, line: &str| {
            doc.ensure(leading);
            doc.text(x, doc.y, w, leading, line, style.lines(1));
            doc.y += leading;
        };
        for word in content.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if line.is_empty() || fits(&candidate) {
                line = candidate;
            } else {
                emit(self, &line);
                line = word.to_string();
            }
        }
        if !line.is_empty() {
            emit(self, &line);
        }
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Sets the image that [`Document::logo`] draws.
    pub fn set_logo(&mut self, image: RgbaImage) {
        self.logo = Some(image);
    }

    /// The aspect ratio (width / height) of the logo, if there is one.
    pub fn logo_ratio(&self) -> Option<f32> {
        self.logo
            .as_ref()
            .map(|l| l.width as f32 / l.height.max(1) as f32)
    }

    /// Draws the logo into the box (x, top, w, h).
    pub fn logo(&mut self, x: f32, top: f32, w: f32, h: f32) {
        if self.logo.is_some() {
            self.page().image("Logo", x, PAGE_HEIGHT - top - h, w, h);
        }
    }

    /// A QR code (with its quiet zone) in the square at (x, top) of `side`.
    pub fn qr(&mut self, matrix: &QrMatrix, x: f32, top: f32, side: f32) {
        qr::draw(self.page(), matrix, x, PAGE_HEIGHT - top - side, side);
    }

    /// A straight line.
    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), colour: Colour, width: f32) {
        self.page()
            .stroke_colour(colour)
            .line_width(width)
            .move_to(from.0, PAGE_HEIGHT - from.1)
            .line_to(to.0, PAGE_HEIGHT - to.1)
            .stroke();
    }

    /// Writes the file: `footer(n, count)` gives each page's footer texts
    /// (left and right).
    pub fn finish(
        self,
        title: &str,
        footer: impl Fn(usize, usize) -> (String, String),
    ) -> Result<Vec<u8>> {
        self.finish_as(title, "Accredit attendance report", footer)
    }

    /// [`Document::finish`] naming the producer (plain ASCII).
    pub fn finish_as(
        mut self,
        title: &str,
        producer: &str,
        footer: impl Fn(usize, usize) -> (String, String),
    ) -> Result<Vec<u8>> {
        let count = self.pages.len();
        let footer_top = PAGE_HEIGHT - 40.0;
        for n in 0..count {
            let (left, right) = footer(n + 1, count);
            self.current = n;
            self.line(
                (MARGIN, footer_top - 4.0),
                (PAGE_WIDTH - MARGIN, footer_top - 4.0),
                RULE,
                0.5,
            );
            let small = Style::new(7.5).colour(MUTED);
            self.text(MARGIN, footer_top, CONTENT_WIDTH * 0.75, 12.0, &left, small);
            self.text(
                MARGIN + CONTENT_WIDTH * 0.75,
                footer_top,
                CONTENT_WIDTH * 0.25,
                12.0,
                &right,
                small.align(Align::End),
            );
        }

        let mut writer = PdfWriter::new(count * 24 * 1024 + 600 * 1024);
        let catalog = writer.reserve();
        let pages_root = writer.reserve();
        let resources = writer.reserve();
        let info = writer.reserve();
        let media_box = format!("[0 0 {PAGE_WIDTH:.2} {PAGE_HEIGHT:.2}]");
        let mut page_ids = Vec::with_capacity(count);
        for page in &self.pages {
            let content_id = writer.reserve();
            writer.stream(content_id, "/Filter /FlateDecode", &deflate(&page.buf));
            let page_id = writer.reserve();
            let body = format!(
                "<</Type /Page /Parent {pages_root} 0 R /MediaBox {media_box} /Resources {resources} 0 R /Contents {content_id} 0 R>>"
            );
            writer.object(page_id, body.as_bytes());
            page_ids.push(page_id);
        }
        let fonts = embed::write_fonts(&mut writer, &self.usage)
            .map_err(|e| Error::Other(format!("could not write the PDF: {e}")))?;
        let images = match &self.logo {
            Some(logo) => {
                let id = writer.reserve();
                write_rgba(&mut writer, id, logo);
                format!(" /XObject <</Logo {id} 0 R>>")
            }
            None => String::new(),
        };
        writer.object(
            resources,
            format!("<</Font <<{fonts}>>{images}>>").as_bytes(),
        );
        Ok(writer.finish_document(catalog, pages_root, info, &page_ids, title, producer))
    }
}
