//! The report as tables: the one layout the CSV, XLSX and PDF writers share,
//! so a figure reads the same in each.

use serde::Serialize;

use super::Report;
use crate::attendance::PersonRow;
use crate::domain::{Colour, ParticipantStatus};

/// The tables a report can hold; the names are those of `--table`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TableId {
    About,
    Pipeline,
    Representation,
    Categories,
    Zones,
    Sessions,
    Delegations,
    Days,
    QuarterHours,
    Session,
    SessionDelegations,
    Participants,
}

impl TableId {
    pub const ALL: [TableId; 12] = [
        TableId::About,
        TableId::Pipeline,
        TableId::Representation,
        TableId::Categories,
        TableId::Zones,
        TableId::Sessions,
        TableId::Delegations,
        TableId::Days,
        TableId::QuarterHours,
        TableId::Session,
        TableId::SessionDelegations,
        TableId::Participants,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TableId::About => "about",
            TableId::Pipeline => "pipeline",
            TableId::Representation => "representation",
            TableId::Categories => "categories",
            TableId::Zones => "zones",
            TableId::Sessions => "sessions",
            TableId::Delegations => "delegations",
            TableId::Days => "days",
            TableId::QuarterHours => "quarter_hours",
            TableId::Session => "session",
            TableId::SessionDelegations => "session_delegations",
            TableId::Participants => "participants",
        }
    }
}

impl std::str::FromStr for TableId {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let key = s.trim().to_ascii_lowercase().replace('-', "_");
        TableId::ALL
            .into_iter()
            .find(|t| t.as_str() == key)
            .ok_or_else(|| {
                format!(
                    "\"{}\" is not a report table ({})",
                    s.trim(),
                    TableId::ALL.map(|t| t.as_str()).join(", ")
                )
            })
    }
}

/// One cell. Counts stay numbers in CSV and XLSX.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Count(u32),
    /// A count that does not apply (e.g. "invited" for an open session).
    Empty,
    /// A category code, shown in its colour.
    Category {
        code: String,
        colour: Colour,
    },
    /// Yes or nothing.
    Flag(bool),
}

impl Cell {
    pub fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Empty => String::new(),
            Cell::Category { code, .. } => code.clone(),
            Cell::Flag(true) => "yes".into(),
            Cell::Flag(false) => String::new(),
        }
    }

    /// The text as a person reads it: counts with thousands separators.
    pub fn display(&self) -> String {
        match self {
            Cell::Count(n) => thousands(*n),
            other => other.text(),
        }
    }

    fn count(n: Option<u32>) -> Cell {
        n.map_or(Cell::Empty, Cell::Count)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// Width in characters (XLSX), and the column's share of a PDF table.
    pub width: f32,
    /// Right-aligned.
    pub numeric: bool,
}

fn text_col(title: &str, width: f32) -> Column {
    Column {
        title: title.into(),
        width,
        numeric: false,
    }
}

fn num_col(title: &str, width: f32) -> Column {
    Column {
        title: title.into(),
        width,
        numeric: true,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub id: TableId,
    pub title: String,
    /// What the figures count, in a sentence under the title.
    pub note: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// The last this many rows are totals (drawn bold).
    pub total_rows: usize,
    /// Shown in the PDF (the chart and the headline numbers stand for the
    /// others there).
    pub in_pdf: bool,
}

/// `12,345`.
pub fn thousands(n: impl Into<u64>) -> String {
    let digits = n.into().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A round step giving about four gridlines from 0 up to `highest`: 1, 2 or
/// 5 times a power of ten.
pub fn nice_step(highest: u32) -> u32 {
    let rough = (highest / 4).max(1);
    let magnitude = 10u32.pow(rough.ilog10());
    [1, 2, 5, 10]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&s| s >= rough)
        .unwrap_or(10 * magnitude)
}

/// The CSV table when none is named.
pub fn default_csv_table(report: &Report) -> TableId {
    if report.participants.is_some() {
        TableId::Participants
    } else {
        TableId::Delegations
    }
}

/// Every table of the report, in reading order.
pub fn tables(report: &Report) -> Vec<Table> {
    let mut out = vec![about(report)];
    if let Some(session) = &report.session {
        out.push(session_summary(report, session));
        out.push(session_delegations(session));
    } else {
        out.push(pipeline(report));
        if report.scope.delegation.is_none() {
            out.push(representation(report));
        }
        out.push(categories(report));
        out.push(zones(report));
        out.push(sessions(report));
        if report.scope.delegation.is_none() {
            out.push(delegations(report));
        }
        out.push(days(report));
        out.push(quarter_hours(report));
    }
    if let Some(people) = &report.participants {
        out.push(participants(report, people));
    }
    out
}

fn about(r: &Report) -> Table {
    let rows = [
        ("Report", "Attendance".to_string()),
        ("Event", r.event.name.clone()),
        ("Venue", r.event.venue.clone()),
        ("Dates", r.event.dates.clone()),
        ("Covers", r.scope_label()),
        (
            "Figures as of",
            format!("{} ({})", r.figures.as_of_local, r.figures.time_zone),
        ),
    ];
    Table {
        id: TableId::About,
        title: "About this report".into(),
        note: String::new(),
        columns: vec![text_col("Field", 16.0), text_col("Value", 70.0)],
        rows: rows
            .into_iter()
            .map(|(k, v)| vec![Cell::Text(k.into()), Cell::Text(v)])
            .collect(),
        total_rows: 0,
        in_pdf: false,
    }
}

fn pipeline(r: &Report) -> Table {
    let p = &r.figures.pipeline;
    let rows = [
        ("Nominations received", p.nominated),
        ("Awaiting a decision", p.pending),
        ("Approved", p.approved),
        ("Rejected", p.rejected),
        ("Cancelled", p.cancelled),
        ("Badge printed", p.badges_printed),
        ("Badge collected", p.badges_collected),
        ("Arrived at least once", p.arrived),
        ("Present now", p.present),
    ];
    Table {
        id: TableId::Pipeline,
        title: "Accreditation and attendance".into(),
        note: "Participants at each stage.".into(),
        columns: vec![text_col("Stage", 28.0), num_col("Participants", 14.0)],
        rows: rows
            .into_iter()
            .map(|(k, v)| vec![Cell::Text(k.into()), Cell::Count(v)])
            .collect(),
        total_rows: 0,
        in_pdf: false,
    }
}

fn representation(r: &Report) -> Table {
    let rep = &r.figures.representation;
    let mut rows: Vec<Vec<Cell>> = rep
        .by_kind
        .iter()
        .map(|k| {
            vec![
                Cell::Text(k.label.clone()),
                Cell::Count(k.delegations.delegations),
                Cell::Count(k.delegations.registered),
                Cell::Count(k.delegations.arrived),
                Cell::Count(k.approved_participants),
                Cell::Count(k.arrived_participants),
            ]
        })
        .collect();
    for (label, group) in [
        ("All states", &rep.states),
        ("All organisations", &rep.organisations),
    ] {
        rows.push(vec![
            Cell::Text(label.into()),
            Cell::Count(group.delegations),
            Cell::Count(group.registered),
            Cell::Count(group.arrived),
            Cell::Empty,
            Cell::Empty,
        ]);
    }
    Table {
        id: TableId::Representation,
        title: "States and organisations represented".into(),
        note: "Delegations registered (someone approved) and arrived (someone came in); organisations exclude media and the host.".into(),
        columns: vec![
            text_col("Kind", 30.0),
            num_col("Delegations", 12.0),
            num_col("Registered", 12.0),
            num_col("Arrived", 10.0),
            num_col("Approved people", 16.0),
            num_col("People arrived", 15.0),
        ],
        rows,
        total_rows: 2,
        in_pdf: true,
    }
}

fn counts_columns(first: Vec<Column>) -> Vec<Column> {
    let mut cols = first;
    cols.extend([
        num_col("Nominated", 11.0),
        num_col("Approved", 10.0),
        num_col("Printed", 9.0),
        num_col("Collected", 10.0),
        num_col("Arrived", 9.0),
        num_col("Present", 9.0),
    ]);
    cols
}

fn counts_cells(c: &crate::attendance::Counts) -> [Cell; 6] {
    [
        Cell::Count(c.nominated),
        Cell::Count(c.approved),
        Cell::Count(c.badges_printed),
        Cell::Count(c.badges_collected),
        Cell::Count(c.arrived),
        Cell::Count(c.present),
    ]
}

fn categories(r: &Report) -> Table {
    let rows = r
        .figures
        .categories
        .iter()
        .map(|c| {
            let mut row = vec![
                Cell::Category {
                    code: c.code.clone(),
                    colour: Colour::parse(&c.colour).unwrap_or(Colour::BLACK),
                },
                Cell::Text(c.name.clone()),
            ];
            row.extend(counts_cells(&c.counts));
            row
        })
        .collect();
    Table {
        id: TableId::Categories,
        title: "By category".into(),
        note: "Printed and collected: a badge of theirs was printed, handed over.".into(),
        columns: counts_columns(vec![text_col("Code", 7.0), text_col("Category", 26.0)]),
        rows,
        total_rows: 0,
        in_pdf: true,
    }
}

fn zones(r: &Report) -> Table {
    Table {
        id: TableId::Zones,
        title: "Occupancy per zone now".into(),
        note: "Inside: their last passage into or out of the zone was an entry.".into(),
        columns: vec![
            num_col("Zone", 6.0),
            text_col("Code", 8.0),
            text_col("Name", 40.0),
            num_col("Inside", 10.0),
        ],
        rows: r
            .figures
            .zones
            .iter()
            .map(|z| {
                vec![
                    Cell::Count(u32::from(z.number)),
                    Cell::Text(z.code.clone()),
                    Cell::Text(z.name.clone()),
                    Cell::Count(z.present),
                ]
            })
            .collect(),
        total_rows: 0,
        in_pdf: true,
    }
}

/// `2025-10-25 10:15–12:30`, or both dates when they differ.
fn span(starts: &str, ends: &str) -> String {
    match (starts.get(..10), ends.get(..10), ends.get(11..)) {
        (Some(a), Some(b), Some(end_time)) if a == b => format!("{starts}–{end_time}"),
        _ => format!("{starts} – {ends}"),
    }
}

fn sessions(r: &Report) -> Table {
    Table {
        id: TableId::Sessions,
        title: "Sessions".into(),
        note: "Attended: came into the session's zone from 30 minutes before its start to its end, or checked in. Invited: approved and invited. Of invited, uninvited: those who attended.".into(),
        columns: vec![
            text_col("Session", 42.0),
            text_col("When", 21.0),
            num_col("Zone", 5.0),
            num_col("Invited", 8.0),
            num_col("Attended", 9.0),
            num_col("Of invited", 10.0),
            num_col("Uninvited", 10.0),
            num_col("Check-ins", 9.0),
        ],
        rows: r
            .figures
            .sessions
            .iter()
            .map(|s| {
                vec![
                    Cell::Text(s.name.clone()),
                    Cell::Text(span(&s.starts_local, &s.ends_local)),
                    Cell::Count(u32::from(s.zone)),
                    Cell::count(s.invited),
                    Cell::Count(s.attended),
                    Cell::count(s.attended_invited),
                    Cell::count(s.attended_uninvited),
                    Cell::Count(s.checked_in),
                ]
            })
            .collect(),
        total_rows: 0,
        in_pdf: true,
    }
}

fn delegations(r: &Report) -> Table {
    let rows = r
        .figures
        .delegations
        .iter()
        .map(|d| {
            let mut row = vec![Cell::Text(d.code.clone()), Cell::Text(d.name.clone())];
            row.extend(counts_cells(&d.counts));
            row.push(Cell::Flag(d.nobody_arrived));
            row
        })
        .collect();
    let mut columns = counts_columns(vec![text_col("Code", 12.0), text_col("Delegation", 40.0)]);
    columns.push(text_col("Nobody yet", 10.0));
    Table {
        id: TableId::Delegations,
        title: "Delegations".into(),
        note: "Nobody yet: someone approved, nobody arrived.".into(),
        columns,
        rows,
        total_rows: 0,
        in_pdf: true,
    }
}

fn days(r: &Report) -> Table {
    Table {
        id: TableId::Days,
        title: "Arrivals per day".into(),
        note:
            "Entries: passages into any zone. First arrivals: people coming in for the first time."
                .into(),
        columns: vec![
            text_col("Date", 12.0),
            num_col("Entries", 10.0),
            num_col("First arrivals", 14.0),
        ],
        rows: r
            .figures
            .arrivals
            .per_day
            .iter()
            .map(|d| {
                vec![
                    Cell::Text(d.date.clone()),
                    Cell::Count(d.entries),
                    Cell::Count(d.first_arrivals),
                ]
            })
            .collect(),
        total_rows: 0,
        in_pdf: true,
    }
}

fn quarter_hours(r: &Report) -> Table {
    Table {
        id: TableId::QuarterHours,
        title: "Arrivals per quarter-hour".into(),
        note:
            "Entries: passages into any zone. First arrivals: people coming in for the first time."
                .into(),
        columns: vec![
            text_col("From", 17.0),
            num_col("Entries", 10.0),
            num_col("First arrivals", 14.0),
        ],
        rows: r
            .figures
            .arrivals
            .per_quarter_hour
            .iter()
            .map(|q| {
                vec![
                    Cell::Text(q.local.clone()),
                    Cell::Count(q.entries),
                    Cell::Count(q.first_arrivals),
                ]
            })
            .collect(),
        total_rows: 0,
        in_pdf: false,
    }
}

fn session_summary(r: &Report, s: &crate::attendance::SessionDetail) -> Table {
    let f = &s.figures;
    let count = |n: Option<u32>| {
        n.map(|n| n.to_string())
            .unwrap_or_else(|| "open session".into())
    };
    let zone = r
        .figures
        .zones
        .iter()
        .find(|z| z.number == f.zone)
        .map(|z| format!("{} ({})", z.name, z.number))
        .unwrap_or_else(|| f.zone.to_string());
    let rows = [
        ("Session", f.name.clone()),
        ("When", span(&f.starts_local, &f.ends_local)),
        ("Zone", zone),
        (
            "Admission",
            if f.invitation_only {
                "By invitation".into()
            } else {
                "Open".into()
            },
        ),
        ("Invited", count(f.invited)),
        ("Attended", f.attended.to_string()),
        ("Attended, invited", count(f.attended_invited)),
        ("Attended, not invited", count(f.attended_uninvited)),
        ("Checked in", f.checked_in.to_string()),
        ("States invited", count(s.states.invited)),
        ("States attending", s.states.attended.to_string()),
        ("Organisations invited", count(s.organisations.invited)),
        (
            "Organisations attending",
            s.organisations.attended.to_string(),
        ),
    ];
    Table {
        id: TableId::Session,
        title: "Session".into(),
        note: String::new(),
        columns: vec![text_col("Figure", 24.0), text_col("Value", 60.0)],
        rows: rows
            .into_iter()
            .map(|(k, v)| vec![Cell::Text(k.into()), Cell::Text(v)])
            .collect(),
        total_rows: 0,
        in_pdf: false,
    }
}

fn session_delegations(s: &crate::attendance::SessionDetail) -> Table {
    Table {
        id: TableId::SessionDelegations,
        title: "Delegations at the session".into(),
        note: "Every delegation invited or with someone who attended.".into(),
        columns: vec![
            text_col("Code", 12.0),
            text_col("Delegation", 44.0),
            text_col("Kind", 22.0),
            num_col("Invited", 9.0),
            num_col("Attended", 10.0),
            num_col("Absent", 9.0),
        ],
        rows: s
            .delegations
            .iter()
            .map(|d| {
                vec![
                    Cell::Text(d.code.clone()),
                    Cell::Text(d.name.clone()),
                    Cell::Text(d.kind.label().into()),
                    Cell::count(d.invited),
                    Cell::Count(d.attended),
                    Cell::count(d.absent),
                ]
            })
            .collect(),
        total_rows: 0,
        in_pdf: true,
    }
}

fn zone_codes(r: &Report, p: &PersonRow) -> String {
    p.present_zones
        .iter()
        .map(|n| {
            r.figures
                .zones
                .iter()
                .find(|z| z.number == *n)
                .map(|z| z.code.clone())
                .unwrap_or_else(|| n.to_string())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn participants(r: &Report, people: &[PersonRow]) -> Table {
    let category = |p: &PersonRow| Cell::Category {
        code: p.category.clone(),
        colour: Colour::parse(&p.category_colour).unwrap_or(Colour::BLACK),
    };
    let status = |s: ParticipantStatus| Cell::Text(s.label().into());
    let first = |p: &PersonRow| Cell::Text(p.first_arrival_local.clone().unwrap_or_default());
    let (columns, rows) = if r.session.is_some() {
        (
            vec![
                text_col("Name", 34.0),
                text_col("Delegation", 11.0),
                text_col("Category", 9.0),
                text_col("Invited", 8.0),
                text_col("Attended", 9.0),
                text_col("Checked in", 10.0),
                text_col("First arrival", 17.0),
            ],
            people
                .iter()
                .map(|p| {
                    vec![
                        Cell::Text(p.name.clone()),
                        Cell::Text(p.delegation.clone()),
                        category(p),
                        Cell::Flag(p.invited == Some(true)),
                        Cell::Flag(p.attended == Some(true)),
                        Cell::Flag(p.checked_in == Some(true)),
                        first(p),
                    ]
                })
                .collect(),
        )
    } else {
        (
            vec![
                text_col("Name", 34.0),
                text_col("Category", 9.0),
                text_col("Status", 10.0),
                text_col("Printed", 8.0),
                text_col("Collected", 9.0),
                text_col("First arrival", 17.0),
                text_col("Inside now", 12.0),
                num_col("Sessions", 9.0),
            ],
            people
                .iter()
                .map(|p| {
                    vec![
                        Cell::Text(p.name.clone()),
                        category(p),
                        status(p.status),
                        Cell::Flag(p.badge_printed),
                        Cell::Flag(p.badge_collected),
                        first(p),
                        Cell::Text(zone_codes(r, p)),
                        Cell::Count(p.sessions_attended),
                    ]
                })
                .collect(),
        )
    };
    Table {
        id: TableId::Participants,
        title: "Participants".into(),
        note: if r.session.is_some() {
            "Everyone invited (and approved) or attending.".into()
        } else {
            "Inside now: zone codes. Sessions: sessions attended.".into()
        },
        columns,
        rows,
        total_rows: 0,
        in_pdf: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0_u32), "0");
        assert_eq!(thousands(999_u32), "999");
        assert_eq!(thousands(1000_u32), "1,000");
        assert_eq!(thousands(123_456_789_u32), "123,456,789");
    }

    #[test]
    fn steps_are_round() {
        assert_eq!(nice_step(0), 1);
        assert_eq!(nice_step(7), 1);
        assert_eq!(nice_step(40), 10);
        assert_eq!(nice_step(583), 200);
        assert_eq!(nice_step(10_000), 5_000);
    }

    #[test]
    fn table_names_round_trip() {
        for t in TableId::ALL {
            assert_eq!(t.as_str().parse::<TableId>().unwrap(), t);
        }
        assert_eq!(
            "quarter-hours".parse::<TableId>().unwrap(),
            TableId::QuarterHours
        );
        assert!("nonsense".parse::<TableId>().is_err());
    }

    #[test]
    fn session_times_are_shortened_on_one_day() {
        assert_eq!(
            span("2025-10-25 10:15", "2025-10-25 12:30"),
            "2025-10-25 10:15–12:30"
        );
        assert_eq!(
            span("2025-10-25 22:00", "2025-10-26 01:00"),
            "2025-10-25 22:00 – 2025-10-26 01:00"
        );
    }
}
