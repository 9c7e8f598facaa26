//! Placeholder portraits for the demo: a silhouette on a plain background in
//! a few hundred colour variants, so that the content-addressed photo store
//! keeps the demo small even with 100,000 participants.

use image::{ImageEncoder, Rgb, RgbImage};
use sha2::{Digest, Sha256};

use crate::store::photos::StoredPhoto;

pub const VARIANTS: usize = 384;
const W: u32 = 300;
const H: u32 = 400;

const BACKGROUNDS: [[u8; 3]; 8] = [
    [214, 226, 240],
    [225, 232, 222],
    [238, 230, 218],
    [228, 224, 238],
    [220, 236, 236],
    [236, 236, 236],
    [242, 226, 226],
    [226, 230, 214],
];
const SKIN: [[u8; 3]; 6] = [
    [247, 217, 190],
    [234, 192, 158],
    [210, 161, 122],
    [176, 124, 88],
    [134, 90, 60],
    [96, 64, 44],
];
const CLOTHES: [[u8; 3]; 8] = [
    [34, 45, 70],
    [60, 60, 64],
    [20, 20, 24],
    [90, 30, 40],
    [40, 70, 60],
    [70, 80, 110],
    [120, 100, 70],
    [50, 50, 90],
];

/// Variant `n` (taken modulo [`VARIANTS`]) as a stored JPEG.
#[allow(
    clippy::expect_used,
    reason = "data compiled into the program, checked by the tests: a failure is a build defect"
)]
pub fn placeholder(n: usize) -> StoredPhoto {
    let n = n % VARIANTS;
    let bg = BACKGROUNDS[n % 8];
    let skin = SKIN[(n / 8) % 6];
    let cloth = CLOTHES[(n / 48) % 8];
    let hair = [40 + (n % 5) as u8 * 15, 30 + (n % 3) as u8 * 10, 25];
    let img = RgbImage::from_fn(W, H, |x, y| {
        let (x, y) = (x as f32, y as f32);
        // Head: an ellipse; hair: its upper part; shoulders: a wide ellipse.
        let head = ((x - 150.0) / 62.0).powi(2) + ((y - 165.0) / 80.0).powi(2);
        let shoulders = ((x - 150.0) / 150.0).powi(2) + ((y - 420.0) / 130.0).powi(2);
        let neck = (x - 150.0).abs() < 28.0 && (230.0..310.0).contains(&y);
        let px = if head <= 1.0 {
            if y < 120.0 - (x - 150.0).abs() * 0.15 {
                hair
            } else {
                skin
            }
        } else if shoulders <= 1.0 {
            cloth
        } else if neck {
            skin
        } else {
            bg
        };
        Rgb(px)
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 70)
        .write_image(img.as_raw(), W, H, image::ExtendedColorType::Rgb8)
        .expect("encoding a small RGB image to memory cannot fail");
    let hash: [u8; 32] = Sha256::digest(&jpeg).into();
    StoredPhoto {
        hash,
        jpeg,
        width: W,
        height: H,
    }
}
