//! The report as tables: the one layout the CSV, XLSX and PDF writers share,
//! so a figure reads the same in each.

use serde::Serialize;

use super::Report;
use crate::attendance::PersonRow;
use crate::domain::{Colour, DelegationKind, ParticipantStatus};
use crate::i18n::Language;
use crate::tr;

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

    /// The text in a workbook of `language`: [`Cell::text`] with "yes" in
    /// that language.
    pub fn text_in(&self, language: Language) -> String {
        match self {
            Cell::Flag(true) => tr!(language, "doc-report-yes"),
            other => other.text(),
        }
    }

    /// The text as a person reads it: counts with thousands separators.
    pub fn display(&self) -> String {
        self.display_in(Language::English)
    }

    /// The text as a reader of `language` reads it: counts grouped as that
    /// language groups them (3,000 / 3.000 / 3 000), "yes" in that language.
    pub fn display_in(&self, language: Language) -> String {
        match self {
            Cell::Count(n) => crate::i18n::number(language, i64::from(*n)),
            other => other.text_in(language),
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

fn text_col(title: String, width: f32) -> Column {
    Column {
        title,
        width,
        numeric: false,
    }
}

fn num_col(title: String, width: f32) -> Column {
    Column {
        title,
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

/// Every table of the report, in reading order, in English (the CSV file's
/// words, and the other formats' by default).
pub fn tables(report: &Report) -> Vec<Table> {
    tables_in(report, Language::English)
}

/// Every table of the report, in reading order, its titles, notes, column
/// headers and fixed words in `language` (names stay as entered).
pub fn tables_in(report: &Report, language: Language) -> Vec<Table> {
    let l = language;
    let mut out = vec![about(report, l)];
    if let Some(session) = &report.session {
        out.push(session_summary(report, session, l));
        out.push(session_delegations(session, l));
    } else {
        out.push(pipeline(report, l));
        if report.scope.delegation.is_none() {
            out.push(representation(report, l));
        }
        out.push(categories(report, l));
        out.push(zones(report, l));
        out.push(sessions(report, l));
        if report.scope.delegation.is_none() {
            out.push(delegations(report, l));
        }
        out.push(days(report, l));
        out.push(quarter_hours(report, l));
    }
    if let Some(people) = &report.participants {
        out.push(participants(report, people, l));
    }
    out
}

/// A table's title in `language`: the PDF's heading and the XLSX's sheet name.
pub fn title(id: TableId, language: Language) -> String {
    let l = language;
    match id {
        TableId::About => tr!(l, "doc-report-about-title"),
        TableId::Pipeline => tr!(l, "doc-report-pipeline-title"),
        TableId::Representation => tr!(l, "doc-report-representation-title"),
        TableId::Categories => tr!(l, "doc-report-categories-title"),
        TableId::Zones => tr!(l, "doc-report-zones-title"),
        TableId::Sessions => tr!(l, "doc-report-sessions-title"),
        TableId::Delegations => tr!(l, "doc-report-delegations-title"),
        TableId::Days => tr!(l, "doc-report-days-title"),
        TableId::QuarterHours => tr!(l, "doc-report-quarter-hours-title"),
        TableId::Session => tr!(l, "doc-report-session-title"),
        TableId::SessionDelegations => tr!(l, "doc-report-session-delegations-title"),
        TableId::Participants => tr!(l, "doc-report-participants-title"),
    }
}

/// A kind of delegation, as the report names it in `language`.
pub fn kind_label(kind: DelegationKind, language: Language) -> String {
    let l = language;
    match kind {
        DelegationKind::MemberState => tr!(l, "doc-report-kind-member-state"),
        DelegationKind::ObserverState => tr!(l, "doc-report-kind-observer-state"),
        DelegationKind::UnEntity => tr!(l, "doc-report-kind-un-entity"),
        DelegationKind::Intergovernmental => tr!(l, "doc-report-kind-intergovernmental"),
        DelegationKind::RegionalOrganisation => tr!(l, "doc-report-kind-regional"),
        DelegationKind::FinancialInstitution => tr!(l, "doc-report-kind-financial"),
        DelegationKind::Ngo => tr!(l, "doc-report-kind-ngo"),
        DelegationKind::Academia => tr!(l, "doc-report-kind-academia"),
        DelegationKind::Media => tr!(l, "doc-report-kind-media"),
        DelegationKind::Host => tr!(l, "doc-report-kind-host"),
    }
}

fn status_label(status: ParticipantStatus, language: Language) -> String {
    let l = language;
    match status {
        ParticipantStatus::Nominated => tr!(l, "doc-report-status-nominated"),
        ParticipantStatus::Approved => tr!(l, "doc-report-status-approved"),
        ParticipantStatus::Rejected => tr!(l, "doc-report-status-rejected"),
        ParticipantStatus::Cancelled => tr!(l, "doc-report-status-cancelled"),
    }
}

/// "2025-10-25 09:00 (Asia/Ho_Chi_Minh)", the date as `language` writes it.
fn as_of(r: &Report, language: Language) -> String {
    format!(
        "{} ({})",
        super::local_minute_in(language, &r.figures.as_of_local),
        r.figures.time_zone
    )
}

fn about(r: &Report, language: Language) -> Table {
    let l = language;
    let rows = [
        (
            tr!(l, "doc-report-about-report"),
            tr!(l, "doc-report-attendance"),
        ),
        (tr!(l, "doc-report-about-event"), r.event.name.clone()),
        (tr!(l, "doc-report-about-venue"), r.event.venue.clone()),
        (tr!(l, "doc-report-about-dates"), r.event.dates.clone()),
        (tr!(l, "doc-report-about-covers"), r.scope_label_in(l)),
        (tr!(l, "doc-report-about-as-of"), as_of(r, l)),
    ];
    Table {
        id: TableId::About,
        title: title(TableId::About, l),
        note: String::new(),
        columns: vec![
            text_col(tr!(l, "doc-report-col-field"), 16.0),
            text_col(tr!(l, "doc-report-col-value"), 70.0),
        ],
        rows: rows
            .into_iter()
            .map(|(k, v)| vec![Cell::Text(k), Cell::Text(v)])
            .collect(),
        total_rows: 0,
        in_pdf: false,
    }
}

fn pipeline(r: &Report, language: Language) -> Table {
    let l = language;
    let p = &r.figures.pipeline;
    let rows = [
        (tr!(l, "doc-report-stage-nominated"), p.nominated),
        (tr!(l, "doc-report-stage-pending"), p.pending),
        (tr!(l, "doc-report-stage-approved"), p.approved),
        (tr!(l, "doc-report-stage-rejected"), p.rejected),
        (tr!(l, "doc-report-stage-cancelled"), p.cancelled),
        (tr!(l, "doc-report-stage-printed"), p.badges_printed),
        (tr!(l, "doc-report-stage-collected"), p.badges_collected),
        (tr!(l, "doc-report-stage-arrived"), p.arrived),
        (tr!(l, "doc-report-stage-present"), p.present),
    ];
    Table {
        id: TableId::Pipeline,
        title: title(TableId::Pipeline, l),
        note: tr!(l, "doc-report-pipeline-note"),
        columns: vec![
            text_col(tr!(l, "doc-report-col-stage"), 28.0),
            num_col(tr!(l, "doc-report-col-participants"), 14.0),
        ],
        rows: rows
            .into_iter()
            .map(|(k, v)| vec![Cell::Text(k), Cell::Count(v)])
            .collect(),
        total_rows: 0,
        in_pdf: false,
    }
}

fn representation(r: &Report, language: Language) -> Table {
    let l = language;
    let rep = &r.figures.representation;
    let mut rows: Vec<Vec<Cell>> = rep
        .by_kind
        .iter()
        .map(|k| {
            vec![
                Cell::Text(kind_label(k.kind, l)),
                Cell::Count(k.delegations.delegations),
                Cell::Count(k.delegations.registered),
                Cell::Count(k.delegations.arrived),
                Cell::Count(k.approved_participants),
                Cell::Count(k.arrived_participants),
            ]
        })
        .collect();
    for (label, group) in [
        (tr!(l, "doc-report-all-states"), &rep.states),
        (tr!(l, "doc-report-all-organisations"), &rep.organisations),
    ] {
        rows.push(vec![
            Cell::Text(label),
            Cell::Count(group.delegations),
            Cell::Count(group.registered),
            Cell::Count(group.arrived),
            Cell::Empty,
            Cell::Empty,
        ]);
    }
    Table {
        id: TableId::Representation,
        title: title(TableId::Representation, l),
        note: tr!(l, "doc-report-representation-note"),
        columns: vec![
            text_col(tr!(l, "doc-report-col-kind"), 30.0),
            num_col(tr!(l, "doc-report-col-delegations"), 12.0),
            num_col(tr!(l, "doc-report-col-registered"), 12.0),
            num_col(tr!(l, "doc-report-col-delegations-arrived"), 10.0),
            num_col(tr!(l, "doc-report-col-approved-people"), 16.0),
            num_col(tr!(l, "doc-report-col-people-arrived"), 15.0),
        ],
        rows,
        total_rows: 2,
        in_pdf: true,
    }
}

fn counts_columns(first: Vec<Column>, language: Language) -> Vec<Column> {
    let l = language;
    let mut cols = first;
    cols.extend([
        num_col(tr!(l, "doc-report-col-nominated"), 11.0),
        num_col(tr!(l, "doc-report-col-approved"), 10.0),
        num_col(tr!(l, "doc-report-col-printed"), 9.0),
        num_col(tr!(l, "doc-report-col-collected"), 10.0),
        num_col(tr!(l, "doc-report-col-arrived"), 9.0),
        num_col(tr!(l, "doc-report-col-present"), 9.0),
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

fn categories(r: &Report, language: Language) -> Table {
    let l = language;
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
        title: title(TableId::Categories, l),
        note: tr!(l, "doc-report-categories-note"),
        columns: counts_columns(
            vec![
                text_col(tr!(l, "doc-report-col-code"), 7.0),
                text_col(tr!(l, "doc-report-col-category"), 26.0),
            ],
            l,
        ),
        rows,
        total_rows: 0,
        in_pdf: true,
    }
}

fn zones(r: &Report, language: Language) -> Table {
    let l = language;
    Table {
        id: TableId::Zones,
        title: title(TableId::Zones, l),
        note: tr!(l, "doc-report-zones-note"),
        columns: vec![
            num_col(tr!(l, "doc-report-col-zone"), 6.0),
            text_col(tr!(l, "doc-report-col-code"), 8.0),
            text_col(tr!(l, "doc-report-col-name"), 40.0),
            num_col(tr!(l, "doc-report-col-inside"), 10.0),
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

/// `2025-10-25 10:15–12:30`, or both dates when they differ; the dates as
/// `language` writes them.
fn span(starts: &str, ends: &str, language: Language) -> String {
    match (starts.get(..10), ends.get(..10), ends.get(11..)) {
        (Some(a), Some(b), Some(end_time)) if a == b => {
            format!("{}–{end_time}", super::local_minute_in(language, starts))
        }
        _ => format!(
            "{} – {}",
            super::local_minute_in(language, starts),
            super::local_minute_in(language, ends)
        ),
    }
}

fn sessions(r: &Report, language: Language) -> Table {
    let l = language;
    Table {
        id: TableId::Sessions,
        title: title(TableId::Sessions, l),
        note: tr!(l, "doc-report-sessions-note"),
        columns: vec![
            text_col(tr!(l, "doc-report-col-session"), 42.0),
            text_col(tr!(l, "doc-report-col-when"), 21.0),
            num_col(tr!(l, "doc-report-col-zone"), 5.0),
            num_col(tr!(l, "doc-report-col-invited"), 8.0),
            num_col(tr!(l, "doc-report-col-attended"), 9.0),
            num_col(tr!(l, "doc-report-col-of-invited"), 10.0),
            num_col(tr!(l, "doc-report-col-uninvited"), 10.0),
            num_col(tr!(l, "doc-report-col-check-ins"), 9.0),
        ],
        rows: r
            .figures
            .sessions
            .iter()
            .map(|s| {
                vec![
                    Cell::Text(s.name.clone()),
                    Cell::Text(span(&s.starts_local, &s.ends_local, l)),
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

fn delegations(r: &Report, language: Language) -> Table {
    let l = language;
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
    let mut columns = counts_columns(
        vec![
            text_col(tr!(l, "doc-report-col-code"), 12.0),
            text_col(tr!(l, "doc-report-col-delegation"), 40.0),
        ],
        l,
    );
    columns.push(text_col(tr!(l, "doc-report-col-nobody-yet"), 10.0));
    Table {
        id: TableId::Delegations,
        title: title(TableId::Delegations, l),
        note: tr!(l, "doc-report-delegations-note"),
        columns,
        rows,
        total_rows: 0,
        in_pdf: true,
    }
}

fn days(r: &Report, language: Language) -> Table {
    let l = language;
    Table {
        id: TableId::Days,
        title: title(TableId::Days, l),
        note: tr!(l, "doc-report-arrivals-note"),
        columns: vec![
            text_col(tr!(l, "doc-report-col-date"), 12.0),
            num_col(tr!(l, "doc-report-col-entries"), 10.0),
            num_col(tr!(l, "doc-report-col-first-arrivals"), 14.0),
        ],
        rows: r
            .figures
            .arrivals
            .per_day
            .iter()
            .map(|d| {
                vec![
                    Cell::Text(super::local_minute_in(l, &d.date)),
                    Cell::Count(d.entries),
                    Cell::Count(d.first_arrivals),
                ]
            })
            .collect(),
        total_rows: 0,
        in_pdf: true,
    }
}

fn quarter_hours(r: &Report, language: Language) -> Table {
    let l = language;
    Table {
        id: TableId::QuarterHours,
        title: title(TableId::QuarterHours, l),
        note: tr!(l, "doc-report-arrivals-note"),
        columns: vec![
            text_col(tr!(l, "doc-report-col-from"), 17.0),
            num_col(tr!(l, "doc-report-col-entries"), 10.0),
            num_col(tr!(l, "doc-report-col-first-arrivals"), 14.0),
        ],
        rows: r
            .figures
            .arrivals
            .per_quarter_hour
            .iter()
            .map(|q| {
                vec![
                    Cell::Text(super::local_minute_in(l, &q.local)),
                    Cell::Count(q.entries),
                    Cell::Count(q.first_arrivals),
                ]
            })
            .collect(),
        total_rows: 0,
        in_pdf: false,
    }
}

fn session_summary(r: &Report, s: &crate::attendance::SessionDetail, language: Language) -> Table {
    let l = language;
    let f = &s.figures;
    let count = |n: Option<u32>| {
        n.map(|n| n.to_string())
            .unwrap_or_else(|| tr!(l, "doc-report-open-session"))
    };
    let zone = r
        .figures
        .zones
        .iter()
        .find(|z| z.number == f.zone)
        .map(|z| format!("{} ({})", z.name, z.number))
        .unwrap_or_else(|| f.zone.to_string());
    let rows = [
        (tr!(l, "doc-report-figure-session"), f.name.clone()),
        (
            tr!(l, "doc-report-figure-when"),
            span(&f.starts_local, &f.ends_local, l),
        ),
        (tr!(l, "doc-report-figure-zone"), zone),
        (
            tr!(l, "doc-report-figure-admission"),
            if f.invitation_only {
                tr!(l, "doc-report-by-invitation")
            } else {
                tr!(l, "doc-report-open")
            },
        ),
        (tr!(l, "doc-report-figure-invited"), count(f.invited)),
        (tr!(l, "doc-report-figure-attended"), f.attended.to_string()),
        (
            tr!(l, "doc-report-figure-attended-invited"),
            count(f.attended_invited),
        ),
        (
            tr!(l, "doc-report-figure-attended-uninvited"),
            count(f.attended_uninvited),
        ),
        (
            tr!(l, "doc-report-figure-checked-in"),
            f.checked_in.to_string(),
        ),
        (
            tr!(l, "doc-report-figure-states-invited"),
            count(s.states.invited),
        ),
        (
            tr!(l, "doc-report-figure-states-attending"),
            s.states.attended.to_string(),
        ),
        (
            tr!(l, "doc-report-figure-organisations-invited"),
            count(s.organisations.invited),
        ),
        (
            tr!(l, "doc-report-figure-organisations-attending"),
            s.organisations.attended.to_string(),
        ),
    ];
    Table {
        id: TableId::Session,
        title: title(TableId::Session, l),
        note: String::new(),
        columns: vec![
            text_col(tr!(l, "doc-report-col-figure"), 24.0),
            text_col(tr!(l, "doc-report-col-value"), 60.0),
        ],
        rows: rows
            .into_iter()
            .map(|(k, v)| vec![Cell::Text(k), Cell::Text(v)])
            .collect(),
        total_rows: 0,
        in_pdf: false,
    }
}

fn session_delegations(s: &crate::attendance::SessionDetail, language: Language) -> Table {
    let l = language;
    Table {
        id: TableId::SessionDelegations,
        title: title(TableId::SessionDelegations, l),
        note: tr!(l, "doc-report-session-delegations-note"),
        columns: vec![
            text_col(tr!(l, "doc-report-col-code"), 12.0),
            text_col(tr!(l, "doc-report-col-delegation"), 44.0),
            text_col(tr!(l, "doc-report-col-kind"), 22.0),
            num_col(tr!(l, "doc-report-col-invited"), 9.0),
            num_col(tr!(l, "doc-report-col-attended"), 10.0),
            num_col(tr!(l, "doc-report-col-absent"), 9.0),
        ],
        rows: s
            .delegations
            .iter()
            .map(|d| {
                vec![
                    Cell::Text(d.code.clone()),
                    Cell::Text(d.name.clone()),
                    Cell::Text(kind_label(d.kind, l)),
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

fn participants(r: &Report, people: &[PersonRow], language: Language) -> Table {
    let l = language;
    let category = |p: &PersonRow| Cell::Category {
        code: p.category.clone(),
        colour: Colour::parse(&p.category_colour).unwrap_or(Colour::BLACK),
    };
    let status = |s: ParticipantStatus| Cell::Text(status_label(s, l));
    let first = |p: &PersonRow| {
        Cell::Text(
            p.first_arrival_local
                .as_deref()
                .map(|t| super::local_minute_in(l, t))
                .unwrap_or_default(),
        )
    };
    let (columns, rows) = if r.session.is_some() {
        (
            vec![
                text_col(tr!(l, "doc-report-col-name"), 34.0),
                text_col(tr!(l, "doc-report-col-delegation"), 11.0),
                text_col(tr!(l, "doc-report-col-category"), 9.0),
                text_col(tr!(l, "doc-report-col-invited"), 8.0),
                text_col(tr!(l, "doc-report-col-attended"), 9.0),
                text_col(tr!(l, "doc-report-col-checked-in"), 10.0),
                text_col(tr!(l, "doc-report-col-first-arrival"), 17.0),
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
                text_col(tr!(l, "doc-report-col-name"), 34.0),
                text_col(tr!(l, "doc-report-col-category"), 9.0),
                text_col(tr!(l, "doc-report-col-status"), 10.0),
                text_col(tr!(l, "doc-report-col-printed"), 8.0),
                text_col(tr!(l, "doc-report-col-collected"), 9.0),
                text_col(tr!(l, "doc-report-col-first-arrival"), 17.0),
                text_col(tr!(l, "doc-report-col-inside-now"), 12.0),
                num_col(tr!(l, "doc-report-col-sessions"), 9.0),
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
        title: title(TableId::Participants, l),
        note: if r.session.is_some() {
            tr!(l, "doc-report-participants-session-note")
        } else {
            tr!(l, "doc-report-participants-note")
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
        let e = "nonsense".parse::<TableId>().unwrap_err();
        assert!(e.contains("\"nonsense\" is not a report table"), "{e}");
    }

    #[test]
    fn session_times_are_shortened_on_one_day() {
        assert_eq!(
            span("2025-10-25 10:15", "2025-10-25 12:30", Language::English),
            "2025-10-25 10:15–12:30"
        );
        assert_eq!(
            span("2025-10-25 22:00", "2025-10-26 01:00", Language::English),
            "2025-10-25 22:00 – 2025-10-26 01:00"
        );
        assert_eq!(
            span("2025-10-25 10:15", "2025-10-25 12:30", Language::French),
            "25/10/2025 10:15–12:30"
        );
    }

    #[test]
    fn counts_and_flags_read_in_each_language() {
        assert_eq!(Cell::Count(3000).display(), "3,000");
        assert_eq!(Cell::Count(3000).display_in(Language::Vietnamese), "3.000");
        assert_eq!(Cell::Flag(true).display(), "yes");
        assert_eq!(Cell::Flag(true).text_in(Language::French), "oui");
        assert_eq!(Cell::Flag(true).text(), "yes", "CSV stays English");
    }

    #[test]
    fn sheet_names_are_distinct_in_every_language() {
        for language in crate::i18n::Language::ALL {
            let names: std::collections::BTreeSet<String> = TableId::ALL
                .into_iter()
                .map(|t| super::super::xlsx::sheet_name(&title(t, language)))
                .collect();
            assert_eq!(names.len(), TableId::ALL.len(), "{language:?}: {names:?}");
        }
    }
}
