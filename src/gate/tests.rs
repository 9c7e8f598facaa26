//! The gate's flows through the core: on the main store and on a package.

use crate::store::Db;
use std::path::PathBuf;

use super::*;
use crate::auth::Actor;
use crate::credential::{self, Claims, EventKey};
use crate::domain::{Badge, BadgeStatus, Checkpoint, Direction, Directions, Role};
use crate::error::Error;
use crate::workspace::Workspace;
use crate::{desk, store};

/// 25 October 2025, 09:00 in Hanoi: during the demo event.
pub(super) const DURING: i64 = 1_761_357_600;
pub(super) const MAIN: &str = "Main entrance (Thăng Long Boulevard) – Plenary hall";
pub(super) const NORTH_EXIT: &str = "Plenary hall – North exit";

pub(super) struct Demo {
    pub(super) dir: tempfile::TempDir,
    pub(super) ws: Workspace,
}

impl Demo {
    pub(super) fn new(participants: usize) -> Demo {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path().join("data"));
        crate::demo::create(&ws, participants, crate::demo::Dates::seed(), false).unwrap();
        let root = crate::signing::root_public(&ws.open().unwrap()).unwrap();
        enrolment::Enrolment::enrol(
            &dir.path().join("laptop"),
            root,
            None,
            "north-1",
            false,
            DURING,
        )
        .unwrap();
        Demo { dir, ws }
    }

    /// The gate laptop's data directory, enrolled with the demo's root.
    pub(super) fn laptop(&self) -> PathBuf {
        self.dir.path().join("laptop")
    }

    pub(super) fn enrolment(&self) -> enrolment::Enrolment {
        enrolment::Enrolment::load(&self.laptop()).unwrap()
    }

    /// The desk enrols the laptop's station (`gate stations add`).
    pub(super) fn enrol_station(&self, conn: &mut Db) {
        let file = self.enrolment().station_file();
        stations::add(conn, &Actor::system(), &file.name, &file.public_key).unwrap();
    }

    pub(super) fn open_package(&self, path: &std::path::Path) -> crate::Result<Station> {
        Station::open_package(path, &mut self.enrolment())
    }

    pub(super) fn conn(&self) -> Db {
        self.ws.open().unwrap()
    }

    pub(super) fn station(&self) -> Station {
        Station::open_store(self.conn()).unwrap()
    }

    pub(super) fn badges(&self) -> Vec<Badge> {
        store::badges::list(&self.conn()).unwrap()
    }

    /// An active badge that opens `zone` and, when given, not `without`.
    pub(super) fn badge_for(&self, zone: u8, without: Option<u8>) -> Badge {
        self.badges()
            .into_iter()
            .find(|b| {
                b.status == BadgeStatus::Active
                    && b.zones.contains(zone)
                    && without.is_none_or(|w| !b.zones.contains(w))
            })
            .expect("a badge of that kind in the demo")
    }

    pub(super) fn export(&self, name: &str, checkpoints: &[&str]) -> PathBuf {
        let path = self.dir.path().join(name);
        let names: Vec<String> = checkpoints.iter().map(|c| c.to_string()).collect();
        package::export(
            &self.ws,
            &mut self.conn(),
            &Actor::system(),
            &names,
            &path,
            DURING,
        )
        .unwrap();
        path
    }
}

fn actor(name: &str, role: Role) -> Actor {
    Actor {
        operator: None,
        name: name.into(),
        role,
    }
}

pub(super) fn officer() -> Actor {
    actor("gate", Role::Gate)
}

pub(super) fn supervisor() -> Actor {
    actor("supervisor", Role::Supervisor)
}

pub(super) fn checkpoint(station: &Station, name: &str) -> Checkpoint {
    station.checkpoint_named(name).unwrap().clone()
}

pub(super) fn scan_at(
    station: &mut Station,
    text: &str,
    checkpoint: &str,
    direction: Direction,
    at: i64,
) -> ScanOutcome {
    let checkpoint = station.checkpoint_named(checkpoint).unwrap().id;
    station
        .scan(
            &officer(),
            &ScanRequest {
                text,
                checkpoint,
                direction,
                at,
                station: "Lane 1",
            },
        )
        .unwrap()
}

pub(super) fn verdict(outcome: &ScanOutcome) -> &'static str {
    outcome.verdict.as_str()
}

/// The scans of `conn`, as (verdict, passed).
fn stored(conn: &Db) -> Vec<(String, bool)> {
    store::scans::list(conn, &store::scans::Filter::default())
        .unwrap()
        .into_iter()
        .map(|s| (s.verdict.as_str().to_owned(), s.passed))
        .collect()
}

#[test]
fn accept_then_already_inside_then_exit_then_entry_again() {
    let demo = Demo::new(120);
    let badge = demo.badge_for(1, None);
    let mut station = demo.station();
    let text = badge.credential.as_str();

    let first = scan_at(&mut station, text, MAIN, Direction::Entry, DURING);
    assert_eq!(verdict(&first), "ACCEPTED");
    assert!(first.passed);
    assert_eq!(first.participant, Some(badge.participant));
    let holder = first.holder.as_ref().expect("the holder is shown");
    assert_eq!(holder.serial, badge.serial);
    assert!(!holder.name.is_empty());
    assert_eq!(first.badge.as_ref().unwrap().zones, badge.zones);
    assert_eq!(first.message, "Entry to Zone 1 — Plenary hall");

    // The scan row is on disk before the verdict came back: another
    // connection sees it.
    let other = demo.conn();
    let row = store::scans::get(&other, &first.scan).unwrap().unwrap();
    assert_eq!(
        (row.verdict.as_str(), row.passed, row.station.as_str()),
        ("ACCEPTED", true, "Lane 1")
    );
    assert_eq!(row.operator, "gate");

    let again = scan_at(&mut station, text, MAIN, Direction::Entry, DURING + 2460);
    assert_eq!(verdict(&again), "ALREADY_INSIDE");
    assert_eq!(again.inside_since, Some(DURING));
    assert_eq!(again.message, "Already inside since 09:00");
    assert!(!again.passed);

    let out = scan_at(
        &mut station,
        text,
        NORTH_EXIT,
        Direction::Exit,
        DURING + 3600,
    );
    assert_eq!(verdict(&out), "ACCEPTED");
    assert_eq!(out.message, "Leaving Zone 1 — Plenary hall");
    let back = scan_at(&mut station, text, MAIN, Direction::Entry, DURING + 3700);
    assert_eq!(verdict(&back), "ACCEPTED");

    assert_eq!(
        stored(&other),
        [
            ("ACCEPTED".into(), true),
            ("ALREADY_INSIDE".into(), false),
            ("ACCEPTED".into(), true),
            ("ACCEPTED".into(), true),
        ]
    );
}

#[test]
fn anti_passback_is_per_zone() {
    let demo = Demo::new(120);
    let badge = demo.badge_for(1, None);
    let other_zone = badge.zones.iter().find(|&z| z != 1).expect("a second zone");
    let mut station = demo.station();
    let other_checkpoint = station
        .checkpoints()
        .iter()
        .find(|c| c.zone == other_zone && c.directions.allows(Direction::Entry))
        .map(|c| c.name.clone());
    let text = badge.credential.as_str();
    assert_eq!(
        verdict(&scan_at(&mut station, text, MAIN, Direction::Entry, DURING)),
        "ACCEPTED"
    );
    if let Some(name) = other_checkpoint {
        assert_eq!(
            verdict(&scan_at(
                &mut station,
                text,
                &name,
                Direction::Entry,
                DURING + 60
            )),
            "ACCEPTED",
            "inside zone 1 does not keep them out of zone {other_zone}"
        );
    }
}

#[test]
fn wrong_zone_and_wrong_direction() {
    let demo = Demo::new(200);
    let badge = demo.badge_for(6, Some(1));
    let mut station = demo.station();
    let denied = scan_at(
        &mut station,
        &badge.credential,
        MAIN,
        Direction::Entry,
        DURING,
    );
    assert_eq!(verdict(&denied), "ZONE_DENIED");
    assert_eq!(denied.message, "No access to Zone 1 — Plenary hall");
    assert!(denied.holder.is_some(), "a refusal still shows who it is");

    let inside = demo.badge_for(1, None);
    let wrong_way = scan_at(
        &mut station,
        &inside.credential,
        NORTH_EXIT,
        Direction::Entry,
        DURING,
    );
    assert_eq!(verdict(&wrong_way), "WRONG_DIRECTION");
    assert_eq!(wrong_way.message, "This checkpoint is for exit only");
    assert_eq!(
        checkpoint(&station, NORTH_EXIT).directions,
        Directions::Exit
    );
}

#[test]
fn revoked_after_a_reprint() {
    let demo = Demo::new(120);
    let old = demo.badge_for(1, None);
    let pdf = demo.dir.path().join("reprint.pdf");
    let (revoked, new) = desk::printing::reprint(
        &demo.ws,
        &mut demo.conn(),
        &actor("clerk", Role::Clerk),
        old.participant,
        desk::badges::ReprintReason::Lost,
        crate::domain::Layout::A6,
        &pdf,
        true, // a past event's badge, printed knowingly
    )
    .unwrap();
    assert_eq!(revoked.unwrap().serial, old.serial);
    let mut station = demo.station();
    let refused = scan_at(
        &mut station,
        &old.credential,
        MAIN,
        Direction::Entry,
        DURING,
    );
    assert_eq!(verdict(&refused), "REVOKED");
    assert_eq!(refused.message, "Badge revoked");
    assert_eq!(
        refused.holder.as_ref().unwrap().participant,
        old.participant
    );
    let accepted = scan_at(
        &mut station,
        &new.credential,
        MAIN,
        Direction::Entry,
        DURING,
    );
    assert_eq!(verdict(&accepted), "ACCEPTED");
}

#[test]
fn expired_not_yet_valid_and_forged() {
    let demo = Demo::new(80);
    let badge = demo.badge_for(1, None);
    let mut station = demo.station();
    let text = badge.credential.as_str();
    let expired = scan_at(
        &mut station,
        text,
        MAIN,
        Direction::Entry,
        badge.expires + 301,
    );
    assert_eq!(verdict(&expired), "EXPIRED");
    assert_eq!(expired.message, "Badge expired on 27 Oct 2025 00:00");
    let early = scan_at(
        &mut station,
        text,
        MAIN,
        Direction::Entry,
        badge.not_before - 301,
    );
    assert_eq!(verdict(&early), "NOT_YET_VALID");

    // One character changed.
    let mut altered = text.to_string();
    let last = altered.pop().unwrap();
    altered.push(if last == '0' { '1' } else { '0' });
    let forged = scan_at(&mut station, &altered, MAIN, Direction::Entry, DURING);
    assert!(
        ["BAD_SIGNATURE", "MALFORMED"].contains(&verdict(&forged)),
        "{}",
        verdict(&forged)
    );
    assert!(forged.holder.is_none() && !forged.passed);

    // Well formed, signed by a key the event does not trust.
    let claims = Claims {
        event: "HN25".into(),
        serial: badge.serial,
        participant: badge.participant as u64,
        category: "HOS".into(),
        zones: crate::domain::ZoneSet::ALL,
        not_before: badge.not_before as u64,
        expires: badge.expires as u64,
        photo: None,
    };
    let rogue = EventKey::generate(1_758_000_000, 1_765_000_000).unwrap();
    let forged = credential::issue(&claims, &rogue).unwrap();
    let outcome = scan_at(&mut station, &forged, MAIN, Direction::Entry, DURING);
    assert_eq!(verdict(&outcome), "UNKNOWN_KEY");

    let garbage = scan_at(&mut station, "hello", MAIN, Direction::Entry, DURING);
    assert_eq!(verdict(&garbage), "MALFORMED");
    assert_eq!(garbage.participant, None);
    // Every refusal is recorded too.
    assert_eq!(stored(&demo.conn()).len(), 5);
}

#[test]
fn override_needs_a_supervisor_and_a_reason() {
    let demo = Demo::new(200);
    let badge = demo.badge_for(6, Some(1));
    let mut station = demo.station();
    let refused = scan_at(
        &mut station,
        &badge.credential,
        MAIN,
        Direction::Entry,
        DURING,
    );
    assert_eq!(verdict(&refused), "ZONE_DENIED");

    let err = station
        .override_refusal(
            &officer(),
            &officer(),
            &refused.scan,
            "VIP escort",
            DURING + 30,
            "Lane 1",
        )
        .unwrap_err();
    assert!(matches!(err, Error::PermissionDenied { .. }), "{err}");
    let err = station
        .override_refusal(
            &officer(),
            &supervisor(),
            &refused.scan,
            "  ",
            DURING + 30,
            "Lane 1",
        )
        .unwrap_err();
    assert_eq!(err.field_errors()[0].field, "reason");

    let let_through = station
        .override_refusal(
            &officer(),
            &supervisor(),
            &refused.scan,
            "Escorted by protocol to the plenary",
            DURING + 30,
            "Lane 1",
        )
        .unwrap();
    assert!(let_through.passed);
    assert_eq!(verdict(&let_through), "ZONE_DENIED", "the refusal is kept");
    assert_eq!(let_through.override_by, "supervisor");
    assert_eq!(let_through.operator, "gate");
    assert_eq!(
        let_through.overrides.as_deref(),
        Some(refused.scan.as_str())
    );
    assert_eq!(let_through.message, "Let through by supervisor");
    assert_eq!(
        let_through.override_reason,
        "Escorted by protocol to the plenary"
    );

    // Once only; and never an accepted scan.
    let err = station
        .override_refusal(
            &officer(),
            &supervisor(),
            &refused.scan,
            "again",
            DURING + 40,
            "Lane 1",
        )
        .unwrap_err();
    assert!(err.to_string().contains("already let through"), "{err}");
    let accepted = scan_at(
        &mut station,
        &demo.badge_for(1, None).credential,
        MAIN,
        Direction::Entry,
        DURING,
    );
    let err = station
        .override_refusal(
            &officer(),
            &supervisor(),
            &accepted.scan,
            "x",
            DURING,
            "Lane 1",
        )
        .unwrap_err();
    assert!(err.to_string().contains("nothing to override"), "{err}");

    // The refusal row is unchanged, the override is a row of its own, and
    // the audit trail names the supervisor.
    let conn = demo.conn();
    let original = store::scans::get(&conn, &refused.scan).unwrap().unwrap();
    assert!(!original.passed && original.override_reason.is_empty());
    let entries = store::audit::list(&conn, &store::audit::Filter::default()).unwrap();
    let entry = entries
        .iter()
        .find(|e| e.action == "gate.override")
        .expect("an audit entry");
    assert_eq!(entry.operator, "supervisor");
    assert_eq!(entry.participant, Some(badge.participant));
    // The holder let through is now inside zone 1.
    let again = scan_at(
        &mut station,
        &badge.credential,
        MAIN,
        Direction::Entry,
        DURING + 90,
    );
    assert_eq!(verdict(&again), "ZONE_DENIED", "the zone check comes first");
}

#[test]
fn gate_officers_may_scan_clerks_may_not() {
    let demo = Demo::new(40);
    let mut station = demo.station();
    let checkpoint = checkpoint(&station, MAIN).id;
    let err = station
        .scan(
            &actor("clerk", Role::Clerk),
            &ScanRequest {
                text: "ACR1:",
                checkpoint,
                direction: Direction::Entry,
                at: DURING,
                station: "Lane 1",
            },
        )
        .unwrap_err();
    assert!(matches!(err, Error::PermissionDenied { .. }));
    let err = station
        .scan(
            &officer(),
            &ScanRequest {
                text: "ACR1:",
                checkpoint,
                direction: Direction::Entry,
                at: DURING,
                station: " ",
            },
        )
        .unwrap_err();
    assert_eq!(err.field_errors()[0].field, "station");
    assert!(stored(&demo.conn()).is_empty());
}

#[test]
fn a_package_carries_only_what_the_gate_shows() {
    let demo = Demo::new(150);
    let path = demo.export("main.gate", &[MAIN, NORTH_EXIT]);
    let bytes = std::fs::read(&path).unwrap();
    let conn = demo.conn();
    let participants =
        store::participants::list(&conn, &store::participants::Filter::default()).unwrap();
    for p in &participants {
        let number = &p.details.document.number;
        assert!(
            !number.is_empty() && !bytes.windows(number.len()).any(|w| w == number.as_bytes()),
            "document number {number} is in the package"
        );
        if let Some(dob) = p.details.date_of_birth {
            let dob = dob.to_string();
            assert!(
                !bytes.windows(dob.len()).any(|w| w == dob.as_bytes()),
                "date of birth {dob} is in the package"
            );
        }
        let email = &p.details.email;
        assert!(!bytes.windows(email.len()).any(|w| w == email.as_bytes()));
    }
    // No secret key: the seed in keys/ appears nowhere.
    for entry in std::fs::read_dir(demo.ws.keys_dir()).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let seed = text
            .split('"')
            .find(|s| s.len() == 64 && s.chars().all(|c| c.is_ascii_hexdigit()))
            .unwrap();
        let seed = hex::decode(seed).unwrap();
        assert!(!bytes.windows(32).any(|w| w == seed.as_slice()));
    }
    let package = package::Package::open(&path, &demo.enrolment().pin()).unwrap();
    let active = demo
        .badges()
        .iter()
        .filter(|b| b.status == BadgeStatus::Active)
        .count();
    assert_eq!(package.holder_count().unwrap() as usize, active);
    // Every active holder with a photo has it, made small, in the package.
    let badges = demo.badges();
    let with_photo: Vec<_> = participants
        .iter()
        .filter(|p| p.photo.is_some())
        .filter(|p| {
            badges
                .iter()
                .any(|b| b.participant == p.id && b.status == BadgeStatus::Active)
        })
        .collect();
    assert!(!with_photo.is_empty());
    for p in with_photo {
        let holder = package.holder(p.id).unwrap().expect("an active holder");
        let jpeg = holder.photo.expect("the holder's photo is in the package");
        assert!(jpeg.starts_with(&[0xFF, 0xD8]), "a JPEG");
    }
    assert_eq!(package.checkpoints.len(), 2);
    assert_eq!(package.event.code.as_str(), "HN25");
    assert!(package.operator("gate").unwrap().is_some());
    assert!(package.operator("supervisor").unwrap().is_some());
    assert!(
        package.operator("admin").unwrap().is_none(),
        "no administrator"
    );
    assert!(package.operator("clerk").unwrap().is_none());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "the package is the owner's only");
    }
}

#[test]
fn an_offline_gate_checks_every_case_from_the_package_alone() {
    let demo = Demo::new(200);
    let path = demo.export("main.gate", &[MAIN, NORTH_EXIT]);
    let inside = demo.badge_for(1, None);
    let outsider = demo.badge_for(6, Some(1));
    // Revoked after the package was made: the gate cannot know until it
    // gets a new revocation list.
    let revoked_later = demo
        .badges()
        .into_iter()
        .find(|b| {
            b.status == BadgeStatus::Active
                && b.zones.contains(1)
                && b.participant != inside.participant
        })
        .unwrap();
    desk::badges::revoke(
        &mut demo.conn(),
        &supervisor(),
        revoked_later.serial,
        "Lost",
    )
    .unwrap();

    // The main store is out of reach: move it away.
    std::fs::rename(demo.ws.data_dir(), demo.dir.path().join("elsewhere")).unwrap();
    let mut gate = demo.open_package(&path).unwrap();
    assert!(gate.is_offline());
    let me = gate.sign_in("gate", "demo-gate", DURING).unwrap();
    assert_eq!(me.role, Role::Gate);
    let e = gate.sign_in("gate", "wrong", DURING).unwrap_err();
    assert!(
        matches!(&e, Error::Refused(m) if m.contains("unknown operator or wrong password")),
        "{e}"
    );
    let e = gate.sign_in("clerk", "demo-clerk", DURING).unwrap_err();
    assert!(
        matches!(&e, Error::Refused(m) if m.contains("unknown operator or wrong password")),
        "{e}"
    );

    let text = inside.credential.as_str();
    let accepted = scan_at(&mut gate, text, MAIN, Direction::Entry, DURING);
    assert_eq!(verdict(&accepted), "ACCEPTED");
    let holder = accepted.holder.as_ref().unwrap();
    assert!(!holder.name.is_empty());
    if let Some(jpeg) = &holder.photo {
        let photo = image::load_from_memory(jpeg).unwrap();
        assert_eq!((photo.width(), photo.height()), (150, 200));
    }
    assert_eq!(
        verdict(&scan_at(
            &mut gate,
            text,
            MAIN,
            Direction::Entry,
            DURING + 60
        )),
        "ALREADY_INSIDE"
    );
    assert_eq!(
        verdict(&scan_at(
            &mut gate,
            text,
            NORTH_EXIT,
            Direction::Exit,
            DURING + 120
        )),
        "ACCEPTED"
    );
    assert_eq!(
        verdict(&scan_at(
            &mut gate,
            text,
            MAIN,
            Direction::Entry,
            DURING + 180
        )),
        "ACCEPTED"
    );
    assert_eq!(
        verdict(&scan_at(
            &mut gate,
            &outsider.credential,
            MAIN,
            Direction::Entry,
            DURING
        )),
        "ZONE_DENIED"
    );
    assert_eq!(
        verdict(&scan_at(
            &mut gate,
            text,
            MAIN,
            Direction::Entry,
            inside.expires + 400
        )),
        "EXPIRED"
    );
    assert_eq!(
        verdict(&scan_at(
            &mut gate,
            "ACR1:NOT A BADGE",
            MAIN,
            Direction::Entry,
            DURING
        )),
        "MALFORMED"
    );
    assert_eq!(
        verdict(&scan_at(
            &mut gate,
            &revoked_later.credential,
            MAIN,
            Direction::Entry,
            DURING
        )),
        "ACCEPTED",
        "the package's list predates the revocation"
    );

    // An offline override, by a supervisor who signs in at the gate.
    let refused = scan_at(
        &mut gate,
        &outsider.credential,
        MAIN,
        Direction::Entry,
        DURING + 5,
    );
    let boss = gate
        .sign_in("supervisor", "demo-supervisor", DURING)
        .unwrap();
    let through = gate
        .override_refusal(
            &me,
            &boss,
            &refused.scan,
            "Press pool escort",
            DURING + 10,
            "Lane 1",
        )
        .unwrap();
    assert!(through.passed);
    assert_eq!(
        gate.recent(&me, "Lane 1", 3).unwrap()[0].scan.id,
        through.scan
    );
}

#[test]
fn revocations_reach_an_offline_gate() {
    let demo = Demo::new(120);
    let path = demo.export("main.gate", &[MAIN]);
    let badge = demo.badge_for(1, None);
    desk::badges::revoke(&mut demo.conn(), &supervisor(), badge.serial, "Stolen").unwrap();
    let older =
        crate::signing::issue_revocation_list(&demo.ws, &mut demo.conn(), &supervisor()).unwrap();
    let newer =
        crate::signing::issue_revocation_list(&demo.ws, &mut demo.conn(), &supervisor()).unwrap();

    let mut gate = demo.open_package(&path).unwrap();
    let me = gate.sign_in("gate", "demo-gate", DURING).unwrap();
    assert_eq!(
        verdict(&scan_at(
            &mut gate,
            &badge.credential,
            MAIN,
            Direction::Entry,
            DURING
        )),
        "ACCEPTED"
    );
    assert_eq!(gate.update_revocations(&me, &newer.signed).unwrap().1, 1);
    let err = gate.update_revocations(&me, &older.signed).unwrap_err();
    assert!(err.to_string().contains("refused"), "{err}");
    let mut tampered = newer.signed.clone();
    let last = tampered.len() - 1;
    tampered[last] ^= 1;
    let e = gate.update_revocations(&me, &tampered).unwrap_err();
    assert!(
        matches!(&e, Error::Refused(m) if m.contains("the revocation list's signature does not verify")),
        "{e}"
    );
    assert_eq!(
        verdict(&scan_at(
            &mut gate,
            &badge.credential,
            MAIN,
            Direction::Exit,
            DURING + 60
        )),
        "REVOKED"
    );
    // The new list is kept beside the package: a restarted gate keeps it.
    drop(gate);
    let mut gate = demo.open_package(&path).unwrap();
    assert_eq!(
        verdict(&scan_at(
            &mut gate,
            &badge.credential,
            MAIN,
            Direction::Entry,
            DURING + 90
        )),
        "REVOKED"
    );
}

#[test]
fn a_badge_newer_than_the_package_is_unknown_to_it() {
    let demo = Demo::new(120);
    let path = demo.export("main.gate", &[MAIN]);
    let old = demo.badge_for(1, None);
    let (_, new) = desk::printing::reprint(
        &demo.ws,
        &mut demo.conn(),
        &actor("clerk", Role::Clerk),
        old.participant,
        desk::badges::ReprintReason::Damaged,
        crate::domain::Layout::A6,
        &demo.dir.path().join("reprint.pdf"),
        true,
    )
    .unwrap();
    let mut gate = demo.open_package(&path).unwrap();
    let outcome = scan_at(&mut gate, &new.credential, MAIN, Direction::Entry, DURING);
    assert_eq!(verdict(&outcome), "UNKNOWN_BADGE");
    assert!(outcome.message.contains("call a supervisor"));
    // A new package knows it, and refuses the replaced badge.
    let path = demo.export("main.gate", &[MAIN]);
    let mut gate = demo.open_package(&path).unwrap();
    assert_eq!(
        verdict(&scan_at(
            &mut gate,
            &new.credential,
            MAIN,
            Direction::Entry,
            DURING + 1
        )),
        "ACCEPTED"
    );
    assert_eq!(
        verdict(&scan_at(
            &mut gate,
            &old.credential,
            MAIN,
            Direction::Entry,
            DURING + 2
        )),
        "REVOKED"
    );
}

#[test]
fn a_damaged_or_foreign_file_is_refused_on_load() {
    let demo = Demo::new(40);
    let err = demo
        .open_package(&demo.ws.db_path())
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("not made by `accredit gate export`"), "{err}");
    let junk = demo.dir.path().join("junk.gate");
    std::fs::write(&junk, b"not a database at all").unwrap();
    let e = demo.open_package(&junk).err().expect("junk is refused");
    assert!(
        matches!(&e, Error::Refused(m) if m.contains("is not a usable gate package")),
        "{e}"
    );
    let missing = demo
        .open_package(&demo.dir.path().join("missing.gate"))
        .err()
        .expect("a missing file is refused");
    assert!(missing.to_string().contains("missing.gate"), "{missing}");
}

#[test]
fn export_refuses_unknown_checkpoints_and_the_wrong_role() {
    let demo = Demo::new(20);
    let path = demo.dir.path().join("p.gate");
    let err = package::export(
        &demo.ws,
        &mut demo.conn(),
        &Actor::system(),
        &["Nowhere".into()],
        &path,
        DURING,
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("no checkpoint named \"Nowhere\""),
        "{err}"
    );
    let err = package::export(
        &demo.ws,
        &mut demo.conn(),
        &supervisor(),
        &[MAIN.into()],
        &path,
        DURING,
    )
    .unwrap_err();
    assert!(matches!(err, Error::PermissionDenied { .. }));
    assert!(!path.exists());
}

#[test]
fn scans_come_home_exactly_once() {
    let demo = Demo::new(150);
    let path = demo.export("main.gate", &[MAIN, NORTH_EXIT]);
    let mut gate = demo.open_package(&path).unwrap();
    let me = gate.sign_in("gate", "demo-gate", DURING).unwrap();
    let badges: Vec<Badge> = demo
        .badges()
        .into_iter()
        .filter(|b| b.status == BadgeStatus::Active && b.zones.contains(1))
        .take(12)
        .collect();
    for (i, b) in badges.iter().enumerate() {
        scan_at(
            &mut gate,
            &b.credential,
            MAIN,
            Direction::Entry,
            DURING + i as i64,
        );
    }
    let refused = scan_at(&mut gate, "ACR1:X", MAIN, Direction::Entry, DURING + 50);
    let boss = gate
        .sign_in("supervisor", "demo-supervisor", DURING)
        .unwrap();
    gate.override_refusal(
        &me,
        &boss,
        &refused.scan,
        "Badge damaged, ID checked",
        DURING + 60,
        "Lane 1",
    )
    .unwrap();
    // A scan made online at the same time, that must not be disturbed.
    let mut online = demo.station();
    scan_at(
        &mut online,
        &badges[0].credential,
        NORTH_EXIT,
        Direction::Exit,
        DURING + 70,
    );

    let file = gate.export_scans(&me).unwrap();
    assert_eq!(file.scans.len(), 14);
    let out = demo.dir.path().join("scans.json");
    transfer::write_scans(&out, &file).unwrap();
    let read = transfer::read_scans(&out).unwrap();
    assert_eq!(read, file);

    let mut conn = demo.conn();
    demo.enrol_station(&mut conn);
    let first = transfer::import_scans(&mut conn, &me, &read, "scans.json").unwrap();
    assert_eq!((first.new, first.already, first.overrides), (14, 0, 1));
    assert_eq!(first.stations, ["Lane 1"]);
    assert_eq!(first.signed_by, "north-1");
    // Each merged scan keeps the identity of the station that signed it.
    let kid: Vec<u8> = conn
        .query_row(
            "SELECT station_kid FROM scans WHERE id = ?1",
            [&file.scans[0].id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kid, demo.enrolment().station_kid());
    let audit_before = store::audit::list(&conn, &store::audit::Filter::default())
        .unwrap()
        .len();
    let second = transfer::import_scans(&mut conn, &me, &read, "scans.json").unwrap();
    assert_eq!((second.new, second.already), (0, 14));
    assert_eq!(
        store::audit::list(&conn, &store::audit::Filter::default())
            .unwrap()
            .len(),
        audit_before,
        "importing twice changes nothing"
    );
    assert_eq!(store::scans::count(&conn).unwrap(), 15);
    for entry in &file.scans {
        let scan = store::scans::get(&conn, &entry.id).unwrap().unwrap();
        assert_eq!(scan.verdict, entry.verdict);
        assert_eq!(scan.passed, entry.passed);
        assert_eq!(scan.override_by, entry.override_by);
    }
    // Imported entries count for anti-passback at online gates.
    assert_eq!(
        verdict(&scan_at(
            &mut online,
            &badges[1].credential,
            MAIN,
            Direction::Entry,
            DURING + 100
        )),
        "ALREADY_INSIDE"
    );
}

/// An accepted entry at the main entrance, as a gate writes it home.
fn accepted_entry() -> transfer::ScanEntry {
    transfer::ScanEntry {
        id: uuid::Uuid::new_v4().to_string(),
        serial: Some(100_001),
        participant: Some(1),
        checkpoint_id: 1,
        checkpoint: MAIN.into(),
        zone: 1,
        direction: Direction::Entry,
        verdict: GateVerdict::ACCEPTED,
        passed: true,
        at: DURING,
        station: "Lane 1".into(),
        operator: "gate".into(),
        override_reason: String::new(),
        override_by: String::new(),
        overrides: None,
    }
}

#[test]
fn a_bad_scans_file_imports_nothing() {
    let demo = Demo::new(20);
    let mut conn = demo.conn();
    let good = accepted_entry();
    let mut bad_zone = good.clone();
    bad_zone.id = uuid::Uuid::new_v4().to_string();
    bad_zone.zone = 70;
    let mut passed_refusal = good.clone();
    passed_refusal.id = uuid::Uuid::new_v4().to_string();
    passed_refusal.verdict = Verdict::Revoked.into();
    let mut not_uuid = good.clone();
    not_uuid.id = "1".into();
    demo.enrol_station(&mut conn);
    let station = demo.enrolment();
    let mut file = transfer::ScansFile {
        format: transfer::SCANS_FORMAT.into(),
        event: "HN25".into(),
        exported_at: DURING,
        station: String::new(),
        station_kid: String::new(),
        scans: vec![good.clone(), bad_zone, passed_refusal, not_uuid],
        signature: String::new(),
    };
    file.sign(&station.station, &station.station_key);
    let err = transfer::import_scans(&mut conn, &officer(), &file, "f.json")
        .unwrap_err()
        .to_string();
    assert!(err.contains("3 scan(s) are not valid"), "{err}");
    assert!(err.contains("scan 2") && err.contains("zone 70"), "{err}");
    assert!(
        err.contains("scan 3") && err.contains("passed is true"),
        "{err}"
    );
    assert!(
        err.contains("scan 4") && err.contains("not a UUID"),
        "{err}"
    );
    assert_eq!(store::scans::count(&conn).unwrap(), 0);

    let mut other_event = transfer::ScansFile {
        event: "XY26".into(),
        scans: vec![good],
        ..file
    };
    other_event.sign(&station.station, &station.station_key);
    let err = transfer::import_scans(&mut conn, &officer(), &other_event, "f.json").unwrap_err();
    assert!(err.to_string().contains("event XY26"), "{err}");
    let junk = demo.dir.path().join("junk.json");
    std::fs::write(&junk, "{\"format\": 1}").unwrap();
    let err = transfer::read_scans(&junk).unwrap_err().to_string();
    assert!(err.contains("not a scans file"), "{err}");
}

#[test]
fn a_scans_file_naming_an_unknown_verdict_is_refused_naming_it() {
    let demo = Demo::new(20);
    let mut conn = demo.conn();
    demo.enrol_station(&mut conn);
    let station = demo.enrolment();
    let mut file = transfer::ScansFile {
        format: transfer::SCANS_FORMAT.into(),
        event: "HN25".into(),
        exported_at: DURING,
        station: String::new(),
        station_kid: String::new(),
        scans: vec![accepted_entry()],
        signature: String::new(),
    };
    file.sign(&station.station, &station.station_key);
    let path = demo.dir.path().join("scans.json");
    transfer::write_scans(&path, &file).unwrap();
    let written = std::fs::read_to_string(&path).unwrap();
    // The verdict is written as its identifier, as it always was.
    assert!(written.contains("\"verdict\": \"ACCEPTED\""), "{written}");
    std::fs::write(&path, written.replace("\"ACCEPTED\"", "\"WAVED_THROUGH\"")).unwrap();
    let err = transfer::import_scans_file(&mut conn, &officer(), &path).unwrap_err();
    assert!(
        matches!(&err, Error::Refused(m) if m.contains("\"WAVED_THROUGH\" is not a gate verdict")),
        "{err}"
    );
    assert_eq!(store::scans::count(&conn).unwrap(), 0);
    let refused = store::audit::list(&conn, &store::audit::Filter::default())
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "gate.scans.refused")
        .count();
    assert_eq!(refused, 1, "the refusal is audited");
}

#[test]
fn an_offline_sign_in_locks_after_failures() {
    let demo = Demo::new(10);
    let path = demo.export("main.gate", &[MAIN]);
    let mut gate = demo.open_package(&path).unwrap();
    for _ in 0..crate::auth::LOCK_AFTER_FAILURES {
        let e = gate.sign_in("gate", "wrong", DURING).unwrap_err();
        assert!(
            matches!(&e, Error::Refused(m) if m.contains("unknown operator or wrong password")),
            "{e}"
        );
    }
    let err = gate.sign_in("gate", "demo-gate", DURING + 1).unwrap_err();
    assert!(err.to_string().contains("locked"), "{err}");
    // Counted beside the package, so restarting the gate does not reset it.
    drop(gate);
    let mut gate = demo.open_package(&path).unwrap();
    let e = gate.sign_in("gate", "demo-gate", DURING + 2).unwrap_err();
    assert!(
        matches!(&e, Error::Refused(m) if m.contains("is locked after")),
        "{e}"
    );
    assert!(
        gate.sign_in("gate", "demo-gate", DURING + crate::auth::LOCK_SECONDS + 1)
            .is_ok()
    );
}

#[test]
fn a_stale_revocation_list_is_a_warning() {
    let demo = Demo::new(10);
    let path = demo.export("main.gate", &[MAIN]);
    let gate = demo.open_package(&path).unwrap();
    assert!(gate.warnings(DURING + 60).is_empty());
    let warnings = gate.warnings(DURING + 3 * 3600);
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("3 h old"), "{warnings:?}");
    assert!(demo.station().warnings(DURING + 10 * 3600).is_empty());
}

#[test]
fn a_group_commit_checks_each_scan_after_the_ones_before() {
    let demo = Demo::new(80);
    let badge = demo.badge_for(1, None);
    let mut station = demo.station();
    let main = checkpoint(&station, MAIN).id;
    let request = |at: i64, lane: &'static str| ScanRequest {
        text: &badge.credential,
        checkpoint: main,
        direction: Direction::Entry,
        at,
        station: lane,
    };
    let outcomes = station
        .scan_batch(
            &officer(),
            &[
                request(DURING, "Lane 1"),
                request(DURING + 1, " "),
                request(DURING + 2, "Lane 2"),
            ],
        )
        .unwrap();
    assert_eq!(outcomes.len(), 3);
    assert_eq!(outcomes[0].as_ref().unwrap().verdict.as_str(), "ACCEPTED");
    assert_eq!(
        outcomes[1].as_ref().unwrap_err().field_errors()[0].field,
        "station"
    );
    let second = outcomes[2].as_ref().unwrap();
    assert_eq!(second.verdict.as_str(), "ALREADY_INSIDE");
    assert_eq!(second.inside_since, Some(DURING));
    assert_eq!(stored(&demo.conn()).len(), 2);
}

#[test]
fn an_online_gate_trusts_a_key_rotated_while_it_runs() {
    let demo = Demo::new(60);
    let mut station = demo.station();
    let old = demo.badge_for(1, None);
    crate::signing::rotate(&demo.ws, &mut demo.conn(), &Actor::system()).unwrap();
    let (_, new) = desk::printing::reprint(
        &demo.ws,
        &mut demo.conn(),
        &actor("clerk", Role::Clerk),
        old.participant,
        desk::badges::ReprintReason::Damaged,
        crate::domain::Layout::A6,
        &demo.dir.path().join("reprint.pdf"),
        true,
    )
    .unwrap();
    assert_eq!(
        verdict(&scan_at(
            &mut station,
            &new.credential,
            MAIN,
            Direction::Entry,
            DURING
        )),
        "ACCEPTED"
    );
}
