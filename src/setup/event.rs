//! The event's settings after creation: name, code, venue, dates, time zone,
//! badge window, logo, badge texts, band colour and default layout.

use crate::store::{Db, Tx};
use serde::Serialize;

use super::{Outcome, it_them, plural};
use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::credential::kid_hex;
use crate::domain::{Event, FieldError};
use crate::error::{Error, Result};
use crate::store;
use crate::workspace::Workspace;
use crate::{clock, signing};

/// What happens to the event's logo.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum LogoChange {
    #[default]
    Keep,
    Remove,
    /// The bytes of an image file (PNG, JPEG, …); normalised before it is stored.
    Set(Vec<u8>),
}

/// New settings for the event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventUpdate {
    pub event: Event,
    pub logo: LogoChange,
}

/// What an update changed. Field names are part of the CLI's JSON interface.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct UpdateSummary {
    /// The settings that changed (`name`, `badge_valid_from`, `logo`…).
    pub changed: Vec<String>,
    /// The id of the new signing key, when the new badge window needed one.
    pub new_key: Option<String>,
}

/// The longest side of a stored logo, in pixels: it is printed about 15 mm
/// wide, so 600 pixels are 1,000 dpi and more would only fatten every PDF.
const LOGO_MAX_SIDE: u32 = 600;
const LOGO_MAX_FILE: usize = 10 * 1024 * 1024;

/// Reads an image file as a logo: PNG, JPEG, WebP, GIF, BMP or TIFF, at
/// least 16 pixels a side, decoded within safe limits, scaled down to at
/// most 600 pixels and stored as PNG (transparency kept).
pub fn normalise_logo(bytes: &[u8]) -> Result<Vec<u8>> {
    if bytes.len() > LOGO_MAX_FILE {
        return Err(Error::invalid(
            "logo",
            format!(
                "the file is {:.1} MB; a logo must be under 10 MB",
                bytes.len() as f64 / 1_048_576.0
            ),
        ));
    }
    let unreadable = |e: String| {
        Error::invalid(
            "logo",
            format!("is not an image Accredit can read (PNG or JPEG): {e}"),
        )
    };
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| unreadable(e.to_string()))?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(8000);
    limits.max_image_height = Some(8000);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    let img = reader.decode().map_err(|e| unreadable(e.to_string()))?;
    if img.width() < 16 || img.height() < 16 {
        return Err(Error::invalid(
            "logo",
            format!(
                "is {} × {} pixels; a logo needs at least 16 a side",
                img.width(),
                img.height()
            ),
        ));
    }
    let img = if img.width() > LOGO_MAX_SIDE || img.height() > LOGO_MAX_SIDE {
        img.resize(
            LOGO_MAX_SIDE,
            LOGO_MAX_SIDE,
            image::imageops::FilterType::Lanczos3,
        )
    } else {
        img
    };
    let mut png = Vec::new();
    img.into_rgba8()
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|e| Error::Other(format!("could not store the logo: {e}")))?;
    Ok(png)
}

/// Texts beyond the checks of [`Event::validate`], for callers that did not
/// come through [`super::EventForm`].
fn check_texts(e: &Event) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for (field, text) in [
        ("venue", &e.venue),
        ("title_band", &e.title_band),
        ("footer", &e.footer),
    ] {
        let n = text.chars().count();
        if n > 200 {
            errors.push(FieldError::new(
                field,
                format!("is {n} characters long; at most 200 fit"),
            ));
        }
    }
    errors
}

/// The settings that differ, by name.
fn changed_settings(a: &Event, b: &Event) -> Vec<&'static str> {
    let mut changed = Vec::new();
    let mut check = |name: &'static str, differs: bool| {
        if differs {
            changed.push(name);
        }
    };
    check("code", a.code != b.code);
    check("name", a.name != b.name);
    check("venue", a.venue != b.venue);
    check("time_zone", a.time_zone != b.time_zone);
    check("start_date", a.start_date != b.start_date);
    check("end_date", a.end_date != b.end_date);
    check("badge_valid_from", a.badge_valid_from != b.badge_valid_from);
    check(
        "badge_valid_until",
        a.badge_valid_until != b.badge_valid_until,
    );
    check("title_band", a.title_band != b.title_band);
    check("footer", a.footer != b.footer);
    check("band_colour", a.band_colour != b.band_colour);
    check("default_layout", a.default_layout != b.default_layout);
    check(
        "revocation_max_age_minutes",
        a.revocation_max_age_minutes != b.revocation_max_age_minutes,
    );
    changed
}

/// What a printed badge shows of these settings, in words, for those that changed.
fn printed_changes(before: &Event, after: &Event, logo_changed: bool) -> Vec<&'static str> {
    let mut shown = Vec::new();
    let title = |e: &Event| {
        if e.title_band.trim().is_empty() {
            e.name.clone()
        } else {
            e.title_band.clone()
        }
    };
    if title(before) != title(after) {
        shown.push("title");
    }
    if before.venue != after.venue || before.dates_label() != after.dates_label() {
        shown.push("venue and dates");
    }
    if before.footer != after.footer {
        shown.push("footer");
    }
    if before.band_colour != after.band_colour {
        shown.push("band colour");
    }
    if logo_changed {
        shown.push("logo");
    }
    shown
}

/// Changes the event's settings. Refused: an invalid setting (each named),
/// a new event code once badges were issued (the code is signed into each).
/// Explained first (applied only when `confirmed`): a new badge window once
/// badges are active (they keep the old one), new texts, colour or logo once
/// badges are printed. When the current signing key does not cover the new
/// badge window, a new key takes over signing in the same transaction; the
/// old one stays in the trust list for the badges it signed.
pub fn update_event(
    ws: &Workspace,
    conn: &mut Db,
    actor: &Actor,
    update: &EventUpdate,
    confirmed: bool,
) -> Result<Outcome<UpdateSummary>> {
    actor.require(Permission::ConfigureEvent)?;
    let mut errors = update.event.validate();
    errors.extend(check_texts(&update.event));
    let new_logo = match &update.logo {
        LogoChange::Set(bytes) => match normalise_logo(bytes) {
            Ok(png) => Some(png),
            Err(e) => {
                errors.extend(e.field_errors().iter().cloned());
                None
            }
        },
        _ => None,
    };
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let now = clock::now();
    conn.write(|tx| apply_update(ws, tx, actor, update, new_logo.as_deref(), confirmed, now))
}

/// The change of valid settings inside `tx` (a try of [`update_event`]).
fn apply_update(
    ws: &Workspace,
    tx: &Tx,
    actor: &Actor,
    update: &EventUpdate,
    new_logo: Option<&[u8]>,
    confirmed: bool,
    now: i64,
) -> Result<Outcome<UpdateSummary>> {
    let before = store::event::get(tx)?;
    let after = &update.event;
    let old_logo = store::event::logo(tx)?;
    let logo_after = match &update.logo {
        LogoChange::Keep => old_logo.clone(),
        LogoChange::Remove => None,
        LogoChange::Set(_) => new_logo.map(<[u8]>::to_vec),
    };
    let logo_changed = logo_after != old_logo;
    let mut changed: Vec<String> = changed_settings(&before, after)
        .into_iter()
        .map(String::from)
        .collect();
    if logo_changed {
        changed.push("logo".into());
    }
    if changed.is_empty() {
        return Ok(Outcome::Done(UpdateSummary::default()));
    }

    let issued = store::usage::badges_issued(tx)?;
    if before.code != after.code && issued > 0 {
        return Err(Error::Refused(format!(
            "the event code {} is signed into the {} already issued; with a new code every one of them would fail at the gates (WRONG_EVENT). Keep the code, or set up the new event in another data directory",
            before.code,
            plural(issued, "badge", "badges")
        )));
    }
    let (active, printed) = store::usage::active_badges(tx)?;
    let window_changed = before.badge_valid_from != after.badge_valid_from
        || before.badge_valid_until != after.badge_valid_until;
    let current_key = store::keys::current(tx)?;
    let key_needed = match &current_key {
        Some(k) => {
            !(k.not_before <= after.badge_valid_from && after.badge_valid_until <= k.not_after)
        }
        None => true,
    };

    let mut consequences = Vec::new();
    if window_changed && active > 0 {
        let (it, ..) = it_them(active);
        consequences.push(format!(
            "{} issued for the badge window {} – {} and will keep it; badges issued from now on are valid {} – {}. Reprint {it} (reason data-change) for {it} to carry the new window.",
            match active {
                1 => "1 active badge was".to_string(),
                n => format!("{n} active badges were"),
            },
            before.local_time(before.badge_valid_from),
            before.local_time(before.badge_valid_until),
            after.local_time(after.badge_valid_from),
            after.local_time(after.badge_valid_until),
        ));
    }
    if key_needed && issued > 0 {
        consequences.push(
            "The current signing key does not cover the new badge window: a new key will sign badges from now on (the old one stays trusted for the badges it signed). Give the gates the new trust list.".into(),
        );
    }
    let shown = printed_changes(&before, after, logo_changed);
    if !shown.is_empty() && printed > 0 {
        let (it, passes, shows) = it_them(printed);
        consequences.push(format!(
            "{} {shows} the old {}; {it} still {passes} the gates. Reprint {it} if {it} must match.",
            plural(printed, "printed badge", "printed badges"),
            shown.join(", ")
        ));
    }
    if !consequences.is_empty() && !confirmed {
        return Ok(Outcome::NeedsConfirmation(consequences));
    }

    store::event::update(tx, after)?;
    if logo_changed {
        store::event::set_logo(tx, logo_after.as_deref())?;
    }
    let mut new_key = None;
    if key_needed {
        let key = signing::rotate_in(&ws.keys_dir(), tx, actor, after, now, signing::NEW_WINDOW)?;
        new_key = Some(kid_hex(&key.kid));
    }
    let (mut old, mut new) = crate::audit::changed_fields(&before, after);
    if logo_changed {
        let describe =
            |logo: &Option<Vec<u8>>| logo.as_ref().map(|l| format!("PNG, {} bytes", l.len()));
        if let (serde_json::Value::Object(old), serde_json::Value::Object(new)) =
            (&mut old, &mut new)
        {
            old.insert("logo".into(), serde_json::json!(describe(&old_logo)));
            new.insert("logo".into(), serde_json::json!(describe(&logo_after)));
        }
    }
    audit::record(
        tx,
        actor,
        now,
        Change::new("event.update", "event", after.code.as_str()),
        Some(&old),
        Some(&new),
    )?;
    Ok(Outcome::Done(UpdateSummary { changed, new_key }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::tests::new_event;

    fn logo_png(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbaImage::from_pixel(w, h, image::Rgba([20, 90, 160, 200]));
        let mut out = Vec::new();
        img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn settings_change_and_are_audited() {
        let dir = tempfile::tempdir().unwrap();
        let (ws, mut conn, admin) = new_event(dir.path());
        let mut event = store::event::get(&conn).unwrap();
        event.footer = "Wear this badge at all times".into();
        event.venue = "Gigiri, Nairobi".into();
        let update = EventUpdate {
            event: event.clone(),
            logo: LogoChange::Set(logo_png(1200, 400)),
        };
        let Outcome::Done(summary) = update_event(&ws, &mut conn, &admin, &update, false).unwrap()
        else {
            panic!("nothing printed yet: nothing to confirm")
        };
        assert_eq!(summary.changed, ["venue", "footer", "logo"]);
        assert_eq!(summary.new_key, None);
        assert_eq!(store::event::get(&conn).unwrap(), event);
        let logo = store::event::logo(&conn).unwrap().unwrap();
        let stored = image::load_from_memory(&logo).unwrap();
        assert_eq!((stored.width(), stored.height()), (600, 200));
        let audit = store::audit::list(&conn, &Default::default()).unwrap();
        let last = audit.last().unwrap();
        assert_eq!(last.action, "event.update");
        assert!(last.after.as_ref().unwrap().to_string().contains("Gigiri"));
    }

    #[test]
    fn bad_settings_and_bad_logos_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (ws, mut conn, admin) = new_event(dir.path());
        let mut event = store::event::get(&conn).unwrap();
        event.time_zone = "Mars/Olympus_Mons".into();
        let update = EventUpdate {
            event,
            logo: LogoChange::Set(b"GIF89a not really".to_vec()),
        };
        let err = update_event(&ws, &mut conn, &admin, &update, true).unwrap_err();
        let fields: Vec<_> = err.field_errors().iter().map(|e| e.field).collect();
        assert_eq!(fields, ["time_zone", "logo"]);
        let tiny = normalise_logo(&logo_png(8, 8)).unwrap_err();
        assert!(tiny.to_string().contains("at least 16"), "{tiny}");
        let viewer = Actor {
            operator: None,
            name: "v".into(),
            role: crate::domain::Role::Supervisor,
        };
        let event = store::event::get(&conn).unwrap();
        let update = EventUpdate {
            event,
            logo: LogoChange::Keep,
        };
        assert!(matches!(
            update_event(&ws, &mut conn, &viewer, &update, true),
            Err(Error::PermissionDenied { .. })
        ));
    }

    #[test]
    fn a_window_beyond_the_key_gets_a_new_key() {
        let dir = tempfile::tempdir().unwrap();
        let (ws, mut conn, admin) = new_event(dir.path());
        let old_key = store::keys::current(&conn).unwrap().unwrap();
        let mut event = store::event::get(&conn).unwrap();
        event.badge_valid_until += 60 * 86_400;
        let update = EventUpdate {
            event: event.clone(),
            logo: LogoChange::Keep,
        };
        let Outcome::Done(summary) = update_event(&ws, &mut conn, &admin, &update, false).unwrap()
        else {
            panic!("no badge yet: nothing to confirm")
        };
        assert!(summary.new_key.is_some());
        let (record, key) = signing::signing_key(&ws.keys_dir(), &conn).unwrap();
        assert_ne!(record.kid, old_key.kid);
        assert!(key.covers(
            event.badge_valid_from as u64,
            event.badge_valid_until as u64
        ));
        // The old key stays in the trust list.
        assert_eq!(signing::trust_list(&conn).unwrap().keys.len(), 2);
    }
}
