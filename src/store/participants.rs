use std::collections::HashMap;

use super::{Db, Row, Tx};
use super::{date_from_sql, parse_column};
use crate::domain::{
    CategoryId, DelegationId, IdDocument, Participant, ParticipantDetails, ParticipantId,
    ParticipantStatus, ZoneSet,
};
use crate::error::{Error, Result};
use crate::params;

const COLUMNS: &str = "p.id, p.delegation_id, p.category_id, p.given_names, p.family_name,
    p.badge_name, p.function, p.gender, p.nationality, p.date_of_birth, p.document_type,
    p.document_number, p.document_expiry, p.email, p.phone, p.photo_hash, p.status,
    p.status_reason, p.zones_added, p.zones_removed, p.notes, p.reference, p.created_at,
    p.updated_at";

fn from_row(r: &Row) -> Result<Participant> {
    let gender: String = r.get(7)?;
    let photo: Option<Vec<u8>> = r.get(15)?;
    Ok(Participant {
        id: r.get(0)?,
        details: ParticipantDetails {
            delegation: r.get(1)?,
            category: r.get(2)?,
            given_names: r.get(3)?,
            family_name: r.get(4)?,
            badge_name: r.get(5)?,
            function: r.get(6)?,
            gender: gender.parse().unwrap_or_default(),
            nationality: r.get(8)?,
            date_of_birth: date_from_sql(r.get(9)?),
            document: IdDocument {
                kind: parse_column(10, r.get(10)?)?,
                number: r.get(11)?,
                expiry: date_from_sql(r.get(12)?),
            },
            email: r.get(13)?,
            phone: r.get(14)?,
            zones_added: ZoneSet::from_sql(r.get(18)?),
            zones_removed: ZoneSet::from_sql(r.get(19)?),
            notes: r.get(20)?,
            reference: r.get(21)?,
        },
        photo: photo.and_then(|h| h.try_into().ok()),
        status: parse_column(16, r.get(16)?)?,
        status_reason: r.get(17)?,
        created_at: r.get(22)?,
        updated_at: r.get(23)?,
    })
}

/// Which participants a listing shows; `None` means any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub delegation: Option<DelegationId>,
    pub category: Option<CategoryId>,
    pub status: Option<ParticipantStatus>,
}

pub fn find(conn: &Db, id: ParticipantId) -> Result<Option<Participant>> {
    conn.query_opt(
        &format!("SELECT {COLUMNS} FROM participants p WHERE p.id = ?1"),
        [id],
        from_row,
    )
}

pub fn get(conn: &Db, id: ParticipantId) -> Result<Participant> {
    find(conn, id)?.ok_or_else(|| Error::not_found("participant", id))
}

/// Participants matching `filter`, by delegation then family name.
pub fn list(conn: &Db, filter: &Filter) -> Result<Vec<Participant>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM participants p JOIN delegations d ON d.id = p.delegation_id
         WHERE (CAST(?1 AS BIGINT) IS NULL OR p.delegation_id = ?1)
           AND (CAST(?2 AS BIGINT) IS NULL OR p.category_id = ?2)
           AND (CAST(?3 AS TEXT) IS NULL OR p.status = ?3)
         ORDER BY d.code, p.family_name, p.given_names, p.id"
    ))?;
    let rows = stmt
        .query_map(
            params![
                filter.delegation,
                filter.category,
                filter.status.map(|s| s.as_str())
            ],
            from_row,
        )?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// These participants, in the order asked; an id that names no one is an
/// error. On PostgreSQL one statement reads them all (a print run's plan
/// reads a delegation in one round trip, not one per person).
pub fn get_many(conn: &Db, ids: &[ParticipantId]) -> Result<Vec<Participant>> {
    if conn.is_sqlite() {
        return get_each(conn, ids);
    }
    let found = by_ids(conn, ids, "")?;
    ids.iter()
        .map(|id| {
            found
                .get(id)
                .cloned()
                .ok_or_else(|| Error::not_found("participant", id))
        })
        .collect()
}

/// One statement per id: SQLite answers in-process, so one round trip
/// each costs nothing there.
fn get_each(conn: &Db, ids: &[ParticipantId]) -> Result<Vec<Participant>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM participants p WHERE p.id = ?1"
    ))?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        match stmt.query_opt([id], from_row)? {
            Some(p) => out.push(p),
            None => return Err(Error::not_found("participant", id)),
        }
    }
    Ok(out)
}

/// Those of `ids` that exist, by id, read in one statement (PostgreSQL),
/// with `lock` (e.g. `FOR SHARE`) on their rows, taken in id order.
fn by_ids(
    conn: &Db,
    ids: &[ParticipantId],
    lock: &str,
) -> Result<HashMap<ParticipantId, Participant>> {
    super::keyed_rows(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM participants p
             WHERE p.id = ANY(CAST(string_to_array(?1, ',') AS BIGINT[]))
             ORDER BY p.id {lock}"
        ),
        ids,
        from_row,
        |p| p.id,
    )
}

/// Holds these participants' rows until the transaction ends, so that what
/// it read of them (status, details, photo) stays true until it commits: no
/// other writer changes them meanwhile (PostgreSQL, READ COMMITTED: shared
/// row locks, in id order; readers and the foreign keys of scans are not
/// held. On SQLite the write transaction already holds every other writer).
/// Gives the rows held, by id (an id that names no one is absent), read
/// with their locks in one statement.
pub fn hold(tx: &Tx, ids: &[ParticipantId]) -> Result<HashMap<ParticipantId, Participant>> {
    if tx.is_sqlite() {
        return super::found_each(ids, |id| find(tx, id), |p| p.id);
    }
    by_ids(tx, ids, "FOR SHARE")
}

/// The status and photo of a participant being created.
pub struct NewState<'a> {
    pub status: ParticipantStatus,
    pub status_reason: &'a str,
    pub photo: Option<&'a [u8; 32]>,
}

impl NewState<'_> {
    pub const NOMINATED: NewState<'static> = NewState {
        status: ParticipantStatus::Nominated,
        status_reason: "",
        photo: None,
    };
}

pub fn insert(
    conn: &Db,
    d: &ParticipantDetails,
    state: &NewState,
    now: i64,
) -> Result<ParticipantId> {
    conn.insert_returning_id(
        "INSERT INTO participants (delegation_id, category_id, given_names, family_name,
            badge_name, function, gender, nationality, date_of_birth, document_type,
            document_number, document_expiry, email, phone, status, zones_added, zones_removed,
            notes, reference, created_at, updated_at, status_reason, photo_hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
            ?18, ?19, ?20, ?20, ?21, ?22)
         RETURNING id",
        params![
            d.delegation,
            d.category,
            d.given_names,
            d.family_name,
            d.badge_name,
            d.function,
            d.gender.as_str(),
            d.nationality,
            d.date_of_birth.map(|v| v.to_string()),
            d.document.kind.as_str(),
            d.document.number,
            d.document.expiry.map(|v| v.to_string()),
            d.email,
            d.phone,
            state.status.as_str(),
            d.zones_added.to_sql(),
            d.zones_removed.to_sql(),
            d.notes,
            d.reference,
            now,
            state.status_reason,
            state.photo.map(|h| &h[..]),
        ],
    )
}

pub fn update(conn: &Db, id: ParticipantId, d: &ParticipantDetails, now: i64) -> Result<()> {
    let changed = conn
        .prepare_cached(
            "UPDATE participants SET delegation_id = ?2, category_id = ?3, given_names = ?4,
            family_name = ?5, badge_name = ?6, function = ?7, gender = ?8, nationality = ?9,
            date_of_birth = ?10, document_type = ?11, document_number = ?12,
            document_expiry = ?13, email = ?14, phone = ?15, zones_added = ?16,
            zones_removed = ?17, notes = ?18, reference = ?19, updated_at = ?20
         WHERE id = ?1",
        )?
        .execute(params![
            id,
            d.delegation,
            d.category,
            d.given_names,
            d.family_name,
            d.badge_name,
            d.function,
            d.gender.as_str(),
            d.nationality,
            d.date_of_birth.map(|v| v.to_string()),
            d.document.kind.as_str(),
            d.document.number,
            d.document.expiry.map(|v| v.to_string()),
            d.email,
            d.phone,
            d.zones_added.to_sql(),
            d.zones_removed.to_sql(),
            d.notes,
            d.reference,
            now,
        ])?;
    if changed == 0 {
        return Err(Error::not_found("participant", id));
    }
    Ok(())
}

pub fn set_status(
    conn: &Db,
    id: ParticipantId,
    status: ParticipantStatus,
    reason: &str,
    now: i64,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE participants SET status = ?2, status_reason = ?3, updated_at = ?4 WHERE id = ?1",
    )?
    .execute(params![id, status.as_str(), reason, now])?;
    Ok(())
}

pub fn set_photo(conn: &Db, id: ParticipantId, hash: Option<&[u8; 32]>, now: i64) -> Result<()> {
    conn.prepare_cached("UPDATE participants SET photo_hash = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, hash.map(|h| &h[..]), now])?;
    Ok(())
}

/// The participant a delegation knows by `reference`.
pub fn find_by_reference(
    conn: &Db,
    delegation: DelegationId,
    reference: &str,
) -> Result<Option<ParticipantId>> {
    conn
        .prepare_cached(
            "SELECT id FROM participants WHERE delegation_id = ?1 AND reference = ?2 AND reference <> ''",
        )?
        .query_opt(params![delegation, reference], |r| r.get(0))
}

/// Participants holding a document with this number (any delegation).
pub fn find_by_document(conn: &Db, number: &str) -> Result<Vec<ParticipantId>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM participants WHERE document_number = ?1 AND document_number <> '' ORDER BY id",
    )?;
    let ids = stmt
        .query_map([number], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(ids)
}

/// What a re-import recognises a participant by.
pub struct Identity {
    pub id: ParticipantId,
    pub delegation: DelegationId,
    pub reference: String,
    pub document_number: String,
    pub given_names: String,
    pub family_name: String,
    pub date_of_birth: Option<jiff::civil::Date>,
}

/// Every participant's identity, in one pass (an import loads them once
/// instead of looking each row up).
pub fn identities(conn: &Db) -> Result<Vec<Identity>> {
    let mut stmt = conn.prepare(
        "SELECT id, delegation_id, reference, document_number, given_names, family_name,
            date_of_birth FROM participants ORDER BY id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Identity {
                id: r.get(0)?,
                delegation: r.get(1)?,
                reference: r.get(2)?,
                document_number: r.get(3)?,
                given_names: r.get(4)?,
                family_name: r.get(5)?,
                date_of_birth: date_from_sql(r.get(6)?),
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Visits every participant by delegation code then family name, one at a
/// time (exports of 100,000 participants hold one in memory, not all).
pub fn for_each(conn: &Db, mut visit: impl FnMut(Participant) -> Result<()>) -> Result<()> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM participants p JOIN delegations d ON d.id = p.delegation_id
         ORDER BY d.code, p.family_name, p.given_names, p.id"
    ))?;
    stmt.query_each([], |row| visit(from_row(row)?))
}

/// How many participants are in each status.
pub fn count_by_status(conn: &Db) -> Result<Vec<(ParticipantStatus, u64)>> {
    let mut stmt =
        conn.prepare_cached("SELECT status, count(*) FROM participants GROUP BY status")?;
    let mut counts: Vec<(ParticipantStatus, u64)> = ParticipantStatus::ALL.map(|s| (s, 0)).to_vec();
    for row in stmt.query_map([], |r| Ok((r.get::<String>(0)?, r.get::<i64>(1)? as u64)))? {
        let (status, n) = row?;
        if let Ok(status) = status.parse::<ParticipantStatus>()
            && let Some(slot) = counts.iter_mut().find(|(s, _)| *s == status)
        {
            slot.1 = n;
        }
    }
    Ok(counts)
}

/// What the search index needs of every participant.
pub struct SearchSource {
    pub id: ParticipantId,
    pub given_names: String,
    pub family_name: String,
    pub badge_name: String,
    pub document_number: String,
    pub reference: String,
}

pub fn search_sources(conn: &Db) -> Result<Vec<SearchSource>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, given_names, family_name, badge_name, document_number, reference
         FROM participants ORDER BY id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(SearchSource {
                id: r.get(0)?,
                given_names: r.get(1)?,
                family_name: r.get(2)?,
                badge_name: r.get(3)?,
                document_number: r.get(4)?,
                reference: r.get(5)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Every participant as the desk's table shows it, ordered by id (the same
/// order as [`search_sources`]).
pub fn rows(conn: &Db) -> Result<Vec<crate::domain::ParticipantRow>> {
    use crate::domain::ParticipantRow;
    use crate::search::sort_name;
    let mut stmt = conn.prepare(
        "SELECT p.id, p.given_names, p.family_name, p.badge_name, p.delegation_id, d.code,
            p.category_id, c.code, c.colour, p.status, b.serial, b.collected_at IS NOT NULL
         FROM participants p
         JOIN delegations d ON d.id = p.delegation_id
         JOIN categories c ON c.id = p.category_id
         LEFT JOIN badges b ON b.participant_id = p.id AND b.status = 'active'
         ORDER BY p.id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            let details = ParticipantDetails {
                given_names: r.get(1)?,
                family_name: r.get(2)?,
                badge_name: r.get(3)?,
                ..Default::default()
            };
            let colour: String = r.get(8)?;
            Ok(ParticipantRow {
                id: r.get(0)?,
                name: details.display_name(),
                sort_name: sort_name(&details.family_name, &details.given_names),
                delegation_id: r.get(4)?,
                delegation: r.get(5)?,
                category_id: r.get(6)?,
                category: r.get(7)?,
                category_colour: crate::domain::Colour::parse(&colour).unwrap_or(
                    crate::domain::Colour {
                        r: 128,
                        g: 128,
                        b: 128,
                    },
                ),
                status: parse_column(9, r.get(9)?)?,
                badge_serial: r.get::<Option<i64>>(10)?.map(|s| s as u64),
                collected: r.get::<Option<bool>>(11)?.unwrap_or(false),
                // Filled in by `Listing::load`, which knows the event's rule.
                clearance: None,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// How many participants of one delegation, category and status there are,
/// and how many of them hold an active badge that was printed or collected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupCount {
    pub delegation: DelegationId,
    pub category: CategoryId,
    pub status: ParticipantStatus,
    pub participants: u64,
    pub printed: u64,
    pub collected: u64,
}

/// One [`GroupCount`] per (delegation, category, status) that has participants.
pub fn count_by_group(conn: &Db) -> Result<Vec<GroupCount>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.delegation_id, p.category_id, p.status, count(*),
            coalesce(sum(CASE WHEN b.print_count > 0 THEN 1 ELSE 0 END), 0), count(b.collected_at)
         FROM participants p
         LEFT JOIN badges b ON b.participant_id = p.id AND b.status = 'active'
         GROUP BY p.delegation_id, p.category_id, p.status",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(GroupCount {
                delegation: r.get(0)?,
                category: r.get(1)?,
                status: parse_column(2, r.get(2)?)?,
                participants: r.get::<i64>(3)? as u64,
                printed: r.get::<i64>(4)? as u64,
                collected: r.get::<i64>(5)? as u64,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}
