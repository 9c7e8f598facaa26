//! Every aggregate of the store comes back exactly as it was written, on
//! SQLite (in memory) and, with `ACCREDIT_TEST_ENGINE=postgres`, on a new
//! database of the test server.
use crate::domain::*;
use crate::store::{self, Db};
use jiff::civil::Date;

/// A new store with the current schema, on the engine of this run.
fn new_store() -> Db {
    if std::env::var("ACCREDIT_TEST_ENGINE").as_deref() != Ok("postgres") {
        return store::open_in_memory().unwrap();
    }
    let url =
        crate::test_server::new_database().expect("ACCREDIT_TEST_ENGINE=postgres needs a server");
    Db::connect(&store::ServerUrl::parse(&url).unwrap(), None).unwrap()
}

fn event() -> Event {
    Event {
        code: EventCode::parse("TEST-1").unwrap(),
        name: "Test conference".into(),
        venue: "Hanoi".into(),
        time_zone: "Asia/Ho_Chi_Minh".into(),
        start_date: Date::constant(2025, 10, 25),
        end_date: Date::constant(2025, 10, 26),
        badge_valid_from: 1_761_152_400,
        badge_valid_until: 1_761_498_000,
        title_band: "Title".into(),
        footer: "Wear it".into(),
        band_colour: Colour::parse("#112233").unwrap(),
        default_layout: Layout::A4x4,
        revocation_max_age_minutes: 30,
    }
}

#[test]
fn every_aggregate_round_trips() {
    let mut conn = new_store();
    let tx = conn.transaction().unwrap();

    store::event::insert(&tx, &event(), 1).unwrap();
    assert_eq!(store::event::get(&tx).unwrap(), event());
    store::event::set_logo(&tx, Some(b"\x89PNG fake")).unwrap();
    assert_eq!(store::event::logo(&tx).unwrap().unwrap(), b"\x89PNG fake");

    let zone = Zone {
        number: 64,
        code: "Z64".into(),
        name: "Far away".into(),
    };
    store::zones::insert(&tx, &zone).unwrap();
    store::zones::insert(
        &tx,
        &Zone {
            number: 1,
            code: "PLEN".into(),
            name: "Plenary".into(),
        },
    )
    .unwrap();
    assert_eq!(store::zones::find(&tx, 64).unwrap().unwrap(), zone);

    let mut cat = Category {
        id: 0,
        code: "HOD".into(),
        name: "Head of Delegation".into(),
        colour: Colour::parse("#F28C28").unwrap(),
        default_zones: ZoneSet::from_numbers([1, 64]),
        order: 2,
        default_quota: Some(1),
    };
    cat.id = store::categories::insert(&tx, &cat).unwrap();
    assert_eq!(store::categories::get(&tx, cat.id).unwrap(), cat);

    let mut del = Delegation {
        id: 0,
        code: "VNM".into(),
        name: "Viet Nam".into(),
        kind: DelegationKind::MemberState,
        focal_point_name: "Trần Văn A".into(),
        focal_point_email: "a@example.org".into(),
        quotas: vec![Quota {
            category: cat.id,
            max: 3,
        }],
    };
    del.id = store::delegations::insert(&tx, &del).unwrap();
    assert_eq!(store::delegations::get(&tx, del.id).unwrap(), del);
    assert_eq!(
        store::delegations::find_by_code(&tx, "vnm")
            .unwrap()
            .unwrap(),
        del
    );

    let mut cp = Checkpoint {
        id: 0,
        name: "Gate A".into(),
        zone: 1,
        directions: Directions::Entry,
    };
    cp.id = store::checkpoints::insert(&tx, &cp).unwrap();
    assert_eq!(
        store::checkpoints::find_by_name(&tx, "gate a")
            .unwrap()
            .unwrap(),
        cp
    );

    let photo = store::photos::StoredPhoto {
        hash: [7; 32],
        jpeg: vec![1, 2, 3],
        width: 300,
        height: 400,
    };
    store::photos::put(&tx, &photo).unwrap();
    store::photos::put(&tx, &photo).unwrap();
    assert_eq!(store::photos::get(&tx, &[7; 32]).unwrap().unwrap(), photo);
    let other = store::photos::StoredPhoto {
        hash: [0xa5; 32],
        jpeg: vec![4, 5],
        width: 600,
        height: 800,
    };
    store::photos::put(&tx, &other).unwrap();
    let many = store::photos::get_many(&tx, &[[0xa5; 32], [9; 32], [7; 32]]).unwrap();
    assert_eq!(many.len(), 2, "the one not stored is left out");
    assert_eq!(many[&[7; 32]], photo);
    assert_eq!(many[&[0xa5; 32]], other);
    assert!(store::photos::get_many(&tx, &[]).unwrap().is_empty());

    let details = ParticipantDetails {
        delegation: del.id,
        category: cat.id,
        given_names: "Thị Phương Thảo".into(),
        family_name: "Nguyễn".into(),
        badge_name: "Mme Nguyễn".into(),
        function: "Legal Adviser".into(),
        gender: Gender::Female,
        nationality: "VNM".into(),
        date_of_birth: Some(Date::constant(1980, 2, 29)),
        document: IdDocument {
            kind: DocumentKind::DiplomaticPassport,
            number: "D1234567".into(),
            expiry: Some(Date::constant(2030, 1, 1)),
        },
        email: "thao@example.org".into(),
        phone: "+84 912 345 678".into(),
        zones_added: ZoneSet::from_numbers([4]),
        zones_removed: ZoneSet::from_numbers([64]),
        notes: "Wheelchair".into(),
        reference: "VNM-0001".into(),
    };
    let state = store::participants::NewState {
        status: ParticipantStatus::Approved,
        status_reason: "",
        photo: Some(&[7; 32]),
    };
    let id = store::participants::insert(&tx, &details, &state, 100).unwrap();
    let p = store::participants::get(&tx, id).unwrap();
    assert_eq!(p.details, details);
    assert_eq!(p.status, ParticipantStatus::Approved);
    assert_eq!(p.photo, Some([7; 32]));
    assert_eq!((p.created_at, p.updated_at), (100, 100));
    assert_eq!(
        store::participants::find_by_reference(&tx, del.id, "VNM-0001").unwrap(),
        Some(id)
    );
    assert_eq!(
        store::participants::find_by_document(&tx, "D1234567").unwrap(),
        vec![id]
    );

    let session = Session {
        id: 0,
        name: "Signing ceremony".into(),
        zone: 1,
        starts_at: 1000,
        ends_at: 2000,
        invitation_only: true,
        invitees: vec![Invitee::Delegation(del.id), Invitee::Participant(id)],
    };
    let sid = store::sessions::insert(&tx, &session).unwrap();
    let back = store::sessions::find_by_name(&tx, "signing ceremony")
        .unwrap()
        .unwrap();
    assert_eq!(back, Session { id: sid, ..session });

    let op = store::operators::insert(&tx, "clerk", Role::Clerk, "$argon2id$fake", 5).unwrap();
    assert_eq!(
        store::operators::find_by_name(&tx, "clerk")
            .unwrap()
            .unwrap(),
        Operator {
            id: op,
            name: "clerk".into(),
            role: Role::Clerk,
            active: true,
            locked_until: None,
            created_at: 5,
        }
    );
    tx.commit().unwrap();
}

#[test]
fn foreign_keys_are_enforced() {
    let conn = new_store();
    let d = ParticipantDetails {
        delegation: 999,
        category: 999,
        family_name: "X".into(),
        ..Default::default()
    };
    let err = store::participants::insert(&conn, &d, &store::participants::NewState::NOMINATED, 0)
        .unwrap_err();
    assert!(
        matches!(&err, crate::Error::Store(e) if e.kind == store::DbErrorKind::Other
            && e.message.to_lowercase().contains("foreign key")),
        "a participant of a delegation that does not exist is refused: {err}"
    );
}
