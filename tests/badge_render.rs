//! Rendering badges to PDF and reading them back: QR codes decode to their
//! text in every layout, output is deterministic, photos are embedded once,
//! sheets hold four badges, cancellation and bad input are reported.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

mod raster;

use std::sync::Arc;

use accredit::badge::{
    BadgeContent, BadgeError, Colour, Layout, PhotoRef, render_pdf, render_preview_png, sample,
};
use raster::{count_images, page_count, rasterise, read_badge_qr_texts, read_qr_codes};

/// rqrr needs about 200 dpi for a 0.6 mm module.
const QR_DPI: f32 = 200.0;

fn never_cancel(_: usize) -> bool {
    true
}

#[test]
fn every_qr_code_decodes_to_its_text_in_every_layout() {
    for layout in [Layout::A6, Layout::Card, Layout::A4x4] {
        let mut badges = sample::badges(6, 2, (300, 400), 100);
        // A short code (version 1), a long one, and byte mode.
        badges[1].qr_text = "HN25 1".into();
        badges[2].qr_text = sample::qr_text(7, 300);
        badges[3].qr_text = "https://example.org/v?id=42&sig=abc".into();
        let pdf = render_pdf(&sample::style(), &badges, layout, &never_cancel).unwrap();
        // Error correction level Q, checked on the first page.
        for qr in read_qr_codes(&rasterise(&pdf, QR_DPI)[0]) {
            assert_eq!(qr.ecc_level, 3, "{layout}: QR not at level Q");
        }
        let areas: Vec<(f32, f32, f32, f32)> = match layout {
            Layout::A6 => vec![(0.0, 0.0, 105.0, 148.0)],
            Layout::Card => vec![(0.0, 0.0, 54.0, 85.6)],
            Layout::A4x4 => vec![
                (0.0, 0.5, 105.0, 148.0),
                (105.0, 0.5, 105.0, 148.0),
                (0.0, 148.5, 105.0, 148.0),
                (105.0, 148.5, 105.0, 148.0),
            ],
        };
        let found = read_badge_qr_texts(&pdf, &areas, badges.len());
        let expected: Vec<Option<String>> =
            badges.iter().map(|b| Some(b.qr_text.clone())).collect();
        assert_eq!(found, expected, "{layout}: QR codes read back differ");
    }
}

#[test]
fn qr_quiet_zone_is_clear() {
    let badges = sample::badges(1, 1, (300, 400), 100);
    let pdf = render_pdf(&sample::style(), &badges, Layout::A6, &never_cancel).unwrap();
    let page = &rasterise(&pdf, QR_DPI)[0];
    let qr = &read_qr_codes(page)[0];
    // Module size in pixels from the decoded corners (version 6: 41 modules).
    let (x0, y0) = qr.bounds[0];
    let (x1, _) = qr.bounds[1];
    let (_, y3) = qr.bounds[3];
    let module = (x1 - x0) as f32 / 41.0;
    let quiet = (4.0 * module) as i32;
    // Every pixel in the 4-module ring around the symbol is white (2 pixels
    // of slack next to the symbol for anti-aliasing and corner estimates).
    let (left, top, right, bottom) = (x0 - quiet, y0 - quiet, x1 + quiet, y3 + quiet);
    for y in top..bottom {
        for x in left..right {
            let near_symbol = x >= x0 - 2 && x <= x1 + 2 && y >= y0 - 2 && y <= y3 + 2;
            if !near_symbol {
                assert!(
                    page.at(x as usize, y as usize) > 200,
                    "dark pixel in the quiet zone at {x},{y}"
                );
            }
        }
    }
    // And the symbol is at least 25 mm wide.
    let width_mm = (x1 - x0) as f32 / QR_DPI * 25.4;
    assert!(width_mm >= 25.0, "QR is {width_mm} mm wide");
}

#[test]
fn same_input_gives_identical_bytes() {
    let badges = sample::badges(40, 5, (300, 400), 100);
    let style = sample::style();
    for layout in [Layout::A6, Layout::Card, Layout::A4x4] {
        let a = render_pdf(&style, &badges, layout, &never_cancel).unwrap();
        let b = render_pdf(&style, &badges, layout, &never_cancel).unwrap();
        // A different thread count must not change the output either.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let c = pool.install(|| render_pdf(&style, &badges, layout, &never_cancel).unwrap());
        assert!(a == b && a == c, "{layout}: output differs between runs");
    }
}

#[test]
fn each_distinct_photo_is_embedded_once() {
    let badges = sample::badges(50, 7, (300, 400), 100);
    let pdf = render_pdf(&sample::style(), &badges, Layout::A6, &never_cancel).unwrap();
    assert_eq!(count_images(&pdf), 7);
    // The same photo bytes wrapped twice share a key, so still one image.
    let jpeg: Arc<[u8]> = Arc::from(sample::photo_jpeg(300, 400, 99));
    let mut two = sample::badges(2, 0, (300, 400), 50);
    two[0].photo = Some(PhotoRef::new(jpeg.clone()));
    two[1].photo = Some(PhotoRef::new(Arc::from(jpeg.to_vec())));
    let pdf = render_pdf(&sample::style(), &two, Layout::A4x4, &never_cancel).unwrap();
    assert_eq!(count_images(&pdf), 1);
}

#[test]
fn badge_without_photo_shows_the_silhouette() {
    let badges = sample::badges(1, 0, (300, 400), 100);
    let pdf = render_pdf(&sample::style(), &badges, Layout::A6, &never_cancel).unwrap();
    assert_eq!(count_images(&pdf), 0);
    let page = &rasterise(&pdf, 100.0)[0];
    // Photo box: x 6–36 mm, y 25–65 mm. Background near the top corner, figure
    // (head) in the upper middle, both grey, neither white nor black.
    let background = page.at_mm(8.0, 27.0);
    let head = page.at_mm(21.0, 40.0);
    assert!((200..250).contains(&background), "background {background}");
    assert!((150..200).contains(&head), "head {head}");
}

#[test]
fn a4_sheets_hold_four_badges() {
    for n in [1, 3, 4, 5, 8, 9, 13] {
        let badges = sample::badges(n, 0, (300, 400), 40);
        let pdf = render_pdf(&sample::style(), &badges, Layout::A4x4, &never_cancel).unwrap();
        assert_eq!(page_count(&pdf), n.div_ceil(4), "{n} badges");
    }
    let badges = sample::badges(5, 0, (300, 400), 40);
    let pdf = render_pdf(&sample::style(), &badges, Layout::A6, &never_cancel).unwrap();
    assert_eq!(page_count(&pdf), 5);
}

#[test]
fn cancelling_stops_with_its_own_error() {
    let badges = sample::badges(600, 0, (300, 400), 40);
    let calls = std::cell::Cell::new(0);
    let result = render_pdf(&sample::style(), &badges, Layout::A6, &|done| {
        calls.set(calls.get() + 1);
        done < 300
    });
    assert!(matches!(result, Err(BadgeError::Cancelled)));
    assert_eq!(
        calls.get(),
        2,
        "cancellation should be seen at the next chunk"
    );
    let seen = std::cell::RefCell::new(Vec::new());
    render_pdf(&sample::style(), &badges, Layout::A6, &|done| {
        seen.borrow_mut().push(done);
        true
    })
    .unwrap();
    assert_eq!(seen.into_inner(), vec![256, 512, 600]);
}

#[test]
fn hostile_input_gives_errors_not_panics() {
    let style = sample::style();
    let base = &sample::badges(1, 0, (300, 400), 40)[0];
    let with = |f: &dyn Fn(&mut BadgeContent)| {
        let mut b = base.clone();
        f(&mut b);
        b
    };
    let cases = vec![
        with(&|b| b.family_name_caps = "W".repeat(300)),
        with(&|b| b.given_names = "ﷺ".repeat(300)),
        with(&|b| {
            b.given_names.clear();
            b.family_name_caps.clear();
            b.delegation.clear();
            b.category_name.clear();
            b.function = Some(String::new());
            b.qr_text.clear();
        }),
        with(&|b| b.zones = (0..64).collect()),
        with(&|b| b.zones = (0..=255).collect()),
        with(&|b| b.given_names = "\u{0}\u{7}\t\n\u{202E}\u{10FFFF}\u{FFFD}\u{0301}".into()),
        with(&|b| b.family_name_caps = "\u{0301}\u{0301}\u{0651}".into()),
        with(&|b| b.category_colour = Colour::new(255, 255, 255)),
    ];
    for layout in [Layout::A6, Layout::Card, Layout::A4x4] {
        let pdf = render_pdf(&style, &cases, layout, &never_cancel).unwrap();
        assert_eq!(
            page_count(&pdf),
            cases.len().div_ceil(layout.badges_per_page())
        );
    }

    let broken =
        with(&|b| b.photo = Some(PhotoRef::new(Arc::from(&b"\xFF\xD8\xFF\xE0broken"[..]))));
    match render_pdf(&style, &[broken], Layout::A6, &never_cancel) {
        Err(BadgeError::Photo { serial, .. }) => assert_eq!(serial, base.serial),
        other => panic!("expected a photo error, got {other:?}"),
    }
    let too_long = with(&|b| b.qr_text = "A".repeat(3000));
    assert!(matches!(
        render_pdf(&style, &[too_long], Layout::A6, &never_cancel),
        Err(BadgeError::QrTooLong { .. })
    ));
    assert!(matches!(
        render_pdf(&style, &[], Layout::A6, &never_cancel),
        Err(BadgeError::NoBadges)
    ));
    let mut bad_logo = style.clone();
    bad_logo.logo = Some(b"not a logo".to_vec());
    assert!(matches!(
        render_pdf(
            &bad_logo,
            std::slice::from_ref(base),
            Layout::A6,
            &never_cancel
        ),
        Err(BadgeError::Logo(_))
    ));
}

#[test]
fn logo_png_and_jpeg_are_embedded() {
    let mut style = sample::style();
    let logo = image::RgbaImage::from_fn(64, 32, |x, _| {
        image::Rgba([200, 30, 30, if x < 32 { 255 } else { 0 }])
    });
    let mut png = Vec::new();
    image::DynamicImage::ImageRgba8(logo)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    style.logo = Some(png);
    let badges = sample::badges(2, 0, (300, 400), 40);
    let pdf = render_pdf(&style, &badges, Layout::A6, &never_cancel).unwrap();
    // The logo and its alpha mask.
    assert_eq!(count_images(&pdf), 2);
    style.logo = Some(sample::photo_jpeg(80, 80, 1));
    let pdf = render_pdf(&style, &badges, Layout::Card, &never_cancel).unwrap();
    assert_eq!(count_images(&pdf), 1);
    let page = &rasterise(&pdf, 100.0)[0];
    assert_eq!(page.width, (54.0 / 25.4 * 100.0) as usize);
}

#[test]
fn preview_is_a_png_of_one_badge() {
    let badges = sample::badges(1, 1, (300, 400), 100);
    let png = render_preview_png(&sample::style(), &badges[0], Layout::A4x4, 96.0).unwrap();
    let img = image::load_from_memory(&png).unwrap();
    // A4x4 previews the single A6 badge: 105 × 148 mm at 96 dpi.
    assert_eq!(img.width(), (105.0 / 25.4 * 96.0) as u32);
    assert_eq!(img.height(), (148.0 / 25.4 * 96.0) as u32);
}

#[test]
fn text_is_extractable() {
    // printpdf's own parser reads the content streams through /ToUnicode
    // (it ignores /ActualText and does no bidi reordering, so complex scripts
    // are checked with pdftotext by hand; see the report).
    let people = [
        ("Thị Phương Thảo", "NGUYỄN"),
        ("Александр", "КОНСТАНТИНОПОЛЬСКИЙ"),
        ("Αικατερίνη", "ΠΑΠΑΔΟΠΟΥΛΟΥ"),
        ("太郎", "田中"),
        ("민수", "김"),
        ("伟", "张"),
        ("عبد الرحمن", "محمد"),
    ];
    let mut badges = sample::badges(people.len(), 0, (300, 400), 60);
    for (b, (given, family)) in badges.iter_mut().zip(people) {
        b.given_names = given.into();
        b.family_name_caps = family.into();
    }
    let pdf = render_pdf(&sample::style(), &badges, Layout::A6, &never_cancel).unwrap();
    let mut warnings = Vec::new();
    let doc =
        printpdf::PdfDocument::parse(&pdf, &printpdf::PdfParseOptions::default(), &mut warnings)
            .unwrap();
    let pages = doc.extract_text();
    for ((given, family), page) in people.iter().zip(&pages) {
        let text = page.join("\n");
        let rtl = given
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        for name in [given, family] {
            // Right-to-left text comes out in drawing (visual) order here.
            let expected: String = if rtl {
                name.chars().rev().collect()
            } else {
                name.to_string()
            };
            assert!(text.contains(&expected), "{name:?} not found in {text:?}");
        }
        assert!(text.contains("This badge must be worn visibly at all times"));
    }
}
