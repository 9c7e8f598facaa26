use super::{Db, Row, Tx};
use crate::params;
use std::collections::HashMap;

use super::parse_column;
use crate::domain::{Delegation, DelegationId, Quota, normalise_code};
use crate::error::Result;

const COLUMNS: &str = "id, code, name, kind, focal_point_name, focal_point_email";

fn from_row(r: &Row) -> Result<Delegation> {
    Ok(Delegation {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        kind: parse_column(3, r.get(3)?)?,
        focal_point_name: r.get(4)?,
        focal_point_email: r.get(5)?,
        quotas: Vec::new(),
    })
}

/// Every delegation with its quotas, ordered by code.
pub fn list(conn: &Db) -> Result<Vec<Delegation>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM delegations ORDER BY code"))?;
    let mut delegations: Vec<Delegation> =
        stmt.query_map([], from_row)?.collect::<Result<_, _>>()?;
    let mut quotas: HashMap<DelegationId, Vec<Quota>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT delegation_id, category_id, quota FROM delegation_quotas ORDER BY category_id",
    )?;
    for row in stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))? {
        let (delegation, category, max) = row?;
        quotas
            .entry(delegation)
            .or_default()
            .push(Quota { category, max });
    }
    for d in &mut delegations {
        d.quotas = quotas.remove(&d.id).unwrap_or_default();
    }
    Ok(delegations)
}

fn with_quotas(conn: &Db, mut d: Delegation) -> Result<Delegation> {
    let mut stmt = conn.prepare_cached(
        "SELECT category_id, quota FROM delegation_quotas WHERE delegation_id = ?1 ORDER BY category_id",
    )?;
    d.quotas = stmt
        .query_map([d.id], |r| {
            Ok(Quota {
                category: r.get(0)?,
                max: r.get(1)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(d)
}

pub fn get(conn: &Db, id: DelegationId) -> Result<Delegation> {
    let d = conn.query_row(
        &format!("SELECT {COLUMNS} FROM delegations WHERE id = ?1"),
        [id],
        from_row,
    )?;
    with_quotas(conn, d)
}

pub fn find(conn: &Db, id: DelegationId) -> Result<Option<Delegation>> {
    let found = conn.query_opt(
        &format!("SELECT {COLUMNS} FROM delegations WHERE id = ?1"),
        [id],
        from_row,
    )?;
    found.map(|d| with_quotas(conn, d)).transpose()
}

pub fn find_by_code(conn: &Db, code: &str) -> Result<Option<Delegation>> {
    let found = conn.query_opt(
        &format!("SELECT {COLUMNS} FROM delegations WHERE code = ?1"),
        [normalise_code(code)],
        from_row,
    )?;
    found.map(|d| with_quotas(conn, d)).transpose()
}

pub fn insert(tx: &Tx, d: &Delegation) -> Result<DelegationId> {
    let inserted = tx.insert_returning_id(
        "INSERT INTO delegations (code, name, kind, focal_point_name, focal_point_email)
         VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
        params![
            d.code,
            d.name,
            d.kind.as_str(),
            d.focal_point_name,
            d.focal_point_email
        ],
    )?;
    let id = inserted;
    write_quotas(tx, id, &d.quotas)?;
    Ok(id)
}

pub fn update(tx: &Tx, d: &Delegation) -> Result<()> {
    tx.execute(
        "UPDATE delegations SET code = ?2, name = ?3, kind = ?4, focal_point_name = ?5,
            focal_point_email = ?6 WHERE id = ?1",
        params![
            d.id,
            d.code,
            d.name,
            d.kind.as_str(),
            d.focal_point_name,
            d.focal_point_email
        ],
    )?;
    tx.execute(
        "DELETE FROM delegation_quotas WHERE delegation_id = ?1",
        [d.id],
    )?;
    write_quotas(tx, d.id, &d.quotas)
}

fn write_quotas(tx: &Tx, id: DelegationId, quotas: &[Quota]) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO delegation_quotas (delegation_id, category_id, quota) VALUES (?1, ?2, ?3)",
    )?;
    for q in quotas {
        stmt.execute(params![id, q.category, q.max])?;
    }
    Ok(())
}

pub fn delete(conn: &Db, id: DelegationId) -> Result<()> {
    conn.execute("DELETE FROM delegations WHERE id = ?1", [id])?;
    Ok(())
}
