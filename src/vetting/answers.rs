//! Reading the security service's answers back: the file sent (CSV or a
//! workbook, in any encoding, as `import` reads nominations) with its
//! `clearance` column filled in — `cleared`, `refused` or
//! `more-information`, or the usual French and Vietnamese words — and a
//! `reason`. Rows are matched by `reference`. Every row is checked and the
//! report names each problem with its line; the good rows are written in
//! one transaction, audited, and a refusal revokes the holder's active badge.

use crate::store::{Db, Tx};
use std::collections::HashSet;
use std::path::Path;

use serde::Serialize;

use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::domain::{BadgeSerial, ClearanceState, ParticipantId, clean_text};
use crate::error::{Error, Result};
use crate::store;
use crate::transfer::import::decode::{self, Content};
use crate::transfer::import::display_name;
use crate::transfer::import::table::{CsvRows, RawRow, Rows, Workbook};

/// A row that was not applied, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerProblem {
    /// The line of the CSV file, or the sheet's row number.
    pub line: u64,
    pub reference: String,
    pub reason: String,
}

/// What reading the answers did. Field names are part of the CLI's JSON
/// interface.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AnswersReport {
    pub file: String,
    pub sha256: String,
    pub dry_run: bool,
    /// Rows after the header that were not blank.
    pub rows: usize,
    pub cleared: usize,
    pub refused: usize,
    pub more_information: usize,
    /// Rows that repeat the answer already stored.
    pub unchanged: usize,
    /// Rows with no answer yet: those people keep waiting.
    pub unanswered: usize,
    /// Those rows, each with its line and reference.
    pub unanswered_rows: Vec<AnswerProblem>,
    /// Badges revoked because their holder was refused.
    pub revoked: Vec<BadgeSerial>,
    pub problems: Vec<AnswerProblem>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Reference,
    Clearance,
    Reason,
}

const ALIASES: [(Field, &[&str]); 3] = [
    (
        Field::Reference,
        &[
            "reference",
            "ref",
            "tham chieu",
            "ma tham chieu",
            "so tham chieu",
        ],
    ),
    (
        Field::Clearance,
        &[
            "clearance",
            "answer",
            "decision",
            "result",
            "avis",
            "reponse",
            "resultat",
            "habilitation",
            "ket qua",
            "ket luan",
            "y kien",
        ],
    ),
    (
        Field::Reason,
        &[
            "reason",
            "comment",
            "comments",
            "remarks",
            "motif",
            "raison",
            "commentaire",
            "observations",
            "ly do",
            "ghi chu",
        ],
    ),
];

/// Header text folded: accents and case dropped, words kept.
fn fold(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .map(crate::search::fold_word)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn field_of(header: &str) -> Option<Field> {
    let folded = fold(header);
    ALIASES
        .iter()
        .find(|(_, names)| names.contains(&folded.as_str()))
        .map(|(f, _)| *f)
}

struct Header {
    reference: usize,
    clearance: usize,
    reason: Option<usize>,
}

fn header_of(row: &RawRow) -> Option<Header> {
    let mut reference = None;
    let mut clearance = None;
    let mut reason = None;
    for (i, cell) in row.cells.iter().enumerate() {
        match field_of(cell) {
            Some(Field::Reference) => reference = reference.or(Some(i)),
            Some(Field::Clearance) => clearance = clearance.or(Some(i)),
            Some(Field::Reason) => reason = reason.or(Some(i)),
            None => {}
        }
    }
    Some(Header {
        reference: reference?,
        clearance: clearance?,
        reason,
    })
}

/// Reads the answers in `path` and applies them; with `dry_run`, the same
/// work is rolled back, so the report tells exactly what would happen.
pub fn import_answers(
    conn: &mut Db,
    actor: &Actor,
    path: &Path,
    dry_run: bool,
) -> Result<AnswersReport> {
    actor.require(Permission::RunVetting)?;
    let scan = decode::scan(path)?;
    let started = AnswersReport {
        file: display_name(path),
        sha256: hex::encode(scan.sha256),
        dry_run,
        ..Default::default()
    };
    let now = crate::clock::now();
    // A try that meets another desk starts over: the file is read again
    // from its start, into a report of its own.
    conn.write_or_dry_run(dry_run, |tx| {
        let mut report = started.clone();
        match scan.content {
            Content::Text { encoding, .. } => {
                let (csv, _) = CsvRows::open(path, encoding)?;
                apply(tx, actor, now, &mut Rows::Csv(csv), &mut report)?;
            }
            Content::Workbook => {
                let mut book = Workbook::open(path)?;
                let sheets = book.sheet_names();
                let mut done = false;
                for sheet in &sheets {
                    let mut rows = Rows::Sheet(book.rows(sheet)?);
                    if apply(tx, actor, now, &mut rows, &mut report)? {
                        done = true;
                        break;
                    }
                }
                if !done {
                    return Err(no_header(&report.file));
                }
            }
        }
        Ok(report)
    })
}

fn no_header(file: &str) -> Error {
    Error::Refused(format!(
        "{file} has no header with a \"reference\" and a \"clearance\" column in its first {} rows: is it the list that `accredit vetting export` wrote?",
        crate::transfer::import::HEADER_SEARCH_ROWS
    ))
}

/// Finds the header, then checks and writes the rows after it inside `tx`.
/// `false` when these rows have no header (another sheet may).
fn apply(
    tx: &Tx,
    actor: &Actor,
    now: i64,
    rows: &mut Rows,
    report: &mut AnswersReport,
) -> Result<bool> {
    let mut header = None;
    let mut seen = 0;
    while let Some(row) = rows.next_row()? {
        if row.is_blank() {
            continue;
        }
        if let Some(h) = header_of(&row) {
            header = Some(h);
            break;
        }
        seen += 1;
        if seen >= crate::transfer::import::HEADER_SEARCH_ROWS {
            break;
        }
    }
    let Some(header) = header else {
        if matches!(rows, Rows::Csv(_)) {
            return Err(no_header(&report.file));
        }
        return Ok(false);
    };
    let event = store::event::get(tx)?;
    let mut seen_people: HashSet<ParticipantId> = HashSet::new();
    while let Some(row) = rows.next_row()? {
        if row.is_blank() {
            continue;
        }
        report.rows += 1;
        let cell = |i: usize| row.cells.get(i).map(|c| c.trim()).unwrap_or_default();
        let reference = cell(header.reference).to_string();
        let problem = |reason: String| AnswerProblem {
            line: row.line,
            reference: reference.clone(),
            reason,
        };
        if let Some((_, issue)) = row
            .issues
            .iter()
            .find(|(c, _)| *c == header.reference || *c == header.clearance)
        {
            report.problems.push(problem(issue.clone()));
            continue;
        }
        if reference.is_empty() {
            report
                .problems
                .push(problem("the reference is empty".into()));
            continue;
        }
        let Some(id) = super::parse_reference(event.code.as_str(), &reference) else {
            report.problems.push(problem(format!(
                "\"{reference}\" is not a reference of this event (they look like {})",
                super::reference(event.code.as_str(), 123)
            )));
            continue;
        };
        if store::participants::find(tx, id)?.is_none() {
            report.problems.push(problem(format!(
                "unknown reference \"{reference}\": no such participant"
            )));
            continue;
        }
        if !seen_people.insert(id) {
            report.problems.push(problem(format!(
                "reference \"{reference}\" is answered twice in this file; only its first row counts"
            )));
            continue;
        }
        let answer_text = cell(header.clearance);
        if answer_text.is_empty() {
            report.unanswered += 1;
            report.unanswered_rows.push(problem(
                "no answer in the clearance column: this person keeps waiting".into(),
            ));
            continue;
        }
        let Some(answer) = ClearanceState::parse_answer(answer_text) else {
            report.problems.push(problem(format!(
                "\"{answer_text}\" is not an answer: write cleared, refused or more-information"
            )));
            continue;
        };
        let current = store::vetting::get(tx, id)?;
        if current.state == ClearanceState::NotSent {
            report.problems.push(problem(format!(
                "participant {id} was never sent to security: this answer is for someone not on any list"
            )));
            continue;
        }
        let reason = header
            .reason
            .map(|i| clean_text(cell(i)))
            .unwrap_or_default();
        if answer == ClearanceState::MoreInformation && reason.is_empty() {
            report.problems.push(problem(
                "more information is requested, but the reason column does not say what".into(),
            ));
            continue;
        }
        if current.state == answer && current.reason == reason {
            report.unchanged += 1;
            continue;
        }
        store::vetting::set_answer(tx, id, answer, &reason, now, &actor.name)?;
        // The reason stays out of the audit entry, which clerks see in the
        // participant's history; the file's hash on `vetting.answers` says
        // where it came from.
        audit::record(
            tx,
            actor,
            now,
            Change::new("participant.clearance", "participant", id).for_participant(id),
            Some(&serde_json::json!({"clearance": current.state.as_str()})),
            Some(&serde_json::json!({"clearance": answer.as_str(), "batch": current.batch})),
        )?;
        match answer {
            ClearanceState::Cleared => report.cleared += 1,
            ClearanceState::Refused => {
                report.refused += 1;
                if let Some(serial) = super::revoke_after_refusal(tx, actor, id, now)? {
                    report.revoked.push(serial);
                }
            }
            _ => report.more_information += 1,
        }
    }
    audit::record(
        tx,
        actor,
        now,
        Change::new("vetting.answers", "import", &report.sha256),
        None::<&()>,
        Some(&serde_json::json!({
            "file": report.file,
            "sha256": report.sha256,
            "rows": report.rows,
            "cleared": report.cleared,
            "refused": report.refused,
            "more_information": report.more_information,
            "unchanged": report.unchanged,
            "unanswered": report.unanswered,
            "problems": report.problems.len(),
            "revoked": report.revoked,
        })),
    )?;
    Ok(true)
}
