//! Participant photos: checked, turned upright, cropped to 3:4 and stored as a
//! small JPEG, so badges embed them as they are.
//!
//! Uploaded files are untrusted. The image size is read from the file header
//! and checked before any pixel is decoded, so a "decompression bomb" (a tiny
//! file announcing a huge image) is refused at once.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits};
use sha2::{Digest, Sha256};

/// Largest image decoded, in pixels (40 megapixels: above any camera photo a
/// participant would send, far below what would exhaust memory).
pub const MAX_PIXELS: u64 = 40_000_000;
/// Smallest usable photo once cropped to 3:4.
pub const MIN_WIDTH: u32 = 300;
pub const MIN_HEIGHT: u32 = 400;
/// Stored photos are at most this size (larger ones are scaled down).
pub const MAX_WIDTH: u32 = 600;
pub const MAX_HEIGHT: u32 = 800;
/// JPEG quality of stored photos.
pub const JPEG_QUALITY: u8 = 85;
/// Memory the decoder may use, whatever the image claims.
const MAX_DECODER_ALLOC: u64 = 512 * 1024 * 1024;

/// A photo ready for the badge: a 3:4 JPEG of at most 600 × 800 pixels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NormalisedPhoto {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// SHA-256 of `jpeg` (the key badges deduplicate photos by).
    pub sha256: [u8; 32],
}

/// Why a photo was refused.
#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    #[error("this file is not an image this program can read: {0}")]
    NotAnImage(String),
    #[error(
        "the photo is too small: {width} × {height} pixels, but at least {MIN_WIDTH} × {MIN_HEIGHT} are needed once it is cropped to 3:4"
    )]
    TooSmall { width: u32, height: u32 },
    #[error(
        "the image is too large to open safely: {width} × {height} pixels (the limit is 40 megapixels)"
    )]
    TooLarge { width: u32, height: u32 },
    #[error("the image file is damaged: {0}")]
    Damaged(String),
    #[error("the photo could not be saved as JPEG: {0}")]
    Encode(String),
}

/// Checks and normalises an uploaded photo (JPEG, PNG, WebP, BMP, TIFF, GIF):
/// refuses images over 40 megapixels before decoding them, applies the EXIF
/// orientation, crops the centre to 3:4, scales down to at most 600 × 800 and
/// re-encodes as JPEG (quality 85). The same input always gives the same bytes.
pub fn normalise(bytes: &[u8]) -> Result<NormalisedPhoto, PhotoError> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| PhotoError::NotAnImage(e.to_string()))?;
    let Some(format) = reader.format() else {
        return Err(PhotoError::NotAnImage(describe_unknown(bytes)));
    };
    let mut reader = reader;
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_DECODER_ALLOC);
    reader.limits(limits);

    // Reads the header only.
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| PhotoError::NotAnImage(format!("{format:?} header cannot be read: {e}")))?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PhotoError::TooLarge { width, height });
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let (width, height) = if swaps_axes(orientation) {
        (height, width)
    } else {
        (width, height)
    };
    let (crop_width, crop_height) = crop_size(width, height);
    if crop_width < MIN_WIDTH || crop_height < MIN_HEIGHT {
        return Err(PhotoError::TooSmall { width, height });
    }

    if format == image::ImageFormat::Jpeg && !jpeg_is_complete(bytes) {
        // The JPEG decoder fills missing data with grey rather than failing.
        return Err(PhotoError::Damaged(
            "the JPEG file is cut off (it has no end marker)".into(),
        ));
    }

    let mut image =
        DynamicImage::from_decoder(decoder).map_err(|e| PhotoError::Damaged(e.to_string()))?;
    image.apply_orientation(orientation);
    let (width, height) = (image.width(), image.height());
    let (crop_width, crop_height) = crop_size(width, height);
    let image = image.crop_imm(
        (width - crop_width) / 2,
        (height - crop_height) / 2,
        crop_width,
        crop_height,
    );
    let image = if crop_width > MAX_WIDTH {
        image.resize_exact(MAX_WIDTH, MAX_HEIGHT, FilterType::Lanczos3)
    } else {
        image
    };
    let rgb = flatten_on_white(&image);
    let mut jpeg = Vec::with_capacity(64 * 1024);
    JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY)
        .encode_image(&rgb)
        .map_err(|e| PhotoError::Encode(e.to_string()))?;
    Ok(NormalisedPhoto {
        sha256: Sha256::digest(&jpeg).into(),
        width: rgb.width(),
        height: rgb.height(),
        jpeg,
    })
}

/// True when an end-of-image marker follows the last start-of-scan marker.
/// (Entropy-coded data cannot contain FF D9, so this finds truncated uploads
/// and tolerates trailers some phones append after the image.)
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let last_scan = bytes.windows(2).rposition(|w| w == [0xFF, 0xDA]);
    match last_scan {
        Some(at) => bytes[at..].windows(2).any(|w| w == [0xFF, 0xD9]),
        None => false,
    }
}

fn swaps_axes(o: Orientation) -> bool {
    matches!(
        o,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// The largest centred 3:4 crop (width a multiple of 3, so the ratio is exact).
fn crop_size(width: u32, height: u32) -> (u32, u32) {
    let w = width.min(height / 4 * 3);
    let w = w / 3 * 3;
    (w, w / 3 * 4)
}

/// RGB pixels, transparent areas made white (a transparent PNG would
/// otherwise turn black).
fn flatten_on_white(image: &DynamicImage) -> image::RgbImage {
    if !image.color().has_alpha() {
        return image.to_rgb8();
    }
    let rgba = image.to_rgba8();
    image::RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let blend =
            |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a)) + 127) / 255) as u8;
        image::Rgb([blend(r), blend(g), blend(b)])
    })
}

/// A short description of bytes no decoder recognised.
fn describe_unknown(bytes: &[u8]) -> String {
    if bytes.is_empty() {
        return "the file is empty".into();
    }
    let head: String = bytes
        .iter()
        .take(8)
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(" ");
    if bytes.starts_with(b"%PDF") {
        return "it is a PDF document, not an image".into();
    }
    if bytes.iter().take(64).all(|b| b.is_ascii()) {
        return "it looks like a text file, not an image".into();
    }
    format!("unrecognised format (first bytes: {head})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crop_is_exactly_three_by_four() {
        for (w, h) in [
            (600, 800),
            (1000, 800),
            (301, 1000),
            (4032, 3024),
            (999, 999),
        ] {
            let (cw, ch) = crop_size(w, h);
            assert_eq!(cw * 4, ch * 3, "{w}x{h}");
            assert!(cw <= w && ch <= h);
        }
    }
}
