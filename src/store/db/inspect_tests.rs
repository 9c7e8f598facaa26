//! The welcome screen's connection test, on a real server: inspecting a
//! database says what it holds and changes nothing.

use super::pg_schema::VERSION_TABLE;
use super::{Db, ServerState};
use crate::store::ServerUrl;
use crate::store::schema::LATEST;

#[test]
fn inspecting_a_server_says_what_it_holds_and_changes_nothing() {
    let Some(text) = crate::test_server::new_database() else {
        return;
    };
    let url = ServerUrl::parse(&text).unwrap();
    assert_eq!(Db::inspect_server(&url, None).unwrap(), ServerState::Empty);
    // Still empty: inspecting created nothing.
    assert_eq!(Db::inspect_server(&url, None).unwrap(), ServerState::Empty);
    let db = Db::connect(&url, None).unwrap();
    assert_eq!(
        Db::inspect_server(&url, None).unwrap(),
        ServerState::Accredit {
            version: LATEST,
            event: None
        }
    );
    db.execute(
        &format!("UPDATE {VERSION_TABLE} SET version = ?1"),
        [LATEST as i64 + 1],
    )
    .unwrap();
    let newer = Db::inspect_server(&url, None).unwrap_err().to_string();
    assert!(newer.contains("newer than this program knows"), "{newer}");

    let other = ServerUrl::parse(&crate::test_server::new_database().unwrap()).unwrap();
    let raw = Db::connect_at_version(&other, 0).unwrap();
    raw.execute_batch(&format!(
        "DROP TABLE {VERSION_TABLE}; CREATE TABLE invoices (id BIGINT)"
    ))
    .unwrap();
    let foreign = Db::inspect_server(&other, None).unwrap_err().to_string();
    assert!(
        foreign.contains("holds tables of another program (invoices)"),
        "{foreign}"
    );
}
