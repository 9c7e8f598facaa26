//! Backups: taken while another connection writes, restored to exactly what
//! was committed; a corrupted backup, a wrong passphrase, a store of a newer
//! schema are refused before anything is replaced; keys only with
//! --with-keys; automatic backups keep the last K.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use accredit::backup::{self, BackupOptions, auto};
use accredit::domain::ParticipantStatus;
use accredit::lookup::backup_settings::BackupSettings;
use accredit::{Error, audit, db, desk, lookup};
use common::Accredit;
use common::core::{Store, details};

const PASSPHRASE: &str = "correct horse battery";

fn with_passphrase(mut cmd: std::process::Command, passphrase: &str) -> std::process::Output {
    cmd.env("ACCREDIT_BACKUP_PASSPHRASE", passphrase)
        .output()
        .expect("run accredit")
}

fn ok(out: std::process::Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn fails(out: std::process::Output) -> String {
    assert!(!out.status.success(), "should have failed");
    String::from_utf8(out.stderr).unwrap()
}

/// What a restore must give back: participants, badges and the audit trail.
fn state(a: &Accredit) -> (serde_json::Value, serde_json::Value, serde_json::Value) {
    (
        a.json(&["participants", "list", "--json"]),
        a.json(&["badges", "list", "--json"]),
        a.json(&["audit", "list", "--json"]),
    )
}

#[test]
fn a_backup_taken_while_another_connection_writes_is_one_consistent_moment() {
    let s = Store::demo(300);
    let before = lookup::participants::list(&s.conn(), &Default::default())
        .unwrap()
        .len();
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (ws, stop) = (s.ws.clone(), stop.clone());
        let clerk = s.actor("clerk");
        std::thread::spawn(move || {
            let mut conn = ws.open().unwrap();
            let mut added = 0;
            while !stop.load(Ordering::Relaxed) || added < 20 {
                let d = details(&conn, &format!("Writer{added:05}"));
                desk::participants::add(&mut conn, &clerk, d).unwrap();
                added += 1;
            }
            added
        })
    };
    // Let the writer get going, then back up (and take an automatic one) under it.
    while lookup::participants::list(&s.conn(), &Default::default())
        .unwrap()
        .len()
        < before + 5
    {
        std::thread::yield_now();
    }
    let file = s.dir.path().join("during.backup");
    let admin = s.actor("admin");
    let options = BackupOptions {
        with_keys: false,
        passphrase: PASSPHRASE,
    };
    let manifest = backup::create(&s.ws, &admin, &file, &options).unwrap();
    let automatic = auto::run_now(&s.ws, 5).unwrap();
    stop.store(true, Ordering::Relaxed);
    let added = writer.join().unwrap();
    assert!(manifest.participants as usize > before);
    assert!(
        (manifest.participants as usize) < before + added,
        "taken while writing"
    );

    for (source, passphrase) in [(&file, Some(PASSPHRASE)), (&automatic.path, None)] {
        // Restored into a new event of the same engine.
        let target = tempfile::tempdir().unwrap();
        let ws = common::core::new_workspace(target.path());
        let summary = backup::restore(&ws, None, source, passphrase).unwrap();
        let conn = ws.open().unwrap();
        // Every participant present is whole and was written with its audit entry.
        let participants = lookup::participants::list(&conn, &Default::default()).unwrap();
        let created: i64 = conn
            .query_row(
                "SELECT count(*) FROM audit_log WHERE action = 'participant.create'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(participants.len() - before, created as usize, "{source:?}");
        assert!(
            participants
                .iter()
                .all(|p| !p.details.family_name.is_empty())
        );
        assert!(audit::verify(&conn).unwrap().is_intact());
        if conn.is_sqlite() {
            let check: String = conn
                .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                .unwrap();
            assert_eq!(check, "ok");
        }
        if passphrase.is_some() {
            assert_eq!(summary.manifest.participants as usize, participants.len());
        }
    }
}

#[test]
fn a_restore_gives_back_exactly_what_was_committed_and_keeps_the_current_store_aside() {
    let a = Accredit::demo(120);
    let nominated =
        common::ids(&a.json(&["participants", "list", "--status", "nominated", "--json"]));
    let (n1, n2) = (nominated[0].to_string(), nominated[1].to_string());
    a.ok_as("supervisor", &["participants", "approve", &n1]);
    let saved = state(&a);
    let file = a.data_dir().join("..").join(format!(
        "{}.backup",
        a.data_dir().file_name().unwrap().to_string_lossy()
    ));
    let file_arg = file.to_str().unwrap();
    let out = ok(with_passphrase(
        a.command(&["backup", "-o", file_arg, "--json"]),
        PASSPHRASE,
    ));
    let manifest: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(manifest["event"], "HN25");
    assert_eq!(manifest["with_keys"], false);
    for field in [
        "format",
        "event",
        "event_name",
        "schema_version",
        "created_at",
        "created_by",
        "participants",
        "badges",
        "audit_entries",
        "with_keys",
        "keys",
    ] {
        assert!(manifest.get(field).is_some(), "{field} in {manifest}");
    }

    // Work goes on after the backup…
    a.ok_as("supervisor", &["participants", "approve", &n2]);
    a.ok_as(
        "clerk",
        &["participants", "edit", &n1, "--notes", "after the backup"],
    );
    let later = state(&a);
    assert_ne!(later.0, saved.0);

    // …and the backup brings the store back to the moment it was taken.
    let out = ok(with_passphrase(
        a.command(&["restore", file_arg, "--json"]),
        PASSPHRASE,
    ));
    let summary: serde_json::Value = serde_json::from_str(&out).unwrap();
    let (participants, badges, trail) = state(&a);
    assert_eq!(participants, saved.0);
    assert_eq!(badges, saved.1);
    let trail = trail.as_array().unwrap();
    let saved_trail = saved.2.as_array().unwrap();
    assert_eq!(&trail[..saved_trail.len()], &saved_trail[..]);
    let tail: Vec<_> = trail[saved_trail.len()..]
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(tail, ["store.restore"], "only the restore itself follows");
    a.ok(&["audit", "verify"]);

    // The replaced store is kept aside, whole.
    let aside = std::path::PathBuf::from(summary["kept_aside"].as_str().unwrap());
    let kept = rusqlite::Connection::open(aside.join("accredit.sqlite")).unwrap();
    let notes: String = kept
        .query_row("SELECT notes FROM participants WHERE id = ?1", [&n1], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(notes, "after the backup");
    assert!(aside.join("keys").is_dir(), "the keys are kept aside too");
    let _ = std::fs::remove_file(&file);
}

#[test]
fn damaged_or_foreign_backups_and_wrong_passphrases_change_nothing() {
    let a = Accredit::demo(60);
    let file = a.data_dir().join("good.backup");
    let file_arg = file.to_str().unwrap();
    ok(with_passphrase(
        a.command(&["backup", "-o", file_arg]),
        PASSPHRASE,
    ));
    let saved = state(&a);
    let bytes = std::fs::read(&file).unwrap();

    let wrong = fails(with_passphrase(
        a.command(&["restore", file_arg]),
        "not the passphrase",
    ));
    assert!(wrong.contains("passphrase is wrong"), "{wrong}");

    let mut flipped = bytes.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x40;
    let truncated = bytes[..bytes.len() - 100].to_vec();
    for (name, content, expected) in [
        ("flipped.backup", flipped, "damaged"),
        ("truncated.backup", truncated, "damaged or truncated"),
        (
            "notes.txt",
            b"just some text".to_vec(),
            "neither an Accredit backup",
        ),
    ] {
        let path = a.data_dir().join(name);
        std::fs::write(&path, content).unwrap();
        let err = fails(with_passphrase(
            a.command(&["restore", path.to_str().unwrap()]),
            PASSPHRASE,
        ));
        assert!(err.contains(expected), "{name}: {err}");
    }
    // A corrupted automatic backup fails SQLite's integrity check; one from a
    // newer Accredit is refused by its schema version.
    let auto = a.json(&["backups", "run", "--json"]);
    let plain = std::path::PathBuf::from(auto["path"].as_str().unwrap());
    let mut pages = std::fs::read(&plain).unwrap();
    assert!(pages.len() > 40 * 4096);
    for page in [5usize, 20, 35] {
        pages[page * 4096..(page + 1) * 4096].fill(0xA5);
    }
    let corrupt = a.data_dir().join("corrupt.sqlite");
    std::fs::write(&corrupt, pages).unwrap();
    let err = a.fails(&["restore", corrupt.to_str().unwrap()]);
    assert!(
        err.contains("integrity") || err.contains("damaged"),
        "{err}"
    );

    let newer = a.data_dir().join("newer.sqlite");
    std::fs::copy(&plain, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let err = a.fails(&["restore", newer.to_str().unwrap()]);
    assert!(err.contains("newer than this program knows"), "{err}");

    assert_eq!(state(&a), saved, "nothing was replaced");
    assert!(!a.data_dir().join("replaced").exists());
    // And the good backup still restores.
    ok(with_passphrase(
        a.command(&["restore", file_arg, "--check"]),
        PASSPHRASE,
    ));
}

#[test]
fn signing_keys_travel_only_with_keys_and_only_for_administrators() {
    let a = Accredit::demo_now(80);
    let without = a.data_dir().join("plain.backup");
    let with = a.data_dir().join("keys.backup");
    let err = fails(with_passphrase(
        a.command_as("clerk", &["backup", "-o", without.to_str().unwrap()]),
        PASSPHRASE,
    ));
    assert!(err.contains("clerk (clerk) may not back up"), "{err}");
    let err = fails(with_passphrase(
        a.command_as(
            "supervisor",
            &["backup", "-o", with.to_str().unwrap(), "--with-keys"],
        ),
        PASSPHRASE,
    ));
    assert!(err.contains("may not manage signing keys"), "{err}");
    ok(with_passphrase(
        a.command_as("supervisor", &["backup", "-o", without.to_str().unwrap()]),
        PASSPHRASE,
    ));
    ok(with_passphrase(
        a.command(&["backup", "-o", with.to_str().unwrap(), "--with-keys"]),
        PASSPHRASE,
    ));
    // Replacing an event takes an administrator.
    let err = fails(with_passphrase(
        a.command_as("supervisor", &["restore", without.to_str().unwrap()]),
        PASSPHRASE,
    ));
    assert!(err.contains("may not restore"), "{err}");

    let approved =
        common::ids(&a.json(&["participants", "list", "--status", "approved", "--json"]))[0]
            .to_string();
    for (file, keys) in [(&without, false), (&with, true)] {
        // A new laptop: an empty data directory, nobody to sign in yet.
        let fresh = Accredit::empty();
        let out = with_passphrase(
            fresh.command(&["restore", file.to_str().unwrap()]),
            PASSPHRASE,
        );
        ok(out);
        assert_eq!(fresh.data_dir().join("keys").is_dir(), keys);
        // The event root travels with the signing keys.
        let roots = std::fs::read_dir(fresh.data_dir().join("keys"))
            .map(|d| {
                d.filter(|e| {
                    e.as_ref()
                        .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "root"))
                })
                .count()
            })
            .unwrap_or(0);
        assert_eq!(roots, usize::from(keys));
        let pdf = fresh.data_dir().join("badge.pdf");
        let print = fresh.run_as(
            "clerk",
            &[
                "badges",
                "reprint",
                &approved,
                "--reason",
                "lost",
                "-o",
                pdf.to_str().unwrap(),
            ],
        );
        if keys {
            ok(print);
        } else {
            let err = fails(print);
            assert!(
                err.contains("restore the keys from a backup made with --with-keys"),
                "{err}"
            );
        }
    }
}

#[test]
fn automatic_backups_run_when_due_and_keep_the_last_k() {
    let s = Store::demo(20);
    let admin = s.actor("admin");
    let clerk = s.actor("clerk");
    let mut conn = s.conn();
    assert_eq!(auto::settings(&conn).unwrap(), BackupSettings::default());
    let err = auto::set_settings(
        &mut conn,
        &clerk,
        &BackupSettings {
            keep: 3,
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(matches!(err, Error::PermissionDenied { .. }));
    let err = auto::set_settings(
        &mut conn,
        &admin,
        &BackupSettings {
            every_minutes: 0,
            keep: 0,
            enabled: true,
        },
    )
    .unwrap_err();
    assert_eq!(err.field_errors().len(), 2, "{err}");
    auto::set_settings(
        &mut conn,
        &admin,
        &BackupSettings {
            keep: 3,
            ..Default::default()
        },
    )
    .unwrap();

    let first = auto::run_if_due(&s.ws)
        .unwrap()
        .expect("the first is due at once");
    assert!(
        auto::run_if_due(&s.ws).unwrap().is_none(),
        "the next only in 10 minutes"
    );
    let mut taken = vec![first.path];
    for _ in 0..4 {
        taken.push(auto::run_now(&s.ws, 3).unwrap().path);
    }
    let kept: Vec<_> = auto::list(&s.ws)
        .unwrap()
        .into_iter()
        .map(|b| b.path)
        .collect();
    assert_eq!(kept, taken[2..], "the last three, oldest first");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&kept[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "owner-only");
    }
    // Each is a whole store.
    let copy = db::Db::open_sqlite_as_is(&kept[2], true).unwrap();
    assert!(lookup::event::find(&copy).unwrap().is_some());
    let status = desk::participants::list(
        &copy,
        &admin,
        &lookup::participants::Filter {
            status: Some(ParticipantStatus::Approved),
            ..Default::default()
        },
    );
    assert!(!status.unwrap().is_empty());

    auto::set_settings(
        &mut conn,
        &admin,
        &BackupSettings {
            enabled: false,
            ..Default::default()
        },
    )
    .unwrap();
    std::fs::remove_dir_all(auto::dir(&s.ws)).unwrap();
    assert!(auto::run_if_due(&s.ws).unwrap().is_none(), "off means off");
}
