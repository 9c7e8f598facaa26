//! The gate's reads on PostgreSQL, against a server of the tests' own.
use super::gate::badge_at_gate_locking;
use crate::demo::Dates;
use crate::domain::BadgeStatus;
use crate::params;
use crate::store::{self, Db, scans::passages_lock_space};

fn taken_elsewhere(other: &Db, zone: u8, participant: i64) -> bool {
    // In a statement of its own: released as soon as it is had.
    let had: bool = other
        .query_value(
            "SELECT pg_try_advisory_xact_lock(?1, ?2)",
            params![passages_lock_space(zone), participant],
        )
        .unwrap();
    !had
}

/// The statement that reads a scanned badge on PostgreSQL holds its
/// holder's passages in the checkpoint's zone, under the very lock
/// `lock_passages` takes, until the scan's transaction ends: a second
/// door's scan of the same holder waits for the first's commit.
#[test]
fn reading_a_badge_at_a_gate_locks_its_holders_passages_in_that_zone() {
    let Some(url) = crate::test_server::new_database() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let ws =
        crate::Workspace::new(dir.path()).on_server(store::ServerUrl::parse(&url).unwrap(), None);
    crate::demo::create(&ws, 20, Dates::around(crate::clock::now()), false).unwrap();
    let mut scanning = ws.open().unwrap();
    let other = ws.open().unwrap();
    let badge = store::badges::list(&scanning)
        .unwrap()
        .into_iter()
        .find(|b| b.status == BadgeStatus::Active)
        .expect("the demo has an active badge");

    let tx = scanning.transaction().unwrap();
    let read = badge_at_gate_locking(&tx, badge.serial, 1)
        .unwrap()
        .expect("the badge is read");
    assert_eq!(read.holder.participant, badge.participant);
    assert!(taken_elsewhere(&other, 1, badge.participant));
    assert!(
        !taken_elsewhere(&other, 2, badge.participant),
        "only the checkpoint's zone is held"
    );
    tx.commit().unwrap();
    assert!(
        !taken_elsewhere(&other, 1, badge.participant),
        "released at the end"
    );

    // The same lock as lock_passages: one held there is waited for here.
    let tx = scanning.transaction().unwrap();
    store::scans::lock_passages(&tx, badge.participant, 1).unwrap();
    assert!(taken_elsewhere(&other, 1, badge.participant));
    tx.rollback().unwrap();
}
