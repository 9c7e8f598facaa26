use super::parse_column;
use super::{Db, Row};
use crate::domain::{Operator, OperatorId, Role};
use crate::error::{Error, Result};
use crate::params;

/// An operator as sign-in sees it: with the password hash, lockout state
/// and saved language.
pub struct Credentials {
    pub operator: Operator,
    pub password_hash: String,
    pub failed_sign_ins: u32,
    /// The code of the language the operator works in (`vi`); `None` for
    /// the machine's default.
    pub language: Option<String>,
}

fn operator_from_row(r: &Row) -> Result<Operator> {
    Ok(Operator {
        id: r.get(0)?,
        name: r.get(1)?,
        role: parse_column(2, r.get(2)?)?,
        active: r.get(3)?,
        locked_until: r.get(4)?,
        created_at: r.get(5)?,
    })
}

pub fn list(conn: &Db) -> Result<Vec<Operator>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, role, active, locked_until, created_at FROM operators ORDER BY name",
    )?;
    let rows = stmt
        .query_map([], operator_from_row)?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// How many active administrators there are (never fewer than one once the
/// first exists: the core refuses to disable or demote the last).
pub fn active_administrators(conn: &Db) -> Result<u64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM operators WHERE role = 'administrator' AND active = TRUE",
        [],
        |r| r.get::<i64>(0),
    )? as u64)
}

pub fn count(conn: &Db) -> Result<u64> {
    Ok(conn.query_row("SELECT count(*) FROM operators", [], |r| r.get::<i64>(0))? as u64)
}

pub fn find_by_name(conn: &Db, name: &str) -> Result<Option<Operator>> {
    conn.query_opt(
        "SELECT id, name, role, active, locked_until, created_at FROM operators WHERE name = ?1",
        [name],
        operator_from_row,
    )
}

pub fn credentials(conn: &Db, name: &str) -> Result<Option<Credentials>> {
    conn.query_opt(
        "SELECT id, name, role, active, locked_until, created_at, password_hash,
                failed_sign_ins, language
             FROM operators WHERE name = ?1",
        [name],
        |r| {
            Ok(Credentials {
                operator: operator_from_row(r)?,
                password_hash: r.get(6)?,
                failed_sign_ins: r.get(7)?,
                language: r.get(8)?,
            })
        },
    )
}

pub fn insert(
    conn: &Db,
    name: &str,
    role: Role,
    password_hash: &str,
    now: i64,
) -> Result<OperatorId> {
    match conn.insert_returning_id(
        "INSERT INTO operators (name, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4)
         RETURNING id",
        params![name, role.as_str(), password_hash, now],
    ) {
        Ok(id) => Ok(id),
        Err(Error::Store(e)) if e.is_unique_violation() => Err(Error::Refused(format!(
            "an operator named \"{name}\" already exists"
        ))),
        Err(e) => Err(e),
    }
}

pub fn set_role(conn: &Db, id: OperatorId, role: Role) -> Result<()> {
    conn.execute(
        "UPDATE operators SET role = ?2 WHERE id = ?1",
        params![id, role.as_str()],
    )?;
    Ok(())
}

/// The code of the operator's saved language (`None`: the machine's
/// default); not found when there is no such operator.
pub fn language(conn: &Db, id: OperatorId) -> Result<Option<String>> {
    conn.query_opt("SELECT language FROM operators WHERE id = ?1", [id], |r| {
        r.get(0)
    })?
    .ok_or_else(|| Error::not_found("operator", id))
}

/// Every saved language code, by operator id (those with none are left out).
pub fn languages(conn: &Db) -> Result<Vec<(OperatorId, String)>> {
    conn.query_map(
        "SELECT id, language FROM operators WHERE language IS NOT NULL ORDER BY id",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// Saves the code of the operator's language (`None`: the machine's default).
pub fn set_language(conn: &Db, id: OperatorId, code: Option<&str>) -> Result<()> {
    conn.execute(
        "UPDATE operators SET language = ?2 WHERE id = ?1",
        params![id, code],
    )?;
    Ok(())
}

pub fn set_active(conn: &Db, id: OperatorId, active: bool) -> Result<()> {
    conn.execute(
        "UPDATE operators SET active = ?2 WHERE id = ?1",
        params![id, active],
    )?;
    Ok(())
}

pub fn set_password_hash(conn: &Db, id: OperatorId, hash: &str) -> Result<()> {
    conn.execute(
        "UPDATE operators SET password_hash = ?2, failed_sign_ins = 0, locked_until = NULL
         WHERE id = ?1",
        params![id, hash],
    )?;
    Ok(())
}

/// Records a failed sign-in and locks the operator once `lock_after` failures
/// have piled up.
pub fn record_failure(conn: &Db, id: OperatorId, lock_after: u32, lock_until: i64) -> Result<()> {
    conn.execute(
        "UPDATE operators SET failed_sign_ins = failed_sign_ins + 1,
            locked_until = CASE WHEN failed_sign_ins + 1 >= ?2 THEN ?3 ELSE locked_until END
         WHERE id = ?1",
        params![id, lock_after, lock_until],
    )?;
    Ok(())
}

pub fn record_success(conn: &Db, id: OperatorId) -> Result<()> {
    conn.execute(
        "UPDATE operators SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?1",
        [id],
    )?;
    Ok(())
}
