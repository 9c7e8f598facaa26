//! Events to test screens on, made through the core's own functions as a
//! desk would make them.

use std::path::Path;

use accredit::Workspace;
use accredit::auth::Actor;
use accredit::db::Db;
use accredit::desk::{self, printing::Selection};
use accredit::domain::{
    BadgeSerial, Delegation, DelegationKind, Layout, ParticipantDetails, ParticipantId,
};
use accredit::{lookup, setup};

/// A new event (NBO26, Nairobi, 14–15 September 2026) made by `init`,
/// with its administrator signed in.
pub fn new_event(dir: &Path) -> (Workspace, Db, Actor) {
    let ws = Workspace::new(dir);
    let event = setup::EventForm {
        code: "NBO26".into(),
        name: "Nairobi Cyber Dialogue".into(),
        venue: "UN Office at Nairobi".into(),
        time_zone: "Africa/Nairobi".into(),
        start_date: "2026-09-14".into(),
        end_date: "2026-09-15".into(),
        ..setup::EventForm::new()
    }
    .parse(None)
    .unwrap();
    let (_, admin) = setup::init(&ws, &event, "organiser", "correct horse").unwrap();
    let conn = ws.open().unwrap();
    (ws, conn, admin)
}

/// An approved participant of delegation KEN in `category`, with a
/// printed badge.
pub fn approved_with_badge(
    ws: &Workspace,
    conn: &mut Db,
    admin: &Actor,
    category: &str,
) -> (ParticipantId, BadgeSerial) {
    let delegation = match lookup::delegations::find_by_code(conn, "KEN").unwrap() {
        Some(d) => d.id,
        None => setup::add_delegation(
            conn,
            admin,
            &Delegation {
                id: 0,
                code: "KEN".into(),
                name: "Kenya".into(),
                kind: DelegationKind::MemberState,
                focal_point_name: String::new(),
                focal_point_email: String::new(),
                quotas: vec![],
            },
        )
        .unwrap(),
    };
    let category = lookup::categories::find_by_code(conn, category)
        .unwrap()
        .unwrap();
    let id = desk::participants::add(
        conn,
        admin,
        ParticipantDetails {
            delegation,
            category: category.id,
            given_names: "Wanjiru".into(),
            family_name: "Kamau".into(),
            ..Default::default()
        },
    )
    .unwrap();
    desk::participants::approve(conn, admin, &[id], None).unwrap();
    let selection = Selection {
        participants: vec![id],
        confirmed: true,
        ..Default::default()
    };
    let pdf = ws.data_dir().join("fixture-badge.pdf");
    desk::printing::print(ws, conn, admin, &selection, Layout::A6, &pdf, &|_| true).unwrap();
    let badge = lookup::badges::active_for(conn, id).unwrap().unwrap();
    (id, badge.serial)
}
