//! How a badge will look, before any is printed: a sample participant (no
//! photo) on the event's settings — saved or still being edited — drawn by
//! the same code that prints (participant to badge content as
//! `desk::printing` does it, then the PDF renderer, then rasterised).

use crate::badge::{self, BadgeContent};
use crate::credential::{self, Claims, EventKey};
use crate::desk::printing;
use crate::domain::{
    Badge, BadgeStatus, Category, Delegation, DelegationKind, Event, Layout, Participant,
    ParticipantDetails, ParticipantStatus,
};
use crate::error::{Error, Result};
use crate::signing;

/// The sample participants of the preview, both without a photo: the names
/// that test a badge's layout hardest.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Sample {
    /// A long Latin name with diacritics, a long function.
    #[default]
    LongName,
    /// An Arabic name, set right to left.
    ArabicName,
}

impl Sample {
    pub const ALL: [Sample; 2] = [Sample::LongName, Sample::ArabicName];

    pub fn label(self) -> &'static str {
        match self {
            Sample::LongName => "Long name",
            Sample::ArabicName => "Arabic name",
        }
    }

    /// (given names, family name, function, delegation)
    fn person(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            Sample::LongName => (
                "Maximiliana Wilhelmina Theodora",
                "von Hohenzollern-Sigmaringen Schrödinger-Öztürk",
                "Director-General for Legal Affairs and International Law, Federal Foreign Office",
                "Germany",
            ),
            Sample::ArabicName => (
                "عبد الرحمن بن محمد",
                "آل سعود",
                "Minister of Foreign Affairs",
                "Saudi Arabia",
            ),
        }
    }
}

impl std::fmt::Display for Sample {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

impl std::str::FromStr for Sample {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "long" | "long-name" | "latin" => Ok(Sample::LongName),
            "arabic" | "arabic-name" => Ok(Sample::ArabicName),
            other => Err(format!("\"{other}\" is not a sample (long, arabic)")),
        }
    }
}

/// The sample's badge content, as printing makes it from a participant.
pub fn sample_badge(event: &Event, category: &Category, sample: Sample) -> BadgeContent {
    let (given, family, function, delegation) = sample.person();
    let participant = Participant {
        id: 1,
        details: ParticipantDetails {
            given_names: given.into(),
            family_name: family.into(),
            function: function.into(),
            category: category.id,
            ..ParticipantDetails::default()
        },
        status: ParticipantStatus::Approved,
        status_reason: String::new(),
        photo: None,
        created_at: 0,
        updated_at: 0,
    };
    let delegation = Delegation {
        id: 1,
        code: "SAMPLE".into(),
        name: delegation.into(),
        kind: DelegationKind::MemberState,
        focal_point_name: String::new(),
        focal_point_email: String::new(),
        quotas: vec![],
    };
    let serial = 100_001;
    let badge = Badge {
        serial,
        participant: participant.id,
        credential: sample_credential(event, category, serial),
        zones: category.default_zones,
        not_before: event.badge_valid_from,
        expires: event.badge_valid_until,
        issued_at: 0,
        issued_by: String::new(),
        status: BadgeStatus::Active,
        revoked_at: None,
        revocation_reason: String::new(),
        print_count: 0,
        last_printed_at: None,
        collected: None,
    };
    printing::content(&badge, &participant, &delegation, category, None)
}

/// A credential of the real format and size, signed by a fixed key that no
/// gate trusts: the preview's QR code looks like the printed one and stays
/// the same from one keystroke to the next.
fn sample_credential(event: &Event, category: &Category, serial: u64) -> String {
    let (from, until) = signing::key_validity(event);
    let fallback = || badge::sample::qr_text(serial, 240);
    let Ok(key) = EventKey::from_seed(&[0x5A; 32], from, until) else {
        return fallback();
    };
    let claims = Claims {
        event: event.code.to_string(),
        serial,
        participant: 1,
        category: category.code.clone(),
        zones: category.default_zones,
        not_before: event.badge_valid_from.max(0) as u64,
        expires: event.badge_valid_until.max(0) as u64,
        photo: None,
    };
    credential::issue(&claims, &key).unwrap_or_else(|_| fallback())
}

/// A PNG of the sample's badge in `layout` (A4 × 4 shows one of its four
/// A6 badges) at `dpi`, with these settings and logo.
pub fn render(
    event: &Event,
    logo: Option<Vec<u8>>,
    category: &Category,
    sample: Sample,
    layout: Layout,
    dpi: f32,
) -> Result<Vec<u8>> {
    let style = printing::style(event, logo);
    let content = sample_badge(event, category, sample);
    badge::render_preview_png(&style, &content, layout, dpi)
        .map_err(|e| Error::Other(format!("could not draw the preview: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::tests::new_event;
    use crate::store;

    #[test]
    fn the_preview_is_the_printed_badge_of_a_sample() {
        let dir = tempfile::tempdir().unwrap();
        let (_ws, conn, _admin) = new_event(dir.path());
        let event = store::event::get(&conn).unwrap();
        let hod = store::categories::find_by_code(&conn, "HOD")
            .unwrap()
            .unwrap();
        let content = sample_badge(&event, &hod, Sample::ArabicName);
        assert_eq!(content.category_name, hod.name);
        assert_eq!(content.zones, hod.default_zones.iter().collect::<Vec<_>>());
        assert!(content.photo.is_none());
        assert!(content.qr_text.starts_with("ACR1:"), "{}", content.qr_text);
        let long = sample_badge(&event, &hod, Sample::LongName);
        assert_eq!(
            long.family_name_caps,
            "VON HOHENZOLLERN-SIGMARINGEN SCHRÖDINGER-ÖZTÜRK"
        );
        for layout in [Layout::A6, Layout::Card] {
            let png = render(&event, None, &hod, Sample::LongName, layout, 72.0).unwrap();
            let img = image::load_from_memory(&png).unwrap();
            let (w, h) = layout.page_size();
            assert!((img.width() as f32 - w).abs() <= 1.0, "{layout}");
            assert!((img.height() as f32 - h).abs() <= 1.0, "{layout}");
        }
        // No text of the badge leaves its box, whatever the sample.
        let style = printing::style(&event, None);
        for sample in Sample::ALL {
            let badge = sample_badge(&event, &hod, sample);
            for f in badge::inspect_badge(&style, &badge, Layout::Card) {
                assert!(f.slot.contains(&f.bbox, 0.5), "{sample}: {:?}", f.field);
            }
        }
    }
}
