//! Synthetic badges in every script the renderer supports, for the GUI's
//! sample preview, the tests and the benchmark. Deterministic for a seed.

use std::sync::Arc;

use super::{BadgeContent, Colour, EventStyle, PhotoRef};

/// The HN25 event style (no logo).
pub fn style() -> EventStyle {
    EventStyle {
        title: "Signing Ceremony of the United Nations Convention against Cybercrime".into(),
        subtitle: "Hanoi, Viet Nam · 25–26 October 2025".into(),
        footer: "This badge must be worn visibly at all times".into(),
        logo: None,
        band_colour: Colour::new(0x00, 0x4B, 0x87),
    }
}

/// (given names, FAMILY NAME, function, delegation)
pub const PEOPLE: &[(&str, &str, &str, &str)] = &[
    (
        "Thị Phương Thảo",
        "NGUYỄN",
        "Deputy Minister of Public Security",
        "Viet Nam",
    ),
    (
        "Александр Сергеевич",
        "КОНСТАНТИНОПОЛЬСКИЙ",
        "Посол",
        "Российская Федерация",
    ),
    ("Αικατερίνη", "ΠΑΠΑΔΟΠΟΥΛΟΥ", "Πρέσβης", "Ελλάδα"),
    (
        "عبد الرحمن بن محمد",
        "آل سعود",
        "وزير الخارجية",
        "المملكة العربية السعودية",
    ),
    ("伟", "张", "外交部副部长", "中华人民共和国"),
    ("太郎", "田中", "外務審議官", "日本国"),
    ("민수", "김", "외교부 차관", "대한민국"),
    ("अमिताभ", "श्रीवास्तव", "विदेश सचिव", "भारत गणराज्य"),
    ("สมชาย", "ใจดี", "เอกอัครราชทูต", "ราชอาณาจักรไทย"),
    (
        "Dr. عبد الله",
        "AL-HASHIMI",
        "Legal Adviser, Permanent Mission",
        "Jordan",
    ),
    (
        "María José",
        "GONZÁLEZ DE LA PEÑA Y VILLASEÑOR",
        "Directora General de Asuntos Jurídicos",
        "España",
    ),
    (
        "Jean-Baptiste",
        "N'DIAYE",
        "Conseiller juridique",
        "Sénégal",
    ),
    ("Siobhán", "Ó MUIRCHEARTAIGH", "Third Secretary", "Ireland"),
    ("Bjørn", "ØVERGÅRD", "Senior Adviser", "Norway"),
    (
        "Wolfgang Amadeus Maximilian Friedrich",
        "SCHRÖDINGER-ÖZTÜRK",
        "Federal Ministry of the Interior",
        "Germany",
    ),
    ("Ana", "LI", "Interpreter", "UNODC"),
];

/// (category name, colour)
pub const CATEGORIES: &[(&str, Colour)] = &[
    ("DELEGATE", Colour::new(0xC0, 0x39, 0x2B)),
    ("HEAD OF DELEGATION", Colour::new(0x6C, 0x34, 0x83)),
    ("MEDIA", Colour::new(0xF1, 0xC4, 0x0F)),
    ("SECURITY", Colour::new(0x1E, 0x84, 0x49)),
    ("UN STAFF", Colour::new(0x21, 0x8C, 0xD0)),
    ("OBSERVER", Colour::new(0x7F, 0x8C, 0x8D)),
];

/// A QR text of `len` characters from the alphanumeric set, like a base45 credential.
pub fn qr_text(serial: u64, len: usize) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    let mut state = serial.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut s = format!("HN25:{serial}:");
    while s.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        s.push(char::from(
            ALPHABET[(state % ALPHABET.len() as u64) as usize],
        ));
    }
    s.truncate(len);
    s
}

/// A synthetic "passport photo" JPEG (gradient background, head and shoulders),
/// varied by `seed` so photos are distinct.
pub fn photo_jpeg(width: u32, height: u32, seed: u32) -> Vec<u8> {
    let hue = |k: u32| ((seed.wrapping_mul(2_654_435_761).rotate_left(k) >> 24) & 0xFF) as u8;
    let (br, bg, bb) = (150 + hue(3) / 3, 170 + hue(11) / 4, 200 + hue(19) / 5);
    let (cx, head_y) = (width as f32 / 2.0, height as f32 * 0.38);
    let (rx, ry) = (width as f32 * 0.22, height as f32 * 0.17);
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        let (fx, fy) = (x as f32, y as f32);
        let t = fy / height as f32;
        let head = ((fx - cx) / rx).powi(2) + ((fy - head_y) / ry).powi(2) <= 1.0;
        let body = ((fx - cx) / (width as f32 * 0.45)).powi(2)
            + ((fy - height as f32 * 1.05) / (height as f32 * 0.42)).powi(2)
            <= 1.0;
        if head {
            image::Rgb([226, 188 - hue(5) / 8, 160])
        } else if body {
            image::Rgb([40 + hue(7) / 4, 55, 80 + hue(13) / 4])
        } else {
            let shade = |c: u8| (f32::from(c) * (1.0 - 0.25 * t)) as u8;
            image::Rgb([shade(br), shade(bg), shade(bb)])
        }
    });
    let mut out = Vec::new();
    // Encoding an in-memory RGB image cannot fail.
    let _ = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85).encode_image(&img);
    out
}

/// `n` badges cycling through [`PEOPLE`] and [`CATEGORIES`]. `photos` distinct
/// photos (`photo_size` pixels) are shared round-robin; 0 means no photos.
pub fn badges(n: usize, photos: usize, photo_size: (u32, u32), qr_len: usize) -> Vec<BadgeContent> {
    let photo_refs: Vec<PhotoRef> = (0..photos)
        .map(|i| PhotoRef::new(Arc::from(photo_jpeg(photo_size.0, photo_size.1, i as u32))))
        .collect();
    (0..n)
        .map(|i| {
            let (given, family, function, delegation) = PEOPLE[i % PEOPLE.len()];
            let (category, colour) = CATEGORIES[(i / 3) % CATEGORIES.len()];
            let serial = 100_000 + i as u64;
            BadgeContent {
                serial,
                qr_text: qr_text(serial, qr_len),
                given_names: given.into(),
                family_name_caps: family.into(),
                function: (i % 5 != 4).then(|| function.to_string()),
                delegation: delegation.into(),
                category_name: category.into(),
                category_colour: colour,
                zones: (1..=((i % 6) as u8 + 1)).collect(),
                photo: (!photo_refs.is_empty()).then(|| photo_refs[i % photo_refs.len()].clone()),
            }
        })
        .collect()
}
