//! Issue 17 clicked through `iced_test` on a demo store: with vetting on a
//! clerk cannot print or hand over an uncleared person; a supervisor sends a
//! batch and imports the answers on the Vetting screen; a liaison officer
//! collects a delegation's badges from the Delegations screen; a clerk
//! writes letters there and on the participant screen; a letter's code
//! typed into the desk's search field opens its participant.

use super::app::*;
use super::harness::Demo;
use crate::gui::Message;
use crate::gui::desk::{self, Tab};
use crate::gui::screen::participants::SEARCH_INPUT;
use crate::gui::screen::{liaison, vetting};
use accredit::auth::Actor;
use accredit::domain::{ClearanceState, Participant, ParticipantStatus};
use accredit::lookup;

fn printed_uncollected(demo: &Demo) -> Participant {
    let conn = demo.workspace.open().unwrap();
    lookup::participants::list(&conn, &lookup::participants::Filter::default())
        .unwrap()
        .into_iter()
        .find(|p| {
            p.status == ParticipantStatus::Approved
                && lookup::badges::active_for(&conn, p.id)
                    .unwrap()
                    .is_some_and(|b| b.print_count > 0 && b.collected.is_none())
        })
        .expect("a printed badge not handed over in the demo")
}

#[test]
fn with_vetting_on_a_clerk_cannot_print_or_hand_over_an_uncleared_person() {
    let demo = Demo::new(60);
    let p = printed_uncollected(&demo);
    accredit::vetting::set_rule(&mut demo.workspace.open().unwrap(), &Actor::system(), "all")
        .unwrap();
    let mut clerk = signed_in(&demo, "clerk");
    // The table shows the clearance, and filters by it.
    let row = desk(&clerk)
        .participants
        .listing()
        .unwrap()
        .rows
        .iter()
        .find(|r| r.id == p.id)
        .unwrap()
        .clone();
    assert_eq!(row.clearance, Some(ClearanceState::NotSent));
    open_by_search(&mut clerk, &p);
    assert!(shows(&clerk, "Security clearance: Not sent"));
    click(&mut clerk, "Hand over");
    let notice = desk(&clerk)
        .detail
        .as_ref()
        .unwrap()
        .1
        .notice()
        .unwrap()
        .clone();
    assert!(!notice.ok());
    assert!(
        notice.to_string().contains("not cleared by security"),
        "{}",
        notice.to_string()
    );
    click(&mut clerk, "Print again (same badge)");
    let notice = desk(&clerk)
        .detail
        .as_ref()
        .unwrap()
        .1
        .notice()
        .unwrap()
        .clone();
    assert!(!notice.ok(), "{}", notice.to_string());
    let conn = demo.workspace.open().unwrap();
    let badge = lookup::badges::active_for(&conn, p.id).unwrap().unwrap();
    assert!(badge.collected.is_none());
}

#[test]
fn a_supervisor_sends_a_batch_and_imports_the_answers() {
    let demo = Demo::new(40);
    accredit::vetting::set_rule(&mut demo.workspace.open().unwrap(), &Actor::system(), "all")
        .unwrap();
    let mut clerk = signed_in(&demo, "clerk");
    assert!(!Tab::visible_to(&desk(&clerk).session.actor).contains(&Tab::Vetting));
    let task = clerk.update(Message::Desk(desk::Message::Tab(Tab::Vetting)));
    run(&mut clerk, task);
    assert_ne!(desk(&clerk).tab, Tab::Vetting);

    let mut sup = signed_in(&demo, "supervisor");
    let task = sup.update(Message::Desk(desk::Message::Tab(Tab::Vetting)));
    run(&mut sup, task);
    assert!(shows(&sup, "No batch was sent yet."));
    // CSV, so the test can fill the answers in.
    click(&mut sup, "XLSX (else CSV)");
    click(&mut sup, "Send batch");
    let conn = demo.workspace.open().unwrap();
    let batches = lookup::vetting::batches(&conn).unwrap();
    assert_eq!(batches.len(), 1);
    let sent = batches[0].people as usize;
    assert!(sent > 0);
    assert_eq!(batches[0].waiting as usize, sent);
    assert!(shows(&sup, "just now"));

    // The security service answers: all cleared.
    let prints = demo.workspace.data_dir().join("prints");
    let list = std::fs::read_dir(&prints)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "csv"))
        .expect("the batch's CSV");
    let text = std::fs::read_to_string(&list).unwrap();
    let mut answered = String::new();
    for (i, line) in text.lines().enumerate() {
        if i == 0 {
            answered.push_str(line);
        } else {
            // The last two columns (clearance, reason) are empty.
            let cells = line.strip_suffix(",,").expect("empty clearance and reason");
            answered.push_str(cells);
            answered.push_str(",Đạt,");
        }
        answered.push('\n');
    }
    let answers = demo.workspace.data_dir().join("answers.csv");
    std::fs::write(&answers, answered).unwrap();
    type_into(&mut sup, vetting::ANSWERS_INPUT, answers.to_str().unwrap());
    click(&mut sup, "Check");
    assert!(shows(
        &sup,
        &format!(
            "Checked, nothing written yet: {sent} row(s): {sent} cleared, 0 refused, 0 more information requested, 0 unchanged, 0 without an answer, 0 problem(s)."
        )
    ));
    assert_eq!(lookup::vetting::batches(&conn).unwrap()[0].cleared, 0);
    click(&mut sup, "Apply answers");
    let b = &lookup::vetting::batches(&conn).unwrap()[0];
    assert_eq!((b.cleared as usize, b.waiting), (sent, 0));
    // The table reloaded with the new states.
    let listing = desk(&sup).participants.listing().unwrap();
    assert!(
        listing
            .rows
            .iter()
            .any(|r| r.clearance == Some(ClearanceState::Cleared))
    );
}

#[test]
fn a_liaison_officer_collects_from_the_delegations_screen() {
    let demo = Demo::new(60);
    let p = printed_uncollected(&demo);
    let conn = demo.workspace.open().unwrap();
    let delegation = lookup::delegations::get(&conn, p.details.delegation).unwrap();
    let mut clerk = signed_in(&demo, "clerk");
    let task = clerk.update(Message::Desk(desk::Message::Tab(Tab::Delegations)));
    run(&mut clerk, task);
    let task = clerk.update(Message::Desk(desk::Message::Delegations(
        crate::gui::screen::delegations::Message::Select(delegation.id),
    )));
    run(&mut clerk, task);
    let overview = accredit::desk::delegations::overview(&conn, &Actor::system()).unwrap();
    let d = overview.iter().find(|d| d.id == delegation.id).unwrap();
    click(
        &mut clerk,
        &format!(
            "Hand over to liaison officer ({} printed)",
            d.badges_printed - d.badges_collected
        ),
    );
    type_into(&mut clerk, liaison::NAME_INPUT, "Lê Thị Thu Hà");
    type_into(&mut clerk, liaison::ID_INPUT, "passport C7 seen");
    click(&mut clerk, "Hand over and write receipt");
    let badge = lookup::badges::active_for(&conn, p.id).unwrap().unwrap();
    let c = badge.collected.expect("collected");
    assert!(
        c.id_check
            .starts_with("collected by Lê Thị Thu Hà for the delegation")
    );
    assert!(shows(&clerk, "Open receipt"));
    // The participant screen says who collected it.
    let task = clerk.update(Message::Desk(desk::Message::Delegations(
        crate::gui::screen::delegations::Message::Open(p.id),
    )));
    run(&mut clerk, task);
    let event = lookup::event::get(&conn).unwrap();
    assert!(shows(
        &clerk,
        &format!(
            "Handed over {} by clerk: {}",
            event.local_time(c.at),
            c.id_check
        )
    ));
}

#[test]
fn a_letters_code_opens_its_participant_at_the_desk() {
    let demo = Demo::new(40);
    let conn = &mut demo.workspace.open().unwrap();
    let p = lookup::participants::list(conn, &Default::default())
        .unwrap()
        .into_iter()
        .find(|p| p.status == ParticipantStatus::Approved)
        .unwrap();
    let out = demo.workspace.data_dir().join("letter.pdf");
    accredit::letters::write_letters_in(
        &demo.workspace,
        conn,
        &Actor::system(),
        accredit::letters::LetterKind::Visa,
        &accredit::letters::LetterSelection {
            participants: vec![p.id],
            ..Default::default()
        },
        &out,
        accredit::i18n::Language::English,
    )
    .unwrap();
    // The code as a scanner reads it off the printed page.
    let pdf = std::fs::read(&out).unwrap();
    let code = qr_of_first_page(&pdf).expect("the letter's QR code reads back");
    assert!(code.starts_with("ACL1:"));
    let mut clerk = signed_in(&demo, "clerk");
    type_into(&mut clerk, SEARCH_INPUT, &code);
    let detail = &desk(&clerk)
        .detail
        .as_ref()
        .expect("the participant opened")
        .1;
    assert_eq!(detail.id(), p.id);
    // A forged code opens nothing and says why.
    let mut clerk = signed_in(&demo, "clerk");
    let forged = format!("{}A", &code[..code.len() - 1]);
    type_into(&mut clerk, SEARCH_INPUT, &forged);
    assert!(desk(&clerk).detail.is_none());
}

/// The letters written by `clerk` for participant `id`, from the audit trail.
fn letters_written_for(demo: &Demo, id: accredit::domain::ParticipantId) -> usize {
    let conn = demo.workspace.open().unwrap();
    let filter = lookup::audit::Filter {
        participant: Some(id),
        operator: Some("clerk".into()),
        ..Default::default()
    };
    lookup::audit::list(&conn, &filter)
        .unwrap()
        .iter()
        .filter(|e| e.action == "participant.letter")
        .count()
}

/// The PDFs in the prints folder whose name (after its date and time) has `label`.
fn prints_named(demo: &Demo, label: &str) -> Vec<std::path::PathBuf> {
    let dir = crate::gui::system::prints_dir(&demo.workspace);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.contains(label) && n.ends_with(".pdf"))
        })
        .collect()
}

#[test]
fn a_clerk_writes_letters_from_the_delegations_and_participant_screens() {
    let demo = Demo::new(60);
    let conn = demo.workspace.open().unwrap();
    let everyone = lookup::participants::list(&conn, &Default::default()).unwrap();
    let p = everyone
        .iter()
        .find(|p| p.status == ParticipantStatus::Approved)
        .expect("an approved participant in the demo")
        .clone();
    let members: Vec<&Participant> = everyone
        .iter()
        .filter(|m| m.details.delegation == p.details.delegation)
        .collect();
    let mut clerk = signed_in(&demo, "clerk");
    let task = clerk.update(Message::Desk(desk::Message::Tab(Tab::Delegations)));
    run(&mut clerk, task);
    let task = clerk.update(Message::Desk(desk::Message::Delegations(
        crate::gui::screen::delegations::Message::Select(p.details.delegation),
    )));
    run(&mut clerk, task);
    click(&mut clerk, "Visa support");
    let written = prints_named(&demo, "letters-visa-");
    assert_eq!(written.len(), 1, "one PDF of visa letters: {written:?}");
    assert!(shows(&clerk, "Open letters"));
    // Each approved member got one letter, audited; no one else did.
    for m in &members {
        let expected = usize::from(m.status == ParticipantStatus::Approved);
        assert_eq!(letters_written_for(&demo, m.id), expected, "{m:?}");
    }
    let pdf = std::fs::read(&written[0]).unwrap();
    let code = qr_of_first_page(&pdf).expect("the first letter's code reads back");
    let named = accredit::letters::code::open(&conn, &Actor::system(), &code).unwrap();
    assert!(members.iter().any(|m| m.id == named));

    // One participant's acknowledgement from the participant screen.
    let task = clerk.update(Message::Desk(desk::Message::Delegations(
        crate::gui::screen::delegations::Message::Open(p.id),
    )));
    run(&mut clerk, task);
    click(&mut clerk, "Acknowledgement");
    let written = prints_named(&demo, "letters-acknowledgement-");
    assert_eq!(written.len(), 1, "{written:?}");
    assert_eq!(letters_written_for(&demo, p.id), 2);
    assert!(shows(&clerk, "Open letters"));
    let code = qr_of_first_page(&std::fs::read(&written[0]).unwrap()).unwrap();
    assert_eq!(
        accredit::letters::code::open(&conn, &Actor::system(), &code).unwrap(),
        p.id
    );
}

#[test]
fn a_nominee_gets_no_letter_buttons() {
    let demo = Demo::new(60);
    let conn = demo.workspace.open().unwrap();
    let nominee = lookup::participants::list(&conn, &Default::default())
        .unwrap()
        .into_iter()
        .find(|p| p.status == ParticipantStatus::Nominated)
        .expect("a nominee in the demo");
    let mut supervisor = signed_in(&demo, "supervisor");
    // Off the dashboard first: its poll chain never ends while it is shown.
    let task = supervisor.update(Message::Desk(desk::Message::Tab(Tab::Delegations)));
    run(&mut supervisor, task);
    let task = supervisor.update(Message::Desk(desk::Message::Delegations(
        crate::gui::screen::delegations::Message::Open(nominee.id),
    )));
    run(&mut supervisor, task);
    assert!(
        shows(&supervisor, "Approve"),
        "the nominee's screen is open"
    );
    // Letters are for approved people: the participant screen offers none.
    assert!(!shows(&supervisor, "Visa support"));
}

/// The first page at 300 dpi (a letter's code is denser than a badge's),
/// rendered with hayro, read by rqrr.
fn qr_of_first_page(pdf: &[u8]) -> Option<String> {
    use hayro::hayro_interpret::InterpreterSettings;
    use hayro::hayro_syntax::Pdf;
    use hayro::vello_cpu::color::palette::css::WHITE;
    use hayro::{PixmapSettings, RenderCache, RenderSettings};
    let pdf = Pdf::new(std::sync::Arc::new(pdf.to_vec())).ok()?;
    let scale = 300.0 / 72.0;
    let pixmap = hayro::render(
        pdf.pages().first()?,
        &RenderCache::new(),
        &InterpreterSettings::default(),
        &RenderSettings::default(),
        &PixmapSettings {
            x_scale: scale,
            y_scale: scale,
            bg_color: WHITE,
        },
    );
    let (w, h) = (usize::from(pixmap.width()), usize::from(pixmap.height()));
    let grey: Vec<u8> = pixmap
        .data_as_u8_slice()
        .chunks_exact(4)
        .map(|p| if p[1] < 128 { 0 } else { 255 })
        .collect();
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| grey[y * w + x]);
    prepared
        .detect_grids()
        .into_iter()
        .find_map(|g| g.decode().ok().map(|(_, text)| text))
}

#[test]
fn a_liaison_officer_takes_only_the_badges_left_ticked() {
    let demo = Demo::new(120);
    let conn = demo.workspace.open().unwrap();
    let actor = Actor::system();
    // A delegation with at least two printed badges waiting.
    let d = accredit::desk::delegations::overview(&conn, &actor)
        .unwrap()
        .into_iter()
        .find(|d| d.badges_printed - d.badges_collected >= 2)
        .expect("a delegation with two badges waiting");
    let waiting = accredit::desk::liaison::waiting(&conn, &actor, d.id).unwrap();
    assert_eq!(waiting.len() as u64, d.badges_printed - d.badges_collected);
    let mut clerk = signed_in(&demo, "clerk");
    let task = clerk.update(Message::Desk(desk::Message::Tab(Tab::Delegations)));
    run(&mut clerk, task);
    let task = clerk.update(Message::Desk(desk::Message::Delegations(
        crate::gui::screen::delegations::Message::Select(d.id),
    )));
    run(&mut clerk, task);
    click(
        &mut clerk,
        &format!("Hand over to liaison officer ({} printed)", waiting.len()),
    );
    let n = waiting.len();
    assert!(shows(&clerk, &format!("{n} of {n} printed badges chosen")));
    // The clerk unticks the first: that person collects at the desk later.
    let kept = &waiting[0];
    click(
        &mut clerk,
        &format!(
            "{} — {} — badge {}",
            kept.name,
            kept.category,
            kept.serial.unwrap()
        ),
    );
    assert!(shows(
        &clerk,
        &format!("{} of {n} printed badges chosen", n - 1)
    ));
    type_into(&mut clerk, liaison::NAME_INPUT, "Nguyễn Văn An");
    type_into(&mut clerk, liaison::ID_INPUT, "passport B9 seen");
    click(&mut clerk, "Hand over and write receipt");
    assert!(shows(&clerk, "Open receipt"));
    for line in &waiting {
        let badge = lookup::badges::get(&conn, line.serial.unwrap())
            .unwrap()
            .unwrap();
        assert_eq!(
            badge.collected.is_some(),
            line.participant != kept.participant,
            "{line:?}"
        );
    }
}
