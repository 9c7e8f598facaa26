use accredit::db::Db;
use clap::{Args, Subcommand};

use super::{Context, output};
use accredit::desk::participants as desk;
use accredit::desk::records::{Lookup, ParticipantRecord};
use accredit::domain::{ParticipantDetails, ParticipantId, ParticipantStatus, ZoneSet, parse_date};
use accredit::lookup;
use accredit::lookup::participants::Filter;
use accredit::{Error, Result};

#[derive(Debug, Subcommand)]
pub enum ParticipantsCommand {
    /// List participants, by delegation then family name.
    List {
        /// Only this delegation (code).
        #[arg(long, value_name = "CODE")]
        delegation: Option<String>,
        /// Only this category (code).
        #[arg(long, value_name = "CODE")]
        category: Option<String>,
        /// Only this status: nominated, approved, rejected, cancelled.
        #[arg(long)]
        status: Option<ParticipantStatus>,
        #[arg(long)]
        json: bool,
    },
    /// Find participants by name (any script, without diacritics), document number or reference.
    Search {
        query: String,
        #[arg(long)]
        json: bool,
    },
    /// Show one participant.
    Show {
        id: ParticipantId,
        #[arg(long)]
        json: bool,
    },
    /// Nominate a participant; prints the new id.
    Add {
        #[command(flatten)]
        details: DetailsArgs,
        #[arg(long)]
        json: bool,
    },
    /// Change a participant's details (only the fields given).
    Edit {
        id: ParticipantId,
        #[command(flatten)]
        details: DetailsArgs,
        #[arg(long)]
        json: bool,
    },
    /// Approve nominated (or rejected) participants.
    Approve {
        #[arg(required = true)]
        ids: Vec<ParticipantId>,
        /// Approve even though a category of a delegation goes past its
        /// quota, for this reason (recorded in the audit trail). Without it
        /// such an approval is refused.
        #[arg(long, value_name = "REASON")]
        over_quota: Option<String>,
    },
    /// Reject participants, with the reason.
    Reject {
        #[arg(required = true)]
        ids: Vec<ParticipantId>,
        #[arg(long)]
        reason: String,
    },
    /// Cancel participants (withdrawn); their badges are revoked.
    Cancel {
        #[arg(required = true)]
        ids: Vec<ParticipantId>,
        #[arg(long, default_value = "")]
        reason: String,
    },
}

/// The fields of a participant, each optional so `edit` changes only those given.
#[derive(Debug, Args, Default)]
pub struct DetailsArgs {
    /// Delegation code (e.g. VNM, UNODC).
    #[arg(long, value_name = "CODE")]
    delegation: Option<String>,
    /// Category code (e.g. DEL, HOD).
    #[arg(long, value_name = "CODE")]
    category: Option<String>,
    #[arg(long)]
    given_names: Option<String>,
    #[arg(long)]
    family_name: Option<String>,
    /// The name as printed on the badge, when not "given names FAMILY NAME".
    #[arg(long)]
    badge_name: Option<String>,
    /// Title or function.
    #[arg(long)]
    function: Option<String>,
    /// F, M, X or empty.
    #[arg(long)]
    gender: Option<String>,
    /// ISO 3166-1 alpha-3.
    #[arg(long)]
    nationality: Option<String>,
    /// Date of birth (2025-10-25, 25/10/2025, 25.10.2025).
    #[arg(long)]
    date_of_birth: Option<String>,
    /// passport, diplomatic_passport, official_passport, national_id, laissez_passer, other.
    #[arg(long)]
    document_type: Option<String>,
    #[arg(long)]
    document_number: Option<String>,
    #[arg(long)]
    document_expiry: Option<String>,
    #[arg(long)]
    email: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    /// Zones added to the category's, e.g. "4;5".
    #[arg(long, value_name = "ZONES")]
    zones_added: Option<String>,
    /// Zones of the category taken away, e.g. "3".
    #[arg(long, value_name = "ZONES")]
    zones_removed: Option<String>,
    #[arg(long)]
    notes: Option<String>,
    /// The delegation's own reference for this person.
    #[arg(long)]
    reference: Option<String>,
}

impl DetailsArgs {
    /// Applies the given flags onto `d`. A value that cannot even be read
    /// (a date that is no date) is reported together with every other
    /// problem of the resulting details, so one run names them all.
    fn apply(
        &self,
        conn: &Db,
        d: &mut ParticipantDetails,
        id: Option<ParticipantId>,
    ) -> Result<()> {
        let mut errors = Vec::new();
        let mut err = |field: &'static str, msg: String| {
            errors.push(accredit::domain::FieldError::new(field, msg))
        };
        if let Some(code) = &self.delegation {
            match lookup::delegations::find_by_code(conn, code)? {
                Some(x) => d.delegation = x.id,
                None => err("delegation", format!("\"{code}\" is not a delegation code")),
            }
        }
        if let Some(code) = &self.category {
            match lookup::categories::find_by_code(conn, code)? {
                Some(x) => d.category = x.id,
                None => err("category", format!("\"{code}\" is not a category code")),
            }
        }
        let text = |v: &Option<String>, target: &mut String| {
            if let Some(v) = v {
                *target = v.clone();
            }
        };
        text(&self.given_names, &mut d.given_names);
        text(&self.family_name, &mut d.family_name);
        text(&self.badge_name, &mut d.badge_name);
        text(&self.function, &mut d.function);
        text(&self.nationality, &mut d.nationality);
        text(&self.document_number, &mut d.document.number);
        text(&self.email, &mut d.email);
        text(&self.phone, &mut d.phone);
        text(&self.notes, &mut d.notes);
        text(&self.reference, &mut d.reference);
        if let Some(g) = &self.gender {
            match g.parse() {
                Ok(g) => d.gender = g,
                Err(e) => err("gender", e),
            }
        }
        if let Some(t) = &self.document_type {
            match t.parse() {
                Ok(t) => d.document.kind = t,
                Err(e) => err("document_type", e),
            }
        }
        let date = |v: &Option<String>,
                    field: &'static str,
                    target: &mut Option<jiff::civil::Date>,
                    err: &mut dyn FnMut(&'static str, String)| {
            if let Some(v) = v {
                if v.trim().is_empty() {
                    *target = None;
                } else {
                    match parse_date(v) {
                        Ok(x) => *target = Some(x),
                        Err(e) => err(field, e),
                    }
                }
            }
        };
        date(
            &self.date_of_birth,
            "date_of_birth",
            &mut d.date_of_birth,
            &mut err,
        );
        date(
            &self.document_expiry,
            "document_expiry",
            &mut d.document.expiry,
            &mut err,
        );
        for (v, field, target) in [
            (&self.zones_added, "zones_added", &mut d.zones_added),
            (&self.zones_removed, "zones_removed", &mut d.zones_removed),
        ] {
            if let Some(v) = v {
                match ZoneSet::parse(v) {
                    Ok(z) => *target = z,
                    Err(e) => err(field, e),
                }
            }
        }
        if errors.is_empty() {
            return Ok(());
        }
        let mut cleaned = d.clone();
        desk::clean(&mut cleaned);
        for e in desk::validate(conn, &cleaned, id)? {
            if !errors.iter().any(|x| x.field == e.field) {
                errors.push(e);
            }
        }
        Err(Error::Invalid(errors))
    }
}

pub fn run(ctx: &Context, cmd: ParticipantsCommand) -> Result<()> {
    let (mut conn, actor) = ctx.sign_in()?;
    match cmd {
        ParticipantsCommand::List {
            delegation,
            category,
            status,
            json,
        } => {
            let filter = Filter {
                delegation: match delegation {
                    Some(code) => Some(
                        lookup::delegations::find_by_code(&conn, &code)?
                            .ok_or_else(|| Error::not_found("delegation", &code))?
                            .id,
                    ),
                    None => None,
                },
                category: match category {
                    Some(code) => Some(
                        lookup::categories::find_by_code(&conn, &code)?
                            .ok_or_else(|| Error::not_found("category", &code))?
                            .id,
                    ),
                    None => None,
                },
                status,
            };
            let found = desk::list(&conn, &actor, &filter)?;
            print_list(&conn, &found, json)
        }
        ParticipantsCommand::Search { query, json } => {
            let found = desk::search(&conn, &actor, &query)?;
            print_list(&conn, &found, json)
        }
        ParticipantsCommand::Show { id, json } => {
            let p = desk::get(&conn, &actor, id)?;
            let record = Lookup::load(&conn)?.record(&p);
            if json {
                return output::json(&record);
            }
            print_record(&record)
        }
        ParticipantsCommand::Add { details, json } => {
            let mut d = ParticipantDetails::default();
            details.apply(&conn, &mut d, None)?;
            let mut missing = Vec::new();
            if details.delegation.is_none() {
                missing.push(accredit::domain::FieldError::new(
                    "delegation",
                    "is required (--delegation CODE)",
                ));
            }
            if details.category.is_none() {
                missing.push(accredit::domain::FieldError::new(
                    "category",
                    "is required (--category CODE)",
                ));
            }
            if !missing.is_empty() {
                return Err(Error::Invalid(missing));
            }
            let id = desk::add(&mut conn, &actor, d)?;
            if json {
                let p = lookup::participants::get(&conn, id)?;
                return output::json(&Lookup::load(&conn)?.record(&p));
            }
            output::say(id)
        }
        ParticipantsCommand::Edit { id, details, json } => {
            let mut d = desk::get(&conn, &actor, id)?.details;
            details.apply(&conn, &mut d, Some(id))?;
            let p = desk::edit(&mut conn, &actor, id, d)?;
            if json {
                return output::json(&Lookup::load(&conn)?.record(&p));
            }
            output::say(format!("Saved participant {id}."))
        }
        ParticipantsCommand::Approve { ids, over_quota } => {
            let done = desk::approve(&mut conn, &actor, &ids, over_quota.as_deref())?;
            output::say(format!("Approved {} participant(s).", done.len()))
        }
        ParticipantsCommand::Reject { ids, reason } => {
            let done = desk::reject(&mut conn, &actor, &ids, &reason)?;
            output::say(format!("Rejected {} participant(s).", done.len()))
        }
        ParticipantsCommand::Cancel { ids, reason } => {
            let done = desk::cancel(&mut conn, &actor, &ids, &reason)?;
            output::say(format!("Cancelled {} participant(s).", done.len()))
        }
    }
}

fn print_list(conn: &Db, found: &[accredit::domain::Participant], json: bool) -> Result<()> {
    let lookup = Lookup::load(conn)?;
    let records: Vec<ParticipantRecord> = found.iter().map(|p| lookup.record(p)).collect();
    if json {
        return output::json(&records);
    }
    let rows: Vec<Vec<String>> = records
        .iter()
        .map(|r| {
            vec![
                r.id.to_string(),
                r.printed_name.clone(),
                r.delegation.clone(),
                r.category.clone(),
                r.status.clone(),
            ]
        })
        .collect();
    output::table(&["ID", "NAME", "DELEGATION", "CATEGORY", "STATUS"], &rows)?;
    output::say(format!("{} participant(s)", records.len()))
}

fn print_record(r: &ParticipantRecord) -> Result<()> {
    let zones = |z: &[u8]| {
        z.iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let lines = [
        ("Id", r.id.to_string()),
        ("Name on badge", r.printed_name.clone()),
        ("Given names", r.given_names.clone()),
        ("Family name", r.family_name.clone()),
        ("Function", r.function.clone()),
        ("Delegation", r.delegation.clone()),
        ("Category", r.category.clone()),
        (
            "Status",
            if r.status_reason.is_empty() {
                r.status.clone()
            } else {
                format!("{} ({})", r.status, r.status_reason)
            },
        ),
        ("Zones", zones(&r.zones)),
        ("Gender", r.gender.clone()),
        ("Nationality", r.nationality.clone()),
        ("Date of birth", r.date_of_birth.clone().unwrap_or_default()),
        (
            "Document",
            format!(
                "{} {} (expires {})",
                r.document_type,
                r.document_number,
                r.document_expiry.clone().unwrap_or_else(|| "—".into())
            ),
        ),
        ("E-mail", r.email.clone()),
        ("Phone", r.phone.clone()),
        ("Reference", r.reference.clone()),
        (
            "Photo",
            if r.has_photo {
                "yes".into()
            } else {
                "no".into()
            },
        ),
        ("Notes", r.notes.clone()),
    ];
    for (label, value) in lines {
        output::say(format!("{label:>14}: {value}"))?;
    }
    Ok(())
}
