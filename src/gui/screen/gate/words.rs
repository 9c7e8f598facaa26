//! The verdicts in words, in any of the application's languages: built from
//! a scan's structured fields (verdict, zone, direction, times), not from the
//! core's English `message`, so that a gate can show them in two languages
//! at once. The English words are the core's (`gate::verdict::words`), word
//! for word; the tests hold them to it.

use accredit::credential::Verdict;
use accredit::domain::{Direction, Directions, Role};
use accredit::gate::{GateVerdict, ScanOutcome};
use accredit::i18n::Language;
use accredit::tr;

use super::StationInfo;

/// A zone as a verdict names it: "Zone 2 — Signing ceremony hall".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ZoneName {
    number: u8,
    /// `None` for a zone the gate does not know by name.
    name: Option<String>,
}

/// A moment in the event's time zone, as a verdict says it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum When {
    /// Day, month, year and time: "27 Oct 2025 00:00".
    Full(jiff::ZonedDateTime),
    /// Another day than the scan's: "24 Oct 09:41".
    DayTime(jiff::ZonedDateTime),
    /// The scan's own day: "09:41".
    Time(jiff::ZonedDateTime),
    /// Not a time the calendar knows; the seconds as they are.
    Raw(i64),
}

/// What the verdict panel says under the headline: one message per verdict
/// (and per the facts the scan had), then an override's.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Words {
    Entry(ZoneName),
    Leaving(ZoneName),
    Malformed,
    UnsupportedVersion,
    UnknownKey,
    BadSignature,
    /// The other event's code, when the signature verified.
    WrongEvent(Option<String>),
    NotYetValid(Option<When>),
    Expired(Option<When>),
    Revoked,
    ZoneDenied(ZoneName),
    AlreadyInside(Option<When>),
    UnknownBadge,
    NotABadge,
    EntryOnly,
    ExitOnly,
    NoWayThrough(ZoneName),
    /// A refusal let through, by whom.
    LetThrough(String),
}

fn zoned(info: &StationInfo, unix: i64) -> Option<jiff::ZonedDateTime> {
    jiff::Timestamp::from_second(unix)
        .ok()
        .map(|ts| ts.to_zoned_datetime(info.time_zone.clone()))
}

fn full(info: &StationInfo, unix: u64) -> When {
    let unix = i64::try_from(unix).unwrap_or(i64::MAX);
    zoned(info, unix).map_or(When::Raw(unix), When::Full)
}

/// The other event's code. The badge's view does not carry it (the CLI's
/// JSON is fixed), so it is read back from the core's words, where it stands
/// in brackets; it is a code (`A-Z`, `0-9`, `-`), never translated.
fn other_event(o: &ScanOutcome) -> Option<String> {
    o.badge.as_ref()?;
    let (_, rest) = o.message.rsplit_once('(')?;
    let code = rest.strip_suffix(')')?;
    accredit::credential::is_valid_event_code(code).then(|| code.to_owned())
}

impl Words {
    /// The words of the scan `o` at the station `info` describes.
    pub(super) fn of(o: &ScanOutcome, info: &StationInfo) -> Words {
        if o.overrides.is_some() {
            return Words::LetThrough(o.override_by.clone());
        }
        let zone = || ZoneName {
            number: o.zone,
            name: info
                .zones
                .iter()
                .find(|z| z.number == o.zone)
                .map(|z| z.name.clone()),
        };
        match o.verdict {
            GateVerdict::Spec(v) => match v {
                Verdict::Accepted => match o.direction {
                    Direction::Entry => Words::Entry(zone()),
                    Direction::Exit => Words::Leaving(zone()),
                },
                Verdict::Malformed => Words::Malformed,
                Verdict::UnsupportedVersion => Words::UnsupportedVersion,
                Verdict::UnknownKey => Words::UnknownKey,
                Verdict::BadSignature => Words::BadSignature,
                Verdict::WrongEvent => Words::WrongEvent(other_event(o)),
                Verdict::NotYetValid => {
                    Words::NotYetValid(o.badge.as_ref().map(|b| full(info, b.not_before)))
                }
                Verdict::Expired => Words::Expired(o.badge.as_ref().map(|b| full(info, b.expires))),
                Verdict::Revoked => Words::Revoked,
                Verdict::ZoneDenied => Words::ZoneDenied(zone()),
                Verdict::AlreadyInside => {
                    Words::AlreadyInside(o.inside_since.map(|since| {
                        match (zoned(info, since), zoned(info, o.at)) {
                            (Some(s), Some(a)) if s.date() == a.date() => When::Time(s),
                            (Some(s), _) => When::DayTime(s),
                            _ => When::Raw(since),
                        }
                    }))
                }
            },
            GateVerdict::UnknownBadge => Words::UnknownBadge,
            GateVerdict::NotABadge => Words::NotABadge,
            GateVerdict::WrongDirection => {
                let directions = info
                    .checkpoints
                    .iter()
                    .find(|c| c.name == o.checkpoint)
                    .map_or(Directions::Both, |c| c.directions);
                match directions {
                    Directions::Entry => Words::EntryOnly,
                    Directions::Exit => Words::ExitOnly,
                    Directions::Both => Words::NoWayThrough(zone()),
                }
            }
        }
    }

    /// The catalogue's key of these words.
    #[cfg(test)]
    pub(super) fn key(&self) -> &'static str {
        match self {
            Words::Entry(_) => "gate-verdict-entry",
            Words::Leaving(_) => "gate-verdict-leaving",
            Words::Malformed => "gate-verdict-malformed",
            Words::UnsupportedVersion => "gate-verdict-unsupported-version",
            Words::UnknownKey => "gate-verdict-unknown-key",
            Words::BadSignature => "gate-verdict-bad-signature",
            Words::WrongEvent(Some(_)) => "gate-verdict-wrong-event-code",
            Words::WrongEvent(None) => "gate-verdict-wrong-event",
            Words::NotYetValid(Some(_)) => "gate-verdict-not-yet-valid-from",
            Words::NotYetValid(None) => "gate-verdict-not-yet-valid",
            Words::Expired(Some(_)) => "gate-verdict-expired-on",
            Words::Expired(None) => "gate-verdict-expired",
            Words::Revoked => "gate-verdict-revoked",
            Words::ZoneDenied(_) => "gate-verdict-zone-denied",
            Words::AlreadyInside(Some(_)) => "gate-verdict-already-inside-since",
            Words::AlreadyInside(None) => "gate-verdict-already-inside",
            Words::UnknownBadge => "gate-verdict-unknown-badge",
            Words::NotABadge => "gate-verdict-not-a-badge",
            Words::EntryOnly => "gate-verdict-entry-only",
            Words::ExitOnly => "gate-verdict-exit-only",
            Words::NoWayThrough(_) => "gate-verdict-no-way-through",
            Words::LetThrough(_) => "gate-verdict-let-through-by",
        }
    }

    /// The words in `lang`.
    pub(super) fn text(&self, lang: Language) -> String {
        match self {
            Words::Entry(z) => tr!(
                lang,
                "gate-verdict-entry",
                zone = z.number,
                zone_name = z.name(lang)
            ),
            Words::Leaving(z) => tr!(
                lang,
                "gate-verdict-leaving",
                zone = z.number,
                zone_name = z.name(lang)
            ),
            Words::Malformed => tr!(lang, "gate-verdict-malformed"),
            Words::UnsupportedVersion => tr!(lang, "gate-verdict-unsupported-version"),
            Words::UnknownKey => tr!(lang, "gate-verdict-unknown-key"),
            Words::BadSignature => tr!(lang, "gate-verdict-bad-signature"),
            Words::WrongEvent(Some(code)) => {
                tr!(lang, "gate-verdict-wrong-event-code", event = code)
            }
            Words::WrongEvent(None) => tr!(lang, "gate-verdict-wrong-event"),
            Words::NotYetValid(Some(when)) => {
                tr!(
                    lang,
                    "gate-verdict-not-yet-valid-from",
                    from = when.text(lang)
                )
            }
            Words::NotYetValid(None) => tr!(lang, "gate-verdict-not-yet-valid"),
            Words::Expired(Some(when)) => {
                tr!(lang, "gate-verdict-expired-on", expired = when.text(lang))
            }
            Words::Expired(None) => tr!(lang, "gate-verdict-expired"),
            Words::Revoked => tr!(lang, "gate-verdict-revoked"),
            Words::ZoneDenied(z) => tr!(
                lang,
                "gate-verdict-zone-denied",
                zone = z.number,
                zone_name = z.name(lang)
            ),
            Words::AlreadyInside(Some(when)) => tr!(
                lang,
                "gate-verdict-already-inside-since",
                since = when.text(lang)
            ),
            Words::AlreadyInside(None) => tr!(lang, "gate-verdict-already-inside"),
            Words::UnknownBadge => tr!(lang, "gate-verdict-unknown-badge"),
            Words::NotABadge => tr!(lang, "gate-verdict-not-a-badge"),
            Words::EntryOnly => tr!(lang, "gate-verdict-entry-only"),
            Words::ExitOnly => tr!(lang, "gate-verdict-exit-only"),
            Words::NoWayThrough(z) => tr!(
                lang,
                "gate-verdict-no-way-through",
                zone = z.number,
                zone_name = z.name(lang)
            ),
            Words::LetThrough(by) => tr!(lang, "gate-verdict-let-through-by", supervisor = by),
        }
    }
}

impl ZoneName {
    /// The zone's name as stored (never translated), or "Zone 3" for a zone
    /// the gate knows only by number.
    fn name(&self, lang: Language) -> String {
        match &self.name {
            Some(name) => name.clone(),
            None => tr!(lang, "gate-zone-number", zone = self.number),
        }
    }
}

impl When {
    fn text(&self, lang: Language) -> String {
        match self {
            When::Full(z) => tr!(
                lang,
                "gate-date-time",
                day = i32::from(z.day()),
                month = month_short(lang, z.month()),
                year = z.year().to_string(),
                time = z.strftime("%H:%M").to_string()
            ),
            When::DayTime(z) => tr!(
                lang,
                "gate-day-time",
                day = i32::from(z.day()),
                month = month_short(lang, z.month()),
                time = z.strftime("%H:%M").to_string()
            ),
            When::Time(z) => z.strftime("%H:%M").to_string(),
            When::Raw(unix) => unix.to_string(),
        }
    }
}

/// The month as a date on a gate's screen writes it: "Oct", "oct.", "10月".
fn month_short(lang: Language, month: i8) -> String {
    tr!(lang, "gate-month-short", month = i32::from(month))
}

/// The headline: ACCEPTED, REFUSED, or LET THROUGH for an override.
pub(super) fn headline(lang: Language, o: &ScanOutcome) -> String {
    if o.overrides.is_some() {
        tr!(lang, "gate-let-through-headline")
    } else if o.verdict.is_accepted() {
        tr!(lang, "gate-accepted")
    } else {
        tr!(lang, "gate-refused")
    }
}

/// A role's name, as "Signed in as …" shows it.
pub(super) fn role(role: Role) -> String {
    match role {
        Role::Administrator => accredit::t!("gate-role-administrator"),
        Role::Supervisor => accredit::t!("gate-role-supervisor"),
        Role::Clerk => accredit::t!("gate-role-clerk"),
        Role::Gate => accredit::t!("gate-role-gate"),
        Role::Viewer => accredit::t!("gate-role-viewer"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use accredit::credential::Claims;
    use accredit::domain::{Checkpoint, Zone, ZoneSet};
    use accredit::gate::BadgeView;
    use accredit::gate::verdict::{Circumstances, words};
    use accredit::i18n::has_own;

    /// 25 October 2025, 09:50 in Hanoi.
    const AT: i64 = 1_761_360_600;

    fn event() -> accredit::domain::Event {
        accredit::demo::event(&accredit::demo::Dates::seed()).unwrap()
    }

    fn zone() -> Zone {
        Zone {
            number: 2,
            code: "SIGN".into(),
            name: "Signing ceremony hall".into(),
        }
    }

    fn info(directions: Directions) -> StationInfo {
        StationInfo {
            event: "Demo".into(),
            offline: false,
            package: None,
            checkpoints: vec![Checkpoint {
                id: 1,
                name: "Hall door".into(),
                zone: 2,
                directions,
            }],
            zones: vec![zone()],
            warnings: Vec::new(),
            time_zone: event().tz(),
            root_fingerprint: None,
        }
    }

    fn claims(event: &str) -> Claims {
        Claims {
            event: event.into(),
            serial: 41,
            participant: 7,
            category: "DEL".into(),
            zones: ZoneSet::from_numbers([1, 2]),
            not_before: 1_761_350_400,
            expires: 1_761_498_000,
            photo: None,
        }
    }

    /// A scan with the core's English words for `verdict` in the
    /// circumstances given.
    fn outcome(
        verdict: GateVerdict,
        direction: Direction,
        directions: Directions,
        claims: Option<&Claims>,
        inside_since: Option<i64>,
    ) -> ScanOutcome {
        let event = event();
        let message = words(
            verdict,
            &Circumstances {
                event: &event,
                zone: &zone(),
                direction,
                directions,
                claims,
                inside_since,
                at: AT,
            },
        );
        ScanOutcome {
            verdict,
            participant: claims.map(|c| c.participant as i64),
            passed: verdict.is_accepted(),
            message,
            badge: claims.map(|c| BadgeView {
                serial: c.serial,
                category: c.category.clone(),
                category_name: String::new(),
                colour: None,
                zones: c.zones,
                not_before: c.not_before,
                expires: c.expires,
            }),
            holder: None,
            inside_since,
            scan: "scan".into(),
            checkpoint: "Hall door".into(),
            zone: 2,
            direction,
            at: AT,
            station: "lane-1".into(),
            operator: "gate".into(),
            override_reason: String::new(),
            override_by: String::new(),
            overrides: None,
            warnings: Vec::new(),
        }
    }

    /// Every verdict in every circumstance that changes its words, with
    /// the station the scan was made at.
    fn every_verdict() -> Vec<(ScanOutcome, StationInfo)> {
        let ours = claims(&event().code.to_string());
        let theirs = claims("OTHER-25");
        let mut all = Vec::new();
        for verdict in GateVerdict::ALL {
            for directions in [Directions::Entry, Directions::Exit, Directions::Both] {
                for direction in [Direction::Entry, Direction::Exit] {
                    let claims = if verdict == GateVerdict::Spec(Verdict::WrongEvent) {
                        &theirs
                    } else {
                        &ours
                    };
                    for claims in [None, Some(claims)] {
                        for since in [None, Some(AT - 540), Some(AT - 86_400 - 540)] {
                            all.push((
                                outcome(verdict, direction, directions, claims, since),
                                info(directions),
                            ));
                        }
                    }
                }
            }
        }
        all
    }

    #[test]
    fn english_words_are_the_core_s_word_for_word() {
        let mut keys = std::collections::BTreeSet::new();
        for (o, info) in every_verdict() {
            let w = Words::of(&o, &info);
            assert_eq!(w.text(Language::English), o.message, "{:?}", o.verdict);
            keys.insert(w.key());
        }
        // Every message but the override's is some verdict's.
        assert_eq!(keys.len(), 21, "{keys:?}");
    }

    /// Whether `lang`'s own catalogue holds `key`. `has_own` formats the
    /// message without its values, which Fluent counts as an error for a
    /// message with placeables; those are looked for in the language's own
    /// gate.ftl.
    fn own(lang: Language, key: &str) -> bool {
        let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("resources/locales")
            .join(lang.code())
            .join("gate.ftl");
        has_own(lang, key)
            || std::fs::read_to_string(file)
                .unwrap()
                .lines()
                .any(|line| line.starts_with(&format!("{key} =")))
    }

    #[test]
    fn every_verdict_has_its_own_words_in_every_language() {
        let mut outcomes = every_verdict();
        let (mut let_through, info) = outcomes[0].clone();
        let_through.overrides = Some("refused".into());
        let_through.override_by = "supervisor".into();
        outcomes.push((let_through, info));
        for (o, info) in outcomes {
            let w = Words::of(&o, &info);
            let english = w.text(Language::English);
            assert_ne!(english, w.key(), "English has {}", w.key());
            for lang in Language::ALL
                .into_iter()
                .filter(|l| *l != Language::English)
            {
                assert!(own(lang, w.key()), "{lang:?} lacks {}", w.key());
                assert_ne!(w.text(lang), english, "{lang:?}: {}", w.key());
                assert!(has_own(lang, "gate-accepted") && has_own(lang, "gate-refused"));
                assert_ne!(headline(lang, &o), headline(Language::English, &o));
            }
        }
    }

    #[test]
    fn times_are_written_as_each_language_writes_them() {
        let info = info(Directions::Both);
        let expired = Words::Expired(Some(full(&info, 1_761_498_000)));
        assert_eq!(
            expired.text(Language::English),
            "Badge expired on 27 Oct 2025 00:00"
        );
        assert_eq!(
            expired.text(Language::French),
            "Badge expiré le 27 oct. 2025 à 00:00"
        );
        assert_eq!(
            expired.text(Language::Vietnamese),
            "Thẻ hết hạn lúc 00:00 ngày 27/10/2025"
        );
        assert_eq!(
            expired.text(Language::Chinese),
            "证件已于2025年10月27日 00:00过期"
        );
    }
}
