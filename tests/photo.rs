//! Photo normalisation: size limits checked from the header, EXIF
//! orientation, exact 3:4 crop, deterministic output, plain-words errors.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

use std::time::{Duration, Instant};

use accredit::photo::{PhotoError, normalise};
use image::{ImageFormat, Rgb, RgbImage};

fn encode(img: &RgbImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), format)
        .unwrap();
    out
}

fn jpeg(img: &RgbImage) -> Vec<u8> {
    encode(img, ImageFormat::Jpeg)
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A small valid PNG whose header is rewritten to claim `w` × `h` pixels.
fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    let mut png = encode(&RgbImage::new(8, 8), ImageFormat::Png);
    // IHDR data starts after the 8-byte signature, 4-byte length and 4-byte type.
    png[16..20].copy_from_slice(&w.to_be_bytes());
    png[20..24].copy_from_slice(&h.to_be_bytes());
    let crc = crc32(&png[12..29]);
    png[29..33].copy_from_slice(&crc.to_be_bytes());
    png
}

/// A small valid JPEG whose frame header is rewritten to claim `w` × `h`.
fn jpeg_claiming(w: u16, h: u16) -> Vec<u8> {
    let mut data = jpeg(&RgbImage::new(16, 16));
    let sof = data.windows(2).position(|m| m == [0xFF, 0xC0]).unwrap();
    data[sof + 5..sof + 7].copy_from_slice(&h.to_be_bytes());
    data[sof + 7..sof + 9].copy_from_slice(&w.to_be_bytes());
    data
}

/// Inserts an EXIF APP1 segment with the given orientation after SOI.
fn with_exif_orientation(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"MM\x00\x2A\x00\x00\x00\x08"); // big-endian, IFD at 8
    tiff.extend_from_slice(&1u16.to_be_bytes()); // one entry
    tiff.extend_from_slice(&0x0112u16.to_be_bytes()); // Orientation
    tiff.extend_from_slice(&3u16.to_be_bytes()); // SHORT
    tiff.extend_from_slice(&1u32.to_be_bytes()); // count
    tiff.extend_from_slice(&orientation.to_be_bytes());
    tiff.extend_from_slice(&[0, 0]);
    tiff.extend_from_slice(&0u32.to_be_bytes()); // no next IFD
    let mut segment = b"Exif\x00\x00".to_vec();
    segment.extend_from_slice(&tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((segment.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&segment);
    out.extend_from_slice(&jpeg[2..]);
    out
}

#[test]
fn sixty_megapixel_headers_are_refused_before_decoding() {
    for (name, data) in [
        ("png", png_claiming(10_000, 6_000)),
        ("jpeg", jpeg_claiming(10_000, 6_000)),
    ] {
        let start = Instant::now();
        let result = normalise(&data);
        assert!(
            start.elapsed() < Duration::from_millis(200),
            "{name}: took {:?}",
            start.elapsed()
        );
        match result {
            Err(PhotoError::TooLarge { width, height }) => {
                assert_eq!((width, height), (10_000, 6_000), "{name}")
            }
            other => panic!("{name}: expected TooLarge, got {other:?}"),
        }
    }
    let message = normalise(&png_claiming(10_000, 6_000))
        .unwrap_err()
        .to_string();
    assert!(message.contains("10000 × 6000"), "{message}");
}

#[test]
fn exif_orientation_6_rotates_the_photo_upright() {
    // Stored landscape 800 × 600: left half red, right half blue. Orientation
    // 6 means "rotate 90° clockwise to display": the left (red) comes on top.
    let stored = RgbImage::from_fn(800, 600, |x, _| {
        if x < 400 {
            Rgb([220, 20, 20])
        } else {
            Rgb([20, 20, 220])
        }
    });
    let data = with_exif_orientation(&jpeg(&stored), 6);
    let photo = normalise(&data).unwrap();
    assert_eq!((photo.width, photo.height), (600, 800));
    let img = image::load_from_memory(&photo.jpeg).unwrap().to_rgb8();
    let top = img.get_pixel(300, 100).0;
    let bottom = img.get_pixel(300, 700).0;
    assert!(top[0] > 150 && top[2] < 100, "top should be red: {top:?}");
    assert!(
        bottom[2] > 150 && bottom[0] < 100,
        "bottom should be blue: {bottom:?}"
    );
}

#[test]
fn output_is_an_exact_3_by_4_crop_scaled_down_to_600_by_800() {
    for (w, h, expect) in [
        (1200, 1600, (600, 800)),
        (4032, 3024, (600, 800)),
        (500, 2000, (498, 664)),
        (300, 400, (300, 400)),
        (1000, 700, (525, 700)),
    ] {
        let img = RgbImage::from_fn(w, h, |x, y| Rgb([(x % 256) as u8, (y % 256) as u8, 128]));
        for format in [ImageFormat::Jpeg, ImageFormat::Png] {
            let photo = normalise(&encode(&img, format)).unwrap();
            assert_eq!((photo.width, photo.height), expect, "{w}x{h} {format:?}");
            assert_eq!(photo.width * 4, photo.height * 3);
            let decoded = image::load_from_memory(&photo.jpeg).unwrap();
            assert_eq!((decoded.width(), decoded.height()), expect);
        }
    }
}

#[test]
fn normalising_is_deterministic_and_keyed() {
    let img = RgbImage::from_fn(900, 1200, |x, y| {
        Rgb([(x % 200) as u8, (y % 200) as u8, 90])
    });
    let data = jpeg(&img);
    let a = normalise(&data).unwrap();
    let b = normalise(&data).unwrap();
    assert_eq!(a, b);
    use sha2::Digest;
    assert_eq!(a.sha256, <[u8; 32]>::from(sha2::Sha256::digest(&a.jpeg)));
}

#[test]
fn errors_say_what_is_wrong() {
    match normalise(&jpeg(&RgbImage::new(200, 300))) {
        Err(
            e @ PhotoError::TooSmall {
                width: 200,
                height: 300,
            },
        ) => {
            assert!(e.to_string().contains("200 × 300"), "{e}");
        }
        other => panic!("expected TooSmall, got {other:?}"),
    }
    // 1000 × 350: wide enough, but a 3:4 crop of it is only 261 × 348.
    assert!(matches!(
        normalise(&jpeg(&RgbImage::new(1000, 350))),
        Err(PhotoError::TooSmall { .. })
    ));
    assert!(matches!(normalise(b""), Err(PhotoError::NotAnImage(_))));
    assert!(matches!(
        normalise(b"hello, this is text"),
        Err(PhotoError::NotAnImage(_))
    ));
    assert!(
        normalise(b"%PDF-1.7 ...")
            .unwrap_err()
            .to_string()
            .contains("PDF")
    );
    // A JPEG cut in half: the header reads, the pixels do not.
    let whole = jpeg(&RgbImage::from_fn(600, 800, |x, y| {
        Rgb([(x * y % 251) as u8, 3, 7])
    }));
    let cut = &whole[..whole.len() / 2];
    assert!(matches!(normalise(cut), Err(PhotoError::Damaged(_))));
    // Random bytes after a PNG signature.
    let mut junk = b"\x89PNG\r\n\x1a\n".to_vec();
    junk.extend((0..500u32).map(|i| (i * 7 % 256) as u8));
    assert!(matches!(
        normalise(&junk),
        Err(PhotoError::NotAnImage(_) | PhotoError::Damaged(_))
    ));
}

#[test]
fn transparent_png_becomes_white_not_black() {
    let img = image::RgbaImage::from_pixel(300, 400, image::Rgba([0, 0, 0, 0]));
    let mut png = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut png), ImageFormat::Png)
        .unwrap();
    let photo = normalise(&png).unwrap();
    let decoded = image::load_from_memory(&photo.jpeg).unwrap().to_rgb8();
    assert!(decoded.get_pixel(150, 200).0.iter().all(|&c| c > 240));
}
