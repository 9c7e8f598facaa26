//! `accredit categories list|add|edit|remove`.

use accredit::db::Db;
use clap::{Args, Subcommand};

use super::{Context, output};
use accredit::domain::{Category, ZoneSet};
use accredit::lookup;
use accredit::setup::{self, CategoryForm};
use accredit::{Error, Result};

const AFFECTED_HINT: &str = "Nothing was changed. See the badges with --list-affected; add --confirm to apply the change anyway.";

#[derive(Debug, Subcommand)]
pub enum CategoriesCommand {
    /// List the categories in their order, with their participants and active badges.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add a category.
    Add {
        #[command(flatten)]
        fields: CategoryArgs,
    },
    /// Change a category (only the fields given).
    Edit {
        /// The category's code.
        category: String,
        #[command(flatten)]
        fields: CategoryArgs,
        /// Remove the default quota.
        #[arg(long, conflicts_with = "quota")]
        no_quota: bool,
        /// List the active badges that would carry other zones than their
        /// holders get with the category's (new) default zones, and change nothing.
        #[arg(long)]
        list_affected: bool,
        /// Apply a change that leaves badges already issued or printed out of date.
        #[arg(long)]
        confirm: bool,
        #[arg(long)]
        json: bool,
    },
    /// Remove a category no participant belongs to.
    Remove { category: String },
}

#[derive(Debug, Args)]
pub struct CategoryArgs {
    /// 1 to 8 capital letters or digits, signed into every badge of the category.
    #[arg(long)]
    code: Option<String>,
    #[arg(long)]
    name: Option<String>,
    /// #RRGGBB.
    #[arg(long, value_name = "#RRGGBB")]
    colour: Option<String>,
    /// The zones the category opens, e.g. "1;3;5".
    #[arg(long, value_name = "ZONES")]
    zones: Option<String>,
    /// Position in lists and on the desk.
    #[arg(long)]
    order: Option<String>,
    /// How many people of the category a delegation may send, unless its own quota says otherwise.
    #[arg(long, value_name = "N")]
    quota: Option<String>,
}

impl CategoryArgs {
    fn apply(self, form: &mut CategoryForm) {
        for (value, target) in [
            (self.code, &mut form.code),
            (self.name, &mut form.name),
            (self.colour, &mut form.colour),
            (self.zones, &mut form.default_zones),
            (self.order, &mut form.order),
            (self.quota, &mut form.default_quota),
        ] {
            if let Some(v) = value {
                *target = v;
            }
        }
    }
}

fn find(conn: &Db, code: &str) -> Result<Category> {
    lookup::categories::find_by_code(conn, code)?.ok_or_else(|| Error::not_found("category", code))
}

pub fn run(ctx: &Context, cmd: CategoriesCommand) -> Result<()> {
    let (mut conn, actor) = ctx.sign_in()?;
    match cmd {
        CategoriesCommand::List { json } => {
            let list = setup::list_categories(&conn)?;
            if json {
                return output::json(&list);
            }
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|i| {
                    let c = &i.category;
                    vec![
                        c.order.to_string(),
                        c.code.clone(),
                        c.name.clone(),
                        c.colour.hex(),
                        c.default_zones.to_string(),
                        c.default_quota.map(|q| q.to_string()).unwrap_or_default(),
                        i.participants.to_string(),
                        i.active_badges.to_string(),
                    ]
                })
                .collect();
            output::table(
                &[
                    "ORDER",
                    "CODE",
                    "NAME",
                    "COLOUR",
                    "ZONES",
                    "QUOTA",
                    "PARTICIPANTS",
                    "BADGES",
                ],
                &rows,
            )
        }
        CategoriesCommand::Add { fields } => {
            let order = lookup::categories::list(&conn)?
                .iter()
                .map(|c| c.order)
                .max()
                .unwrap_or(0)
                + 1;
            let mut form = CategoryForm {
                order: order.to_string(),
                ..CategoryForm::default()
            };
            fields.apply(&mut form);
            let category = form.parse(0).map_err(Error::Invalid)?;
            setup::add_category(&mut conn, &actor, &category)?;
            output::say(format!(
                "Added the category {} ({}), zones {}.",
                category.code,
                category.name,
                if category.default_zones.is_empty() {
                    "none".to_string()
                } else {
                    category.default_zones.to_string()
                }
            ))
        }
        CategoriesCommand::Edit {
            category,
            fields,
            no_quota,
            list_affected,
            confirm,
            json,
        } => {
            let current = find(&conn, &category)?;
            let mut form = CategoryForm::from_category(&current);
            fields.apply(&mut form);
            if no_quota {
                form.default_quota.clear();
            }
            let edited = form.parse(current.id).map_err(Error::Invalid)?;
            if list_affected {
                return list_affected_badges(&conn, &actor, &edited, json);
            }
            let done = setup::edit_category(&mut conn, &actor, &edited, confirm)?
                .or_refuse(AFFECTED_HINT)?;
            if json {
                return output::json(&done);
            }
            output::say(format!("Saved the category {} ({}).", done.code, done.name))
        }
        CategoriesCommand::Remove { category } => {
            let current = find(&conn, &category)?;
            setup::remove_category(&mut conn, &actor, current.id)?;
            output::say(format!(
                "Removed the category {} ({}).",
                current.code, current.name
            ))
        }
    }
}

fn list_affected_badges(
    conn: &Db,
    actor: &accredit::auth::Actor,
    category: &Category,
    json: bool,
) -> Result<()> {
    let affected = setup::affected_badges(conn, actor, category.id, Some(category.default_zones))?;
    if json {
        return output::json(&affected);
    }
    if affected.is_empty() {
        return output::say(format!(
            "No active badge of {} would carry other zones than {}.",
            category.code,
            zones_text(category.default_zones)
        ));
    }
    let rows: Vec<Vec<String>> = affected
        .iter()
        .map(|a| {
            vec![
                a.serial.to_string(),
                a.participant.to_string(),
                a.name.clone(),
                a.delegation.clone(),
                zones_text(a.badge_zones),
                zones_text(a.zones),
                if a.printed { "yes" } else { "no" }.into(),
            ]
        })
        .collect();
    output::table(
        &[
            "SERIAL",
            "PARTICIPANT",
            "NAME",
            "DELEGATION",
            "BADGE ZONES",
            "NEW ZONES",
            "PRINTED",
        ],
        &rows,
    )?;
    output::say(format!(
        "{} badge(s) to reprint: accredit badges reprint PARTICIPANT --reason data-change",
        affected.len()
    ))
}

fn zones_text(z: ZoneSet) -> String {
    if z.is_empty() {
        "-".into()
    } else {
        z.to_string()
    }
}
