//! Writing rows into the store, inside the import's one transaction: each row
//! is matched to the person it names (the delegation's reference, else the
//! document number, else name and date of birth within the delegation),
//! then created, updated or left unchanged, with its audit entry.

use super::columns::HeaderMap;
use super::known::{Found, Known, Match};
use super::rows::{Keys, References, RowValues};
use super::table::RawRow;
use super::{ImportReport, Notice, NoticeKind, Problem};
use crate::audit::changed_fields;
use crate::audit::{self, Change};
use crate::auth::Actor;
use crate::domain::{
    DelegationId, Participant, ParticipantDetails, ParticipantId, ParticipantStatus,
};
use crate::error::Result;
use crate::store;
use crate::store::Tx;
use crate::store::participants::{Identity, NewState};

/// Imports rows one by one inside the caller's transaction.
pub struct Writer<'a> {
    tx: &'a Tx<'a>,
    actor: &'a Actor,
    now: i64,
    refs: References,
    header: HeaderMap,
    known: Known,
}

impl<'a> Writer<'a> {
    pub fn new(
        tx: &'a Tx<'a>,
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
            known: Known::load(store::participants::identities(tx)?),
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
                if let Some(line) = self.known.named_on(id) {
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
                let p = store::participants::get(self.tx, id)?;
                // The index compares hashes: a collision is no match.
                how.confirmed(&keys, &p).then_some((p, how))
            }
            Found::OtherReference(id, how) => {
                let stored = store::participants::get(self.tx, id)?.details.reference;
                let how = how.describe();
                values.problems.push(Problem::row(
                    raw.line,
                    format!(
                        "has the same {how} as participant {id} of this delegation, whose reference is {stored}, not {}: correct the reference, or the {how}",
                        keys.reference
                    ),
                ));
                return reject(report, values.problems);
            }
            Found::Several(ids, how) => {
                let ids = ids
                    .iter()
                    .map(|id| id.to_string())
                    .collect::<Vec<_>>()
                    .join(", ");
                let what = match how {
                    Match::NameOnly => {
                        "give the row its reference, document number or date of birth"
                    }
                    _ => "give the row its reference",
                };
                values.problems.push(Problem::row(
                    raw.line,
                    format!(
                        "has the same {} as several participants of this delegation ({ids}): {what}",
                        how.describe()
                    ),
                ));
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
            let other_delegation = self.refs.delegation_code(self.known.delegation_of(other));
            let how = how.describe();
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
        report.note_delegation(self.refs.delegation_code(details.delegation));
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
        report.note_delegation(self.refs.delegation_code(details.delegation));
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
        self.known.named(id, line);
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
    tx: &Tx,
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
