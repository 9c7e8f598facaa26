//! The words of the verdicts a gate gives (the verdicts themselves are
//! domain types, [`GateVerdict`], since scans store them).

use crate::credential::{Claims, Verdict};
pub use crate::domain::GateVerdict;
use crate::domain::{Direction, Directions, Event, Zone};

/// What the words of a verdict need to know about the scan.
pub struct Circumstances<'a> {
    /// For times in the event's time zone.
    pub event: &'a Event,
    /// The checkpoint's zone.
    pub zone: &'a Zone,
    pub direction: Direction,
    /// Which ways the checkpoint lets people through.
    pub directions: Directions,
    /// The claims, whenever the signature verified.
    pub claims: Option<&'a Claims>,
    /// Since when the holder is inside (for `ALREADY_INSIDE`).
    pub inside_since: Option<i64>,
    /// When the scan happened.
    pub at: i64,
}

/// The verdict in words, for the officer: "Badge revoked", "No access to
/// Zone 2 — Signing ceremony hall", "Already inside since 09:41".
pub fn words(verdict: GateVerdict, c: &Circumstances) -> String {
    let zone = format!("Zone {} — {}", c.zone.number, c.zone.name);
    match verdict {
        GateVerdict::Spec(v) => match v {
            Verdict::Accepted => match c.direction {
                Direction::Entry => format!("Entry to {zone}"),
                Direction::Exit => format!("Leaving {zone}"),
            },
            Verdict::Malformed => "Not a badge code — scan again".into(),
            Verdict::UnsupportedVersion => "Badge format not supported by this gate".into(),
            Verdict::UnknownKey => "Badge not signed by this event — possible forgery".into(),
            Verdict::BadSignature => "Invalid signature — forged or altered badge".into(),
            Verdict::WrongEvent => match c.claims {
                Some(claims) => format!("Badge of another event ({})", claims.event),
                None => "Badge of another event".into(),
            },
            Verdict::NotYetValid => match c.claims {
                Some(claims) => format!(
                    "Badge not valid yet — valid from {}",
                    day_and_time(c.event, claims.not_before as i64)
                ),
                None => "Badge not valid yet".into(),
            },
            Verdict::Expired => match c.claims {
                Some(claims) => format!(
                    "Badge expired on {}",
                    day_and_time(c.event, claims.expires as i64)
                ),
                None => "Badge expired".into(),
            },
            Verdict::Revoked => "Badge revoked".into(),
            Verdict::ZoneDenied => format!("No access to {zone}"),
            Verdict::AlreadyInside => match c.inside_since {
                Some(since) => {
                    format!("Already inside since {}", since_label(c.event, since, c.at))
                }
                None => "Already inside".into(),
            },
        },
        GateVerdict::UnknownBadge => {
            "Badge unknown to this gate — check identity, call a supervisor".into()
        }
        GateVerdict::NotABadge => "A letter, not a badge — no entry with it".into(),
        GateVerdict::WrongDirection => match c.directions {
            Directions::Entry => "This checkpoint is for entry only".into(),
            Directions::Exit => "This checkpoint is for exit only".into(),
            Directions::Both => format!("Not a way through {zone}"),
        },
    }
}

fn zoned(event: &Event, unix: i64) -> Option<jiff::ZonedDateTime> {
    jiff::Timestamp::from_second(unix)
        .ok()
        .map(|ts| ts.to_zoned_datetime(event.tz()))
}

/// "25 Oct 2025 09:41" in the event's time zone.
pub fn day_and_time(event: &Event, unix: i64) -> String {
    zoned(event, unix)
        .map(|z| z.strftime("%-d %b %Y %H:%M").to_string())
        .unwrap_or_else(|| unix.to_string())
}

/// "09:41" when `since` falls on the day of `at`, else "24 Oct 09:41", in
/// the event's time zone.
pub fn since_label(event: &Event, since: i64, at: i64) -> String {
    match (zoned(event, since), zoned(event, at)) {
        (Some(s), Some(a)) if s.date() == a.date() => s.strftime("%H:%M").to_string(),
        (Some(s), _) => s.strftime("%-d %b %H:%M").to_string(),
        _ => since.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn circumstances<'a>(event: &'a Event, zone: &'a Zone) -> Circumstances<'a> {
        Circumstances {
            event,
            zone,
            direction: Direction::Entry,
            directions: Directions::Both,
            claims: None,
            inside_since: None,
            at: 1_761_360_600,
        }
    }

    #[test]
    fn identifiers_spec_first_then_the_application_s() {
        let ids: Vec<&str> = GateVerdict::ALL.iter().map(|v| v.as_str()).collect();
        let spec: Vec<&str> = Verdict::ALL.iter().map(|v| v.as_str()).collect();
        assert_eq!(&ids[..spec.len()], spec.as_slice());
        assert_eq!(
            &ids[spec.len()..],
            ["UNKNOWN_BADGE", "WRONG_DIRECTION", "NOT_A_BADGE"]
        );
        for v in GateVerdict::ALL {
            assert_eq!(v.as_str().parse::<GateVerdict>(), Ok(v));
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(json, format!("\"{}\"", v.as_str()));
            assert_eq!(serde_json::from_str::<GateVerdict>(&json).unwrap(), v);
        }
        let e = "accepted".parse::<GateVerdict>().unwrap_err();
        assert!(e.contains("\"accepted\" is not a gate verdict"), "{e}");
        assert_eq!(GateVerdict::ACCEPTED.headline(), "ACCEPTED");
        assert_eq!(GateVerdict::UnknownBadge.headline(), "REFUSED");
    }

    #[test]
    fn words_name_the_zone_and_the_local_time() {
        let event = crate::demo::event(&crate::demo::Dates::seed()).unwrap();
        let zone = Zone {
            number: 2,
            code: "SIGN".into(),
            name: "Signing ceremony hall".into(),
        };
        let c = circumstances(&event, &zone);
        assert_eq!(
            words(Verdict::ZoneDenied.into(), &c),
            "No access to Zone 2 — Signing ceremony hall"
        );
        assert_eq!(words(Verdict::Revoked.into(), &c), "Badge revoked");
        // 02:41 UTC is 09:41 in Hanoi, the same day as the scan at 09:50.
        let inside = Circumstances {
            inside_since: Some(1_761_360_060),
            ..circumstances(&event, &zone)
        };
        assert_eq!(
            words(Verdict::AlreadyInside.into(), &inside),
            "Already inside since 09:41"
        );
        let yesterday = Circumstances {
            inside_since: Some(1_761_360_060 - 86_400),
            ..circumstances(&event, &zone)
        };
        assert_eq!(
            words(Verdict::AlreadyInside.into(), &yesterday),
            "Already inside since 24 Oct 09:41"
        );
        let exit_only = Circumstances {
            directions: Directions::Exit,
            ..circumstances(&event, &zone)
        };
        assert_eq!(
            words(GateVerdict::WrongDirection, &exit_only),
            "This checkpoint is for exit only"
        );
        let leaving = Circumstances {
            direction: Direction::Exit,
            ..circumstances(&event, &zone)
        };
        assert_eq!(
            words(GateVerdict::ACCEPTED, &leaving),
            "Leaving Zone 2 — Signing ceremony hall"
        );
    }
}
