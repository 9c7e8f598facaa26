//! `accredit event set` and `accredit event preview`.

use std::path::PathBuf;

use clap::Args;

use super::{Context, output, write_file};
use accredit::domain::Layout;
use accredit::lookup;
use accredit::setup::preview::{self, Sample};
use accredit::setup::{self, EventForm, EventUpdate, LogoChange};
use accredit::{Error, Result};

/// Hint given with the consequences of an unconfirmed change.
pub const CONFIRM_HINT: &str = "Nothing was changed. Add --confirm to apply the change anyway.";

#[derive(Debug, Args)]
pub struct SetArgs {
    /// The event's code; refused once badges were issued (it is signed into each).
    #[arg(long)]
    code: Option<String>,
    #[arg(long)]
    name: Option<String>,
    #[arg(long)]
    venue: Option<String>,
    /// First day (2025-10-25, 25/10/2025 or 25.10.2025).
    #[arg(long, value_name = "DATE")]
    start: Option<String>,
    /// Last day.
    #[arg(long, value_name = "DATE")]
    end: Option<String>,
    /// IANA time zone, e.g. Asia/Ho_Chi_Minh.
    #[arg(long, value_name = "TZ")]
    time_zone: Option<String>,
    /// Badges valid from this local date and time.
    #[arg(long, value_name = "YYYY-MM-DDTHH:MM")]
    badge_from: Option<String>,
    /// Badges valid until this local date and time.
    #[arg(long, value_name = "YYYY-MM-DDTHH:MM")]
    badge_until: Option<String>,
    /// The text of the badge's title band (empty: the event's name).
    #[arg(long)]
    title_band: Option<String>,
    /// The footer line of every badge.
    #[arg(long)]
    footer: Option<String>,
    /// a6, card or a4x4.
    #[arg(long)]
    default_layout: Option<String>,
    /// The title band's colour, #RRGGBB.
    #[arg(long, value_name = "#RRGGBB")]
    band_colour: Option<String>,
    /// An image file (PNG, JPEG…) shown in the badge's title band.
    #[arg(long, value_name = "FILE", conflicts_with = "no_logo")]
    logo: Option<PathBuf>,
    /// Remove the logo.
    #[arg(long)]
    no_logo: bool,
    /// Security clearance before a badge: off, all, or category codes ("MED;SEC").
    #[arg(long, value_name = "off|all|CODES")]
    clearance: Option<String>,
    /// The language of the event's letters, receipts and reports (en, vi, fr,
    /// ar, zh, ru, es); a command's `--lang` still chooses another.
    #[arg(long, value_name = "CODE")]
    language: Option<String>,
    /// Apply a change that leaves badges already issued or printed out of date.
    #[arg(long)]
    confirm: bool,
    #[arg(long)]
    json: bool,
}

pub fn run_set(ctx: &Context, mut args: SetArgs) -> Result<()> {
    let (mut conn, actor) = ctx.sign_in()?;
    // Settings outside the event's form: each said (or listed in the JSON)
    // as it is applied; a command of only these changes nothing else.
    let mut settings = serde_json::Map::new();
    if let Some(text) = args.clearance.take() {
        let rule = accredit::vetting::set_rule(&mut conn, &actor, &text)?;
        if !args.json {
            output::say(format!("Security clearance: {}.", rule.describe()))?;
        }
        settings.insert("clearance".into(), rule.to_setting().into());
    }
    if let Some(code) = args.language.take() {
        let language = code
            .parse::<accredit::i18n::Language>()
            .map_err(|e| Error::invalid("language", e.to_string()))?;
        setup::set_document_language(&mut conn, &actor, language)?;
        if !args.json {
            output::say(format!(
                "Documents are written in {} ({}).",
                language.native_name(),
                language.code()
            ))?;
        }
        settings.insert("language".into(), language.code().into());
    }
    if !settings.is_empty() && args.changes_no_event_field() {
        return if args.json {
            output::json(&serde_json::Value::Object(settings))
        } else {
            Ok(())
        };
    }
    let current = lookup::event::get(&conn)?;
    let mut form = EventForm::from_event(&current);
    for (value, target) in [
        (args.code, &mut form.code),
        (args.name, &mut form.name),
        (args.venue, &mut form.venue),
        (args.start, &mut form.start_date),
        (args.end, &mut form.end_date),
        (args.time_zone, &mut form.time_zone),
        (args.badge_from, &mut form.badge_valid_from),
        (args.badge_until, &mut form.badge_valid_until),
        (args.title_band, &mut form.title_band),
        (args.footer, &mut form.footer),
        (args.default_layout, &mut form.default_layout),
        (args.band_colour, &mut form.band_colour),
    ] {
        if let Some(v) = value {
            *target = v;
        }
    }
    let event = form.parse(Some(&current)).map_err(Error::Invalid)?;
    let logo = match (args.logo, args.no_logo) {
        (Some(path), _) => LogoChange::Set(std::fs::read(&path).map_err(|e| Error::io(&path, e))?),
        (None, true) => LogoChange::Remove,
        (None, false) => LogoChange::Keep,
    };
    let summary = setup::update_event(
        &ctx.workspace,
        &mut conn,
        &actor,
        &EventUpdate { event, logo },
        args.confirm,
    )?
    .or_refuse(CONFIRM_HINT)?;
    if args.json {
        return output::json(&summary);
    }
    if summary.changed.is_empty() {
        return output::say("Nothing to change.");
    }
    output::say(format!("Changed: {}.", summary.changed.join(", ")))?;
    if let Some(kid) = summary.new_key {
        output::say(format!(
            "A new signing key {kid} covers the new badge window; give the gates the new trust list (`accredit keys trust-list`)."
        ))?;
    }
    Ok(())
}

impl SetArgs {
    /// Whether nothing but the clearance was asked for.
    fn changes_no_event_field(&self) -> bool {
        [
            &self.code,
            &self.name,
            &self.venue,
            &self.start,
            &self.end,
            &self.time_zone,
            &self.badge_from,
            &self.badge_until,
            &self.title_band,
            &self.footer,
            &self.default_layout,
            &self.band_colour,
        ]
        .iter()
        .all(|v| v.is_none())
            && self.logo.is_none()
            && !self.no_logo
    }
}

#[derive(Debug, Args)]
pub struct PreviewArgs {
    /// The category of the sample badge [default: the first category].
    #[arg(long, value_name = "CODE")]
    category: Option<String>,
    /// long (a long Latin name) or arabic (an Arabic name).
    #[arg(long, default_value = "long")]
    sample: Sample,
    /// a6, card or a4x4 [default: the event's default layout].
    #[arg(long)]
    layout: Option<Layout>,
    /// Resolution of the PNG.
    #[arg(long, default_value_t = 150.0)]
    dpi: f32,
    #[arg(short, long, value_name = "FILE.png")]
    output: PathBuf,
}

pub fn run_preview(ctx: &Context, args: PreviewArgs) -> Result<()> {
    let (conn, _actor) = ctx.sign_in()?;
    let event = lookup::event::get(&conn)?;
    let category = match &args.category {
        Some(code) => lookup::categories::find_by_code(&conn, code)?
            .ok_or_else(|| Error::not_found("category", code))?,
        None => lookup::categories::list(&conn)?
            .into_iter()
            .next()
            .ok_or_else(|| Error::Refused("the event has no category yet".into()))?,
    };
    let layout = args.layout.unwrap_or(event.default_layout);
    let png = preview::render(
        &event,
        lookup::event::logo(&conn)?,
        &category,
        args.sample,
        layout,
        args.dpi,
    )?;
    write_file(&args.output, &png)?;
    output::say(format!(
        "Wrote the {} badge of a sample {} ({}, {layout}) to {}.",
        category.code,
        args.sample.label().to_lowercase(),
        category.name,
        args.output.display()
    ))
}
