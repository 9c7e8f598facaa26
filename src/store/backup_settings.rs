use super::Db;
use crate::error::Result;
use crate::params;

/// How often the running application backs the store up, and how many of
/// those backups it keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct BackupSettings {
    pub enabled: bool,
    pub every_minutes: u32,
    pub keep: u32,
}

impl Default for BackupSettings {
    /// Every 10 minutes, the last 24 kept: four hours of a desk's work.
    fn default() -> Self {
        BackupSettings {
            enabled: true,
            every_minutes: 10,
            keep: 24,
        }
    }
}

pub fn get(conn: &Db) -> Result<BackupSettings> {
    Ok(conn
        .query_opt(
            "SELECT enabled, every_minutes, keep FROM backup_settings WHERE id = 1",
            [],
            |r| {
                Ok(BackupSettings {
                    enabled: r.get(0)?,
                    every_minutes: r.get(1)?,
                    keep: r.get(2)?,
                })
            },
        )?
        .unwrap_or_default())
}

pub fn set(conn: &Db, s: &BackupSettings) -> Result<()> {
    conn.execute(
        "INSERT INTO backup_settings (id, enabled, every_minutes, keep) VALUES (1, ?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET enabled = ?1, every_minutes = ?2, keep = ?3",
        params![s.enabled, s.every_minutes, s.keep],
    )?;
    Ok(())
}
