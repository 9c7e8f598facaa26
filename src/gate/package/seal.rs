//! The package's seal: a COSE_Sign1, by the event's root or by a key that
//! the package's signed trust list certifies, over a digest of every table
//! the gate relies on (and of the schema itself, so no trigger, view or
//! column can be slipped in). Each table's rows are read in a defined
//! order, each value with its type, so the same content gives the same
//! digest and any change names the table it touched.

use ciborium::Value;
use rusqlite::Connection;
use rusqlite::types::ValueRef;
use sha2::{Digest, Sha256};

use crate::credential::cbor::{self, Writer};
use crate::error::Result;

/// The tables a seal covers, each with the column its rows are ordered by.
/// `package_seal` alone is left out: it holds the seal.
pub(crate) const SEALED_TABLES: &[(&str, &str)] = &[
    ("package", "id"),
    ("revocation_list", "id"),
    ("zones", "number"),
    ("categories", "code"),
    ("checkpoints", "id"),
    ("photos", "hash"),
    ("holders", "participant_id"),
    ("operators", "name"),
];

/// The name of the schema's digest among the tables'.
pub(crate) const SCHEMA: &str = "schema";

const SEAL_VERSION: u64 = 1;

/// What a seal signs: the event, when the package was made, and one
/// digest per table (the schema's first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SealPayload {
    pub event: String,
    pub created_at: u64,
    pub digests: Vec<(String, [u8; 32])>,
}

fn put_value(h: &mut Sha256, v: ValueRef) {
    match v {
        ValueRef::Null => h.update([0u8]),
        ValueRef::Integer(i) => {
            h.update([1u8]);
            h.update(i.to_be_bytes());
        }
        ValueRef::Real(f) => {
            h.update([2u8]);
            h.update(f.to_bits().to_be_bytes());
        }
        ValueRef::Text(t) => {
            h.update([3u8]);
            h.update((t.len() as u64).to_be_bytes());
            h.update(t);
        }
        ValueRef::Blob(b) => {
            h.update([4u8]);
            h.update((b.len() as u64).to_be_bytes());
            h.update(b);
        }
    }
}

fn digest_query(conn: &Connection, label: &str, sql: &str) -> Result<[u8; 32]> {
    let mut h = Sha256::new();
    h.update((label.len() as u64).to_be_bytes());
    h.update(label.as_bytes());
    let mut stmt = conn.prepare(sql)?;
    let columns = stmt.column_count();
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        h.update([0xFFu8]);
        for i in 0..columns {
            put_value(&mut h, row.get_ref(i)?);
        }
    }
    Ok(h.finalize().into())
}

/// The digests of the package's schema and of each sealed table.
pub(crate) fn digests(conn: &Connection) -> Result<Vec<(String, [u8; 32])>> {
    let mut out = Vec::with_capacity(SEALED_TABLES.len() + 1);
    let app_id: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    out.push((
        SCHEMA.to_owned(),
        digest_query(
            conn,
            SCHEMA,
            &format!(
                "SELECT {app_id}, {version}, type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
            ),
        )?,
    ));
    for (table, order) in SEALED_TABLES {
        out.push((
            (*table).to_owned(),
            digest_query(
                conn,
                table,
                &format!("SELECT * FROM {table} ORDER BY {order}"),
            )?,
        ));
    }
    Ok(out)
}

impl SealPayload {
    pub(crate) fn encode(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.map(4);
        w.uint(1).uint(SEAL_VERSION);
        w.uint(2).text(&self.event);
        w.uint(3).uint(self.created_at);
        w.uint(4).array(self.digests.len());
        for (name, digest) in &self.digests {
            w.array(2).text(name).bytes(digest);
        }
        w.into_bytes()
    }

    pub(crate) fn decode(bytes: &[u8]) -> Option<SealPayload> {
        let value = cbor::decode_canonical(bytes)?;
        let entries = cbor::uint_keyed_map(&value)?;
        let [
            (1, version),
            (2, Value::Text(event)),
            (3, created_at),
            (4, Value::Array(items)),
        ] = entries.as_slice()
        else {
            return None;
        };
        if cbor::as_uint(version)? != SEAL_VERSION {
            return None;
        }
        let digests = items
            .iter()
            .map(|item| match item {
                Value::Array(pair) => match pair.as_slice() {
                    [Value::Text(name), Value::Bytes(d)] => {
                        Some((name.clone(), <[u8; 32]>::try_from(d.as_slice()).ok()?))
                    }
                    _ => None,
                },
                _ => None,
            })
            .collect::<Option<Vec<_>>>()?;
        Some(SealPayload {
            event: event.clone(),
            created_at: cbor::as_uint(created_at)?,
            digests,
        })
    }

    /// The first table whose content differs from what was signed.
    pub(crate) fn first_change(&self, now: &[(String, [u8; 32])]) -> Option<String> {
        for (name, digest) in now {
            match self.digests.iter().find(|(n, _)| n == name) {
                Some((_, signed)) if signed == digest => {}
                _ => return Some(name.clone()),
            }
        }
        if self.digests.len() != now.len() {
            return Some(SCHEMA.to_owned());
        }
        None
    }
}

/// A table's name as the refusal says it.
pub(crate) fn table_words(table: &str) -> &'static str {
    match table {
        "schema" => "its structure (tables, columns, triggers or indexes)",
        "package" => "its event, root or trust list",
        "revocation_list" => "its revocation list",
        "zones" => "its zones",
        "categories" => "its categories",
        "checkpoints" => "its checkpoints",
        "photos" => "its holders' photos",
        "holders" => "its badge holders",
        "operators" => "its operators",
        _ => "its content",
    }
}
