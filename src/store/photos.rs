use std::collections::HashMap;

use super::{Db, db};
use crate::error::Result;
use crate::params;

/// A stored, normalised photo: JPEG, 3:4, at most 600 × 800.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPhoto {
    pub hash: [u8; 32],
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Stores a photo under its hash; storing the same photo twice keeps one copy.
pub fn put(conn: &Db, photo: &StoredPhoto) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO photos (hash, jpeg, width, height) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT DO NOTHING",
    )?
    .execute(params![
        &photo.hash[..],
        photo.jpeg,
        photo.width,
        photo.height
    ])?;
    Ok(())
}

pub fn get(conn: &Db, hash: &[u8; 32]) -> Result<Option<StoredPhoto>> {
    conn.prepare_cached("SELECT jpeg, width, height FROM photos WHERE hash = ?1")?
        .query_opt([&hash[..]], |r| {
            Ok(StoredPhoto {
                hash: *hash,
                jpeg: r.get(0)?,
                width: r.get(1)?,
                height: r.get(2)?,
            })
        })
}

/// Those of these photos that are stored, by hash. On PostgreSQL one
/// statement reads them all (a print run's photos in one round trip, not
/// one each); SQLite answers in-process, one statement each.
pub fn get_many(conn: &Db, hashes: &[[u8; 32]]) -> Result<HashMap<[u8; 32], StoredPhoto>> {
    if conn.is_sqlite() {
        return super::found_each(hashes, |hash| get(conn, &hash), |p| p.hash);
    }
    let mut found = HashMap::with_capacity(hashes.len());
    if hashes.is_empty() {
        return Ok(found);
    }
    // The hashes as one text parameter, hex, comma-separated.
    let listed: Vec<String> = hashes.iter().map(hex::encode).collect();
    conn.query_each(
        "SELECT hash, jpeg, width, height FROM photos
         WHERE hash IN (SELECT decode(h, 'hex') FROM unnest(string_to_array(?1, ',')) AS h)",
        [listed.join(",")],
        |r| {
            let hash: Vec<u8> = r.get(0)?;
            let hash: [u8; 32] = hash
                .try_into()
                .map_err(|_| db::column_error(0, "a photo hash is not 32 bytes"))?;
            found.insert(
                hash,
                StoredPhoto {
                    hash,
                    jpeg: r.get(1)?,
                    width: r.get(2)?,
                    height: r.get(3)?,
                },
            );
            Ok(())
        },
    )?;
    Ok(found)
}
