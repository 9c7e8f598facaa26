//! The desk's main flows, clicked and typed through `iced_test` on the whole
//! application over a demo store: search and open a participant, edit and
//! save, approve, print a delegation's badges, reprint with a reason.

use accredit::db::Db;

use super::app::*;
use super::harness::Demo;
use crate::gui::desk::{self, Tab};
use crate::gui::screen::choices::ReprintChoice;
use crate::gui::screen::participant::{self, SaveState};
use crate::gui::{App, Message};
use accredit::desk::{delegations, printing};
use accredit::domain::{BadgeStatus, ParticipantStatus};
use accredit::lookup;

fn edit(app: &mut App, field: participant::Field, value: &str) {
    let task = app.update(Message::Desk(desk::Message::Participant(
        participant::Message::Edit(field, value.into()),
    )));
    run(app, task);
}

#[test]
fn search_open_edit_and_save() {
    let demo = Demo::new(60);
    let mut app = signed_in(&demo, "clerk");
    let p = find_participant(&demo, ParticipantStatus::Approved, true);
    open_by_search(&mut app, &p);
    assert!(
        shows(&app, &p.details.family_name),
        "the form shows the family name"
    );

    // A bad e-mail address: its problem shows beside it, and Save refuses.
    type_into(&mut app, participant::FIRST_FIELD, " Maria");
    assert!(detail(&app).is_dirty());
    assert!(shows(&app, "Unsaved changes"));
    edit(&mut app, participant::Field::Email, "not an address");
    assert!(shows(&app, "\"not an address\" is not an e-mail address"));
    click(&mut app, "Save  (Ctrl+S)");
    assert!(matches!(detail(&app).save_state(), SaveState::NotSaved(_)));
    let conn = demo.workspace.open().unwrap();
    assert_eq!(
        lookup::participants::get(&conn, p.id).unwrap(),
        p,
        "nothing was saved"
    );

    // Fixed, saved, and the store has it.
    edit(&mut app, participant::Field::Email, &p.details.email);
    click(&mut app, "Save  (Ctrl+S)");
    assert!(matches!(detail(&app).save_state(), SaveState::Saved(_)));
    assert!(!detail(&app).is_dirty());
    let given = format!("{} Maria", p.details.given_names);
    let saved = lookup::participants::get(&conn, p.id).unwrap();
    assert_eq!(saved.details.given_names, given);
    // The table was reloaded with the new name, and the history says so.
    assert!(
        desk(&app)
            .participants
            .listing()
            .unwrap()
            .rows
            .iter()
            .any(|r| r.id == p.id && r.name == saved.details.display_name())
    );
    assert!(shows(
        &app,
        &format!(
            "Edited: Given names: “{}” → “{given}”",
            p.details.given_names
        )
    ));

    // Back to the list.
    click(&mut app, "← List");
    assert!(desk(&app).detail.is_none());
}

#[test]
fn a_supervisor_approves_and_a_clerk_is_told_why_not() {
    let demo = Demo::new(60);
    let p = find_participant(&demo, ParticipantStatus::Nominated, false);

    let mut clerk = signed_in(&demo, "clerk");
    open_by_search(&mut clerk, &p);
    click(&mut clerk, "Approve");
    let notice = detail(&clerk).notice().expect("a notice").clone();
    assert!(!notice.ok());
    assert!(
        notice.to_string().contains("clerk (clerk) may not approve"),
        "{}",
        notice.to_string()
    );

    let mut supervisor = signed_in(&demo, "supervisor");
    open_by_search(&mut supervisor, &p);
    click(&mut supervisor, "Approve");
    assert!(detail(&supervisor).notice().unwrap().ok());
    let conn = demo.workspace.open().unwrap();
    assert_eq!(
        lookup::participants::get(&conn, p.id).unwrap().status,
        ParticipantStatus::Approved
    );
    // The detail shows the new status and the history line; the status
    // bar's counts were read again.
    assert!(shows(&supervisor, "Approved"));
    assert_eq!(
        desk(&supervisor).counts,
        lookup::participants::count_by_status(&conn).unwrap()
    );
}

#[test]
fn approving_past_a_quota_asks_for_a_reason_that_the_audit_keeps() {
    let demo = Demo::new(60);
    let p = find_participant(&demo, ParticipantStatus::Nominated, false);
    // The quota of p's category in p's delegation: exactly those approved.
    let mut conn = demo.workspace.open().unwrap();
    let approved = lookup::participants::list(&conn, &lookup::participants::Filter::default())
        .unwrap()
        .iter()
        .filter(|q| {
            q.status == ParticipantStatus::Approved
                && q.details.delegation == p.details.delegation
                && q.details.category == p.details.category
        })
        .count();
    let mut d = lookup::delegations::get(&conn, p.details.delegation).unwrap();
    d.quotas.retain(|q| q.category != p.details.category);
    d.quotas.push(accredit::domain::Quota {
        category: p.details.category,
        max: u32::try_from(approved).unwrap(),
    });
    let admin = desk(&signed_in(&demo, "admin")).session.actor.clone();
    accredit::setup::edit_delegation(&mut conn, &admin, &d, true).unwrap();

    let mut supervisor = signed_in(&demo, "supervisor");
    open_by_search(&mut supervisor, &p);
    click(&mut supervisor, "Approve");
    let notice = detail(&supervisor).notice().expect("a notice").clone();
    assert!(
        !notice.ok() && notice.to_string().contains("for a quota of"),
        "{}",
        notice.to_string()
    );
    assert_eq!(
        lookup::participants::get(&conn, p.id).unwrap().status,
        ParticipantStatus::Nominated
    );
    let reason = "Protocol agreed one more seat";
    let task = supervisor.update(Message::Desk(desk::Message::Participant(
        participant::Message::StatusReason(reason.into()),
    )));
    run(&mut supervisor, task);
    click(&mut supervisor, "Approve");
    assert!(detail(&supervisor).notice().unwrap().ok());
    assert_eq!(
        lookup::participants::get(&conn, p.id).unwrap().status,
        ParticipantStatus::Approved
    );
    let audit = lookup::audit::list(&conn, &Default::default()).unwrap();
    let entry = audit
        .iter()
        .find(|e| e.action == "delegation.over_quota")
        .expect("the over-quota approval is audited");
    assert_eq!(entry.after.as_ref().unwrap()["reason"], reason, "{entry:?}");
}

#[test]
fn print_a_delegations_badges() {
    let demo = Demo::new(120);
    let mut app = signed_in(&demo, "supervisor");
    // The delegation with the most approved participants whose badge was
    // never printed, among others printed before.
    let conn = demo.workspace.open().unwrap();
    let actor = desk(&app).session.actor.clone();
    let overview = delegations::overview(&conn, &actor).unwrap();
    let d = overview
        .iter()
        .filter(|d| d.badges_printed > 0)
        .max_by_key(|d| {
            (
                d.statuses.approved.saturating_sub(d.badges_printed),
                std::cmp::Reverse(d.id),
            )
        })
        .unwrap();

    click(&mut app, "Delegations");
    assert!(desk(&app).delegations.is_loaded());
    // Lower case, so that the filter's own text is not what the click finds.
    type_into(
        &mut app,
        crate::gui::screen::delegations::FILTER_INPUT,
        &d.code.to_lowercase(),
    );
    click(&mut app, &d.code);
    assert_eq!(desk(&app).delegations.selected().unwrap().id, d.id);
    click(&mut app, "Print all badges");
    assert_eq!(desk(&app).tab, Tab::PrintQueue);
    let expected = printing::preview(
        &conn,
        &actor,
        &printing::Selection {
            delegations: vec![d.id],
            only_unprinted: true,
            ..Default::default()
        },
    )
    .unwrap();
    let preview = desk(&app).print_queue.preview().expect("a preview").clone();
    assert_eq!(preview, expected);
    assert!(preview.badges > 0);
    // "All badges" are those never printed; the others are a choice of
    // their own, with their count.
    assert_eq!(
        preview.badges as u64,
        d.statuses.approved - d.badges_printed
    );
    assert_eq!(preview.already_printed as u64, d.badges_printed);
    assert!(shows(
        &app,
        &format!("Print again the {} already printed…", d.badges_printed)
    ));

    let badges = match preview.badges {
        1 => "1 badge".to_string(),
        n => format!("{n} badges"),
    };
    click(&mut app, &format!("Make the PDF ({badges})"));
    let finished = desk(&app)
        .print_queue
        .finished()
        .expect("the PDF was made")
        .clone();
    assert_eq!(finished.summary.badges, preview.badges);
    assert_eq!(finished.summary.new, preview.new);
    let pdf = std::fs::read(&finished.path).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(finished.path.starts_with(demo.workspace.data_dir()));
    // Every badge of the delegation's approved participants is printed now.
    for serial in &finished.summary.serials {
        let b = lookup::badges::get(&conn, *serial).unwrap().unwrap();
        assert!(b.print_count > 0);
    }
    assert!(shows(&app, "Open PDF"));
    // The delegations screen was told: its counts are read again.
    let after = desk(&app).delegations.selected().unwrap();
    assert_eq!(after.badges_printed, d.statuses.approved);
}

#[test]
fn reprint_with_a_reason() {
    let demo = Demo::new(60);
    let mut app = signed_in(&demo, "clerk");
    let p = find_participant(&demo, ParticipantStatus::Approved, true);
    let conn = demo.workspace.open().unwrap();
    let old = lookup::badges::active_for(&conn, p.id).unwrap().unwrap();
    open_by_search(&mut app, &p);
    let task = app.update(Message::Desk(desk::Message::Participant(
        participant::Message::ReprintReason(ReprintChoice(
            accredit::desk::badges::ReprintReason::Damaged,
        )),
    )));
    run(&mut app, task);
    click(&mut app, "Reprint");
    let notice = detail(&app).notice().expect("a notice").clone();
    assert!(notice.ok(), "{}", notice.to_string());
    let new = lookup::badges::active_for(&conn, p.id).unwrap().unwrap();
    assert_ne!(new.serial, old.serial);
    assert_eq!(new.print_count, 1);
    let revoked = lookup::badges::get(&conn, old.serial).unwrap().unwrap();
    assert_eq!(revoked.status, BadgeStatus::Revoked);
    assert_eq!(revoked.revocation_reason, "reprinted: damaged");
    // The badge history shows both, the new one active.
    assert!(shows(&app, &format!("Badge {}", new.serial)));
    assert!(shows(&app, &format!("Badge {}", old.serial)));
    assert!(shows(&app, "revoked"));
    assert!(shows(&app, "Open PDF"));
}

#[test]
fn hand_over_with_the_document_on_file() {
    let demo = Demo::new(60);
    let conn = demo.workspace.open().unwrap();
    let p = lookup::participants::list(&conn, &lookup::participants::Filter::default())
        .unwrap()
        .into_iter()
        .find(|p| {
            lookup::badges::active_for(&conn, p.id)
                .unwrap()
                .is_some_and(|b| b.print_count > 0 && b.collected.is_none())
        })
        .expect("a printed badge not yet handed over");
    let mut app = signed_in(&demo, "clerk");
    open_by_search(&mut app, &p);
    let prefilled = format!(
        "{} {} seen",
        p.details.document.kind.label(),
        p.details.document.number
    );
    assert!(shows(&app, &prefilled), "the ID check is prefilled");
    click(&mut app, "Hand over");
    let b = lookup::badges::active_for(&conn, p.id).unwrap().unwrap();
    let c = b.collected.expect("handed over");
    assert_eq!(c.id_check, prefilled);
    assert_eq!(c.by, "clerk");
}

#[test]
fn approve_a_delegations_nominations_after_review() {
    let demo = Demo::new(300);
    let mut app = signed_in(&demo, "supervisor");
    let conn = demo.workspace.open().unwrap();
    let actor = desk(&app).session.actor.clone();
    // The delegation with the most nominations that fit its quotas.
    let d = delegations::overview(&conn, &actor)
        .unwrap()
        .into_iter()
        .filter(|d| excess(&conn, d).is_empty())
        .max_by_key(|d| (d.statuses.nominated, std::cmp::Reverse(d.id)))
        .unwrap();
    assert!(d.statuses.nominated >= 2);

    click(&mut app, "Delegations");
    type_into(
        &mut app,
        crate::gui::screen::delegations::FILTER_INPUT,
        &d.code.to_lowercase(),
    );
    click(&mut app, &d.code);
    click(
        &mut app,
        &format!("Review nominated ({})", d.statuses.nominated),
    );
    assert!(shows(
        &app,
        &format!(
            "Review: {} nominated participants of {}",
            d.statuses.nominated, d.code
        )
    ));
    click(&mut app, &format!("Approve these {}", d.statuses.nominated));
    assert!(shows(
        &app,
        &format!("Approved {} participants.", d.statuses.nominated)
    ));
    let after = delegations::overview(&conn, &actor)
        .unwrap()
        .into_iter()
        .find(|x| x.id == d.id)
        .unwrap();
    assert_eq!(after.statuses.nominated, 0);
    assert_eq!(
        after.statuses.approved,
        d.statuses.approved + d.statuses.nominated
    );
    // The screen read its counts again.
    assert_eq!(desk(&app).delegations.selected().unwrap(), &after);
}

/// What approving all of `d`'s nominations would take past its quotas.
fn excess(conn: &Db, d: &delegations::DelegationOverview) -> Vec<delegations::QuotaExcess> {
    let ids: Vec<_> = lookup::participants::list(
        conn,
        &lookup::participants::Filter {
            delegation: Some(d.id),
            status: Some(ParticipantStatus::Nominated),
            ..Default::default()
        },
    )
    .unwrap()
    .iter()
    .map(|p| p.id)
    .collect();
    delegations::excess_if_approved(conn, d.id, &ids).unwrap()
}

#[test]
fn approving_past_a_quota_takes_a_reason_into_the_audit_trail() {
    let demo = Demo::new(300);
    let mut app = signed_in(&demo, "supervisor");
    let conn = demo.workspace.open().unwrap();
    let actor = desk(&app).session.actor.clone();
    let d = delegations::overview(&conn, &actor)
        .unwrap()
        .into_iter()
        .filter(|d| d.statuses.nominated > 0 && !excess(&conn, d).is_empty())
        .max_by_key(|d| (d.statuses.nominated, std::cmp::Reverse(d.id)))
        .expect("the demo has a delegation whose nominations go past a quota");
    let n = d.statuses.nominated;
    click(&mut app, "Delegations");
    type_into(
        &mut app,
        crate::gui::screen::delegations::FILTER_INPUT,
        &d.code.to_lowercase(),
    );
    click(&mut app, &d.code);
    click(&mut app, &format!("Review nominated ({n})"));
    let label = format!("Approve these {n} past the quota");
    // Without a reason the button does nothing.
    click(&mut app, &label);
    let still = delegations::overview(&conn, &actor)
        .unwrap()
        .into_iter()
        .find(|x| x.id == d.id)
        .unwrap();
    assert_eq!(
        still.statuses.nominated, n,
        "nothing approved without a reason"
    );
    let reason = "Protocol agreed the larger party on 20 October";
    type_into(
        &mut app,
        crate::gui::screen::delegations::OVER_QUOTA_INPUT,
        reason,
    );
    click(&mut app, &label);
    assert!(shows(&app, &format!("Approved {n} participants.")));
    let entries = accredit::audit::list(&conn, &actor, &Default::default()).unwrap();
    let entry = entries
        .iter()
        .find(|e| e.action == "delegation.over_quota")
        .expect("the over-quota approval is in the audit trail");
    assert_eq!(entry.after.as_ref().unwrap()["reason"], reason);
    assert_eq!(entry.operator, "supervisor");
}

#[test]
fn signing_out_or_closing_with_unsaved_changes_asks_first() {
    let demo = Demo::new(30);
    let mut app = signed_in(&demo, "clerk");
    let p = find_participant(&demo, ParticipantStatus::Approved, true);
    open_by_search(&mut app, &p);
    edit(&mut app, participant::Field::Function, "Minister");
    click(&mut app, "Delegations");
    // Opening the same participant from elsewhere shows the edits, not a fresh copy.
    let task = app.update(Message::Desk(desk::Message::Delegations(
        crate::gui::screen::delegations::Message::Open(p.id),
    )));
    run(&mut app, task);
    assert_eq!(desk(&app).tab, Tab::Participants);
    assert!(detail(&app).is_dirty());
    click(&mut app, "Delegations");
    click(&mut app, "Sign out");
    assert!(matches!(app, App::Desk(_)), "still signed in");
    assert_eq!(desk(&app).tab, Tab::Participants, "back to the detail");
    assert!(shows(&app, "This participant has unsaved changes."));
    click(&mut app, "Keep editing");
    // Closing the window asks the same.
    let task = app.update(Message::CloseRequested);
    run(&mut app, task);
    assert!(shows(&app, "This participant has unsaved changes."));
    click(&mut app, "Discard changes");
    assert!(desk(&app).detail.is_none());
    click(&mut app, "Sign out");
    assert!(matches!(app, App::SignIn(_)));
}

/// Issue 19's short path, counted: France's spreadsheet (French headers,
/// Windows-1252, semicolons) to a PDF of its new badges in at most 8 clicks,
/// the file dialog's choice counted as one, and no badge printed twice.
#[test]
fn from_a_spreadsheet_to_printed_badges_in_eight_clicks() {
    use crate::gui::screen::import;
    let demo = Demo::new(400);
    let mut app = signed_in(&demo, "supervisor");
    let conn = demo.workspace.open().unwrap();
    let fra = lookup::delegations::find_by_code(&conn, "FRA")
        .unwrap()
        .expect("the demo has France");
    let badges_before: Vec<(u64, u32)> = conn
        .prepare("SELECT serial, print_count FROM badges ORDER BY serial")
        .unwrap()
        .query_map([], |r| Ok((r.get::<i64>(0)? as u64, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let file =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/import/france-1252.csv");
    let mut clicks = 0;

    click(&mut app, "Import");
    clicks += 1;
    // "Choose file…" opens the native dialog (rfd): the click is real, the
    // dialog is not run here; its answer comes as the message it sends.
    let mut ui = simulator(&app);
    ui.click("Choose file…").expect("the Choose file… button");
    let asked: Vec<Message> = ui.into_messages().collect();
    assert!(
        matches!(
            asked.as_slice(),
            [Message::Desk(desk::Message::Import(
                import::Message::Browse
            ))]
        ),
        "{asked:?}"
    );
    clicks += 1;
    apply(
        &mut app,
        vec![Message::Desk(desk::Message::Import(
            import::Message::Picked(Ok(Some(file))),
        ))],
    );
    clicks += 1;
    // Chosen, hence checked: the report shows where each column went.
    assert!(shows(&app, "Import 5 participants"));
    click(&mut app, "Import 5 participants");
    clicks += 1;

    let nominated = lookup::participants::list(
        &conn,
        &lookup::participants::Filter {
            delegation: Some(fra.id),
            status: Some(ParticipantStatus::Nominated),
            ..Default::default()
        },
    )
    .unwrap();
    let imported: Vec<_> = nominated
        .iter()
        .filter(|p| {
            [
                "21FR45821",
                "19FR00347",
                "22FR11290",
                "18FR77410",
                "23FR30118",
            ]
            .contains(&p.details.document.number.as_str())
        })
        .collect();
    assert_eq!(imported.len(), 5);
    // The passport expiry came in with every one of them.
    assert!(imported.iter().all(|p| p.details.document.expiry.is_some()));
    let n = nominated.len();
    let ids: Vec<_> = nominated.iter().map(|p| p.id).collect();
    assert!(
        delegations::excess_if_approved(&conn, fra.id, &ids)
            .unwrap()
            .is_empty(),
        "the demo's France has room in its quotas for its new nominations"
    );
    click(
        &mut app,
        &format!("Review and approve FRA's {n} nominations"),
    );
    clicks += 1;
    assert_eq!(desk(&app).tab, Tab::Delegations);
    assert_eq!(desk(&app).delegations.selected().unwrap().id, fra.id);
    click(&mut app, &format!("Approve these {n}"));
    clicks += 1;
    click(&mut app, &format!("Print the {n} new badges"));
    clicks += 1;
    assert!(clicks <= 8, "{clicks} clicks");

    assert_eq!(desk(&app).tab, Tab::PrintQueue);
    let finished = desk(&app)
        .print_queue
        .finished()
        .expect("the PDF was made")
        .clone();
    assert_eq!(finished.summary.badges, n);
    assert_eq!(finished.summary.new, n);
    assert_eq!(finished.summary.reprinted, 0);
    let pdf = std::fs::read(&finished.path).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    for p in &nominated {
        let b = lookup::badges::active_for(&conn, p.id).unwrap().unwrap();
        assert_eq!(b.print_count, 1, "{}", p.details.display_name());
    }
    // No badge printed before was printed again.
    for (serial, count) in &badges_before {
        let b = lookup::badges::get(&conn, *serial).unwrap().unwrap();
        assert_eq!(b.print_count, *count, "badge {serial}");
    }
    assert!(shows(&app, "Open PDF"));
}

#[test]
fn badges_not_valid_for_the_event_print_only_once_the_clerk_says_print_anyway() {
    let demo = Demo::new(120);
    // The badge window ended an hour ago: every badge printed now would be
    // refused at the gate.
    let mut conn = demo.workspace.open().unwrap();
    let mut event = lookup::event::get(&conn).unwrap();
    event.badge_valid_until = accredit::clock::now() - 3600;
    let admin = desk(&signed_in(&demo, "admin")).session.actor.clone();
    let update = accredit::setup::EventUpdate {
        event,
        logo: accredit::setup::LogoChange::Keep,
    };
    accredit::setup::update_event(&demo.workspace, &mut conn, &admin, &update, true).unwrap();
    let mut app = signed_in(&demo, "supervisor");
    let actor = desk(&app).session.actor.clone();
    // A delegation with an approved participant who has no badge yet: the
    // new badge takes the event's window, which has ended.
    let without_badge: i64 = conn
        .query_row(
            "SELECT p.delegation_id FROM participants p
             WHERE p.status = 'approved'
               AND NOT EXISTS (SELECT 1 FROM badges b WHERE b.participant_id = p.id)
             ORDER BY p.id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let d = delegations::overview(&conn, &actor)
        .unwrap()
        .into_iter()
        .find(|d| d.id == without_badge)
        .unwrap();
    click(&mut app, "Delegations");
    type_into(
        &mut app,
        crate::gui::screen::delegations::FILTER_INPUT,
        &d.code.to_lowercase(),
    );
    click(&mut app, &d.code);
    click(&mut app, "Print all badges");
    let preview = desk(&app).print_queue.preview().expect("a preview").clone();
    assert!(preview.badges > 0);
    assert!(!preview.validity_warnings.is_empty());
    let warning = &preview.validity_warnings[0];
    assert!(warning.contains("its validity ended on"), "{warning}");
    assert!(shows(
        &app,
        &format!("⚠ Not valid for the event: {warning}")
    ));
    assert!(!shows(&app, "Make the PDF"));
    let badges = match preview.badges {
        1 => "1 badge".to_string(),
        n => format!("{n} badges"),
    };
    click(&mut app, &format!("Print anyway ({badges})"));
    let finished = desk(&app)
        .print_queue
        .finished()
        .expect("the PDF was made once confirmed")
        .clone();
    assert_eq!(finished.summary.badges, preview.badges);
    assert!(std::fs::read(&finished.path).unwrap().starts_with(b"%PDF-"));
}
