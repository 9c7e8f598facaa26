//! Images as PDF XObjects. JPEG files are embedded as they are (`/DCTDecode`
//! pass-through: no decoding, no re-encoding, each distinct photo once); other
//! formats (a PNG logo) are decoded and written as Flate-compressed RGB with an
//! alpha soft mask.

use super::writer::{PdfWriter, deflate};

/// What the PDF needs to know about a JPEG, read from its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JpegInfo {
    pub width: u32,
    pub height: u32,
    pub components: u8,
    /// Adobe APP14 marker present: CMYK data is stored inverted.
    pub adobe: bool,
}

/// Reads the frame header of a JPEG without decoding it. Returns `None` when
/// the bytes are not a JPEG this renderer can pass through.
pub fn jpeg_info(data: &[u8]) -> Option<JpegInfo> {
    if data.len() < 4 || data[0] != 0xFF || data[1] != 0xD8 {
        return None;
    }
    let mut adobe = false;
    let mut i = 2;
    while i + 4 <= data.len() {
        if data[i] != 0xFF {
            return None;
        }
        let marker = data[i + 1];
        // Fill bytes and markers without a length.
        if marker == 0xFF {
            i += 1;
            continue;
        }
        if marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            i += 2;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([data[i + 2], data[i + 3]]));
        if len < 2 || i + 2 + len > data.len() {
            return None;
        }
        let segment = &data[i + 4..i + 2 + len];
        match marker {
            0xEE if segment.starts_with(b"Adobe") => adobe = true,
            // Start of frame: baseline, extended, progressive (Huffman coding;
            // arithmetic-coded JPEGs are rare and not accepted by all readers).
            0xC0..=0xC2 => {
                if segment.len() < 6 {
                    return None;
                }
                let height = u32::from(u16::from_be_bytes([segment[1], segment[2]]));
                let width = u32::from(u16::from_be_bytes([segment[3], segment[4]]));
                let components = segment[5];
                if width == 0 || height == 0 || !matches!(components, 1 | 3 | 4) {
                    return None;
                }
                return Some(JpegInfo {
                    width,
                    height,
                    components,
                    adobe,
                });
            }
            0xDA | 0xD9 => return None,
            _ => {}
        }
        i += 2 + len;
    }
    None
}

/// Writes a JPEG as an image XObject, bytes unchanged.
pub fn write_jpeg(writer: &mut PdfWriter, id: u32, data: &[u8], info: JpegInfo) {
    let colour_space = match info.components {
        1 => "/DeviceGray",
        4 => "/DeviceCMYK",
        _ => "/DeviceRGB",
    };
    let decode = if info.components == 4 && info.adobe {
        " /Decode [1 0 1 0 1 0 1 0]"
    } else {
        ""
    };
    let dict = format!(
        "/Type /XObject /Subtype /Image /Width {} /Height {} /ColorSpace {colour_space} /BitsPerComponent 8 /Filter /DCTDecode{decode}",
        info.width, info.height
    );
    writer.stream(id, &dict, data);
}

/// A decoded image ready to embed (for logos that are not JPEG).
pub struct RgbaImage {
    pub width: u32,
    pub height: u32,
    pub rgb: Vec<u8>,
    /// Alpha channel, `None` when fully opaque.
    pub alpha: Option<Vec<u8>>,
}

/// Decodes a PNG (or any format the `image` crate reads) logo.
pub fn decode_logo(data: &[u8]) -> Result<RgbaImage, String> {
    let mut reader = image::ImageReader::new(std::io::Cursor::new(data))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let mut limits = image::Limits::default();
    // A logo is small; refuse anything that would need a large buffer.
    limits.max_image_width = Some(8000);
    limits.max_image_height = Some(8000);
    limits.max_alloc = Some(128 * 1024 * 1024);
    reader.limits(limits);
    let img = reader.decode().map_err(|e| e.to_string())?.into_rgba8();
    let (width, height) = img.dimensions();
    let mut rgb = Vec::with_capacity((width * height * 3) as usize);
    let mut alpha = Vec::with_capacity((width * height) as usize);
    for p in img.pixels() {
        rgb.extend_from_slice(&p.0[..3]);
        alpha.push(p.0[3]);
    }
    let opaque = alpha.iter().all(|&a| a == 255);
    Ok(RgbaImage {
        width,
        height,
        rgb,
        alpha: (!opaque).then_some(alpha),
    })
}

/// Writes a decoded image (and its soft mask) as XObjects.
pub fn write_rgba(writer: &mut PdfWriter, id: u32, image: &RgbaImage) {
    let smask = image.alpha.as_ref().map(|alpha| {
        let mask_id = writer.reserve();
        let dict = format!(
            "/Type /XObject /Subtype /Image /Width {} /Height {} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode",
            image.width, image.height
        );
        writer.stream(mask_id, &dict, &deflate(alpha));
        mask_id
    });
    let mut dict = format!(
        "/Type /XObject /Subtype /Image /Width {} /Height {} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode",
        image.width, image.height
    );
    if let Some(mask_id) = smask {
        dict.push_str(&format!(" /SMask {mask_id} 0 R"));
    }
    writer.stream(id, &dict, &deflate(&image.rgb));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_frame_header_of_an_encoded_jpeg() {
        let img = image::RgbImage::from_pixel(30, 40, image::Rgb([200, 100, 50]));
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 80)
            .encode_image(&img)
            .unwrap();
        let info = jpeg_info(&jpeg).unwrap();
        assert_eq!((info.width, info.height, info.components), (30, 40, 3));
    }

    #[test]
    fn rejects_garbage_and_truncation() {
        assert_eq!(jpeg_info(b""), None);
        assert_eq!(jpeg_info(b"\xFF\xD8\xFF\xE0\x00"), None);
        assert_eq!(jpeg_info(b"GIF89a......"), None);
        assert_eq!(jpeg_info(&[0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08]), None);
    }
}
