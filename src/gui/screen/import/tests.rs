use super::*;
use crate::gui::Session;

/// A demo event in a temporary directory, signed in as the clerk.
fn session() -> (tempfile::TempDir, Session) {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::new(dir.path());
    accredit::demo::create(&ws, 30, accredit::demo::Dates::seed(), false).unwrap();
    let actor = accredit::auth::sign_in(&ws.open().unwrap(), "clerk", "demo-clerk", 0).unwrap();
    let session = Session::load(ws, actor).unwrap();
    (dir, session)
}

const LIST: &str = "Delegation,Category,Family name,Given names,Date of birth\n\
    VNM,DEL,Trần,Thị Hương,12/12/1982\n\
    VNM,DEL,Phạm,Đức,31/02/1990\n";

fn write_list(dir: &tempfile::TempDir) -> PathBuf {
    let path = dir.path().join("nominations.csv");
    std::fs::write(&path, LIST).unwrap();
    path
}

/// Runs `update`; the task it returns would start the job in the
/// application, and is left aside here (tests run the job themselves).
fn send(state: &mut State, message: Message, session: &Session) -> Option<Event> {
    let (_task, event) = state.update(message, session);
    event
}

fn participants(session: &Session) -> i64 {
    session
        .workspace
        .open()
        .unwrap()
        .query_row("SELECT count(*) FROM participants", [], |r| r.get(0))
        .unwrap()
}

fn nominations(stage: &Stage) -> &ImportReport {
    match stage {
        Stage::Checked(Report::Nominations(r))
        | Stage::Importing(Report::Nominations(r))
        | Stage::Done {
            done: Report::Nominations(r),
            ..
        } => r,
        other => panic!("no nomination report in {other:?}"),
    }
}

#[test]
fn checking_needs_a_path() {
    let (_dir, session) = session();
    let mut state = State::new();
    let event = send(&mut state, Message::Check, &session);
    assert!(event.is_none());
    assert!(matches!(state.stage, Stage::Choosing));
    assert_eq!(
        state.error.as_ref().map(ToString::to_string).as_deref(),
        Some("Choose a CSV or XLSX file first.")
    );
    send(
        &mut state,
        Message::PathChanged("  \"/tmp/list.csv\" ".into()),
        &session,
    );
    assert!(state.error.is_none());
    assert_eq!(state.chosen_path(), Some(PathBuf::from("/tmp/list.csv")));
}

#[test]
fn an_empty_chooser_suggests_typing_the_path() {
    let (_dir, session) = session();
    let mut state = State::new();
    send(&mut state, Message::Picked(Ok(None)), &session);
    assert!(state.hint.as_deref().unwrap().contains("type the path"));
    send(
        &mut state,
        Message::Picked(Ok(Some(PathBuf::from("/data/list.xlsx")))),
        &session,
    );
    assert_eq!(state.path, "/data/list.xlsx");
    assert_eq!(state.hint, None);
}

#[test]
fn choosing_photos_starts_afresh() {
    let (_dir, session) = session();
    let mut state = State::new();
    send(
        &mut state,
        Message::PathChanged("/tmp/list.csv".into()),
        &session,
    );
    send(&mut state, Message::KindChosen(Kind::Photos), &session);
    assert_eq!(state.kind, Kind::Photos);
    assert!(state.path.is_empty());
    send(&mut state, Message::Check, &session);
    assert!(state.error.unwrap().to_string().contains("folder or ZIP"));
}

#[test]
fn a_refused_file_is_said_in_words_and_nothing_changes() {
    let (dir, session) = session();
    let path = dir.path().join("photo.csv");
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    let mut state = State::new();
    send(
        &mut state,
        Message::PathChanged(path.display().to_string()),
        &session,
    );
    let event = send(&mut state, Message::Check, &session);
    assert!(event.is_none());
    assert!(matches!(state.stage, Stage::Checking));
    let outcome = run(
        &session.workspace,
        &session.actor,
        Kind::Nominations,
        &path,
        None,
        true,
    )
    .map_err(JobError::from);
    send(&mut state, Message::Checked(outcome), &session);
    assert!(matches!(state.stage, Stage::Choosing));
    assert!(
        matches!(&state.error, Some(Problem::Refused(_))),
        "{:?}",
        state.error
    );
    assert!(state.error.unwrap().to_string().contains("it is an image"));
}

#[test]
fn check_confirm_and_done_reload_the_participants() {
    let (dir, session) = session();
    let path = write_list(&dir);
    let before = participants(&session);
    let mut state = State::new();
    send(
        &mut state,
        Message::PathChanged(path.display().to_string()),
        &session,
    );
    send(&mut state, Message::Check, &session);
    // The worker runs this very job; here it runs on the test's thread.
    let dry = run(
        &session.workspace,
        &session.actor,
        Kind::Nominations,
        &path,
        None,
        true,
    )
    .map_err(JobError::from);
    send(&mut state, Message::Checked(dry), &session);
    assert_eq!(nominations(&state.stage).imported, 1);
    assert_eq!(nominations(&state.stage).rejected, 1);
    assert_eq!(participants(&session), before, "the check writes nothing");

    let event = send(&mut state, Message::Confirm, &session);
    assert!(event.is_none());
    assert!(matches!(state.stage, Stage::Importing(_)));
    // While importing, the choices are frozen.
    send(
        &mut state,
        Message::PathChanged("elsewhere.csv".into()),
        &session,
    );
    assert_eq!(state.path, path.display().to_string());

    let real = run(
        &session.workspace,
        &session.actor,
        Kind::Nominations,
        &path,
        None,
        false,
    )
    .map_err(JobError::from);
    let event = send(&mut state, Message::Imported(real), &session);
    assert_eq!(event, Some(Event::Imported));
    assert!(matches!(state.stage, Stage::Done { .. }));
    assert_eq!(participants(&session), before + 1);

    send(&mut state, Message::StartOver, &session);
    assert!(matches!(state.stage, Stage::Choosing));
    assert!(state.path.is_empty());
}

#[test]
fn a_failed_import_keeps_the_check_and_says_nothing_was_imported() {
    let (dir, session) = session();
    let path = write_list(&dir);
    let mut state = State::new();
    send(
        &mut state,
        Message::PathChanged(path.display().to_string()),
        &session,
    );
    send(&mut state, Message::Check, &session);
    let dry = run(
        &session.workspace,
        &session.actor,
        Kind::Nominations,
        &path,
        None,
        true,
    )
    .map_err(JobError::from);
    send(&mut state, Message::Checked(dry), &session);
    send(&mut state, Message::Confirm, &session);
    let event = send(
        &mut state,
        Message::Imported(Err(JobError::from(accredit::Error::Other(
            "disk full".into(),
        )))),
        &session,
    );
    assert!(event.is_none());
    assert!(matches!(state.stage, Stage::Checked(_)));
    assert_eq!(
        state.error.as_ref().map(ToString::to_string).as_deref(),
        Some("Nothing was imported: disk full")
    );
}

#[test]
fn a_file_from_one_delegation() {
    let (dir, session) = session();
    let path = dir.path().join("vnm.csv");
    std::fs::write(&path, "Họ,Tên,Loại đại biểu\nLương,Cường,HOS\n").unwrap();
    let vnm = session
        .delegation_choices
        .iter()
        .find(|c| c.label.starts_with("VNM "))
        .unwrap()
        .clone();
    let mut state = State::new();
    send(&mut state, Message::DelegationChosen(vnm.clone()), &session);
    assert_eq!(state.delegation, vnm.id);
    let report = run(
        &session.workspace,
        &session.actor,
        Kind::Nominations,
        &path,
        vnm.id,
        true,
    )
    .unwrap();
    let Report::Nominations(r) = report else {
        panic!("a nomination report")
    };
    assert_eq!(r.imported, 1);
}

#[test]
fn simulation_import_with_a_rejected_row_shown() {
    let (dir, session) = session();
    let path = write_list(&dir);
    let mut state = State::new();
    send(
        &mut state,
        Message::PathChanged(path.display().to_string()),
        &session,
    );

    // The clerk presses Check.
    let mut ui = iced_test::simulator(state.view(&session));
    ui.click("Check").unwrap();
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(
        matches!(messages.as_slice(), [Message::Check]),
        "{messages:?}"
    );
    for message in messages {
        send(&mut state, message, &session);
    }
    let dry = run(
        &session.workspace,
        &session.actor,
        Kind::Nominations,
        &path,
        None,
        true,
    )
    .map_err(JobError::from);
    send(&mut state, Message::Checked(dry), &session);

    // The report shows the rejected row: line, column, reason.
    let mut ui = iced_test::simulator(state.view(&session));
    ui.find("Rejected rows").unwrap();
    ui.find("3").unwrap();
    ui.find("Date of birth").unwrap();
    ui.find("\"31/02/1990\" is not a date (use 2025-10-25 or 25/10/2025)")
        .unwrap();
    ui.find("to import").unwrap();
    ui.find("rejected").unwrap();
    ui.click("Import 1 participant").unwrap();
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(
        matches!(messages.as_slice(), [Message::Confirm]),
        "{messages:?}"
    );
    for message in messages {
        send(&mut state, message, &session);
    }
    let real = run(
        &session.workspace,
        &session.actor,
        Kind::Nominations,
        &path,
        None,
        false,
    )
    .map_err(JobError::from);
    let event = send(&mut state, Message::Imported(real), &session);
    assert_eq!(event, Some(Event::Imported));

    let mut ui = iced_test::simulator(state.view(&session));
    ui.find(
        "Done: 1 imported, 0 updated, 0 unchanged, 1 rejected. The participants are nominated and shown in Participants.",
    )
    .unwrap();
    ui.click("Start over").unwrap();
    assert!(matches!(
        ui.into_messages().collect::<Vec<_>>().as_slice(),
        [Message::StartOver]
    ));
}

#[test]
fn simulation_typing_a_path() {
    let (_dir, session) = session();
    let state = State::new();
    let mut ui = iced_test::simulator(state.view(&session));
    // Nothing to check yet: the button does nothing.
    ui.click("Check").unwrap();
    ui.click(iced_test::selector::id(PATH_INPUT)).unwrap();
    ui.typewrite("l");
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(
        matches!(messages.as_slice(), [Message::PathChanged(p)] if p == "l"),
        "{messages:?}"
    );
}

#[test]
fn operators_who_may_not_import_are_told_so() {
    let (_dir, mut session) = session();
    session.actor.role = accredit::domain::Role::Gate;
    let state = State::new();
    let mut ui = iced_test::simulator(state.view(&session));
    ui.find("clerk (gate) may not import nominations or photos.")
        .unwrap();
}

#[test]
fn the_template_for_delegations_is_saved_from_the_screen() {
    let (dir, session) = session();
    let mut state = State::new();
    let mut ui = iced_test::simulator(state.view(&session));
    ui.click("Save the template for delegations…").unwrap();
    assert!(matches!(
        ui.into_messages().collect::<Vec<_>>().as_slice(),
        [Message::SaveTemplate]
    ));
    // The save dialog's answer, as it sends it; the job runs as the
    // runtime would run it.
    let path = dir.path().join("nominations.xlsx");
    let (task, _) = state.update(Message::TemplatePath(Ok(Some(path.clone()))), &session);
    for message in crate::gui::tests::harness::messages(task) {
        let _ = state.update(message, &session);
    }
    let template = state.template.as_ref().unwrap();
    let said = template.to_string();
    assert!(matches!(template, Template::Saved { .. }), "{said}");
    assert!(said.contains("nominations.xlsx"), "{said}");
    // The same workbook as `accredit import --template`: same sheets, same
    // header row.
    let cli = dir.path().join("cli.xlsx");
    accredit::transfer::template::write_template(
        &session.workspace.open().unwrap(),
        &session.actor,
        &cli,
    )
    .unwrap();
    use calamine::Reader;
    let read = |p: &std::path::Path| {
        let mut book = calamine::open_workbook_auto(p).unwrap();
        let names = book.sheet_names().to_vec();
        let first = book.worksheet_range(&names[0]).unwrap();
        let header: Vec<String> = first
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        (names, header)
    };
    assert_eq!(read(&path), read(&cli));
    assert!(
        read(&path).1.iter().any(|h| h == "Family name"),
        "{:?}",
        read(&path).1
    );
}

#[test]
fn the_report_speaks_the_operators_language() {
    use accredit::i18n::{Language, LanguageScope};
    let (dir, session) = session();
    let path = write_list(&dir);
    let mut state = State::new();
    send(
        &mut state,
        Message::PathChanged(path.display().to_string()),
        &session,
    );
    send(&mut state, Message::Check, &session);
    let dry = run(
        &session.workspace,
        &session.actor,
        Kind::Nominations,
        &path,
        None,
        true,
    )
    .map_err(JobError::from);
    send(&mut state, Message::Checked(dry), &session);
    for (language, rejected, line, confirm) in [
        (
            Language::French,
            "Lignes rejetées",
            "Ligne",
            "Importer 1 participant",
        ),
        (
            Language::Vietnamese,
            "Các dòng bị loại",
            "Dòng",
            "Nhập 1 người tham dự",
        ),
    ] {
        let _lang = LanguageScope::new(language);
        let mut ui = iced_test::simulator(state.view(&session));
        ui.find(rejected).unwrap();
        ui.find(line).unwrap();
        ui.click(confirm).unwrap();
        assert!(matches!(
            ui.into_messages().collect::<Vec<_>>().as_slice(),
            [Message::Confirm]
        ));
    }
}
