use super::Db;
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
