//! The venue engine: one PostgreSQL database per event, shared by every
//! desk, gate and organiser. The store's SQL is written once, with `?N`
//! parameters; here they become `$N`, values take the type the server
//! infers for each parameter, and columns are read by their type.

use std::cell::RefCell;
use std::collections::HashMap;
use std::error::Error as StdError;

use bytes::BytesMut;
use postgres::error::SqlState;
use postgres::types::{IsNull, ToSql, Type, to_sql_checked};
use postgres::{Client, Statement};

use super::{DbError, DbErrorKind, Row, RowInner, Value};
use crate::error::Result;

/// A connection and the statements prepared on it, by their text.
pub(super) struct Pg {
    client: RefCell<Client>,
    statements: RefCell<HashMap<String, Statement>>,
}

impl Pg {
    pub(super) fn new(client: Client) -> Pg {
        Pg {
            client: RefCell::new(client),
            statements: RefCell::new(HashMap::new()),
        }
    }

    fn client(&self) -> Result<std::cell::RefMut<'_, Client>> {
        // Only a query run from inside another's row callback could find it
        // taken; the store never does that, and says so if it ever does.
        Ok(self.client.try_borrow_mut().map_err(|_| {
            DbError::other("a query was started while another was still reading its rows")
        })?)
    }

    fn statement(&self, client: &mut Client, sql: &str) -> Result<Statement> {
        if let Some(s) = self.statements.borrow().get(sql) {
            return Ok(s.clone());
        }
        let prepared = client.prepare(&numbered(sql)).map_err(DbError::from)?;
        self.statements
            .borrow_mut()
            .insert(sql.to_owned(), prepared.clone());
        Ok(prepared)
    }

    pub(super) fn batch(&self, sql: &str) -> Result<()> {
        Ok(self.client()?.batch_execute(sql).map_err(DbError::from)?)
    }

    pub(super) fn execute(&self, sql: &str, params: &[Value]) -> Result<usize> {
        let mut client = self.client()?;
        let stmt = self.statement(&mut client, sql)?;
        let n = client
            .execute(&stmt, &refs(params))
            .map_err(DbError::from)?;
        Ok(n as usize)
    }

    /// The rows are all read before `f` sees the first: `f` may query the
    /// store itself (an export looks up each participant's delegation), and
    /// one connection reads one result at a time.
    pub(super) fn query_each(
        &self,
        sql: &str,
        params: &[Value],
        mut f: impl FnMut(&Row) -> Result<()>,
    ) -> Result<()> {
        let rows = {
            let mut client = self.client()?;
            let stmt = self.statement(&mut client, sql)?;
            client.query(&stmt, &refs(params)).map_err(DbError::from)?
        };
        for row in &rows {
            f(&Row {
                inner: RowInner::Postgres(row),
            })?;
        }
        Ok(())
    }

    /// Whether the connection still answers (a server that went away, or a
    /// connection killed, does not).
    pub(super) fn is_closed(&self) -> bool {
        self.client.borrow().is_closed()
    }
}

fn refs(params: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    params.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}

/// `?N` becomes `$N` (and a bare `?` the next number), outside quoted text.
pub(super) fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut chars = sql.chars().peekable();
    let mut next = 1;
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted => {
                let mut digits = String::new();
                while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(*d);
                    chars.next();
                }
                if digits.is_empty() {
                    digits = next.to_string();
                    next += 1;
                }
                out.push('$');
                out.push_str(&digits);
            }
            _ => out.push(c),
        }
    }
    out
}

/// The value at `idx`, read by its column's type.
pub(super) fn value(row: &postgres::Row, idx: usize) -> Result<Value> {
    let ty = row
        .columns()
        .get(idx)
        .map(|c| c.type_().clone())
        .ok_or_else(|| super::column_error(idx, "no such column"))?;
    let get_err = |e: postgres::Error| super::column_error(idx, e);
    let v = match ty {
        Type::INT8 => row
            .try_get::<_, Option<i64>>(idx)
            .map_err(get_err)?
            .map(Value::Int),
        Type::INT4 => row
            .try_get::<_, Option<i32>>(idx)
            .map_err(get_err)?
            .map(|i| Value::Int(i.into())),
        Type::INT2 => row
            .try_get::<_, Option<i16>>(idx)
            .map_err(get_err)?
            .map(|i| Value::Int(i.into())),
        Type::BOOL => row
            .try_get::<_, Option<bool>>(idx)
            .map_err(get_err)?
            .map(Value::Bool),
        Type::FLOAT8 => row
            .try_get::<_, Option<f64>>(idx)
            .map_err(get_err)?
            .map(Value::Real),
        Type::FLOAT4 => row
            .try_get::<_, Option<f32>>(idx)
            .map_err(get_err)?
            .map(|r| Value::Real(r.into())),
        Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => row
            .try_get::<_, Option<String>>(idx)
            .map_err(get_err)?
            .map(Value::Text),
        Type::BYTEA => row
            .try_get::<_, Option<Vec<u8>>>(idx)
            .map_err(get_err)?
            .map(Value::Blob),
        other => {
            return Err(super::column_error(
                idx,
                format!("a {other} column, which the store does not read (cast it in SQL)"),
            ));
        }
    };
    Ok(v.unwrap_or(Value::Null))
}

type BoxError = Box<dyn StdError + Sync + Send>;

/// A value binds to whatever type the server infers for its parameter:
/// an integer to a BIGINT, an INTEGER or a BOOLEAN column alike, as SQLite
/// takes them.
impl ToSql for Value {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> std::result::Result<IsNull, BoxError> {
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(i) => match *ty {
                Type::INT8 => i.to_sql(ty, out),
                Type::INT4 => i32::try_from(*i)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*i)?.to_sql(ty, out),
                Type::BOOL => (*i != 0).to_sql(ty, out),
                Type::FLOAT8 => (*i as f64).to_sql(ty, out),
                Type::TEXT | Type::VARCHAR | Type::UNKNOWN => i.to_string().to_sql(ty, out),
                _ => Err(format!("an integer for a {ty} parameter").into()),
            },
            Value::Real(r) => match *ty {
                Type::FLOAT8 => r.to_sql(ty, out),
                Type::FLOAT4 => (*r as f32).to_sql(ty, out),
                _ => Err(format!("a real number for a {ty} parameter").into()),
            },
            Value::Bool(b) => match *ty {
                Type::BOOL => b.to_sql(ty, out),
                Type::INT8 => i64::from(*b).to_sql(ty, out),
                Type::INT4 => i32::from(*b).to_sql(ty, out),
                _ => Err(format!("a boolean for a {ty} parameter").into()),
            },
            Value::Text(t) => match *ty {
                Type::BYTEA => t.as_bytes().to_sql(ty, out),
                _ => t.as_str().to_sql(ty, out),
            },
            Value::Blob(b) => b.as_slice().to_sql(ty, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

impl From<postgres::Error> for DbError {
    fn from(e: postgres::Error) -> DbError {
        let kind = match e.code() {
            Some(c) if *c == SqlState::UNIQUE_VIOLATION => DbErrorKind::UniqueViolation,
            Some(c)
                if *c == SqlState::T_R_SERIALIZATION_FAILURE
                    || *c == SqlState::T_R_DEADLOCK_DETECTED
                    || *c == SqlState::LOCK_NOT_AVAILABLE =>
            {
                DbErrorKind::Contended
            }
            // A closed connection, or one the network or a stopped server
            // cut mid-exchange.
            _ if e.is_closed()
                || std::error::Error::source(&e).is_some_and(|s| s.is::<std::io::Error>()) =>
            {
                DbErrorKind::Lost
            }
            _ => DbErrorKind::Other,
        };
        // The server's own words, without the driver's "db error: " prefix.
        let message = match e.as_db_error() {
            Some(db) if kind == DbErrorKind::Contended => return DbError::contended(db.message()),
            Some(db) => db.message().to_owned(),
            None if kind == DbErrorKind::Lost => {
                return DbError::new(
                    DbErrorKind::Lost,
                    format!(
                        "the event server went away ({e}): nothing of this operation was kept; try again once it is back"
                    ),
                );
            }
            None => e.to_string(),
        };
        DbError::new(kind, message)
    }
}

#[cfg(test)]
mod tests {
    use super::numbered;

    #[test]
    fn parameters_are_numbered_outside_quoted_text() {
        assert_eq!(
            numbered("SELECT ?1, ?2 FROM t WHERE a = ?1 AND b = '?3' AND c = ?"),
            "SELECT $1, $2 FROM t WHERE a = $1 AND b = '?3' AND c = $1"
        );
        assert_eq!(numbered("VALUES (?, ?)"), "VALUES ($1, $2)");
    }
}
