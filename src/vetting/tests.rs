use super::*;

#[test]
fn references_name_one_participant_of_this_event() {
    assert_eq!(reference("HN25", 42), "HN25-42");
    assert_eq!(parse_reference("HN25", " hn25-42 "), Some(42));
    assert_eq!(parse_reference("HN25", "HN24-42"), None);
    assert_eq!(parse_reference("HN25", "HN25-"), None);
    assert_eq!(parse_reference("HN25", "HN25-4x"), None);
    assert_eq!(parse_reference("HN25", "42"), None);
    assert_eq!(parse_reference("HN25", "ĐN"), None);
}

#[test]
fn ages_in_words() {
    assert_eq!(age_label(5), "just now");
    assert_eq!(age_label(600), "10 min");
    assert_eq!(age_label(7200), "2 h");
    assert_eq!(age_label(86_400 + 5), "1 day");
    assert_eq!(age_label(3 * 86_400), "3 days");
}

#[test]
fn a_clerk_never_reads_the_refusal_reason() {
    let dir = tempfile::tempdir().unwrap();
    let ws = crate::workspace::Workspace::new(dir.path().join("data"));
    crate::demo::create(
        &ws,
        20,
        crate::demo::Dates::around(crate::clock::now()),
        false,
    )
    .unwrap();
    let mut conn = ws.open().unwrap();
    let admin = Actor::system();
    set_rule(&mut conn, &admin, "all").unwrap();
    let out = dir.path().join("list.csv");
    let summary = export::export(
        &mut conn,
        &admin,
        &export::VettingSelection::default(),
        crate::transfer::xlsx::TableFormat::Csv,
        &out,
        None,
    )
    .unwrap();
    let p = store::participants::list(&conn, &Default::default()).unwrap()[0].clone();
    assert_eq!(
        store::vetting::get(&conn, p.id).unwrap().batch,
        Some(summary.batch)
    );
    store::vetting::set_answer(&conn, p.id, ClearanceState::Refused, "secret", 1, "x").unwrap();
    let clerk = Actor {
        operator: None,
        name: "clerk".into(),
        role: crate::domain::Role::Clerk,
    };
    let seen = clearance_of(&conn, &clerk, p.id).unwrap();
    assert_eq!(seen.state, ClearanceState::Refused);
    assert_eq!(seen.refusal_reason, None);
    let supervisor = Actor {
        role: crate::domain::Role::Supervisor,
        ..clerk.clone()
    };
    let seen = clearance_of(&conn, &supervisor, p.id).unwrap();
    assert_eq!(seen.refusal_reason.as_deref(), Some("secret"));
    assert!(matches!(
        batches(&conn, &clerk),
        Err(crate::Error::PermissionDenied {
            action: "run security vetting",
            ..
        })
    ));
    assert!(blocked(&conn, &p).unwrap().is_some());
}
