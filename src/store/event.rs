use super::{Db, Row};
use super::{date_from_sql, parse_column};
use crate::domain::{Event, EventCode};
use crate::error::{Error, Result};
use crate::params;

const COLUMNS: &str = "code, name, venue, time_zone, start_date, end_date, badge_valid_from,
    badge_valid_until, title_band, footer, default_layout, revocation_max_age_minutes, band_colour";

fn from_row(r: &Row) -> Result<Event> {
    let code: String = r.get(0)?;
    Ok(Event {
        code: EventCode::parse(&code).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
        })?,
        name: r.get(1)?,
        venue: r.get(2)?,
        time_zone: r.get(3)?,
        start_date: date_from_sql(r.get(4)?).unwrap_or_default(),
        end_date: date_from_sql(r.get(5)?).unwrap_or_default(),
        badge_valid_from: r.get(6)?,
        badge_valid_until: r.get(7)?,
        title_band: r.get(8)?,
        footer: r.get(9)?,
        default_layout: parse_column(10, r.get(10)?)?,
        revocation_max_age_minutes: r.get(11)?,
        band_colour: parse_column(12, r.get(12)?)?,
    })
}

/// The event of this store, if one was created.
pub fn find(conn: &Db) -> Result<Option<Event>> {
    conn.query_opt(
        &format!("SELECT {COLUMNS} FROM event WHERE id = 1"),
        [],
        from_row,
    )
}

/// The event of this store; an error naming the fix when there is none.
pub fn get(conn: &Db) -> Result<Event> {
    find(conn)?.ok_or_else(|| {
        Error::Refused(
            "this data directory holds no event yet: run `accredit demo` or `accredit init`".into(),
        )
    })
}

pub fn insert(conn: &Db, event: &Event, now: i64) -> Result<()> {
    conn.execute(
        &format!("INSERT INTO event (id, {COLUMNS}, created_at) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"),
        params![
            event.code.as_str(),
            event.name,
            event.venue,
            event.time_zone,
            event.start_date.to_string(),
            event.end_date.to_string(),
            event.badge_valid_from,
            event.badge_valid_until,
            event.title_band,
            event.footer,
            event.default_layout.as_str(),
            event.revocation_max_age_minutes,
            event.band_colour.hex(),
            now,
        ],
    )?;
    Ok(())
}

pub fn update(conn: &Db, event: &Event) -> Result<()> {
    conn.execute(
        "UPDATE event SET code = ?1, name = ?2, venue = ?3, time_zone = ?4, start_date = ?5,
            end_date = ?6, badge_valid_from = ?7, badge_valid_until = ?8, title_band = ?9,
            footer = ?10, default_layout = ?11, revocation_max_age_minutes = ?12, band_colour = ?13
         WHERE id = 1",
        params![
            event.code.as_str(),
            event.name,
            event.venue,
            event.time_zone,
            event.start_date.to_string(),
            event.end_date.to_string(),
            event.badge_valid_from,
            event.badge_valid_until,
            event.title_band,
            event.footer,
            event.default_layout.as_str(),
            event.revocation_max_age_minutes,
            event.band_colour.hex(),
        ],
    )?;
    Ok(())
}

/// The logo printed in the badge's title band (PNG or JPEG bytes).
pub fn logo(conn: &Db) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .query_opt("SELECT logo FROM event WHERE id = 1", [], |r| r.get(0))?
        .flatten())
}

pub fn set_logo(conn: &Db, logo: Option<&[u8]>) -> Result<()> {
    conn.execute("UPDATE event SET logo = ?1 WHERE id = 1", [logo])?;
    Ok(())
}
