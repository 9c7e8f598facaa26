//! The audit trail: every change writes an entry in the same transaction as
//! the change. Entries are hash-chained (each covers the previous entry's
//! hash), so an edited or deleted entry is detected by [`verify`].

use crate::store::{Db, Tx};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::domain::{Actor, Permission};
use crate::error::Result;
use crate::store;
use crate::store::audit::NewEntry;

/// What a change was about.
pub struct Change<'a> {
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: String,
    pub participant: Option<i64>,
}

impl<'a> Change<'a> {
    pub fn new(action: &'a str, entity: &'a str, entity_id: impl ToString) -> Self {
        Change {
            action,
            entity,
            entity_id: entity_id.to_string(),
            participant: None,
        }
    }

    pub fn participant(action: &'a str, id: i64) -> Self {
        Change {
            action,
            entity: "participant",
            entity_id: id.to_string(),
            participant: Some(id),
        }
    }

    pub fn for_participant(mut self, id: i64) -> Self {
        self.participant = Some(id);
        self
    }
}

/// Writes an audit entry inside `tx`, chained to the newest one.
pub fn record(
    tx: &Tx,
    actor: &Actor,
    at: i64,
    change: Change,
    before: Option<&impl Serialize>,
    after: Option<&impl Serialize>,
) -> Result<()> {
    record_all(tx, actor, [Record::new(at, change, before, after)?])
}

/// A change to write with [`record_all`]: when, and its before and after
/// in JSON.
pub struct Record<'a> {
    at: i64,
    change: Change<'a>,
    before: Option<String>,
    after: Option<String>,
}

impl<'a> Record<'a> {
    pub fn new(
        at: i64,
        change: Change<'a>,
        before: Option<&impl Serialize>,
        after: Option<&impl Serialize>,
    ) -> Result<Record<'a>> {
        Ok(Record {
            at,
            change,
            before: to_json(before)?,
            after: to_json(after)?,
        })
    }
}

/// Writes these entries of `actor` inside `tx`, in this order, each chained
/// to the one before: the same entries as one [`record`] each, but the
/// chain is taken once and the entries inserted together (on PostgreSQL a
/// print run's entries are a few round trips to the server, not three
/// each, and the chain, which every desk waits for, is held that long).
pub fn record_all<'a>(
    tx: &Tx,
    actor: &Actor,
    records: impl IntoIterator<Item = Record<'a>>,
) -> Result<()> {
    let records: Vec<Record> = records.into_iter().collect();
    if records.is_empty() {
        return Ok(());
    }
    // The first id first: on PostgreSQL taking it locks the chain, so the
    // head read next is the one these entries follow, and the ids after it
    // are this transaction's too.
    let first = store::audit::take_next_id(tx)?;
    let (_, mut prev_hash) = store::audit::head(tx)?;
    let mut chained = Vec::with_capacity(records.len());
    for (id, record) in (first..).zip(&records) {
        let change = &record.change;
        let entry = NewEntry {
            at: record.at,
            operator: &actor.name,
            action: change.action,
            entity: change.entity,
            entity_id: &change.entity_id,
            participant: change.participant,
            before: record.before.as_deref(),
            after: record.after.as_deref(),
        };
        let hash = entry_hash(id, &entry, &prev_hash);
        chained.push(store::audit::Chained {
            id,
            entry,
            prev_hash: std::mem::replace(&mut prev_hash, hash.clone()),
            hash,
        });
    }
    store::audit::insert_all(tx, &chained)?;
    if chained.len() > 1 {
        // The chain's counter past the ids taken beyond the first (a no-op
        // on SQLite, whose AUTOINCREMENT follows the ids inserted).
        store::audit::set_highest_id(tx, first + chained.len() as i64 - 1)?;
    }
    Ok(())
}

fn to_json(value: Option<&impl Serialize>) -> Result<Option<String>> {
    value
        .map(serde_json::to_string)
        .transpose()
        .map_err(|e| crate::Error::Other(format!("could not record the change: {e}")))
}

/// SHA-256 over the previous hash and every field, each length-prefixed so
/// that no two different entries hash the same bytes.
fn entry_hash(id: i64, e: &NewEntry, prev_hash: &[u8]) -> Vec<u8> {
    let mut h = Sha256::new();
    let mut field = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_be_bytes());
        h.update(bytes);
    };
    field(prev_hash);
    field(&id.to_be_bytes());
    field(&e.at.to_be_bytes());
    field(e.operator.as_bytes());
    field(e.action.as_bytes());
    field(e.entity.as_bytes());
    field(e.entity_id.as_bytes());
    field(&e.participant.unwrap_or(-1).to_be_bytes());
    field(e.before.unwrap_or("\u{0}").as_bytes());
    field(e.after.unwrap_or("\u{0}").as_bytes());
    h.finalize().to_vec()
}

/// Entries matching `filter`, oldest first (the audit trail as a whole is
/// for those who may read it).
pub fn list(
    conn: &Db,
    actor: &Actor,
    filter: &store::audit::Filter,
) -> Result<Vec<crate::domain::AuditEntry>> {
    actor.require(Permission::ReadAudit)?;
    store::audit::list(conn, filter)
}

/// What happened to one participant, oldest first: the history view of the
/// participant's detail, open to whoever may see the participant.
pub fn participant_history(
    conn: &Db,
    actor: &Actor,
    participant: i64,
) -> Result<Vec<crate::domain::AuditEntry>> {
    actor.require(Permission::ViewParticipants)?;
    store::audit::list(
        conn,
        &store::audit::Filter {
            participant: Some(participant),
            ..Default::default()
        },
    )
}

/// The outcome of checking the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainReport {
    pub entries: u64,
    /// The first broken entry and why, or `None` when the chain is intact.
    pub broken_at: Option<i64>,
    pub problem: Option<String>,
}

impl ChainReport {
    pub fn is_intact(&self) -> bool {
        self.broken_at.is_none()
    }
}

/// [`verify`] for an operator who may read the audit trail.
pub fn check_chain(conn: &Db, actor: &Actor) -> Result<ChainReport> {
    actor.require(Permission::ReadAudit)?;
    verify(conn)
}

fn deleted(first: i64, last: i64) -> String {
    if first == last {
        format!("entry {first} was deleted")
    } else {
        format!("entries {first} to {last} were deleted")
    }
}

/// Walks the chain from the first entry and reports the first entry that was
/// edited, or the place where entries were deleted.
pub fn verify(conn: &Db) -> Result<ChainReport> {
    let mut prev = vec![0u8; 32];
    let mut expected_id = 1i64;
    let mut entries = 0u64;
    let mut broken: Option<(i64, String)> = None;
    store::audit::for_each_raw(conn, |id, entry, prev_hash, hash| {
        if broken.is_some() {
            return Ok(());
        }
        entries += 1;
        if id != expected_id {
            broken = Some((expected_id, deleted(expected_id, id - 1)));
        } else if prev_hash != prev.as_slice() {
            broken = Some((
                id,
                format!("entry {id} does not follow the entry before it"),
            ));
        } else if entry_hash(id, &entry, prev_hash) != hash {
            broken = Some((id, format!("entry {id} was changed after it was written")));
        }
        prev = hash.to_vec();
        expected_id = id + 1;
        Ok(())
    })?;
    if broken.is_none() {
        let highest = store::audit::highest_id_ever(conn)?;
        if highest >= expected_id {
            broken = Some((expected_id, deleted(expected_id, highest)));
        }
    }
    Ok(ChainReport {
        entries,
        broken_at: broken.as_ref().map(|b| b.0),
        problem: broken.map(|b| b.1),
    })
}

/// The fields that differ, as two JSON objects (before, after): what an
/// edit's audit entry holds.
pub fn changed_fields<T: Serialize>(
    before: &T,
    after: &T,
) -> (serde_json::Value, serde_json::Value) {
    let (Ok(serde_json::Value::Object(b)), Ok(serde_json::Value::Object(a))) =
        (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return (serde_json::Value::Null, serde_json::Value::Null);
    };
    let mut old = serde_json::Map::new();
    let mut new = serde_json::Map::new();
    for (key, value) in &a {
        if b.get(key) != Some(value) {
            old.insert(
                key.clone(),
                b.get(key).cloned().unwrap_or(serde_json::Value::Null),
            );
            new.insert(key.clone(), value.clone());
        }
    }
    (old.into(), new.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(conn: &mut Db, n: usize) {
        let actor = Actor::system();
        for i in 0..n {
            let tx = conn.transaction().unwrap();
            record(
                &tx,
                &actor,
                i as i64,
                Change::participant("participant.edit", i as i64),
                Some(&serde_json::json!({"family_name": "Old"})),
                Some(&serde_json::json!({"family_name": format!("New {i}")})),
            )
            .unwrap();
            tx.commit().unwrap();
        }
    }

    #[test]
    fn intact_chain_verifies() {
        let mut conn = store::open_in_memory().unwrap();
        write(&mut conn, 5);
        let report = verify(&conn).unwrap();
        assert!(report.is_intact(), "{report:?}");
        assert_eq!(report.entries, 5);
    }

    #[test]
    fn edited_entry_is_found() {
        let mut conn = store::open_in_memory().unwrap();
        write(&mut conn, 5);
        conn.execute(
            "UPDATE audit_log SET after = '{\"family_name\":\"Forged\"}' WHERE id = 3",
            [],
        )
        .unwrap();
        let report = verify(&conn).unwrap();
        assert_eq!(report.broken_at, Some(3));
        assert!(report.problem.unwrap().contains("changed"));
    }

    #[test]
    fn deleted_entries_are_found() {
        let mut conn = store::open_in_memory().unwrap();
        write(&mut conn, 5);
        conn.execute("DELETE FROM audit_log WHERE id = 2", [])
            .unwrap();
        let report = verify(&conn).unwrap();
        assert_eq!(report.broken_at, Some(2));
        assert_eq!(report.problem.as_deref(), Some("entry 2 was deleted"));
        let mut conn = store::open_in_memory().unwrap();
        write(&mut conn, 5);
        conn.execute("DELETE FROM audit_log WHERE id = 5", [])
            .unwrap();
        let report = verify(&conn).unwrap();
        assert_eq!(report.broken_at, Some(5), "{report:?}");
    }
}
