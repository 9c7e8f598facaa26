//! The gate screen driven through `iced_test` on a demo store: scans and
//! their verdicts, exits, revoked and expired badges, overrides, a scanner
//! typing while the field lost the focus, an offline package, the export.

use super::*;
use crate::gui::tests::harness;
use accredit::domain::{BadgeStatus, Role};
use accredit::i18n::{Language, LanguageScope};
use iced_test::selector;

/// 25 October 2025, 09:00 in Hanoi: during the demo event.
const DURING: i64 = 1_761_357_600;
const NORTH_EXIT: &str = "Plenary hall – North exit";

fn during() -> i64 {
    DURING
}

fn after_the_event() -> i64 {
    1_761_700_000
}

/// Updates the state with `messages` and with everything their tasks
/// produce; returns what the screen told the application meanwhile.
fn feed(state: &mut State, messages: impl IntoIterator<Item = Message>) -> Vec<Event> {
    let mut events = Vec::new();
    for message in messages {
        let (task, event) = state.update(message);
        events.extend(event);
        let more = harness::messages(task);
        events.extend(feed(state, more));
    }
    events
}

struct Demo {
    _dir: tempfile::TempDir,
    ws: Workspace,
}

fn demo() -> Demo {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::new(dir.path().join("data"));
    accredit::demo::create(&ws, 200, accredit::demo::Dates::seed(), false).unwrap();
    Demo { _dir: dir, ws }
}

/// A gate laptop's data directory beside the demo, enrolled with its root.
fn laptop(demo: &Demo) -> std::path::PathBuf {
    let dir = demo._dir.path().join("laptop");
    if !accredit::gate::enrolment::Enrolment::exists(&dir) {
        let root = accredit::signing::root_public(&demo.ws.open().unwrap()).unwrap();
        accredit::gate::enrolment::Enrolment::enrol(&dir, root, None, "lane-1", false, DURING)
            .unwrap();
    }
    dir
}

fn officer() -> Actor {
    Actor {
        operator: None,
        name: "gate".into(),
        role: Role::Gate,
    }
}

fn credential(demo: &Demo, zone: u8, without: Option<u8>) -> (String, i64) {
    lookup::badges::list(&demo.ws.open().unwrap())
        .unwrap()
        .into_iter()
        .find(|b| {
            b.status == BadgeStatus::Active
                && b.zones.contains(zone)
                && without.is_none_or(|w| !b.zones.contains(w))
        })
        .map(|b| (b.credential, b.participant))
        .unwrap()
}

/// The gate screen on the demo store, scanning at the main entrance.
fn scanning(demo: &Demo, now: fn() -> i64) -> State {
    let (mut state, task) = State::new_at(
        Source::Store {
            workspace: demo.ws.clone(),
            actor: officer(),
        },
        now,
    );
    feed(&mut state, harness::messages(task));
    assert!(!state.is_scanning());
    // In the language of the test's thread.
    let start = accredit::t!("gate-start-scanning");
    interact(&mut state, |ui| {
        ui.click(start.as_str()).unwrap();
    });
    assert!(state.is_scanning());
    state
}

/// A scanner typing `text` then Enter into the scan field.
fn scan(state: &mut State, text: &str) -> ScanOutcome {
    let messages: Vec<Message> = {
        let mut ui = iced_test::simulator(state.view());
        ui.click(selector::id(SCAN_INPUT)).unwrap();
        ui.typewrite(text);
        ui.tap_key(Key::Named(Named::Enter));
        ui.into_messages().collect()
    };
    assert!(matches!(messages.last(), Some(Message::Submit)));
    feed(state, messages);
    state.shown().expect("a verdict on screen").clone()
}

/// Interacts with the screen as drawn now, then updates it with what
/// the interaction produced.
fn interact(state: &mut State, act: impl FnOnce(&mut iced_test::Simulator<'_, Message>)) {
    let messages: Vec<Message> = {
        let mut ui = iced_test::simulator(state.view());
        act(&mut ui);
        ui.into_messages().collect()
    };
    feed(state, messages);
}

fn shows(state: &State, text: &str) -> bool {
    let mut ui = iced_test::simulator(state.view());
    ui.find(text).is_ok()
}

use accredit::lookup;

#[test]
fn scans_show_their_verdict_full_window() {
    let demo = demo();
    let mut state = scanning(&demo, during);
    assert!(shows(&state, "Ready"));
    let (member, participant) = credential(&demo, 1, None);

    let accepted = scan(&mut state, &member);
    assert_eq!(accepted.verdict.as_str(), "ACCEPTED");
    assert_eq!(accepted.participant, Some(participant));
    assert!(shows(&state, "ACCEPTED"));
    assert!(shows(&state, "Entry to Zone 1 — Plenary hall"));
    let name = accepted.holder.as_ref().unwrap().name.clone();
    assert!(shows(&state, &name));
    assert!(shows(&state, "1  Plenary hall"), "the zones, by name");
    assert!(state.shown.as_ref().unwrap().photo.is_some(), "the photo");
    assert!(!shows(&state, "Override…"), "nothing to override");

    let again = scan(&mut state, &member);
    assert_eq!(again.verdict.as_str(), "ALREADY_INSIDE");
    assert!(shows(&state, "REFUSED"));
    assert!(shows(&state, "Already inside since 09:00"));
    assert!(shows(&state, "Override…"));

    let (media, _) = credential(&demo, 6, Some(1));
    assert_eq!(scan(&mut state, &media).verdict.as_str(), "ZONE_DENIED");
    assert!(shows(&state, "No access to Zone 1 — Plenary hall"));

    let mut forged = member.clone();
    let last = forged.pop().unwrap();
    forged.push(if last == '0' { '1' } else { '0' });
    let refused = scan(&mut state, &forged);
    assert!(!refused.passed && refused.holder.is_none());
    assert!(shows(&state, "REFUSED"));

    // Every scan is in the recent list, newest first.
    let recent: Vec<&str> = state.recent().iter().map(|r| r.verdict.as_str()).collect();
    assert_eq!(recent[1..], ["ZONE_DENIED", "ALREADY_INSIDE", "ACCEPTED"]);
    assert!(shows(&state, &name));
}

#[test]
fn a_recorded_scan_tells_the_application_and_setting_up_does_not() {
    let demo = demo();
    let mut state = scanning(&demo, during);
    let (member, _) = credential(&demo, 1, None);
    let events = feed(&mut state, [Message::InputChanged(member), Message::Submit]);
    assert_eq!(events, [Event::ScansRecorded]);
    assert!(state.shown().is_some_and(|o| o.passed));
    let events = feed(&mut state, [Message::ChangeCheckpoint]);
    assert!(events.is_empty(), "{events:?}");
}

#[test]
fn exit_then_entry_again_and_revoked_and_expired() {
    let demo = demo();
    let mut state = scanning(&demo, during);
    let (member, participant) = credential(&demo, 1, None);
    assert_eq!(scan(&mut state, &member).verdict.as_str(), "ACCEPTED");

    // To the exit: back to the setup, the exit-only checkpoint.
    interact(&mut state, |ui| {
        ui.click("Change checkpoint").unwrap();
    });
    assert!(!state.is_scanning());
    let exit = state
        .info
        .as_ref()
        .unwrap()
        .checkpoints
        .iter()
        .find(|c| c.name == NORTH_EXIT)
        .unwrap()
        .clone();
    feed(
        &mut state,
        [Message::CheckpointPicked(CheckpointChoice {
            id: exit.id,
            label: exit.name.clone(),
        })],
    );
    assert_eq!(state.direction, Direction::Exit, "an exit-only checkpoint");
    interact(&mut state, |ui| {
        ui.click("Start scanning").unwrap();
    });
    let out = scan(&mut state, &member);
    assert_eq!(out.verdict.as_str(), "ACCEPTED");
    assert!(shows(&state, "Leaving Zone 1 — Plenary hall"));

    // Revoked: the desk reprints the badge.
    let pdf = demo.ws.data_dir().join("reprint.pdf");
    accredit::desk::printing::reprint(
        &demo.ws,
        &mut demo.ws.open().unwrap(),
        &Actor::system(),
        participant,
        accredit::desk::badges::ReprintReason::Lost,
        accredit::domain::Layout::A6,
        &pdf,
        true, // a past event's badge, printed knowingly
    )
    .unwrap();
    assert_eq!(scan(&mut state, &member).verdict.as_str(), "REVOKED");
    assert!(shows(&state, "Badge revoked"));

    let mut late = scanning(&demo, after_the_event);
    let (other, _) = credential(&demo, 1, None);
    assert_eq!(scan(&mut late, &other).verdict.as_str(), "EXPIRED");
    assert!(shows(&late, "Badge expired on 27 Oct 2025 00:00"));
}

#[test]
fn a_refusal_is_overridden_with_a_reason_and_a_supervisor() {
    let demo = demo();
    let mut state = scanning(&demo, during);
    let (media, _) = credential(&demo, 6, Some(1));
    let refused = scan(&mut state, &media);
    assert_eq!(refused.verdict.as_str(), "ZONE_DENIED");

    interact(&mut state, |ui| {
        ui.click("Override…").unwrap();
    });
    assert!(shows(&state, "Let this person through"));
    // Without a reason, nothing can be submitted.
    feed(&mut state, [Message::OverrideSubmit]);
    assert!(state.shown().is_some_and(|o| !o.passed));

    interact(&mut state, |ui| {
        ui.click(selector::id(REASON_INPUT)).unwrap();
        ui.typewrite("Pool camera crew, escorted");
        ui.click("Supervisor").unwrap();
        ui.typewrite("supervisor");
        ui.click("Supervisor's password").unwrap();
        ui.typewrite("demo-supervisor");
    });
    interact(&mut state, |ui| {
        ui.click("Let through").unwrap();
    });

    let through = state.shown().unwrap();
    assert!(through.passed);
    assert_eq!(through.override_by, "supervisor");
    assert_eq!(through.override_reason, "Pool camera crew, escorted");
    assert_eq!(through.overrides.as_deref(), Some(refused.scan.as_str()));
    assert!(shows(&state, "LET THROUGH"));
    assert!(state.override_form.is_none());
    assert!(state.recent()[0].overridden);
    let stored = lookup::scans::get(&demo.ws.open().unwrap(), &through.scan)
        .unwrap()
        .unwrap();
    assert!(stored.passed && stored.override_by == "supervisor");
}

#[test]
fn a_wrong_supervisor_password_lets_nobody_through() {
    let demo = demo();
    let mut state = scanning(&demo, during);
    let (media, _) = credential(&demo, 6, Some(1));
    scan(&mut state, &media);
    feed(
        &mut state,
        [
            Message::OverrideOpen,
            Message::ReasonChanged("Looks fine".into()),
            Message::SupervisorChanged("supervisor".into()),
            Message::SupervisorPasswordChanged("guess".into()),
            Message::OverrideSubmit,
        ],
    );
    assert!(state.shown().is_some_and(|o| !o.passed));
    assert!(shows(&state, "unknown operator or wrong password"));
}

#[test]
fn keys_typed_while_the_field_lost_focus_still_scan() {
    let demo = demo();
    let mut state = scanning(&demo, during);
    let (member, _) = credential(&demo, 1, None);
    let (head, tail) = member.split_at(10);
    feed(
        &mut state,
        [
            Message::Typed(head.into()),
            Message::Typed(tail.into()),
            Message::EnterPressed,
        ],
    );
    assert_eq!(state.shown().unwrap().verdict.as_str(), "ACCEPTED");
    assert!(
        state.input.is_empty(),
        "the field is ready for the next badge"
    );
    // While an override is being typed, keys belong to the form.
    assert_eq!(scan(&mut state, &member).verdict.as_str(), "ALREADY_INSIDE");
    feed(
        &mut state,
        [Message::OverrideOpen, Message::Typed("x".into())],
    );
    assert!(state.override_form.is_some());
    assert!(state.input.is_empty());
}

#[test]
fn an_offline_gate_signs_in_and_scans_from_the_package() {
    let demo = demo();
    let path = demo.ws.data_dir().join("main.gate");
    accredit::gate::package::export(
        &demo.ws,
        &mut demo.ws.open().unwrap(),
        &Actor::system(),
        &["Main entrance (Thăng Long Boulevard) – Plenary hall".into()],
        &path,
        DURING,
    )
    .unwrap();
    let (member, _) = credential(&demo, 1, None);
    let (mut state, task) = State::new_at(
        Source::Package {
            path,
            data_dir: laptop(&demo),
        },
        during,
    );
    feed(&mut state, harness::messages(task));
    assert!(shows(&state, "Sign in to scan"));
    interact(&mut state, |ui| {
        ui.click(selector::id(OPERATOR_INPUT)).unwrap();
        ui.typewrite("gate");
        ui.click("Password").unwrap();
        ui.typewrite("demo-gate");
        ui.tap_key(Key::Named(Named::Enter));
    });
    assert_eq!(state.actor.as_ref().map(|a| a.name.as_str()), Some("gate"));
    interact(&mut state, |ui| {
        ui.click("Start scanning").unwrap();
    });
    let accepted = scan(&mut state, &member);
    assert_eq!(accepted.verdict.as_str(), "ACCEPTED");
    assert!(state.shown.as_ref().unwrap().photo.is_some());
}

#[test]
fn an_administrator_saves_a_gate_package_from_the_screen() {
    let demo = demo();
    let (mut state, task) = State::new_at(
        Source::Store {
            workspace: demo.ws.clone(),
            actor: Actor::system(),
        },
        during,
    );
    feed(&mut state, harness::messages(task));
    assert!(shows(&state, "Offline gate package"));
    let main = state.info.as_ref().unwrap().checkpoints[0].clone();
    interact(&mut state, |ui| {
        ui.click(main.name.as_str()).unwrap();
    });
    assert!(state.export.chosen.contains(&main.id));
    // The file dialog answers with a path.
    let path = demo.ws.data_dir().join("lane.gate");
    feed(&mut state, [Message::ExportPath(Some(path.clone()))]);
    let summary = state.export.done.clone().unwrap().unwrap();
    assert_eq!(summary.checkpoints, std::slice::from_ref(&main.name));
    assert!(shows(
        &state,
        &format!(
            "Wrote {}: {} badge holders, {} photos, revocation list {}.",
            summary.file, summary.holders, summary.photos, summary.revocation_sequence
        )
    ));
    let mut enrolment = accredit::gate::enrolment::Enrolment::load(&laptop(&demo)).unwrap();
    assert!(Station::open_package(&path, &mut enrolment).is_ok());
    // A gate officer is not offered it.
    let (mut officer_view, task) = State::new_at(
        Source::Store {
            workspace: demo.ws.clone(),
            actor: officer(),
        },
        during,
    );
    feed(&mut officer_view, harness::messages(task));
    assert!(!shows(&officer_view, "Offline gate package"));
}

fn export_main(demo: &Demo, name: &str) -> std::path::PathBuf {
    let path = demo._dir.path().join(name);
    accredit::gate::package::export(
        &demo.ws,
        &mut demo.ws.open().unwrap(),
        &Actor::system(),
        &["Main entrance (Thăng Long Boulevard) – Plenary hall".into()],
        &path,
        DURING,
    )
    .unwrap();
    path
}

/// The gate screen on `path` from `data_dir`, once it tried to open.
fn gate_on(path: std::path::PathBuf, data_dir: std::path::PathBuf) -> State {
    let (mut state, task) = State::new_at(Source::Package { path, data_dir }, during);
    feed(&mut state, harness::messages(task));
    state
}

#[test]
fn the_gate_screen_refuses_every_tampered_package() {
    let demo = demo();
    let path = export_main(&demo, "main.gate");
    let attacks = [
        (
            "key",
            "UPDATE package SET trust_list = CAST(trust_list || x'00' AS BLOB)",
            "changed after export",
        ),
        (
            "revocation",
            "DELETE FROM revocation_list",
            "its revocation list",
        ),
        (
            "name",
            "UPDATE holders SET name = 'Mallory' WHERE rowid = 1",
            "its badge holders",
        ),
        (
            "photo",
            "UPDATE photos SET jpeg = x'FFD8FFD9' WHERE rowid = 1",
            "its holders' photos",
        ),
        (
            "operator",
            "INSERT INTO operators SELECT 'mallory', 'supervisor', password_hash FROM operators LIMIT 1",
            "its operators",
        ),
    ];
    for (what, sql, words) in attacks {
        let copy = demo._dir.path().join(format!("{what}.gate"));
        std::fs::copy(&path, &copy).unwrap();
        rusqlite::Connection::open(&copy)
            .unwrap()
            .execute_batch(sql)
            .unwrap();
        let state = gate_on(copy, laptop(&demo));
        assert!(shows(&state, "The gate cannot start"), "{what}");
        let error = state
            .error
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        assert!(error.contains(words), "{what}: {error}");
        assert!(!shows(&state, "Sign in to scan"), "{what}");
    }
    // A package of the same conference made with another root.
    let other = self::demo();
    let foreign = export_main(&other, "foreign.gate");
    let state = gate_on(foreign, laptop(&demo));
    assert!(shows(&state, "The gate cannot start"));
    assert!(
        state
            .error
            .as_ref()
            .is_some_and(|e| e.to_string().contains("signed by another root")),
        "{:?}",
        state.error
    );
    // The genuine package opens.
    let state = gate_on(path, laptop(&demo));
    assert!(shows(&state, "Sign in to scan"));
}

#[test]
fn a_laptop_not_enrolled_is_enrolled_from_the_gate_screen() {
    let demo = demo();
    let path = export_main(&demo, "main.gate");
    let fresh = demo._dir.path().join("fresh-laptop");
    let mut state = gate_on(path, fresh.clone());
    assert!(shows(&state, "Enrol this laptop as a gate"));
    interact(&mut state, |ui| {
        ui.click("Fingerprint, e.g. 3F2A 9C01 77B4 E0D2 5A6C 1188 C0DE 42F7")
            .unwrap();
        ui.typewrite("0000 0000 0000 0000 0000 0000 0000 0000");
        ui.click("Enrol this laptop").unwrap();
    });
    let error = state
        .enrol
        .as_ref()
        .and_then(|f| f.error.as_ref())
        .map(ToString::to_string)
        .unwrap_or_default();
    assert!(error.contains("do not enrol"), "{error}");
    assert!(!accredit::gate::enrolment::Enrolment::exists(&fresh));
    let fingerprint = accredit::signing::root_info(&demo.ws.open().unwrap())
        .unwrap()
        .fingerprint;
    feed(
        &mut state,
        [
            Message::EnrolFingerprintChanged(fingerprint),
            Message::Enrol,
        ],
    );
    assert!(accredit::gate::enrolment::Enrolment::exists(&fresh));
    assert!(shows(&state, "Sign in to scan"));
}

#[test]
fn scans_travel_home_from_the_gate_screen_and_an_edited_file_is_refused() {
    let demo = demo();
    let path = export_main(&demo, "main.gate");
    let (member, _) = credential(&demo, 1, None);
    let mut gate = gate_on(path, laptop(&demo));
    interact(&mut gate, |ui| {
        ui.click(selector::id(OPERATOR_INPUT)).unwrap();
        ui.typewrite("gate");
        ui.click("Password").unwrap();
        ui.typewrite("demo-gate");
        ui.tap_key(Key::Named(Named::Enter));
    });
    assert!(shows(&gate, "Save the scans…"));
    interact(&mut gate, |ui| {
        ui.click("Start scanning").unwrap();
    });
    assert_eq!(scan(&mut gate, &member).verdict.as_str(), "ACCEPTED");
    feed(&mut gate, [Message::ChangeCheckpoint]);
    // The save dialog answers with a path.
    let saved = demo._dir.path().join("lane-1-scans.json");
    feed(&mut gate, [Message::ScansPath(Some(saved.clone()))]);
    assert!(shows(
        &gate,
        &format!("Saved 1 scans to {}.", saved.display())
    ));

    // At the desk: the station is enrolled with the event.
    let file = accredit::gate::enrolment::Enrolment::load(&laptop(&demo))
        .unwrap()
        .station_file();
    accredit::gate::stations::add(
        &mut demo.ws.open().unwrap(),
        &Actor::system(),
        &file.name,
        &file.public_key,
    )
    .unwrap();
    let (mut desk, task) = State::new_at(
        Source::Store {
            workspace: demo.ws.clone(),
            actor: officer(),
        },
        during,
    );
    feed(&mut desk, harness::messages(task));
    assert!(shows(&desk, "Bring scans home…"));
    // An entry moved by a minute after the gate signed the file.
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&saved).unwrap()).unwrap();
    let at = json["scans"][0]["at"].as_i64().unwrap();
    json["scans"][0]["at"] = (at + 60).into();
    let edited = demo._dir.path().join("edited.json");
    std::fs::write(&edited, serde_json::to_vec(&json).unwrap()).unwrap();
    feed(&mut desk, [Message::ScansPath(Some(edited))]);
    let refusal = |desk: &State| match &desk.scans.done {
        Some(Err(e)) => e.to_string(),
        other => panic!("not refused: {other:?}"),
    };
    let edited_refusal = refusal(&desk);
    assert!(shows(&desk, &format!("Scans refused: {edited_refusal}")));
    let imported = |desk: &State| match &desk.scans.done {
        Some(Ok(scans::ScansDone::Imported(s))) => s.new,
        _ => 0,
    };
    assert_eq!(imported(&desk), 0);
    // An invented file, never signed by any station.
    json["signature"] = "".into();
    let invented = demo._dir.path().join("invented.json");
    std::fs::write(&invented, serde_json::to_vec(&json).unwrap()).unwrap();
    feed(&mut desk, [Message::ScansPath(Some(invented))]);
    let invented_refusal = refusal(&desk);
    assert!(shows(&desk, &format!("Scans refused: {invented_refusal}")));
    // The file as the gate saved it comes home.
    feed(&mut desk, [Message::ScansPath(Some(saved))]);
    assert_eq!(imported(&desk), 1);
    assert!(shows(
        &desk,
        "Imported 1 new scans (0 already here) from station lane-1."
    ));
}

/// Whether `text` is on screen as a verdict's headline, large (the recent
/// list shows the verdicts' codes, ACCEPTED among them, small).
fn headline(state: &State, text: &str) -> bool {
    let mut ui = iced_test::simulator(state.view());
    ui.find(text).is_ok_and(|t| t.bounds().height >= 28.0)
}

/// The gate in the language of the test's thread: an accepted entry, then
/// refusals, each found on screen in `words` (ready, accepted headline and
/// words, refused headline and words).
fn speaks(language: Language, words: [&str; 6]) {
    let _lang = LanguageScope::new(language);
    let [ready, accepted, entry, refused, inside, denied] = words;
    let demo = demo();
    let mut state = scanning(&demo, during);
    assert!(shows(&state, ready), "{language:?}: {ready}");
    let (member, _) = credential(&demo, 1, None);
    assert_eq!(scan(&mut state, &member).verdict.as_str(), "ACCEPTED");
    assert!(headline(&state, accepted), "{language:?}: {accepted}");
    assert!(shows(&state, entry), "{language:?}: {entry}");
    assert!(!headline(&state, "ACCEPTED"), "{language:?}: no English");
    assert!(!shows(&state, "Entry to Zone 1 — Plenary hall"));

    assert_eq!(scan(&mut state, &member).verdict.as_str(), "ALREADY_INSIDE");
    assert!(headline(&state, refused), "{language:?}: {refused}");
    assert!(shows(&state, inside), "{language:?}: {inside}");
    assert!(shows(&state, "ALREADY_INSIDE"), "the code stays as it is");
    assert!(!shows(&state, "REFUSED"));

    let (media, _) = credential(&demo, 6, Some(1));
    assert_eq!(scan(&mut state, &media).verdict.as_str(), "ZONE_DENIED");
    assert!(headline(&state, refused));
    assert!(shows(&state, denied), "{language:?}: {denied}");
}

#[test]
fn the_gate_speaks_vietnamese() {
    speaks(
        Language::Vietnamese,
        [
            "Sẵn sàng",
            "CHO VÀO",
            "Vào Khu vực 1 — Plenary hall",
            "TỪ CHỐI",
            "Đã ở bên trong từ 09:00",
            "Không được vào Khu vực 1 — Plenary hall",
        ],
    );
}

#[test]
fn the_gate_speaks_arabic() {
    speaks(
        Language::Arabic,
        [
            "جاهز",
            "مسموح بالدخول",
            "دخول إلى المنطقة 1 — Plenary hall",
            "مرفوض",
            "موجود في الداخل منذ 09:00",
            "غير مسموح بدخول المنطقة 1 — Plenary hall",
        ],
    );
}

/// The gate on the demo store, set up with `second` chosen as the
/// verdicts' second language, then scanning.
fn set_up_with_second(demo: &Demo, second: Language) -> State {
    let (mut state, task) = State::new_at(
        Source::Store {
            workspace: demo.ws.clone(),
            actor: officer(),
        },
        during,
    );
    feed(&mut state, harness::messages(task));
    assert!(shows(&state, &accredit::t!("gate-second-language")));
    feed(
        &mut state,
        [Message::SecondLanguagePicked(SecondLanguage(Some(second)))],
    );
    let start = accredit::t!("gate-start-scanning");
    interact(&mut state, |ui| {
        ui.click(start.as_str()).unwrap();
    });
    assert!(state.is_scanning());
    state
}

#[test]
fn a_gate_shows_its_verdicts_in_two_languages_at_once() {
    let _lang = LanguageScope::new(Language::Vietnamese);
    let demo = demo();
    let mut state = set_up_with_second(&demo, Language::English);
    let (member, _) = credential(&demo, 1, None);

    scan(&mut state, &member);
    // Vietnamese above for the officer, English below for the delegate.
    assert!(headline(&state, "CHO VÀO") && headline(&state, "ACCEPTED"));
    assert!(shows(&state, "Vào Khu vực 1 — Plenary hall"));
    assert!(shows(&state, "Entry to Zone 1 — Plenary hall"));
    scan(&mut state, &member);
    assert!(headline(&state, "TỪ CHỐI") && headline(&state, "REFUSED"));
    assert!(shows(&state, "Đã ở bên trong từ 09:00"));
    assert!(shows(&state, "Already inside since 09:00"));
    assert!(!headline(&state, "CHO VÀO") && !headline(&state, "ACCEPTED"));

    // The choice stays with the checkpoint and direction when the officer
    // changes checkpoint, and can be put back to none.
    feed(&mut state, [Message::ChangeCheckpoint]);
    assert_eq!(state.second_language(), Some(Language::English));
    feed(
        &mut state,
        [Message::SecondLanguagePicked(SecondLanguage(None))],
    );
    feed(&mut state, [Message::Start]);
    scan(&mut state, &member);
    assert!(headline(&state, "TỪ CHỐI"));
    assert!(!shows(&state, "REFUSED"), "one language again");
}

#[test]
fn arabic_below_english_and_the_same_language_said_once() {
    let _lang = LanguageScope::new(Language::English);
    let demo = demo();
    let mut state = set_up_with_second(&demo, Language::Arabic);
    let (member, _) = credential(&demo, 1, None);
    scan(&mut state, &member);
    assert!(headline(&state, "ACCEPTED"));
    assert!(headline(&state, "مسموح بالدخول"));
    assert!(shows(&state, "Entry to Zone 1 — Plenary hall"));
    assert!(shows(&state, "دخول إلى المنطقة 1 — Plenary hall"));

    // A second language that is the interface's is not said twice.
    let mut same = set_up_with_second(&demo, Language::English);
    let (other, _) = credential(&demo, 6, Some(1));
    scan(&mut same, &other);
    assert!(headline(&same, "REFUSED"));
    assert!(!shows(&same, "مرفوض"));
}

#[test]
fn an_old_revocation_list_is_said_in_the_interface_s_language() {
    let _lang = LanguageScope::new(Language::English);
    let old = |minutes| view::warning_text(&Warning::OldRevocations { minutes });
    assert_eq!(
        old(95),
        "The revocation list is 95 min old: ask the organisers for a new one (accredit gate update-revocations)"
    );
    assert!(old(5 * 60).starts_with("The revocation list is 5 h old:"));
    assert!(old(3 * 24 * 60).starts_with("The revocation list is 3 days old:"));
    let _vi = LanguageScope::new(Language::Vietnamese);
    assert!(old(5 * 60).starts_with("Danh sách thẻ thu hồi đã cũ 5 giờ:"));
    let _ru = LanguageScope::new(Language::Russian);
    assert!(old(2 * 24 * 60).starts_with("Списку отзыва уже 2 дня:"));
    assert!(old(5 * 24 * 60).starts_with("Списку отзыва уже 5 дней:"));
}

#[test]
fn the_second_language_stays_set_after_the_gate_screen_is_opened_again() {
    let _lang = LanguageScope::new(Language::Vietnamese);
    let demo = demo();
    let (mut first, task) = State::new_at(
        Source::Store {
            workspace: demo.ws.clone(),
            actor: officer(),
        },
        during,
    );
    feed(&mut first, harness::messages(task));
    assert_eq!(first.second_language(), None, "none on a new machine");
    drop(first);
    let state = set_up_with_second(&demo, Language::English);
    drop(state);
    // The application closed and opened again on this machine.
    let (mut again, task) = State::new_at(
        Source::Store {
            workspace: demo.ws.clone(),
            actor: officer(),
        },
        during,
    );
    feed(&mut again, harness::messages(task));
    assert_eq!(again.second_language(), Some(Language::English));
    feed(&mut again, [Message::Start]);
    let (member, _) = credential(&demo, 1, None);
    scan(&mut again, &member);
    assert!(headline(&again, "CHO VÀO") && headline(&again, "ACCEPTED"));
}
