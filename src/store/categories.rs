use super::parse_column;
use super::{Db, Row};
use crate::domain::{Category, CategoryId, Colour, ZoneSet, normalise_code};
use crate::error::Result;
use crate::params;

const COLUMNS: &str = "id, code, name, colour, default_zones, sort_order, default_quota";

fn from_row(r: &Row) -> Result<Category> {
    let colour: String = r.get(3)?;
    Ok(Category {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        colour: parse_column::<ColourText>(3, colour)?.0,
        default_zones: ZoneSet::from_sql(r.get(4)?),
        order: r.get(5)?,
        default_quota: r.get(6)?,
    })
}

struct ColourText(Colour);
impl std::str::FromStr for ColourText {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Colour::parse(s).map(ColourText)
    }
}

pub fn list(conn: &Db) -> Result<Vec<Category>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM categories ORDER BY sort_order, code"
    ))?;
    let rows = stmt.query_map([], from_row)?.collect::<Result<_, _>>()?;
    Ok(rows)
}

pub fn get(conn: &Db, id: CategoryId) -> Result<Category> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM categories WHERE id = ?1"),
        [id],
        from_row,
    )
}

pub fn find(conn: &Db, id: CategoryId) -> Result<Option<Category>> {
    conn.query_opt(
        &format!("SELECT {COLUMNS} FROM categories WHERE id = ?1"),
        [id],
        from_row,
    )
}

pub fn find_by_code(conn: &Db, code: &str) -> Result<Option<Category>> {
    conn.query_opt(
        &format!("SELECT {COLUMNS} FROM categories WHERE code = ?1"),
        [normalise_code(code)],
        from_row,
    )
}

pub fn insert(conn: &Db, category: &Category) -> Result<CategoryId> {
    let inserted = conn.insert_returning_id(
        "INSERT INTO categories (code, name, colour, default_zones, sort_order, default_quota)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
        params![
            category.code,
            category.name,
            category.colour.hex(),
            category.default_zones.to_sql(),
            category.order,
            category.default_quota,
        ],
    )?;
    Ok(inserted)
}

pub fn update(conn: &Db, category: &Category) -> Result<()> {
    conn.execute(
        "UPDATE categories SET code = ?2, name = ?3, colour = ?4, default_zones = ?5,
            sort_order = ?6, default_quota = ?7 WHERE id = ?1",
        params![
            category.id,
            category.code,
            category.name,
            category.colour.hex(),
            category.default_zones.to_sql(),
            category.order,
            category.default_quota,
        ],
    )?;
    Ok(())
}

pub fn delete(conn: &Db, id: CategoryId) -> Result<()> {
    conn.execute("DELETE FROM categories WHERE id = ?1", [id])?;
    Ok(())
}
