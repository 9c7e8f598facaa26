//! The dashboard screen: its update rules, and the screen itself driven
//! through `iced_test` (a click on a number asks for its people, the chart
//! switches, the filter and the export buttons answer, the list of people
//! shows and closes).

use std::sync::Arc;

use iced::{Settings, Size};
use iced_test::Simulator;

use super::*;
use accredit::attendance::{Group, Measure};
use accredit::auth::Actor;
use accredit::report::Scope;
use accredit::report::tables::thousands;
use accredit::workspace::Workspace;

/// 26 October 2025, 11:00 in Hanoi.
const AT: i64 = 1_761_451_200;

struct Fixture {
    _dir: tempfile::TempDir,
    session: Session,
    data: Arc<Attendance>,
    fingerprint: Fingerprint,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::new(dir.path());
    accredit::demo::create(&ws, 400, accredit::demo::Dates::seed(), false).unwrap();
    let mut conn = ws.open().unwrap();
    let tx = conn.transaction().unwrap();
    accredit::demo::traffic::record(&tx, 600, 150, accredit::clock::now()).unwrap();
    tx.commit().unwrap();
    let actor = Actor {
        operator: None,
        name: "viewer".into(),
        role: accredit::domain::Role::Viewer,
    };
    let session = Session::load(ws, actor.clone()).unwrap();
    let data = Arc::new(attendance::load(&conn, &actor, AT, None).unwrap());
    let fingerprint = attendance::fingerprint(&conn).unwrap();
    Fixture {
        _dir: dir,
        session,
        data,
        fingerprint,
    }
}

fn loaded(f: &Fixture) -> State {
    let mut state = State::new();
    state.visible = true;
    let (_, event) = state.update(
        Message::Loaded(Ok((f.fingerprint, f.data.clone()))),
        &f.session,
    );
    assert!(event.is_none(), "the first figures are no news");
    state
}

fn failed(error: accredit::Error) -> JobError {
    JobError::from(error)
}

/// Tall enough for the whole dashboard to be on screen.
fn simulator<'a>(state: &'a State, session: &'a Session) -> Simulator<'a, Message> {
    Simulator::with_size(
        Settings::default(),
        Size::new(1366.0, 2600.0),
        state.view(session),
    )
}

#[test]
fn a_number_asks_for_the_people_behind_it() {
    let f = fixture();
    let state = loaded(&f);
    let mut ui = simulator(&state, &f.session);
    assert!(ui.find("Attendance").is_ok());
    assert!(ui.find("Occupancy now").is_ok());
    assert!(ui.find("Arrivals over time").is_ok());
    let nominated = thousands(f.data.figures.pipeline.nominated);
    ui.click(nominated.as_str()).unwrap();
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(
        matches!(
            messages.as_slice(),
            [Message::Open(Selector {
                group: Group::All,
                measure: Measure::Nominated
            })]
        ),
        "{messages:?}"
    );
}

#[test]
fn every_delegation_and_session_is_on_screen() {
    let f = fixture();
    let state = loaded(&f);
    let mut ui = simulator(&state, &f.session);
    for s in &f.data.figures.sessions {
        assert!(ui.find(s.name.as_str()).is_ok(), "{}", s.name);
    }
    // The delegation list scrolls: its first rows are in view.
    for d in f.data.figures.delegations.iter().take(5) {
        assert!(ui.find(d.code.as_str()).is_ok(), "{}", d.code);
    }
    for z in &f.data.figures.zones {
        assert!(ui.find(format!("{} {}", z.number, z.name)).is_ok());
    }
}

#[test]
fn the_filter_the_chart_and_the_exports_answer() {
    let f = fixture();
    let state = loaded(&f);
    let nobody = f
        .data
        .figures
        .delegations
        .iter()
        .filter(|d| d.nobody_arrived)
        .count();
    let mut ui = simulator(&state, &f.session);
    ui.click(format!("Only those with nobody arrived yet ({nobody})"))
        .unwrap();
    ui.click("Per day").unwrap();
    ui.click("PDF").unwrap();
    ui.click("Code ▲").unwrap();
    let messages: Vec<Message> = ui.into_messages().collect();
    assert_eq!(messages.len(), 4, "{messages:?}");
    assert!(
        matches!(messages[0], Message::NobodyArrivedOnly(true)),
        "{messages:?}"
    );
    assert!(matches!(messages[1], Message::Chart(ChartMode::Days)));
    assert!(matches!(messages[2], Message::Export(Format::Pdf)));
    assert!(matches!(messages[3], Message::SortBy(SortColumn::Code)));
}

#[test]
fn sorting_and_the_nobody_filter_order_the_delegations() {
    let f = fixture();
    let mut state = loaded(&f);
    let rows = &f.data.figures.delegations;
    let codes: Vec<&str> = state
        .delegation_order
        .iter()
        .map(|&i| rows[i].code.as_str())
        .collect();
    let mut sorted = codes.clone();
    sorted.sort();
    assert_eq!(codes, sorted, "by code at first");

    let _ = state.update(Message::SortBy(SortColumn::Arrived), &f.session);
    let arrived: Vec<u32> = state
        .delegation_order
        .iter()
        .map(|&i| rows[i].counts.arrived)
        .collect();
    assert!(arrived.windows(2).all(|w| w[0] >= w[1]), "largest first");
    assert!(arrived[0] > 0);
    let _ = state.update(Message::SortBy(SortColumn::Arrived), &f.session);
    assert_eq!(
        rows[state.delegation_order[0]].counts.arrived,
        *arrived.iter().min().unwrap()
    );

    let _ = state.update(Message::NobodyArrivedOnly(true), &f.session);
    assert!(!state.delegation_order.is_empty());
    assert!(
        state
            .delegation_order
            .iter()
            .all(|&i| rows[i].nobody_arrived)
    );
    assert_eq!(
        state.delegation_order.len(),
        rows.iter().filter(|d| d.nobody_arrived).count()
    );
    let _ = state.update(Message::SortBy(SortColumn::FirstArrival), &f.session);
    let _ = state.update(Message::NobodyArrivedOnly(false), &f.session);
    let firsts: Vec<i64> = state
        .delegation_order
        .iter()
        .map(|&i| rows[i].first_arrival.unwrap_or(i64::MAX))
        .collect();
    assert!(firsts.windows(2).all(|w| w[0] >= w[1]));

    let _ = state.update(Message::Chart(ChartMode::Days), &f.session);
    assert_eq!(state.bars.len(), f.data.figures.arrivals.per_day.len());
    let _ = state.update(Message::Chart(ChartMode::QuarterHours), &f.session);
    assert_eq!(
        state.bars.len(),
        f.data.figures.arrivals.busy_quarter_hours().len()
    );
}

#[test]
fn the_people_behind_a_number_are_listed_and_closed() {
    let f = fixture();
    let mut state = loaded(&f);
    let selector = Selector::new(Group::All, Measure::Arrived);
    let _ = state.update(Message::Open(selector), &f.session);
    assert_eq!(state.drill.as_ref().unwrap().title, "Arrived");
    assert!(state.drill.as_ref().unwrap().people.is_none(), "loading");
    let conn = f.session.workspace.open().unwrap();
    let found = attendance::people(
        &conn,
        &f.session.actor,
        &f.data,
        &selector,
        Some(PEOPLE_SHOWN),
    )
    .unwrap();
    let first = found.1[0].name.clone();
    let total = found.0;
    // An answer for another figure is ignored.
    let other = Selector::new(Group::All, Measure::Present);
    let _ = state.update(Message::People(other, Ok((0, Vec::new()))), &f.session);
    assert!(state.drill.as_ref().unwrap().people.is_none());
    let _ = state.update(Message::People(selector, Ok(found)), &f.session);

    let mut ui = simulator(&state, &f.session);
    assert!(ui.find(first.as_str()).is_ok(), "{first}");
    assert!(
        ui.find(format!(
            "{} people, by delegation and name",
            thousands(total as u32)
        ))
        .is_ok()
    );
    ui.click("Close").unwrap();
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(
        matches!(messages.as_slice(), [Message::CloseDrill]),
        "{messages:?}"
    );
    let _ = state.update(Message::CloseDrill, &f.session);
    assert!(state.drill.is_none());
}

#[test]
fn new_scans_bring_new_figures_and_a_hidden_dashboard_stops_polling() {
    let f = fixture();
    let mut state = loaded(&f);
    state.polling = true;
    // Nothing changed: no recomputation.
    let _ = state.update(Message::Checked(Ok(f.fingerprint)), &f.session);
    assert!(!state.loading);
    // A scan arrived: recompute.
    let newer = Fingerprint {
        last_scan: f.fingerprint.last_scan + 1,
        ..f.fingerprint
    };
    let _ = state.update(Message::Checked(Ok(newer)), &f.session);
    assert!(state.loading);
    let (_, event) = state.update(Message::Loaded(Ok((newer, f.data.clone()))), &f.session);
    assert!(!state.loading);
    assert_eq!(state.fingerprint, Some(newer));
    assert!(
        matches!(event, Some(Event::StoreChanged)),
        "the desk hears of the change"
    );
    // Read again with nothing new (the minute's refresh): no news.
    let (_, event) = state.update(Message::Loaded(Ok((newer, f.data.clone()))), &f.session);
    assert!(event.is_none());
    // A failed load keeps the figures and says why.
    let disk = accredit::Error::Other("disk on fire".into());
    let _ = state.update(Message::Loaded(Err(failed(disk))), &f.session);
    assert!(state.data.is_some());
    assert_eq!(
        state.error.as_ref().map(ToString::to_string).as_deref(),
        Some("disk on fire")
    );

    state.hide();
    let _ = state.update(Message::Checked(Ok(newer)), &f.session);
    assert!(!state.polling, "the chain stops while the tab is hidden");
    let _ = state.show(&f.session);
    assert!(state.polling);
    assert!(!state.loading, "the figures are a few seconds old");

    // Scans recorded at this desk's gate: read again as soon as shown.
    state.hide();
    state.outdated();
    let _ = state.show(&f.session);
    assert!(state.loading);
}

#[test]
fn an_export_says_where_it_went() {
    let f = fixture();
    let mut state = loaded(&f);
    let _ = state.update(Message::Export(Format::Xlsx), &f.session);
    assert!(matches!(
        state.export,
        Some(ExportState::Writing(Format::Xlsx))
    ));
    let path = "/data/reports/attendance-HN25-2025-10-26-11-00.xlsx".to_string();
    let _ = state.update(
        Message::Exported(Ok(ExportSummary {
            format: Format::Xlsx,
            path: path.clone(),
            bytes: 1,
            as_of: AT,
            scope: "All participants".into(),
        })),
        &f.session,
    );
    let mut ui = simulator(&state, &f.session);
    assert!(ui.find(format!("Saved to {path}")).is_ok());
}

#[test]
fn the_export_covers_the_delegation_and_session_chosen() {
    let f = fixture();
    let mut state = loaded(&f);
    assert_eq!(state.export_scope(&f.data), Scope::default());
    let vnm = f
        .session
        .delegation_choices
        .iter()
        .find(|c| c.label.starts_with("VNM"))
        .unwrap()
        .clone();
    let signing = state
        .session_choices
        .iter()
        .find(|c| c.label.starts_with("Signing ceremony of"))
        .unwrap()
        .clone();
    assert_eq!(state.session_choices[0].label, "Every session");
    assert!(simulator(&state, &f.session).find("Report for").is_ok());
    let _ = state.update(Message::ExportDelegation(vnm), &f.session);
    let _ = state.update(Message::ExportSession(signing.clone()), &f.session);
    let scope = state.export_scope(&f.data);
    assert_eq!(scope.delegation.as_deref(), Some("VNM"));
    assert_eq!(scope.session.as_deref(), Some(signing.label.as_str()));
    let all = state.session_choices[0].clone();
    let _ = state.update(Message::ExportSession(all), &f.session);
    assert_eq!(state.export_scope(&f.data).session, None);
}

#[test]
fn an_operator_who_may_not_see_reports_is_told_so() {
    let f = fixture();
    let mut state = State::new();
    let _ = state.update(
        Message::Loaded(Err(failed(accredit::Error::PermissionDenied {
            operator: "clerk".into(),
            role: "clerk".into(),
            action: "view reports",
        }))),
        &f.session,
    );
    let mut ui = simulator(&state, &f.session);
    assert!(ui.find("clerk (clerk) may not view reports").is_ok());
}

/// The example: a count of 3,000 participants as each language
/// writes it, in the list behind a number and in the figures themselves.
#[test]
fn counts_are_written_as_each_language_writes_numbers() {
    use accredit::i18n::{Language, LanguageScope};
    let f = fixture();
    let drill = |language| {
        let _lang = LanguageScope::new(language);
        let drill = Drill {
            selector: Selector::new(Group::All, Measure::Arrived),
            title: people::describe(&Selector::new(Group::All, Measure::Arrived), &f.data.facts),
            people: Some((3000, Vec::new())),
            error: None,
        };
        let mut ui = Simulator::with_size(
            Settings::default(),
            Size::new(600.0, 800.0),
            people::panel(&drill),
        );
        let count = accredit::t!(
            "dashboard-people-count-first",
            count = 3000,
            shown = PEOPLE_SHOWN
        );
        assert!(ui.find(count.as_str()).is_ok(), "{count}");
        (
            drill.title.clone(),
            count,
            accredit::t!("dashboard-people-count", count = 3000),
        )
    };

    let (title, first, all) = drill(Language::English);
    assert_eq!(title, "Arrived");
    assert_eq!(first, "3,000 people; the first 500 by delegation and name");
    assert_eq!(all, "3,000 people, by delegation and name");

    let (title, first, all) = drill(Language::Vietnamese);
    assert_eq!(title, "Đã đến");
    assert!(first.starts_with("3.000 người tham dự"), "{first}");
    assert_eq!(all, "3.000 người tham dự, theo đoàn và họ tên");

    let (title, first, all) = drill(Language::French);
    assert_eq!(title, "Arrivés");
    assert!(first.starts_with("3\u{202F}000 participants"), "{first}");
    assert_eq!(all, "3\u{202F}000 participants, par délégation et par nom");

    // The figures' own numbers, and the sentences around them.
    let _lang = LanguageScope::new(Language::Vietnamese);
    assert_eq!(view::count(3000), "3.000");
    assert_eq!(
        accredit::t!("dashboard-over-quota", count = 3000),
        "3.000 đoàn vượt hạn ngạch (xem Các đoàn, “Chỉ đoàn vượt hạn ngạch”)."
    );
    {
        let _lang = LanguageScope::new(Language::French);
        assert_eq!(view::count(3000), "3\u{202F}000");
        assert_eq!(
            accredit::t!("dashboard-over-quota", count = 1),
            "1 délégation dépasse son quota (voir Délégations, « Au-delà du quota seulement »)."
        );
    }
    let _lang = LanguageScope::new(Language::English);
    assert_eq!(
        accredit::t!("dashboard-over-quota", count = 0),
        "No delegation is over its quota."
    );
}
