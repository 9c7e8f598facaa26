//! `accredit letters`: one letter per delegate on the event's letterhead,
//! and the templates they are written from; a thin face over `letters`.

use std::path::PathBuf;

use clap::Args;

use super::{Context, output};
use accredit::letters::{self, LetterKind, LetterSelection, Template};
use accredit::lookup;
use accredit::{Error, Result};

#[derive(Debug, Args)]
pub struct LettersArgs {
    /// acknowledgement or visa.
    #[arg(long)]
    kind: LetterKind,
    /// Only these delegations (codes; repeat the flag for several).
    #[arg(long, value_name = "CODE")]
    delegation: Vec<String>,
    /// Only these participants (ids; repeat the flag for several).
    #[arg(long, value_name = "ID")]
    participant: Vec<i64>,
    /// Where to write the letters (one PDF).
    #[arg(
        short,
        long,
        value_name = "FILE.pdf",
        required_unless_present = "template"
    )]
    output: Option<PathBuf>,
    /// Show the kind's template, or change it with --subject, --body-file, --signatory.
    #[arg(long, conflicts_with_all = ["output", "delegation", "participant"])]
    template: bool,
    /// With --template: the new subject line.
    #[arg(long, requires = "template")]
    subject: Option<String>,
    /// With --template: a text file with the new body (paragraphs separated by a blank line).
    #[arg(long, value_name = "FILE", requires = "template")]
    body_file: Option<PathBuf>,
    /// With --template: the new signatory line.
    #[arg(long, requires = "template")]
    signatory: Option<String>,
    /// The language of the letters (and of the default template shown with
    /// --template): en, vi, fr, ar, zh, ru or es (English where the letters
    /// are not translated). A template an administrator wrote is used as
    /// written. [default: the event's document language, `event set --language`]
    #[arg(long, value_name = "CODE")]
    lang: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: LettersArgs) -> Result<()> {
    let chosen = args
        .lang
        .as_deref()
        .map(super::report::language)
        .transpose()?;
    let (mut conn, actor) = ctx.sign_in()?;
    let language =
        accredit::report::document_language(super::report::or_the_events(chosen, &conn)?);
    if args.template {
        let mut t = letters::template_in(&conn, args.kind, language)?;
        let changing =
            args.subject.is_some() || args.body_file.is_some() || args.signatory.is_some();
        if changing {
            if let Some(s) = args.subject {
                t.subject = s;
            }
            if let Some(path) = &args.body_file {
                t.body = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
            }
            if let Some(s) = args.signatory {
                t.signatory = s;
            }
            letters::set_template(&mut conn, &actor, args.kind, &t)?;
            t = letters::template_in(&conn, args.kind, language)?;
        }
        return show(&t, args.json);
    }
    let Some(path) = args.output else {
        return Err(Error::invalid(
            "output",
            "say where to write the letters: -o FILE.pdf",
        ));
    };
    let mut selection = LetterSelection {
        participants: args.participant,
        ..Default::default()
    };
    for code in &args.delegation {
        selection.delegations.push(
            lookup::delegations::find_by_code(&conn, code)?
                .ok_or_else(|| Error::not_found("delegation", code))?
                .id,
        );
    }
    let summary = letters::write_letters_in(
        &ctx.workspace,
        &mut conn,
        &actor,
        args.kind,
        &selection,
        &path,
        language,
    )?;
    if args.json {
        return output::json(&summary);
    }
    output::say(format!(
        "Wrote {} letter(s) ({}) on {} page(s) to {}; {} skipped.",
        summary.letters,
        summary.kind.as_str(),
        summary.pages,
        path.display(),
        summary.skipped.len()
    ))?;
    for s in &summary.skipped {
        output::say(format!(
            "  skipped {} ({}): {}",
            s.participant, s.name, s.reason
        ))?;
    }
    Ok(())
}

fn show(t: &Template, json: bool) -> Result<()> {
    if json {
        return output::json(t);
    }
    output::say(format!(
        "Subject: {}\nSignatory: {}\n\n{}",
        t.subject, t.signatory, t.body
    ))
}
