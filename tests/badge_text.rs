//! Names and other texts, in every script and of every length, stay inside
//! their boxes, and the boxes do not overlap the other elements of the badge.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

use accredit::badge::layout::{A6, BadgeGeometry, CARD};
use accredit::badge::text::Rect;
use accredit::badge::{BadgeContent, Field, FieldLayout, Layout, inspect_badge, sample};
use proptest::prelude::*;

/// One name per script; repeated and cut to the wanted length.
const NAMES: &[(&str, &str)] = &[
    ("vietnamese", "Nguyễn Thị Phương Thảo "),
    ("cyrillic", "Константинопольская Екатерина "),
    ("greek", "Παπαδοπούλου Αικατερίνη "),
    ("arabic", "عبد الرحمن بن محمد "),
    ("chinese", "欧阳诸葛司马上官"),
    ("japanese", "たなか 田中太郎 ヤマモト "),
    ("korean", "김민수 남궁 선우 "),
    ("devanagari", "अमिताभ श्रीवास्तव क्षत्रिय "),
    ("thai", "สมชาย ใจดี ปั้นลี่ "),
    ("arabic + latin", "Dr. عبد الله Al-Hashimi, "),
    ("caps", "GONZÁLEZ DE LA PEÑA Y VILLASEÑOR "),
];

fn name_of_length(pattern: &str, chars: usize) -> String {
    pattern.chars().cycle().take(chars).collect()
}

fn geometry(layout: Layout) -> &'static BadgeGeometry {
    match layout {
        Layout::Card => &CARD,
        _ => &A6,
    }
}

/// Asserts every text lies in its slot, and no text's box touches the
/// photo, the zones, the QR code (with its clear space) or the bands it does
/// not belong to.
fn assert_well_placed(fields: &[FieldLayout], layout: Layout, what: &str) {
    let g = geometry(layout);
    let others = [
        ("photo", g.photo),
        ("zones", g.zones),
        ("qr", g.qr.inflate(g.qr_clear_space)),
    ];
    for f in fields {
        if f.lines == 0 {
            continue;
        }
        assert!(
            f.slot.contains(&f.bbox, 0.05),
            "{layout} {what}: {:?} leaves its box: {:?} not in {:?}",
            f.field,
            f.bbox,
            f.slot
        );
        for (name, r) in others {
            assert!(
                !f.bbox.overlaps(&r),
                "{layout} {what}: {:?} overlaps the {name}",
                f.field
            );
        }
        let band: Option<Rect> = match f.field {
            Field::Title | Field::Subtitle => Some(g.title_band),
            Field::Category => Some(g.category_band),
            _ => None,
        };
        match band {
            Some(b) => assert!(
                b.contains(&f.bbox, 0.05),
                "{layout} {what}: {:?} leaves its band",
                f.field
            ),
            None => {
                assert!(
                    !f.bbox.overlaps(&g.title_band) && !f.bbox.overlaps(&g.category_band),
                    "{layout} {what}: {:?} on a band",
                    f.field
                )
            }
        }
    }
    for (i, a) in fields.iter().enumerate() {
        for b in &fields[i + 1..] {
            if a.lines > 0 && b.lines > 0 {
                assert!(
                    !a.bbox.overlaps(&b.bbox),
                    "{layout} {what}: {:?} overlaps {:?}",
                    a.field,
                    b.field
                );
            }
        }
    }
}

fn badge_with(
    given: &str,
    family: &str,
    function: &str,
    delegation: &str,
    category: &str,
) -> BadgeContent {
    let mut b = sample::badges(1, 0, (300, 400), 100).remove(0);
    b.given_names = given.into();
    b.family_name_caps = family.into();
    b.function = Some(function.into());
    b.delegation = delegation.into();
    b.category_name = category.into();
    b
}

#[test]
fn names_of_1_to_120_characters_in_every_script_fit() {
    let style = sample::style();
    for layout in [Layout::A6, Layout::Card] {
        for (script, pattern) in NAMES {
            for len in (1..=120).step_by(7).chain([120]) {
                let text = name_of_length(pattern, len);
                let badge = badge_with(&text, &text, &text, &text, &text);
                let fields = inspect_badge(&style, &badge, layout);
                assert_well_placed(&fields, layout, &format!("{script} × {len}"));
                let family = fields
                    .iter()
                    .find(|f| f.field == Field::FamilyName)
                    .unwrap();
                if !text.trim().is_empty() {
                    assert!(family.size > 0.0, "{script} × {len}: family name not drawn");
                }
            }
        }
    }
}

#[test]
fn long_names_wrap_then_shrink_then_cut() {
    let style = sample::style();
    let field = |b: &BadgeContent, f: Field| {
        inspect_badge(&style, b, Layout::A6)
            .into_iter()
            .find(|x| x.field == f)
            .unwrap()
    };
    // Short: one line at the maximum size.
    let short = badge_with("Anna", "LI", "", "UN", "MEDIA");
    let family = field(&short, Field::FamilyName);
    assert_eq!((family.lines, family.size), (1, 24.0));
    // Longer: two lines beat one line.
    let long = badge_with(
        "Anna",
        "GONZÁLEZ DE LA PEÑA Y VILLASEÑOR",
        "",
        "UN",
        "MEDIA",
    );
    let family = field(&long, Field::FamilyName);
    assert_eq!(family.lines, 2);
    assert!(!family.truncated);
    // Very long: cut with an ellipsis at the floor size.
    let huge = badge_with("Anna", &"W".repeat(300), "", "UN", "MEDIA");
    let family = field(&huge, Field::FamilyName);
    assert!(family.truncated && family.below_min);
    assert!(
        (family.size - 7.0).abs() < 0.01,
        "cut text is set at the floor size"
    );
}

#[test]
fn empty_texts_draw_nothing() {
    let badge = badge_with("", "", " ", "\t", "");
    for f in inspect_badge(&sample::style(), &badge, Layout::A6) {
        if matches!(
            f.field,
            Field::GivenNames
                | Field::FamilyName
                | Field::Function
                | Field::Delegation
                | Field::Category
        ) {
            assert_eq!(f.lines, 0, "{:?}", f.field);
        }
    }
}

fn script_text() -> impl Strategy<Value = String> {
    let alphabet: Vec<char> = NAMES
        .iter()
        .flat_map(|(_, p)| p.chars())
        .chain("-'.,()ʼ\u{0301}\u{200D}".chars())
        .collect();
    prop::collection::vec(prop::sample::select(alphabet), 0..160)
        .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn random_mixed_script_texts_fit(given in script_text(), family in script_text(), delegation in script_text()) {
        let badge = badge_with(&given, &family, &delegation, &delegation, &family);
        for layout in [Layout::A6, Layout::Card] {
            let fields = inspect_badge(&sample::style(), &badge, layout);
            assert_well_placed(&fields, layout, "random");
        }
    }
}
