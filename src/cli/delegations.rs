//! `accredit delegations add|edit|remove|reference` (the listing is in
//! `reference.rs`).

use accredit::db::Db;
use clap::{Args, Subcommand};

use super::event_settings::CONFIRM_HINT;
use super::{Context, output};
use accredit::domain::{Delegation, normalise_code};
use accredit::lookup;
use accredit::setup::{self, DelegationForm};
use accredit::{Error, Result};

#[derive(Debug, Subcommand)]
pub enum DelegationChange {
    /// Add a delegation: a state or organisation of the reference lists by
    /// its code alone, or a custom one with --name and --kind.
    Add {
        /// ISO 3166-1 alpha-3 for a state (VNM), a short code for an organisation (UNODC).
        #[arg(long)]
        code: String,
        #[command(flatten)]
        fields: DelegationArgs,
    },
    /// Change a delegation (only the fields given).
    Edit {
        /// The delegation's code.
        delegation: String,
        /// A new code.
        #[arg(long)]
        code: Option<String>,
        #[command(flatten)]
        fields: DelegationArgs,
        /// Remove the delegation's quota of a category (code; repeat for several).
        #[arg(long, value_name = "CATEGORY")]
        no_quota: Vec<String>,
        /// Apply a change that leaves printed badges out of date.
        #[arg(long)]
        confirm: bool,
    },
    /// Remove a delegation with no participant.
    Remove {
        delegation: String,
        /// Also when it is invited to sessions (the invitations go with it).
        #[arg(long)]
        confirm: bool,
    },
    /// Search the reference lists of states and organisations (all of them without a query).
    Reference {
        query: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct DelegationArgs {
    #[arg(long)]
    name: Option<String>,
    /// member_state, observer_state, un_entity, intergovernmental,
    /// regional_organisation, financial_institution, ngo, academia, media, host.
    #[arg(long)]
    kind: Option<String>,
    #[arg(long)]
    focal_point_name: Option<String>,
    #[arg(long)]
    focal_point_email: Option<String>,
    /// A quota per category, CATEGORY=N (repeat for several), e.g. --quota HOD=1 --quota DEL=5.
    #[arg(long, value_name = "CATEGORY=N")]
    quota: Vec<String>,
}

impl DelegationArgs {
    fn apply(self, form: &mut DelegationForm) -> Result<()> {
        for (value, target) in [
            (self.name, &mut form.name),
            (self.kind, &mut form.kind),
            (self.focal_point_name, &mut form.focal_point_name),
            (self.focal_point_email, &mut form.focal_point_email),
        ] {
            if let Some(v) = value {
                *target = v;
            }
        }
        for q in self.quota {
            let Some((category, max)) = q.split_once('=') else {
                return Err(Error::invalid(
                    "quotas",
                    format!("\"{q}\" is not CATEGORY=N (e.g. DEL=5)"),
                ));
            };
            let category = normalise_code(category);
            form.quotas.retain(|(c, _)| normalise_code(c) != category);
            form.quotas.push((category, max.trim().to_string()));
        }
        Ok(())
    }
}

fn find(conn: &Db, code: &str) -> Result<Delegation> {
    lookup::delegations::find_by_code(conn, code)?
        .ok_or_else(|| Error::not_found("delegation", code))
}

pub fn run(ctx: &Context, cmd: DelegationChange) -> Result<()> {
    let (mut conn, actor) = ctx.sign_in()?;
    let categories = lookup::categories::list(&conn)?;
    match cmd {
        DelegationChange::Add { code, fields } => {
            let mut form = match setup::reference_body(&code) {
                Some(body) => DelegationForm::from_reference(&body),
                None => {
                    if fields.name.is_none() || fields.kind.is_none() {
                        return Err(Error::invalid(
                            "code",
                            format!(
                                "{} is not in the reference lists (see `accredit delegations reference`); give --name and --kind for a custom delegation",
                                normalise_code(&code)
                            ),
                        ));
                    }
                    DelegationForm {
                        code: code.clone(),
                        ..DelegationForm::default()
                    }
                }
            };
            fields.apply(&mut form)?;
            let d = form.parse(0, &categories).map_err(Error::Invalid)?;
            setup::add_delegation(&mut conn, &actor, &d)?;
            output::say(format!("Added the delegation {} ({}).", d.code, d.name))
        }
        DelegationChange::Edit {
            delegation,
            code,
            fields,
            no_quota,
            confirm,
        } => {
            let current = find(&conn, &delegation)?;
            let mut form = DelegationForm::from_delegation(&current, &categories);
            if let Some(code) = code {
                form.code = code;
            }
            fields.apply(&mut form)?;
            for category in no_quota {
                let category = normalise_code(&category);
                form.quotas.retain(|(c, _)| *c != category);
            }
            let d = form
                .parse(current.id, &categories)
                .map_err(Error::Invalid)?;
            setup::edit_delegation(&mut conn, &actor, &d, confirm)?.or_refuse(CONFIRM_HINT)?;
            output::say(format!("Saved the delegation {} ({}).", d.code, d.name))
        }
        DelegationChange::Remove {
            delegation,
            confirm,
        } => {
            let current = find(&conn, &delegation)?;
            setup::remove_delegation(&mut conn, &actor, current.id, confirm)?
                .or_refuse(CONFIRM_HINT)?;
            output::say(format!(
                "Removed the delegation {} ({}).",
                current.code, current.name
            ))
        }
        DelegationChange::Reference { query, json } => {
            let found = setup::search_reference(&conn, query.as_deref().unwrap_or(""))?;
            if json {
                return output::json(&found);
            }
            let rows: Vec<Vec<String>> = found
                .iter()
                .map(|e| {
                    vec![
                        e.code.clone(),
                        e.name.clone(),
                        e.kind.as_str().into(),
                        if e.added { "added" } else { "" }.into(),
                    ]
                })
                .collect();
            output::table(&["CODE", "NAME", "KIND", ""], &rows)
        }
    }
}
