//! Writing rows into the store, inside the import's one transaction: each row
//! is matched to the person it names (the delegation's reference, else the
//! document number, else name and date of birth within the delegation),
//! then created, updated or left unchanged, with its audit entry.

use std::collections::HashMap;

use jiff::civil::Date;
use rusqlite::Transaction;

use super::columns::HeaderMap;
use super::rows::{Keys, References, RowValues, document_key, name_key};
use super::table::RawRow;
use super::{ImportReport, Notice, NoticeKind, Problem};
use crate::audit::{self, Change};
use crate::auth::Actor;
use crate::desk::participants::changed_fields;
use crate::domain::{
    DelegationId, Participant, ParticipantDetails, ParticipantId, ParticipantStatus,
};
use crate::error::Result;
use crate::store;
use crate::store::participants::{Identity, NewState};

/// Who is already in the store (and who this file has added), by every key
/// a row may match on.
#[derive(Default)]
struct Known {
    by_reference: HashMap<(DelegationId, String), ParticipantId>,
    by_document: HashMap<String, Vec<ParticipantId>>,
    by_person: HashMap<(String, Date), Vec<ParticipantId>>,
    by_name: HashMap<(DelegationId, String), Vec<ParticipantId>>,
    who: HashMap<ParticipantId, Who>,
    /// The participants this file has named already, and on which line.
    named_at: HashMap<ParticipantId, u64>,
}

/// The keys of one known participant.
#[derive(Default)]
struct Who {
    delegation: DelegationId,
    reference: String,
    document: String,
    date_of_birth: Option<Date>,
}

/// How a row finds its person.
enum Found {
    New,
    Existing(ParticipantId, Match),
    Refused(String),
}

/// Which key matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Match {
    Reference,
    Document,
    NameAndBirth,
    /// The name alone, with no other key of the row or of the participant
    /// to confirm it (nor to contradict it).
    NameOnly,
}

impl Match {
    fn describe(self) -> &'static str {
        match self {
            Match::Reference => "reference",
            Match::Document => "document number",
            Match::NameAndBirth => "name and date of birth",
            Match::NameOnly => "name",
        }
    }
}

impl Known {
    fn load(tx: &Transaction) -> Result<Known> {
        let mut known = Known::default();
        for identity in store::participants::identities(tx)? {
            known.add(&identity);
        }
        Ok(known)
    }

    fn add(&mut self, p: &Identity) {
        fn push(ids: &mut Vec<ParticipantId>, id: ParticipantId) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        if !p.reference.is_empty() {
            self.by_reference
                .insert((p.delegation, p.reference.to_uppercase()), p.id);
        }
        let document = document_key(&p.document_number);
        if !document.is_empty() {
            push(self.by_document.entry(document.clone()).or_default(), p.id);
        }
        let name = name_key(&p.family_name, &p.given_names);
        if !name.is_empty() {
            if let Some(dob) = p.date_of_birth {
                push(self.by_person.entry((name.clone(), dob)).or_default(), p.id);
            }
            push(self.by_name.entry((p.delegation, name)).or_default(), p.id);
        }
        self.who.insert(
            p.id,
            Who {
                delegation: p.delegation,
                reference: p.reference.clone(),
                document,
                date_of_birth: p.date_of_birth,
            },
        );
    }

    fn who(&self, id: ParticipantId) -> &Who {
        static NOBODY: Who = Who {
            delegation: 0,
            reference: String::new(),
            document: String::new(),
            date_of_birth: None,
        };
        self.who.get(&id).unwrap_or(&NOBODY)
    }

    fn find(&self, delegation: DelegationId, keys: &Keys) -> Found {
        if !keys.reference.is_empty()
            && let Some(&id) = self
                .by_reference
                .get(&(delegation, keys.reference.to_uppercase()))
        {
            return Found::Existing(id, Match::Reference);
        }
        let by_document = (!keys.document.is_empty())
            .then(|| self.by_document.get(&keys.document))
            .flatten();
        let by_person = keys
            .date_of_birth
            .filter(|_| !keys.name.is_empty())
            .and_then(|dob| self.by_person.get(&(keys.name.clone(), dob)));
        for (ids, how) in [
            (by_document, Match::Document),
            (by_person, Match::NameAndBirth),
        ] {
            let same: Vec<ParticipantId> = ids
                .into_iter()
                .flatten()
                .copied()
                .filter(|&id| self.who(id).delegation == delegation)
                .collect();
            match same.as_slice() {
                [] => continue,
                [id] => {
                    let stored = &self.who(*id).reference;
                    if !keys.reference.is_empty()
                        && !stored.is_empty()
                        && !stored.eq_ignore_ascii_case(&keys.reference)
                    {
                        return Found::Refused(format!(
                            "has the same {} as participant {id} of this delegation, whose reference is {stored}, not {}: correct the reference, or the {}",
                            how.describe(),
                            keys.reference,
                            how.describe()
                        ));
                    }
                    return Found::Existing(*id, how);
                }
                several => {
                    return Found::Refused(format!(
                        "has the same {} as several participants of this delegation ({}): give the row its reference",
                        how.describe(),
                        join_ids(several)
                    ));
                }
            }
        }
        // Last: the name, with no key of either side contradicting it.
        let compatible: Vec<ParticipantId> = self
            .by_name
            .get(&(delegation, keys.name.clone()))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&id| {
                let w = self.who(id);
                (w.reference.is_empty() || keys.reference.is_empty())
                    && (w.document.is_empty() || keys.document.is_empty())
                    && (w.date_of_birth.is_none() || keys.date_of_birth.is_none())
            })
            .collect();
        match compatible.as_slice() {
            [] => Found::New,
            [id] => Found::Existing(*id, Match::NameOnly),
            several => Found::Refused(format!(
                "has the same name as several participants of this delegation ({}): give the row its reference, document number or date of birth",
                join_ids(several)
            )),
        }
    }

    /// Someone of another delegation with the same document number, or the
    /// same name and date of birth: reported, never merged.
    fn likely_duplicate(
        &self,
        delegation: DelegationId,
        keys: &Keys,
    ) -> Option<(ParticipantId, &'static str)> {
        let by_document = (!keys.document.is_empty())
            .then(|| self.by_document.get(&keys.document))
            .flatten()
            .map(|ids| (ids, "document number"));
        let by_person = keys
            .date_of_birth
            .filter(|_| !keys.name.is_empty())
            .and_then(|dob| self.by_person.get(&(keys.name.clone(), dob)))
            .map(|ids| (ids, "name and date of birth"));
        [by_document, by_person]
            .into_iter()
            .flatten()
            .find_map(|(ids, how)| {
                ids.iter()
                    .find(|&&id| self.who(id).delegation != delegation)
                    .map(|&id| (id, how))
            })
    }
}

fn join_ids(ids: &[ParticipantId]) -> String {
    ids.iter()
        .map(|id| id.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Imports rows one by one inside the caller's transaction.
pub struct Writer<'a> {
    tx: &'a Transaction<'a>,
    actor: &'a Actor,
    now: i64,
    refs: References,
    header: HeaderMap,
    known: Known,
}

impl<'a> Writer<'a> {
    pub fn new(
        tx: &'a Transaction<'a>,
        actor: &'a Actor,
        now: i64,
        refs: References,
        header: HeaderMap,
    ) -> Result<Writer<'a>> {
        Ok(Writer {
            tx,
            actor,
            now,
            refs,
            header,
            known: Known::load(tx)?,
        })
    }

    /// Imports one data row, counting it in `report`.
    pub fn row(&mut self, raw: &RawRow, report: &mut ImportReport) -> Result<()> {
        report.rows += 1;
        let mut values = RowValues::read(raw, &self.header);
        let expected = self
            .header
            .names
            .iter()
            .rposition(|n| !n.is_empty())
            .map_or(0, |i| i + 1);
        if raw.unterminated && raw.cells.len() < expected {
            values.problems.push(Problem::row(
                raw.line,
                format!(
                    "the row stops after {} of {expected} columns and the file does not end with a line break: the file looks cut off; ask for it again",
                    raw.cells.len()
                ),
            ));
            return reject(report, values.problems);
        }
        let Some(delegation) = values.delegation(&self.header, &self.refs) else {
            return reject(report, values.problems);
        };
        let keys = values.keys();
        let existing = match self.known.find(delegation, &keys) {
            Found::New => None,
            Found::Existing(id, how) => {
                if let Some(line) = self.known.named_at.get(&id) {
                    let problem = Problem::row(
                        raw.line,
                        format!(
                            "names the same person as line {line} (same {}); only line {line} was taken",
                            how.describe()
                        ),
                    );
                    values.problems.push(problem);
                    return reject(report, values.problems);
                }
                Some((store::participants::get(self.tx, id)?, how))
            }
            Found::Refused(reason) => {
                values.problems.push(Problem::row(raw.line, reason));
                return reject(report, values.problems);
            }
        };
        let mut details = match &existing {
            Some((p, _)) => p.details.clone(),
            None => ParticipantDetails {
                delegation,
                ..Default::default()
            },
        };
        values.apply(&self.header, &self.refs, &mut details, existing.is_none());
        values.validate(&self.header, &self.refs, &details);
        if !values.problems.is_empty() {
            return reject(report, values.problems);
        }
        match existing {
            None => self.create(raw.line, delegation, &keys, details, report),
            Some((before, how)) => self.update(raw.line, before, how, details, report),
        }
    }

    fn create(
        &mut self,
        line: u64,
        delegation: DelegationId,
        keys: &Keys,
        details: ParticipantDetails,
        report: &mut ImportReport,
    ) -> Result<()> {
        if let Some((other, how)) = self.known.likely_duplicate(delegation, keys) {
            let other_delegation = self.refs.delegation_code(self.known.who(other).delegation);
            report.notices.push(Notice {
                line,
                participant: Some(other),
                kind: NoticeKind::Duplicate,
                message: format!(
                    "likely the same person as participant {other} of {other_delegation} (same {how}); imported separately, not merged: check with both delegations"
                ),
            });
        }
        let id = store::participants::insert(self.tx, &details, &NewState::NOMINATED, self.now)?;
        audit::record(
            self.tx,
            self.actor,
            self.now,
            Change::participant("participant.import", id),
            None::<&()>,
            Some(&details),
        )?;
        self.remember(id, &details, line);
        report.imported += 1;
        report.participants.push(id);
        Ok(())
    }

    fn update(
        &mut self,
        line: u64,
        before: Participant,
        how: Match,
        details: ParticipantDetails,
        report: &mut ImportReport,
    ) -> Result<()> {
        let id = before.id;
        self.remember(id, &details, line);
        if before.details == details {
            report.unchanged += 1;
            return Ok(());
        }
        store::participants::update(self.tx, id, &details, self.now)?;
        let (old, new) = changed_fields(&before.details, &details);
        audit::record(
            self.tx,
            self.actor,
            self.now,
            Change::participant("participant.import", id),
            Some(&old),
            Some(&new),
        )?;
        report.updated += 1;
        report.participants.push(id);
        if how == Match::NameOnly {
            report.notices.push(Notice {
                line,
                participant: Some(id),
                kind: NoticeKind::NameOnly,
                message: format!(
                    "updated participant {id}, recognised by name alone (neither has a reference, document number or date of birth to confirm it): check it is the same person"
                ),
            });
        }
        if matches!(
            before.status,
            ParticipantStatus::Rejected | ParticipantStatus::Cancelled
        ) {
            report.notices.push(Notice {
                line,
                participant: Some(id),
                kind: NoticeKind::Status,
                message: format!(
                    "participant {id} is {}: the details were updated, the status stays {}",
                    before.status, before.status
                ),
            });
        }
        if before.status == ParticipantStatus::Approved {
            let changes = badge_changes(self.tx, &before.details, &details)?;
            if !changes.is_empty()
                && let Some(badge) = store::badges::active_for(self.tx, id)?
            {
                report.notices.push(Notice {
                    line,
                    participant: Some(id),
                    kind: NoticeKind::Reprint,
                    message: format!(
                        "badge needs a reprint: badge {} of participant {id} shows the old {} (reprint it with reason data-change)",
                        badge.serial,
                        changes.join(", ")
                    ),
                });
            }
        }
        Ok(())
    }

    fn remember(&mut self, id: ParticipantId, d: &ParticipantDetails, line: u64) {
        self.known.add(&Identity {
            id,
            delegation: d.delegation,
            reference: d.reference.clone(),
            document_number: d.document.number.clone(),
            given_names: d.given_names.clone(),
            family_name: d.family_name.clone(),
            date_of_birth: d.date_of_birth,
        });
        self.known.named_at.insert(id, line);
    }
}

/// Counts the row as rejected, with its problems.
fn reject(report: &mut ImportReport, problems: Vec<Problem>) -> Result<()> {
    report.rejected += 1;
    report.problems.extend(problems);
    Ok(())
}

/// What a badge shows that the new details change.
fn badge_changes(
    tx: &Transaction,
    before: &ParticipantDetails,
    after: &ParticipantDetails,
) -> Result<Vec<&'static str>> {
    let mut changes = Vec::new();
    if before.printed_name() != after.printed_name() {
        changes.push("name");
    }
    if before.function.trim() != after.function.trim() {
        changes.push("function");
    }
    if before.delegation != after.delegation {
        changes.push("delegation");
    }
    if before.category != after.category {
        changes.push("category");
    }
    let zones = |d: &ParticipantDetails| -> Result<_> {
        Ok(d.zones(store::categories::get(tx, d.category)?.default_zones))
    };
    if zones(before)? != zones(after)? {
        changes.push("zones");
    }
    Ok(changes)
}
