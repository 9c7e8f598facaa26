//! `update()` of the participant's detail, with no store behind it: the
//! messages a worker would send are fed in by hand.

use super::actions::read_photo;
use super::*;
use crate::gui::tests::harness::offline_session;
use accredit::domain::{
    DocumentKind, IdDocument, ParticipantDetails, ParticipantStatus, Role, ZoneSet,
};

/// A job's error, as the core would send it.
fn failed(words: &str) -> JobError {
    JobError::from(accredit::Error::Other(words.into()))
}

/// Why the form was not saved, as the screen says it.
fn not_saved(state: &State) -> Option<String> {
    match &state.save {
        SaveState::NotSaved(why) => Some(why.to_string()),
        _ => None,
    }
}

fn participant() -> Participant {
    Participant {
        id: 42,
        details: ParticipantDetails {
            delegation: 1,
            category: 3,
            given_names: "Thị Mai".into(),
            family_name: "Nguyễn".into(),
            email: "mai@vnm.example.org".into(),
            document: IdDocument {
                kind: DocumentKind::DiplomaticPassport,
                number: "C1234567".into(),
                expiry: Some(jiff::civil::date(2030, 1, 31)),
            },
            zones_added: ZoneSet::EMPTY,
            ..Default::default()
        },
        status: ParticipantStatus::Nominated,
        status_reason: String::new(),
        photo: None,
        created_at: 0,
        updated_at: 0,
    }
}

fn loaded() -> Box<Loaded> {
    Box::new(Loaded {
        participant: participant(),
        photo: None,
        badges: Vec::new(),
        prints: Vec::new(),
        history: Vec::new(),
        categories: Vec::new(),
        clearance: None,
    })
}

fn opened(role: Role) -> (State, Session) {
    let session = offline_session(role);
    let (mut state, _load) = State::open(&session, 42);
    let _ = state.update(Message::Loaded(Ok(loaded())), &session);
    (state, session)
}

#[test]
fn loading_fills_the_form_and_the_id_check() {
    let (state, _) = opened(Role::Clerk);
    assert_eq!(state.form.family_name, "Nguyễn");
    assert!(!state.is_dirty());
    assert_eq!(state.id_check, "Diplomatic passport C1234567 seen");
    assert_eq!(state.error_for("email"), None);
}

#[test]
fn problems_show_beside_their_field_as_the_clerk_types() {
    let (mut state, session) = opened(Role::Clerk);
    let _ = state.update(
        Message::Edit(Field::Email, "mai at example".into()),
        &session,
    );
    assert!(state.is_dirty());
    assert!(
        state
            .error_for("email")
            .is_some_and(|e| e.contains("not an e-mail address"))
    );
    let _ = state.update(
        Message::Edit(Field::DateOfBirth, "31/02/1980".into()),
        &session,
    );
    assert!(state.error_for("date_of_birth").is_some());
    // Saving is refused on the spot, with the count of fields to fix.
    let (_task, event) = state.update(Message::Save, &session);
    assert!(event.is_none());
    assert!(state.busy.is_none(), "nothing was sent to the store");
    assert!(matches!(
        state.save,
        SaveState::NotSaved(NotSaved::FixFirst(2))
    ));
    assert_eq!(
        not_saved(&state).as_deref(),
        Some("fix the 2 fields marked in red first")
    );
    // Correcting a field clears its problem.
    let _ = state.update(
        Message::Edit(Field::Email, "mai@vnm.example.org".into()),
        &session,
    );
    assert_eq!(state.error_for("email"), None);
}

#[test]
fn a_save_is_confirmed_or_clearly_refused() {
    let (mut state, session) = opened(Role::Clerk);
    let _ = state.update(Message::Edit(Field::Reference, "VNM-0001".into()), &session);
    let _ = state.update(Message::Save, &session);
    assert!(matches!(state.save, SaveState::Saving));
    assert_eq!(state.busy, Some(Action::Save));
    // The store found the reference taken: shown beside the field.
    let _ = state.update(
        Message::Saved(Ok(SaveResult::Invalid(vec![FieldError::new(
            "reference",
            "\"VNM-0001\" is already participant 7 of this delegation",
        )]))),
        &session,
    );
    assert!(matches!(
        state.save,
        SaveState::NotSaved(NotSaved::FixFields(1))
    ));
    assert!(state.is_dirty(), "the typed values stay");
    assert!(
        state
            .error_for("reference")
            .is_some_and(|e| e.contains("participant 7"))
    );
    // Editing the field clears the store's complaint.
    let _ = state.update(Message::Edit(Field::Reference, "VNM-0002".into()), &session);
    assert_eq!(state.error_for("reference"), None);
    let _ = state.update(Message::Save, &session);
    let mut saved = participant();
    saved.details.reference = "VNM-0002".into();
    let (_reload, event) = state.update(
        Message::Saved(Ok(SaveResult::Saved(Box::new(saved)))),
        &session,
    );
    assert!(matches!(event, Some(Event::Changed)));
    assert!(matches!(state.save, SaveState::Saved(_)));
    assert!(!state.is_dirty());
    // A failure of the store itself is said as it is.
    let _ = state.update(Message::Edit(Field::Notes, "VIP".into()), &session);
    let _ = state.update(Message::Save, &session);
    let _ = state.update(Message::Saved(Err(failed("disk full"))), &session);
    assert_eq!(not_saved(&state).as_deref(), Some("disk full"));
    assert!(state.busy.is_none());
}

#[test]
fn leaving_with_unsaved_changes_asks_first() {
    let (mut state, session) = opened(Role::Clerk);
    let (_, event) = state.update(Message::Back, &session);
    assert!(matches!(event, Some(Event::Back)), "no changes: leaves");
    let _ = state.update(Message::Edit(Field::FamilyName, "Nguyen".into()), &session);
    let (_, event) = state.update(
        Message::Key(Key::Named(Named::Escape), keyboard::Modifiers::empty()),
        &session,
    );
    assert!(event.is_none());
    assert!(state.confirm_discard);
    let _ = state.update(Message::KeepEditing, &session);
    assert!(!state.confirm_discard);
    assert_eq!(state.form.family_name, "Nguyen");
    let _ = state.update(Message::Back, &session);
    let (_, event) = state.update(Message::Discard, &session);
    assert!(matches!(event, Some(Event::Back)));
}

#[test]
fn ctrl_s_saves() {
    let (mut state, session) = opened(Role::Clerk);
    let _ = state.update(
        Message::Edit(Field::Function, "Counsellor".into()),
        &session,
    );
    let _ = state.update(
        Message::Key(Key::Character("s".into()), keyboard::Modifiers::CTRL),
        &session,
    );
    assert!(matches!(state.save, SaveState::Saving));
}

#[test]
fn action_outcomes_are_shown_and_one_runs_at_a_time() {
    let (mut state, session) = opened(Role::Clerk);
    let _ = state.update(Message::Approve, &session);
    assert_eq!(state.busy, Some(Action::Approve));
    // A second action while one runs is ignored.
    let _ = state.update(Message::Reject, &session);
    assert_eq!(state.busy, Some(Action::Approve));
    let (_, event) = state.update(
        Message::Done(
            Action::Approve,
            Err(failed(
                "clerk (clerk) may not approve, reject or cancel participants",
            )),
        ),
        &session,
    );
    assert!(event.is_none(), "nothing changed");
    let notice = state.notice().unwrap();
    assert!(matches!(notice, Notice::Failed(Action::Approve, _)));
    assert_eq!(
        notice.to_string(),
        "Approving failed: clerk (clerk) may not approve, reject or cancel participants"
    );
    assert!(!state.is_busy());

    let _ = state.update(Message::Print, &session);
    let pdf = PathBuf::from("/tmp/badge.pdf");
    let (_reload, event) = state.update(
        Message::Done(
            Action::Print,
            Ok(Done {
                text: "New badge 100001 → /tmp/badge.pdf".into(),
                pdf: Some(pdf.clone()),
            }),
        ),
        &session,
    );
    assert!(matches!(event, Some(Event::Changed)));
    assert_eq!(state.last_pdf, Some(pdf));
    assert!(state.notice().unwrap().ok());
}

#[test]
fn a_photo_needs_a_path() {
    let (mut state, session) = opened(Role::Clerk);
    let (_, event) = state.update(Message::UsePhoto, &session);
    assert!(event.is_none());
    assert!(state.busy.is_none());
    assert!(matches!(state.notice(), Some(Notice::PhotoPathNeeded)));
    let _ = state.update(Message::PhotoPath("/photos/mai.jpg".into()), &session);
    let _ = state.update(Message::UsePhoto, &session);
    assert_eq!(state.busy, Some(Action::Photo));
}

#[test]
fn an_unreadable_participant_says_so() {
    let session = offline_session(Role::Clerk);
    let (mut state, _) = State::open(&session, 9);
    let _ = state.update(
        Message::Loaded(Err(JobError::from(accredit::Error::not_found(
            "participant",
            9,
        )))),
        &session,
    );
    assert_eq!(
        state
            .load_error
            .as_ref()
            .map(ToString::to_string)
            .as_deref(),
        Some("participant 9 does not exist")
    );
    let (_, event) = state.update(Message::Back, &session);
    assert!(matches!(event, Some(Event::Back)));
}

#[test]
fn reading_a_photo_refuses_what_is_not_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let err = read_photo(dir.path(), accredit::i18n::Language::English).unwrap_err();
    assert!(err.to_string().contains("is not a file"), "{err}");
    let err = read_photo(
        &dir.path().join("missing.jpg"),
        accredit::i18n::Language::English,
    )
    .unwrap_err();
    assert!(err.to_string().contains("missing.jpg"), "{err}");
}

#[test]
fn the_screen_speaks_the_interface_language() {
    use accredit::i18n::{Language, LanguageScope};
    for (language, refused, saving) in [
        (
            Language::Vietnamese,
            "hãy sửa 2 ô đánh dấu đỏ trước",
            "Đang lưu…",
        ),
        (
            Language::French,
            "corrigez d'abord les 2 champs marqués en rouge",
            "Enregistrement…",
        ),
    ] {
        let _lang = LanguageScope::new(language);
        let (mut state, session) = opened(Role::Clerk);
        let _ = state.update(
            Message::Edit(Field::Email, "mai at example".into()),
            &session,
        );
        let _ = state.update(
            Message::Edit(Field::DateOfBirth, "31/02/1980".into()),
            &session,
        );
        let _ = state.update(Message::Save, &session);
        assert_eq!(not_saved(&state).as_deref(), Some(refused));
        assert_eq!(busy_text(Action::Save), saving);
    }
    let _fr = LanguageScope::new(Language::French);
    let (mut state, session) = opened(Role::Clerk);
    let _ = state.update(
        Message::Done(Action::Approve, Err(failed("no permission"))),
        &session,
    );
    assert_eq!(
        state.notice().unwrap().to_string(),
        "Échec de l'approbation : no permission"
    );
    assert_eq!(
        crate::gui::screen::participants::status_label(ParticipantStatus::Nominated),
        "Désigné"
    );
}

#[test]
fn a_time_is_written_as_the_language_writes_dates() {
    use accredit::i18n::{Language, LanguageScope};
    let session = offline_session(Role::Clerk);
    // 2026-12-07 at noon UTC, in the demo event's time zone.
    let at = 1_796_644_800;
    let english = local_time(&session, at);
    assert_eq!(english, session.event.local_time(at), "English as before");
    let _vi = LanguageScope::new(Language::Vietnamese);
    let vietnamese = local_time(&session, at);
    let (date, time) = english.split_once(' ').unwrap();
    let (year, rest) = date.split_once('-').unwrap();
    let (month, day) = rest.split_once('-').unwrap();
    assert_eq!(vietnamese, format!("{day}/{month}/{year} {time}"));
}
