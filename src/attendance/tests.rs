//! The rules of the figures on small, hand-made cases: which passage decides
//! presence, what counts as an arrival, a session's window, scopes, time
//! buckets in the event's time zone, and that the people behind a figure
//! are as many as the figure says.

use super::*;
use crate::domain::{Direction, GateVerdict, ParticipantStatus, Scan};
use crate::store::Db;

/// 25 October 2025, 09:00 in Hanoi: the opening ceremony starts.
const T0: i64 = 1_761_357_600;
const HOUR: i64 = 3600;

fn demo(n: usize) -> Db {
    let mut conn = store::open_in_memory().unwrap();
    let tx = conn.transaction().unwrap();
    crate::demo::build(&tx, n, crate::demo::Dates::seed(), None).unwrap();
    tx.commit().unwrap();
    conn
}

fn scan(conn: &Db, participant: i64, zone: u8, direction: Direction, at: i64, passed: bool) {
    let n: i64 = conn
        .query_row("SELECT count(*) FROM scans", [], |r| r.get(0))
        .unwrap();
    let s = Scan {
        id: format!("test-{n}"),
        serial: None,
        participant: Some(participant),
        checkpoint: 1,
        zone,
        direction,
        verdict: if passed {
            GateVerdict::ACCEPTED
        } else {
            GateVerdict::Spec(crate::credential::Verdict::ZoneDenied)
        },
        passed,
        at,
        station: "test".into(),
        operator: "gate".into(),
        override_reason: String::new(),
        override_by: String::new(),
        overrides: None,
    };
    assert!(store::scans::insert(conn, &s, "Test checkpoint", None).unwrap());
}

fn ids(conn: &Db, sql: &str) -> Vec<i64> {
    conn.prepare(sql)
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn figures(conn: &Db, at: i64) -> Attendance {
    load(conn, &crate::auth::Actor::system(), at, None).unwrap()
}

fn person(a: &Attendance, id: i64) -> &Person {
    &a.facts.people[a.facts.position(id).unwrap()]
}

#[test]
fn presence_follows_the_latest_passage() {
    let conn = demo(60);
    let p = ids(&conn, "SELECT id FROM participants ORDER BY id LIMIT 6");
    use Direction::{Entry, Exit};
    // In, out, in again: inside.
    scan(&conn, p[0], 1, Entry, T0 - HOUR, true);
    scan(&conn, p[0], 1, Exit, T0 - HOUR / 2, true);
    scan(&conn, p[0], 1, Entry, T0 - 600, true);
    // An entry and an exit in the same second: the one recorded last wins.
    scan(&conn, p[1], 1, Entry, T0 - 100, true);
    scan(&conn, p[1], 1, Exit, T0 - 100, true);
    // After the instant of the figures: not yet.
    scan(&conn, p[2], 1, Entry, T0 + 100, true);
    // Refused at the door.
    scan(&conn, p[3], 1, Entry, T0 - 100, false);
    // Only an exit: never came in through a checkpoint.
    scan(&conn, p[4], 1, Exit, T0 - 100, true);
    // Inside two zones.
    scan(&conn, p[5], 1, Entry, T0 - 300, true);
    scan(&conn, p[5], 2, Entry, T0 - 200, true);
    // A holder the store does not know.
    scan(&conn, 9_999_999, 1, Entry, T0 - 100, true);

    let a = figures(&conn, T0);
    assert_eq!(
        person(&a, p[0]).inside,
        crate::domain::ZoneSet::from_numbers([1])
    );
    assert_eq!(person(&a, p[0]).first_arrival, Some(T0 - HOUR));
    assert!(person(&a, p[1]).arrived() && !person(&a, p[1]).present());
    assert!(!person(&a, p[2]).arrived());
    assert!(!person(&a, p[3]).arrived());
    assert!(!person(&a, p[4]).arrived() && !person(&a, p[4]).present());
    assert_eq!(
        person(&a, p[5]).inside,
        crate::domain::ZoneSet::from_numbers([1, 2])
    );
    let f = &a.figures;
    assert_eq!(f.pipeline.arrived, 3);
    assert_eq!(f.pipeline.present, 2);
    let inside = |z: u8| f.zones.iter().find(|x| x.number == z).unwrap().present;
    assert_eq!((inside(1), inside(2), inside(3)), (2, 1, 0));

    // An hour later the late entry counts too.
    let later = figures(&conn, T0 + HOUR);
    assert_eq!(later.figures.pipeline.arrived, 4);
    assert_eq!(later.figures.pipeline.present, 3);
}

#[test]
fn a_session_counts_entries_from_half_an_hour_before_to_its_end_and_check_ins() {
    let conn = demo(80);
    let opening = store::sessions::find_by_name(&conn, "Opening ceremony")
        .unwrap()
        .unwrap();
    let (start, end) = (opening.starts_at, opening.ends_at);
    let p = ids(&conn, "SELECT id FROM participants ORDER BY id LIMIT 6");
    use Direction::Entry;
    scan(&conn, p[0], 1, Entry, start - EARLY_ENTRY_SECONDS, true);
    scan(&conn, p[1], 1, Entry, start - EARLY_ENTRY_SECONDS - 1, true);
    scan(&conn, p[2], 1, Entry, end, true);
    scan(&conn, p[3], 1, Entry, end - 1, true);
    scan(&conn, p[5], 2, Entry, start + 60, true);
    store::attendance::insert_checkin(&conn, opening.id, p[4], start + 60, "protocol").unwrap();

    let a = figures(&conn, end + HOUR);
    let s = a
        .figures
        .sessions
        .iter()
        .find(|s| s.name == "Opening ceremony")
        .unwrap();
    assert_eq!(s.attended, 3, "{s:?}");
    assert_eq!(s.checked_in, 1);
    assert_eq!(s.invited, None);
    let who = Selector::new(Group::All, Measure::Attended(opening.id)).select(&a.facts);
    let who: Vec<i64> = who.iter().map(|&i| a.facts.people[i].id).collect();
    assert_eq!(who, [p[0], p[3], p[4]]);
    // Before the session the same passages count for nothing yet.
    let before = figures(&conn, start - EARLY_ENTRY_SECONDS - 10);
    assert_eq!(
        before
            .figures
            .sessions
            .iter()
            .find(|s| s.name == "Opening ceremony")
            .unwrap()
            .attended,
        0
    );
}

#[test]
fn invitations_count_the_approved_and_split_who_came() {
    let conn = demo(400);
    let signing = store::sessions::list(&conn)
        .unwrap()
        .into_iter()
        .find(|s| s.invitation_only && s.zone == 2)
        .unwrap();
    let invited_approved = ids(
        &conn,
        &format!(
            "SELECT p.id FROM participants p JOIN session_invitees i ON i.participant_id = p.id
             WHERE i.session_id = {} AND p.status = 'approved' ORDER BY p.id",
            signing.id
        ),
    );
    let invited_other = ids(
        &conn,
        &format!(
            "SELECT p.id FROM participants p JOIN session_invitees i ON i.participant_id = p.id
             WHERE i.session_id = {} AND p.status <> 'approved' ORDER BY p.id",
            signing.id
        ),
    );
    let uninvited = ids(
        &conn,
        &format!(
            "SELECT id FROM participants WHERE id NOT IN
             (SELECT participant_id FROM session_invitees WHERE session_id = {} AND participant_id IS NOT NULL)
             ORDER BY id LIMIT 2",
            signing.id
        ),
    );
    assert!(invited_approved.len() >= 2 && !invited_other.is_empty());
    let during = signing.starts_at + 300;
    scan(
        &conn,
        invited_approved[0],
        2,
        Direction::Entry,
        during,
        true,
    );
    scan(
        &conn,
        invited_approved[1],
        2,
        Direction::Entry,
        during,
        true,
    );
    // Invited but not approved: there, but not among the invited.
    scan(&conn, invited_other[0], 2, Direction::Entry, during, true);
    scan(&conn, uninvited[0], 2, Direction::Entry, during, true);
    // Into another zone: not at the ceremony.
    scan(&conn, uninvited[1], 1, Direction::Entry, during, true);

    let a = figures(&conn, signing.ends_at);
    let s = a
        .figures
        .sessions
        .iter()
        .find(|s| s.name == signing.name)
        .unwrap();
    assert_eq!(s.invited, Some(invited_approved.len() as u32));
    assert_eq!(s.attended, 4);
    assert_eq!(s.attended_invited, Some(2));
    assert_eq!(s.attended_uninvited, Some(2));
    let absent = Selector::new(Group::All, Measure::Absent(signing.id)).select(&a.facts);
    assert_eq!(absent.len(), invited_approved.len() - 2);

    let detail = SessionDetail::compute(&a.facts, &a.figures, signing.id).unwrap();
    let invited_in_detail: u32 = detail.delegations.iter().filter_map(|d| d.invited).sum();
    assert_eq!(invited_in_detail, invited_approved.len() as u32);
    let attended_in_detail: u32 = detail.delegations.iter().map(|d| d.attended).sum();
    assert_eq!(attended_in_detail, 4);
}

#[test]
fn invitations_through_a_delegation_cover_its_participants() {
    let conn = demo(400);
    let briefing = store::sessions::list(&conn)
        .unwrap()
        .into_iter()
        .find(|s| s.name.starts_with("Briefing"))
        .unwrap();
    let expected = ids(
        &conn,
        &format!(
            "SELECT p.id FROM participants p JOIN session_invitees i ON i.delegation_id = p.delegation_id
             WHERE i.session_id = {} AND p.status = 'approved'",
            briefing.id
        ),
    );
    assert!(!expected.is_empty());
    let a = figures(&conn, T0);
    let s = a
        .figures
        .sessions
        .iter()
        .find(|s| s.name == briefing.name)
        .unwrap();
    assert_eq!(s.invited, Some(expected.len() as u32));
}

#[test]
fn a_delegation_scope_holds_its_people_only() {
    let conn = demo(300);
    let vnm = store::delegations::find_by_code(&conn, "VNM")
        .unwrap()
        .unwrap();
    let theirs = ids(
        &conn,
        &format!(
            "SELECT id FROM participants WHERE delegation_id = {} ORDER BY id",
            vnm.id
        ),
    );
    let others = ids(
        &conn,
        &format!(
            "SELECT id FROM participants WHERE delegation_id <> {} ORDER BY id LIMIT 3",
            vnm.id
        ),
    );
    scan(&conn, theirs[0], 1, Direction::Entry, T0 - 60, true);
    for &o in &others {
        scan(&conn, o, 1, Direction::Entry, T0 - 60, true);
    }
    let a = load(&conn, &crate::auth::Actor::system(), T0, Some(vnm.id)).unwrap();
    assert_eq!(a.facts.people.len(), theirs.len());
    assert_eq!(a.figures.pipeline.nominated as usize, theirs.len());
    assert_eq!(a.figures.pipeline.arrived, 1);
    assert_eq!(a.figures.delegations.len(), 1);
    let entries: u32 = a.figures.arrivals.per_day.iter().map(|d| d.entries).sum();
    assert_eq!(entries, 1);
}

#[test]
fn arrivals_are_counted_per_local_quarter_hour_and_day() {
    let conn = demo(50);
    let p = ids(&conn, "SELECT id FROM participants ORDER BY id LIMIT 3");
    // 08:07 and 08:14:59 in Hanoi fall in the 08:00 quarter; 08:15 in the next.
    let eight = T0 - HOUR;
    scan(&conn, p[0], 1, Direction::Entry, eight + 7 * 60, true);
    scan(&conn, p[1], 1, Direction::Entry, eight + 15 * 60 - 1, true);
    scan(&conn, p[2], 1, Direction::Entry, eight + 15 * 60, true);
    // A second entry of the same person: an entry, not a first arrival.
    scan(&conn, p[0], 2, Direction::Entry, eight + 20 * 60, true);
    let a = figures(&conn, T0 + 2 * 86_400);
    let arrivals = &a.figures.arrivals;
    assert_eq!(arrivals.per_day.len(), 2);
    assert_eq!(arrivals.per_quarter_hour.len(), 2 * 96);
    let q = |local: &str| {
        arrivals
            .per_quarter_hour
            .iter()
            .find(|q| q.local == local)
            .unwrap()
    };
    assert_eq!(
        (
            q("2025-10-25 08:00").entries,
            q("2025-10-25 08:00").first_arrivals
        ),
        (2, 2)
    );
    assert_eq!(
        (
            q("2025-10-25 08:15").entries,
            q("2025-10-25 08:15").first_arrivals
        ),
        (2, 1)
    );
    assert_eq!(arrivals.per_day[0].date, "2025-10-25");
    assert_eq!(
        (
            arrivals.per_day[0].entries,
            arrivals.per_day[0].first_arrivals
        ),
        (4, 3)
    );
    assert_eq!(arrivals.per_day[1].entries, 0);
    let busy = arrivals.busy_quarter_hours();
    assert_eq!(busy.first().unwrap().local, "2025-10-25 07:00");
    assert_eq!(busy.last().unwrap().local, "2025-10-25 09:15");
}

#[test]
fn a_day_when_clocks_go_back_has_a_hundred_quarter_hours() {
    let conn = demo(20);
    let mut event = store::event::get(&conn).unwrap();
    event.time_zone = "Europe/Paris".into();
    event.start_date = "2025-10-26".parse().unwrap();
    event.end_date = event.start_date;
    store::event::update(&conn, &event).unwrap();
    let a = figures(&conn, T0);
    let quarters = &a.figures.arrivals.per_quarter_hour;
    assert_eq!(quarters.len(), 100);
    assert_eq!(
        quarters
            .iter()
            .filter(|q| q.local == "2025-10-26 02:00")
            .count(),
        2
    );
}

#[test]
fn the_people_behind_a_figure_are_as_many_as_it_says() {
    let conn = demo(500);
    let people = ids(&conn, "SELECT id FROM participants ORDER BY id");
    let mut rng = 0x1234_5678_u64;
    let mut next = |n: u64| {
        rng = rng.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (rng >> 33) % n
    };
    for _ in 0..1500 {
        let p = people[next(people.len() as u64) as usize];
        let zone = 1 + next(7) as u8;
        let direction = if next(5) == 0 {
            Direction::Exit
        } else {
            Direction::Entry
        };
        let at = T0 - 2 * HOUR + next(12 * HOUR as u64) as i64;
        scan(&conn, p, zone, direction, at, next(30) != 0);
    }
    let a = figures(&conn, T0 + 6 * HOUR);
    let f = &a.figures;
    let count = |group: Group, measure: Measure| {
        Selector::new(group, measure).select(&a.facts).len() as u32
    };
    let p = &f.pipeline;
    for (measure, n) in [
        (Measure::Nominated, p.nominated),
        (Measure::Pending, p.pending),
        (Measure::Approved, p.approved),
        (Measure::Rejected, p.rejected),
        (Measure::Cancelled, p.cancelled),
        (Measure::Printed, p.badges_printed),
        (Measure::Collected, p.badges_collected),
        (Measure::Arrived, p.arrived),
        (Measure::Present, p.present),
    ] {
        assert_eq!(count(Group::All, measure), n, "{measure:?}");
    }
    assert!(p.arrived > 100 && p.present > 50, "{p:?}");
    for (i, d) in f.delegations.iter().enumerate() {
        let g = Group::Delegation(a.facts.delegations[i].id);
        assert_eq!(count(g, Measure::Arrived), d.counts.arrived, "{}", d.code);
        assert_eq!(count(g, Measure::Approved), d.counts.approved, "{}", d.code);
        assert_eq!(
            d.counts.approved > 0 && count(g, Measure::Arrived) == 0,
            d.nobody_arrived,
            "{}",
            d.code
        );
        assert!(count(g, Measure::NotArrived) <= d.counts.approved);
    }
    for (i, c) in f.categories.iter().enumerate() {
        let g = Group::Category(a.facts.categories[i].id);
        assert_eq!(count(g, Measure::Present), c.counts.present, "{}", c.code);
    }
    for z in &f.zones {
        assert_eq!(count(Group::All, Measure::Inside(z.number)), z.present);
    }
    for (i, s) in f.sessions.iter().enumerate() {
        let id = a.facts.sessions[i].id;
        assert_eq!(
            count(Group::All, Measure::Attended(id)),
            s.attended,
            "{}",
            s.name
        );
        if let Some(invited) = s.invited {
            assert_eq!(count(Group::All, Measure::Invited(id)), invited);
            assert_eq!(
                count(Group::All, Measure::AttendedUninvited(id)),
                s.attended_uninvited.unwrap()
            );
        }
    }
    let states: u32 = f
        .representation
        .by_kind
        .iter()
        .filter(|k| k.kind.is_state())
        .map(|k| k.arrived_participants)
        .sum();
    assert_eq!(count(Group::States, Measure::Arrived), states);
    for q in f
        .arrivals
        .per_quarter_hour
        .iter()
        .filter(|q| q.first_arrivals > 0)
    {
        assert_eq!(
            count(Group::All, Measure::FirstArrivalIn(q.start)),
            q.first_arrivals
        );
    }
    let first_day = &f.arrivals.per_day[0];
    assert_eq!(
        count(
            Group::All,
            Measure::FirstArrivalBetween(first_day.start, first_day.start + 86_400)
        ),
        first_day.first_arrivals
    );
    // Everyone in a status is somewhere in the pipeline.
    assert_eq!(
        p.pending + p.approved + p.rejected + p.cancelled,
        p.nominated
    );
    let _ = ParticipantStatus::ALL;
}

#[test]
fn the_list_behind_a_figure_has_names_in_order() {
    let conn = demo(120);
    let p = ids(&conn, "SELECT id FROM participants ORDER BY id LIMIT 40");
    for &id in &p {
        scan(&conn, id, 1, Direction::Entry, T0 - 60, true);
    }
    let a = figures(&conn, T0);
    let actor = crate::auth::Actor::system();
    let selector = Selector::new(Group::All, Measure::Arrived);
    let (total, rows) = people(&conn, &actor, &a, &selector, Some(10)).unwrap();
    assert_eq!(total, 40);
    assert_eq!(rows.len(), 10);
    let keys: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r.delegation.clone(), r.name.clone()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        keys.iter().map(|k| &k.0).collect::<Vec<_>>(),
        sorted.iter().map(|k| &k.0).collect::<Vec<_>>()
    );
    assert!(
        rows.iter()
            .all(|r| !r.name.is_empty() && r.first_arrival == Some(T0 - 60))
    );
    assert!(rows.iter().all(|r| r.present_zones == [1]));

    let viewer = crate::auth::Actor {
        operator: None,
        name: "clerk".into(),
        role: crate::domain::Role::Clerk,
    };
    let refused = load(&conn, &viewer, T0, None).unwrap_err();
    assert!(
        refused.to_string().contains("may not view reports"),
        "{refused}"
    );
}
