//! The attacks of issue 20 against the core: a package changed in any table
//! after export, re-signed with another root or by the gate itself, and
//! scans files edited or invented. Each ends in a refusal.

use crate::store::Db;
use std::path::Path;

use ed25519_dalek::SigningKey;

use super::package::seal::{self, SealPayload};
use super::tests::{DURING, Demo, MAIN, scan_at, verdict};
use super::*;
use crate::auth::Actor;
use crate::credential::{self, Claims, EventKey, Seal, SignedTrustList, TrustedKey, ZoneSet};
use crate::domain::Direction;
use crate::store;

fn refusal(demo: &Demo, path: &Path) -> String {
    match demo.open_package(path) {
        Ok(_) => panic!("{} was accepted", path.display()),
        Err(e) => e.to_string(),
    }
}

/// Runs `sql` on a fresh copy of the package, as an attacker with the
/// `sqlite3` shell would.
fn tampered(demo: &Demo, path: &Path, name: &str, sql: &str) -> std::path::PathBuf {
    let copy = demo.dir.path().join(name);
    std::fs::copy(path, &copy).unwrap();
    rusqlite::Connection::open(&copy)
        .unwrap()
        .execute_batch(sql)
        .unwrap();
    copy
}

/// Seals the package at `path` again with `key`, over its content as it is.
fn reseal(path: &Path, key: &SigningKey) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let payload = SealPayload {
        event: "HN25".into(),
        created_at: DURING as u64,
        digests: seal::digests(&conn).unwrap(),
    };
    conn.execute(
        "UPDATE package_seal SET signed = ?1",
        [Seal::sign(&payload.encode(), key)],
    )
    .unwrap();
}

#[test]
fn a_package_changed_in_any_table_is_refused_as_changed() {
    let demo = Demo::new(60);
    let path = demo.export("main.gate", &[MAIN]);
    assert!(demo.open_package(&path).is_ok());
    let cases = [
        (
            "holder name",
            "UPDATE holders SET name = 'Someone Else' WHERE rowid = (SELECT min(rowid) FROM holders)",
            "its badge holders",
        ),
        (
            "photo",
            "UPDATE photos SET jpeg = x'FFD8FFD9' WHERE rowid = (SELECT min(rowid) FROM photos)",
            "its holders' photos",
        ),
        (
            "operator",
            "INSERT INTO operators VALUES ('mallory', 'supervisor', (SELECT password_hash FROM operators LIMIT 1))",
            "its operators",
        ),
        (
            "revocation removed",
            "DELETE FROM revocation_list",
            "its revocation list",
        ),
        (
            "zone",
            "UPDATE zones SET name = 'Lobby' WHERE number = 1",
            "its zones",
        ),
        (
            "category",
            "UPDATE categories SET colour = '#000000'",
            "its categories",
        ),
        (
            "checkpoint",
            "UPDATE checkpoints SET zone = 9",
            "its checkpoints",
        ),
        (
            "event",
            "UPDATE package SET created_by = 'someone'",
            "its event, root or trust list",
        ),
        (
            "trigger",
            "CREATE TRIGGER t AFTER INSERT ON zones BEGIN SELECT 1; END",
            "its structure",
        ),
        (
            "seal removed",
            "DELETE FROM package_seal",
            "its seal is missing",
        ),
    ];
    for (what, sql, words) in cases {
        let copy = tampered(
            &demo,
            &path,
            &format!("{}.gate", what.replace(' ', "-")),
            sql,
        );
        let err = refusal(&demo, &copy);
        assert!(err.contains("was changed after export"), "{what}: {err}");
        assert!(err.contains(words), "{what}: {err}");
        assert!(!err.to_lowercase().contains("forg"), "{what}: {err}");
    }
}

#[test]
fn a_key_added_to_the_trust_list_lets_no_forged_badge_in() {
    let demo = Demo::new(60);
    let path = demo.export("main.gate", &[MAIN]);
    let conn = demo.conn();
    let root = crate::signing::root_public(&conn).unwrap();
    // The attacker's key, and a badge it signs for an existing holder.
    let mallory = EventKey::from_seed(&[66u8; 32], 1_700_000_000, 1_800_000_000).unwrap();
    let holder = demo.badge_for(1, None);
    let forged = credential::issue(
        &Claims {
            event: "HN25".into(),
            serial: holder.serial,
            participant: holder.participant as u64,
            category: "HOS".into(),
            zones: ZoneSet::from_zones(1..=9).unwrap(),
            not_before: DURING as u64 - 3600,
            expires: DURING as u64 + 3600,
            photo: None,
        },
        &mallory,
    )
    .unwrap();
    let copy = demo.dir.path().join("added-key.gate");
    std::fs::copy(&path, &copy).unwrap();
    let out = rusqlite::Connection::open(&copy).unwrap();
    let signed: Vec<u8> = out
        .query_row("SELECT trust_list FROM package", [], |r| r.get(0))
        .unwrap();
    let mut list = SignedTrustList::verify(&signed, &root, None, None).unwrap();
    list.trust.keys.push(TrustedKey::from(&mallory));
    // Without the root's secret the list can only be signed by another key
    // under the root's kid: a changed trust list.
    let other = SigningKey::from_bytes(&[67u8; 32]);
    let mut resigned = SignedTrustList::sign(&list.trust, 1, list.sequence, &other).unwrap();
    let real_kid = credential::kid_of(&root);
    let other_kid = credential::kid_of(&other.verifying_key());
    let at = resigned.windows(8).position(|w| w == other_kid).unwrap();
    resigned[at..at + 8].copy_from_slice(&real_kid);
    out.execute("UPDATE package SET trust_list = ?1", [&resigned])
        .unwrap();
    let err = refusal(&demo, &copy);
    assert!(err.contains("was changed after export"), "{err}");
    assert!(err.contains("trust list"), "{err}");
    // Signed under the attacker's own kid: another root.
    let resigned = SignedTrustList::sign(&list.trust, 1, list.sequence, &other).unwrap();
    out.execute("UPDATE package SET trust_list = ?1", [&resigned])
        .unwrap();
    let err = refusal(&demo, &copy);
    assert!(err.contains("signed by another root"), "{err}");
    // The forged badge is refused by the genuine package.
    let mut gate = demo.open_package(&path).unwrap();
    assert_eq!(
        verdict(&scan_at(&mut gate, &forged, MAIN, Direction::Entry, DURING)),
        "UNKNOWN_KEY"
    );
}

#[test]
fn a_package_resigned_with_another_root_or_by_the_gate_is_refused() {
    let demo = Demo::new(40);
    let path = demo.export("main.gate", &[MAIN]);
    let conn = demo.conn();
    let root = crate::signing::root_public(&conn).unwrap();
    let root_key = crate::signing::root_key(&demo.ws.keys_dir(), &conn).unwrap();

    // Re-sealed by the real root over the same content: accepted.
    let by_root = demo.dir.path().join("by-root.gate");
    std::fs::copy(&path, &by_root).unwrap();
    reseal(&by_root, &root_key);
    let gate = demo.open_package(&by_root).unwrap();
    assert_eq!(
        gate.package().unwrap().sealed_by,
        credential::kid_hex(&credential::kid_of(&root))
    );
    drop(gate);

    // Every part re-signed with another root, names changed to taste.
    let evil = SigningKey::from_bytes(&[99u8; 32]);
    let copy = tampered(
        &demo,
        &path,
        "evil-root.gate",
        "UPDATE holders SET name = 'Mallory' WHERE rowid = (SELECT min(rowid) FROM holders)",
    );
    let out = rusqlite::Connection::open(&copy).unwrap();
    let signed: Vec<u8> = out
        .query_row("SELECT trust_list FROM package", [], |r| r.get(0))
        .unwrap();
    let list = SignedTrustList::verify(&signed, &root, None, None).unwrap();
    let resigned = SignedTrustList::sign(&list.trust, 1, list.sequence + 1, &evil).unwrap();
    out.execute(
        "UPDATE package SET trust_list = ?1, root_public_key = ?2",
        rusqlite::params![resigned, &evil.verifying_key().to_bytes()[..]],
    )
    .unwrap();
    drop(out);
    reseal(&copy, &evil);
    let err = refusal(&demo, &copy);
    assert!(err.contains("signed by another root"), "{err}");

    // Sealed by the gate's own station key: never trusted.
    let own = demo.dir.path().join("own.gate");
    std::fs::copy(&path, &own).unwrap();
    reseal(&own, &demo.enrolment().station_key);
    let err = refusal(&demo, &own);
    assert!(err.contains("this gate's own key"), "{err}");

    // Sealed by a key the trust list does not certify.
    let stranger = demo.dir.path().join("stranger.gate");
    std::fs::copy(&path, &stranger).unwrap();
    reseal(&stranger, &SigningKey::from_bytes(&[5u8; 32]));
    let err = refusal(&demo, &stranger);
    assert!(err.contains("not certified by its trust list"), "{err}");
}

#[test]
fn a_laptop_not_enrolled_opens_no_package_and_an_older_trust_list_is_refused() {
    let demo = Demo::new(20);
    let older = demo.export("older.gate", &[MAIN]);
    let newer = demo.export("newer.gate", &[MAIN]);
    let elsewhere = demo.dir.path().join("not-enrolled");
    let err = enrolment::Enrolment::load(&elsewhere)
        .unwrap_err()
        .to_string();
    assert!(err.contains("accredit gate enrol --root HEX"), "{err}");

    let mut enrolment = demo.enrolment();
    Station::open_package(&newer, &mut enrolment).unwrap();
    assert_eq!(enrolment.event.as_deref(), Some("HN25"));
    let err = Station::open_package(&older, &mut enrolment)
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("older than list"), "{err}");
}

#[test]
fn enrolment_by_package_checks_the_fingerprint() {
    let demo = Demo::new(20);
    let path = demo.export("main.gate", &[MAIN]);
    let root = crate::signing::root_info(&demo.conn()).unwrap();
    let laptop = demo.dir.path().join("laptop-2");
    let wrong = "0000 0000 0000 0000 0000 0000 0000 0000";
    let err = enrolment::enrol_from_package(&laptop, &path, wrong, "lane-2", false, DURING)
        .unwrap_err()
        .to_string();
    assert!(err.contains("do not enrol"), "{err}");
    assert!(!enrolment::Enrolment::exists(&laptop));
    let typed = root.fingerprint.to_lowercase().replace(' ', "");
    let enrolled =
        enrolment::enrol_from_package(&laptop, &path, &typed, "lane-2", false, DURING).unwrap();
    assert_eq!(enrolled.summary().fingerprint, root.fingerprint);
    assert_eq!(enrolled.event.as_deref(), Some("HN25"));
    // Enrolled once: a second enrolment needs --replace.
    let again = enrolment::enrol_with_root(&laptop, &root.public_key, "lane-2", false, DURING);
    assert!(again.unwrap_err().to_string().contains("--replace"));
}

#[test]
fn a_changed_package_is_refused_when_new_revocations_arrive() {
    let demo = Demo::new(40);
    let path = demo.export("main.gate", &[MAIN]);
    let mut gate = demo.open_package(&path).unwrap();
    let me = gate.sign_in("gate", "demo-gate", DURING).unwrap();
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute("UPDATE holders SET name = 'Changed'", [])
        .unwrap();
    let newer = crate::signing::issue_revocation_list(&demo.ws, &mut demo.conn(), &Actor::system())
        .unwrap();
    let err = gate.update_revocations(&me, &newer.signed).unwrap_err();
    assert!(err.to_string().contains("changed after export"), "{err}");
}

fn scans_of(demo: &Demo) -> transfer::ScansFile {
    let path = demo.export("main.gate", &[MAIN]);
    let mut gate = demo.open_package(&path).unwrap();
    let me = gate.sign_in("gate", "demo-gate", DURING).unwrap();
    let badge = demo.badge_for(1, None);
    scan_at(&mut gate, &badge.credential, MAIN, Direction::Entry, DURING);
    gate.export_scans(&me).unwrap()
}

fn refused_audits(conn: &Db) -> usize {
    store::audit::list(conn, &store::audit::Filter::default())
        .unwrap()
        .iter()
        .filter(|e| e.action == "gate.scans.refused")
        .count()
}

#[test]
fn an_edited_or_invented_scans_file_is_refused_whole_and_audited() {
    let demo = Demo::new(40);
    let file = scans_of(&demo);
    let mut conn = demo.conn();
    // Not enrolled on the desk yet: refused.
    let err = transfer::import_scans(&mut conn, &Actor::system(), &file, "f.json")
        .unwrap_err()
        .to_string();
    assert!(err.contains("never enrolled"), "{err}");
    assert_eq!(refused_audits(&conn), 1);
    demo.enrol_station(&mut conn);

    // Edited: a refused scan turned into an accepted one, or a scan added.
    let mut edited = file.clone();
    edited.scans[0].at += 60;
    let mut invented_entry = file.clone();
    let mut ghost = file.scans[0].clone();
    ghost.id = uuid::Uuid::new_v4().to_string();
    ghost.participant = Some(2);
    invented_entry.scans.push(ghost);
    // Invented from nothing, with no signature, or signed by a stranger.
    let mut unsigned = file.clone();
    unsigned.signature.clear();
    unsigned.station_kid.clear();
    let mut stranger = file.clone();
    stranger.sign("north-1", &SigningKey::from_bytes(&[12u8; 32]));
    for (what, bad, words) in [
        ("edited", edited, "changed after the station signed it"),
        (
            "added",
            invented_entry,
            "changed after the station signed it",
        ),
        ("unsigned", unsigned, "names no signing station"),
        ("stranger", stranger, "never enrolled"),
    ] {
        let err = transfer::import_scans(&mut conn, &Actor::system(), &bad, "f.json")
            .unwrap_err()
            .to_string();
        assert!(err.contains(words), "{what}: {err}");
        assert!(err.contains("nothing imported"), "{what}: {err}");
    }
    assert_eq!(refused_audits(&conn), 5);
    assert_eq!(store::scans::count(&conn).unwrap(), 0);
    let summary = transfer::import_scans(&mut conn, &Actor::system(), &file, "f.json").unwrap();
    assert_eq!(summary.new, 1);

    // The unsigned format of earlier versions is refused on reading.
    let old = demo.dir.path().join("old.json");
    std::fs::write(
        &old,
        r#"{"format":"accredit-gate-scans/1","event":"HN25","exported_at":0,"scans":[]}"#,
    )
    .unwrap();
    let err = transfer::import_scans_file(&mut conn, &Actor::system(), &old)
        .unwrap_err()
        .to_string();
    assert!(err.contains("unsigned scans file"), "{err}");
    assert_eq!(refused_audits(&conn), 6);
}

#[test]
fn a_desk_without_the_root_publishes_packages_that_its_signed_trust_list_certifies() {
    let demo = Demo::new(20);
    // The root signs a trust list where it lives (the desk that made the
    // event); then its secret leaves this data directory, as on a desk that
    // joined a shared event.
    demo.export("with-root.gate", &[MAIN]);
    let conn = demo.conn();
    let root = crate::signing::root_public(&conn).unwrap();
    std::fs::remove_file(crate::signing::root_secret_path(
        &demo.ws.keys_dir(),
        &credential::kid_of(&root),
    ))
    .unwrap();
    let path = demo.export("desk.gate", &[MAIN]);
    let mut gate = demo.open_package(&path).unwrap();
    let badge = demo.badge_for(1, None);
    let outcome = scan_at(&mut gate, &badge.credential, MAIN, Direction::Entry, DURING);
    assert_eq!(verdict(&outcome), "ACCEPTED");

    // A new desk key that no signed list certifies yet: no package, and the
    // refusal says what to do.
    crate::signing::rotate(&demo.ws, &mut demo.conn(), &Actor::system()).unwrap();
    let refused = package::export(
        &demo.ws,
        &mut demo.conn(),
        &Actor::system(),
        &[MAIN.to_string()],
        &demo.dir.path().join("refused.gate"),
        DURING,
    )
    .unwrap_err()
    .to_string();
    assert!(
        refused.contains("root key is not on this machine"),
        "{refused}"
    );
    assert!(refused.contains("keys trust-list --signed"), "{refused}");
    assert!(!demo.dir.path().join("refused.gate").exists());
}
