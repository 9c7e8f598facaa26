//! Delegations: each one's participants counted per status and per category
//! against its quotas (over-quota in red), its participants, approving its
//! nominations after review, and printing all its badges (handed to the
//! print queue).

use iced::widget::{
    Column, button, checkbox, column, container, row, rule, scrollable, space, text, text_input,
    tooltip,
};
use iced::{Center, Color, Element, Fill, Length, Task};

use crate::gui::Session;
use crate::gui::style;
use crate::gui::worker::{self, JobError, Outcome};
use accredit::desk::delegations::{self, CategoryCount, DelegationOverview};
use accredit::desk::participants;
use accredit::domain::{
    DelegationId, DelegationKind, Participant, ParticipantId, ParticipantStatus,
};
use accredit::lookup::participants::Filter;
use accredit::search::fold_word;
use accredit::t;

/// The filter above the list.
pub const FILTER_INPUT: &str = "delegations-filter";
/// The reason for approving past a quota.
pub const OVER_QUOTA_INPUT: &str = "delegations-over-quota";

const LABEL: Color = Color::from_rgb(0.35, 0.37, 0.40);
const LIST_WIDTH: f32 = 500.0;

pub struct State {
    overview: Option<Vec<DelegationOverview>>,
    filter: String,
    over_quota_only: bool,
    selected: Option<DelegationId>,
    /// The selected delegation's participants, once read.
    members: Option<Vec<Participant>>,
    /// The nominated participants under review (their ids are what gets approved).
    review: Option<Vec<ParticipantId>>,
    /// Open the review as soon as the participants are read (the import's
    /// "Review and approve").
    review_when_read: bool,
    /// The supervisor's reason for approving past a quota.
    over_quota_reason: String,
    /// Those just approved, whose badges can be printed at once.
    approved: Option<Vec<ParticipantId>>,
    busy: bool,
    notice: Option<Notice>,
    error: Option<JobError>,
    /// The hand-over of the delegation's badges to its liaison officer.
    liaison: super::liaison::State,
    /// Letters for the delegation's approved members.
    letters: super::letters::State,
}

/// What the last action on the chosen delegation did, worded by the view.
#[derive(Debug)]
enum Notice {
    /// Its participants could not be read.
    NotRead(JobError),
    /// This many were approved.
    Approved(usize),
    NotApproved(JobError),
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::NotRead(e) => e.fmt(f),
            Notice::Approved(n) => f.write_str(&t!("delegations-approved", count = n)),
            Notice::NotApproved(e) => {
                f.write_str(&t!("delegations-approve-failed", error = e.to_string()))
            }
        }
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Outcome<Vec<DelegationOverview>>),
    Reload,
    Filter(String),
    OverQuotaOnly(bool),
    Select(DelegationId),
    Members(DelegationId, Outcome<Vec<Participant>>),
    Open(ParticipantId),
    Review,
    CloseReview,
    OverQuotaReason(String),
    ApproveReviewed,
    Approved(Outcome<Vec<ParticipantId>>),
    PrintAll,
    Liaison(super::liaison::Message),
    Letters(super::letters::Message),
    PrintApproved,
}

pub enum Event {
    /// Open a participant's detail.
    Open(ParticipantId),
    /// Print the badges of this delegation (the print queue takes it).
    Print(DelegationId),
    /// Print at once the badges of these participants, just approved.
    PrintNew(DelegationId, Vec<ParticipantId>),
    /// Participants changed in the store.
    Changed,
}

impl State {
    pub fn new() -> State {
        State {
            overview: None,
            filter: String::new(),
            over_quota_only: false,
            selected: None,
            members: None,
            review: None,
            review_when_read: false,
            over_quota_reason: String::new(),
            approved: None,
            busy: false,
            notice: None,
            error: None,
            liaison: super::liaison::State::default(),
            letters: super::letters::State::default(),
        }
    }

    /// Opens the review of a delegation's nominations (reading the
    /// delegations first if need be).
    pub fn review(&mut self, session: &Session, id: DelegationId) -> Task<Message> {
        self.selected = Some(id);
        self.members = None;
        self.review = None;
        self.approved = None;
        self.notice = None;
        self.over_quota_reason.clear();
        self.review_when_read = true;
        self.liaison.reset(session);
        self.letters.reset(session);
        self.load(session)
    }

    pub fn is_loaded(&self) -> bool {
        self.overview.is_some()
    }

    pub fn selected(&self) -> Option<&DelegationOverview> {
        let id = self.selected?;
        self.overview.as_ref()?.iter().find(|d| d.id == id)
    }

    /// The delegations the list shows, after the filter: an exact code
    /// first, then codes and names that begin with the query, then names
    /// with a later word that does, then the rest (each group in code order).
    pub fn shown(&self) -> Vec<&DelegationOverview> {
        let words: Vec<String> = self.filter.split_whitespace().map(fold_word).collect();
        let query = words.join(" ");
        let mut shown: Vec<(u8, &DelegationOverview)> = self
            .overview
            .iter()
            .flatten()
            .filter(|d| !self.over_quota_only || d.over_quota)
            .filter_map(|d| {
                let code = fold_word(&d.code);
                let name = d
                    .name
                    .split_whitespace()
                    .map(fold_word)
                    .collect::<Vec<_>>()
                    .join(" ");
                let hay = format!("{code} {name}");
                if !words.iter().all(|w| hay.contains(w.as_str())) {
                    return None;
                }
                let rank = if query.is_empty() || code == query {
                    0
                } else if code.starts_with(&query) || name.starts_with(&query) {
                    1
                } else if name.split(' ').any(|w| w.starts_with(&query)) {
                    // A later word of the name ("Agence France-Presse").
                    2
                } else {
                    3
                };
                Some((rank, d))
            })
            .collect();
        // Stable: within a rank, the overview's order (by code).
        shown.sort_by_key(|(rank, _)| *rank);
        shown.into_iter().map(|(_, d)| d).collect()
    }

    /// Reads the overview (and the selected delegation's participants) off
    /// the UI thread.
    pub fn load(&self, session: &Session) -> Task<Message> {
        let (ws, actor) = (session.workspace.clone(), session.actor.clone());
        let overview = worker::spawn(
            move || delegations::overview(&*ws.connection()?, &actor),
            Message::Loaded,
        );
        match self.selected {
            Some(id) => Task::batch([overview, load_members(session, id)]),
            None => overview,
        }
    }

    pub fn update(
        &mut self,
        message: Message,
        session: &Session,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Loaded(Ok(list)) => {
                self.overview = Some(list);
                self.error = None;
            }
            Message::Loaded(Err(e)) => self.error = Some(e),
            Message::Reload => return (self.load(session), None),
            Message::Filter(f) => self.filter = f,
            Message::OverQuotaOnly(v) => self.over_quota_only = v,
            Message::Select(id) => {
                if self.selected != Some(id) {
                    self.selected = Some(id);
                    self.members = None;
                    self.review = None;
                    self.approved = None;
                    self.review_when_read = false;
                    self.notice = None;
                    self.liaison.reset(session);
                    self.letters.reset(session);
                    return (load_members(session, id), None);
                }
            }
            Message::Members(id, outcome) => {
                if self.selected == Some(id) {
                    match outcome {
                        Ok(members) => {
                            self.members = Some(members);
                            if std::mem::take(&mut self.review_when_read) {
                                return self.update(Message::Review, session);
                            }
                        }
                        Err(e) => self.notice = Some(Notice::NotRead(e)),
                    }
                }
            }
            Message::Open(id) => return (Task::none(), Some(Event::Open(id))),
            Message::Review => {
                self.review = self.members.as_ref().map(|m| {
                    m.iter()
                        .filter(|p| p.status == ParticipantStatus::Nominated)
                        .map(|p| p.id)
                        .collect()
                });
                self.notice = None;
                self.approved = None;
                self.over_quota_reason.clear();
            }
            Message::CloseReview => self.review = None,
            Message::OverQuotaReason(reason) => self.over_quota_reason = reason,
            Message::ApproveReviewed => {
                let (Some(id), Some(ids)) = (self.selected, self.review.clone()) else {
                    return (Task::none(), None);
                };
                if self.busy {
                    return (Task::none(), None);
                }
                self.busy = true;
                let reason =
                    Some(self.over_quota_reason.trim().to_string()).filter(|r| !r.is_empty());
                let (ws, actor) = (session.workspace.clone(), session.actor.clone());
                let task = worker::spawn(
                    move || {
                        let mut conn = ws.connection()?;
                        delegations::approve_reviewed(
                            &mut conn,
                            &actor,
                            id,
                            &ids,
                            reason.as_deref(),
                        )
                    },
                    Message::Approved,
                );
                return (task, None);
            }
            Message::Approved(outcome) => {
                self.busy = false;
                match outcome {
                    Ok(ids) => {
                        let n = ids.len();
                        self.review = None;
                        self.over_quota_reason.clear();
                        self.approved = Some(ids);
                        self.notice = Some(Notice::Approved(n));
                        return (self.load(session), Some(Event::Changed));
                    }
                    Err(e) => self.notice = Some(Notice::NotApproved(e)),
                }
            }
            Message::PrintAll => {
                if let Some(id) = self.selected {
                    return (Task::none(), Some(Event::Print(id)));
                }
            }
            Message::Liaison(msg) => {
                let chosen = self.selected().map(|d| (d.id, d.code.clone()));
                let (task, event) = self.liaison.update(msg, session, chosen);
                let task = task.map(Message::Liaison);
                return match event {
                    Some(super::liaison::Event::Changed) => (
                        Task::batch([task, self.load(session)]),
                        Some(Event::Changed),
                    ),
                    None => (task, None),
                };
            }
            Message::Letters(msg) => {
                let chosen = self.selected().map(|d| {
                    let selection = accredit::letters::LetterSelection {
                        delegations: vec![d.id],
                        participants: Vec::new(),
                    };
                    (selection, d.code.clone())
                });
                let task = self.letters.update(msg, session, chosen);
                return (task.map(Message::Letters), None);
            }
            Message::PrintApproved => {
                if let (Some(id), Some(ids)) = (self.selected, self.approved.take()) {
                    self.notice = None;
                    return (Task::none(), Some(Event::PrintNew(id, ids)));
                }
            }
        }
        (Task::none(), None)
    }

    pub fn view(&self) -> Element<'_, Message> {
        let Some(_) = &self.overview else {
            let content: Element<'_, Message> = match &self.error {
                Some(e) => style::error_text(&e.to_string()),
                None => text(t!("delegations-counting")).into(),
            };
            return container(content).padding(24).into();
        };
        let placeholder = t!("delegations-filter-placeholder");
        let list = column![
            row![
                text_input(&placeholder, &self.filter)
                    .id(FILTER_INPUT)
                    .on_input(Message::Filter)
                    .padding(8)
                    .width(Fill),
                checkbox(self.over_quota_only)
                    .label(t!("delegations-over-quota-only"))
                    .on_toggle(Message::OverQuotaOnly),
            ]
            .spacing(10)
            .align_y(Center),
            self.list_header(),
            self.list(),
        ]
        .spacing(8)
        .width(LIST_WIDTH);
        let detail: Element<'_, Message> = match self.selected() {
            Some(d) => scrollable(self.detail(d).padding([0, 4]))
                .spacing(8)
                .height(Fill)
                .into(),
            None => container(text(t!("delegations-choose")).color(LABEL))
                .center(Fill)
                .into(),
        };
        row![list, rule::vertical(1), container(detail).width(Fill)]
            .spacing(12)
            .padding(16)
            .into()
    }

    fn list_header(&self) -> Element<'_, Message> {
        let h = |label: String, width: Length| text(label).size(13).color(LABEL).width(width);
        row![
            h(t!("delegations-column-code"), COLUMNS[0]),
            h(t!("delegations-column-name"), COLUMNS[1]),
            h(t!("delegations-column-all"), COLUMNS[2]),
            h(t!("delegations-column-nominated"), COLUMNS[3]),
            h(t!("delegations-column-approved"), COLUMNS[4]),
            h(t!("delegations-column-quota"), COLUMNS[5]),
        ]
        .spacing(4)
        .padding([0, 8])
        .into()
    }

    fn list(&self) -> Element<'_, Message> {
        let shown = self.shown();
        if shown.is_empty() {
            return text(t!("delegations-no-match")).color(LABEL).into();
        }
        let mut rows = Column::new();
        for (i, d) in shown.into_iter().enumerate() {
            let selected = self.selected == Some(d.id);
            let quota: Element<'_, Message> = if d.over_quota {
                text(t!("delegations-over"))
                    .color(style::ERROR)
                    .width(COLUMNS[5])
                    .into()
            } else {
                text("").width(COLUMNS[5]).into()
            };
            let n = |v: u64, w: Length| text(v.to_string()).width(w);
            let line = row![
                style::cell(text(&d.code), COLUMNS[0]),
                name_cell(&d.name),
                n(d.participants, COLUMNS[2]),
                n(d.statuses.nominated, COLUMNS[3]),
                n(d.statuses.approved, COLUMNS[4]),
                quota,
            ]
            .spacing(4)
            .align_y(Center);
            rows = rows.push(
                button(line)
                    .width(Fill)
                    .height(style::ROW_HEIGHT)
                    .padding([0, 8])
                    .style(move |theme, status| style::row_button(theme, status, selected, i))
                    .on_press(Message::Select(d.id)),
            );
        }
        scrollable(rows).spacing(6).height(Fill).into()
    }

    fn detail<'a>(&'a self, d: &'a DelegationOverview) -> Column<'a, Message> {
        let mut col = column![
            text(format!("{} — {}", d.code, d.name)).size(22),
            text(t!(
                "delegations-summary",
                kind = kind_label(d.kind),
                count = d.participants,
                printed = d.badges_printed,
                handed = d.badges_collected,
            ))
            .size(14)
            .color(LABEL),
        ]
        .spacing(10);
        if !d.focal_point_email.is_empty() || !d.focal_point_name.is_empty() {
            col = col.push(
                text(t!(
                    "delegations-focal-point",
                    name = &d.focal_point_name,
                    email = &d.focal_point_email,
                ))
                .size(14),
            );
        }
        col = col.push(self.categories(d));
        let nominated = self
            .members
            .as_ref()
            .map(|m| {
                m.iter()
                    .filter(|p| p.status == ParticipantStatus::Nominated)
                    .count()
            })
            .unwrap_or(0);
        let idle = !self.busy;
        col = col.push(
            row![
                button(text(t!("delegations-review-nominated", count = nominated))).on_press_maybe(
                    (idle && nominated > 0 && self.review.is_none()).then_some(Message::Review)
                ),
                button(text(t!("delegations-print-all")))
                    .style(button::secondary)
                    .on_press(Message::PrintAll),
                space::horizontal(),
                button(text(t!("delegations-refresh")))
                    .style(button::text)
                    .on_press(Message::Reload),
            ]
            .spacing(10),
        );
        col = col.push(
            self.liaison
                .view(d.badges_printed.saturating_sub(d.badges_collected))
                .map(Message::Liaison),
        );
        col = col.push(self.letters.view().map(Message::Letters));
        // Below the buttons, so that they never move under the pointer.
        if let Some(notice) = &self.notice {
            let colour = match notice {
                Notice::Approved(_) => style::OK,
                Notice::NotRead(_) | Notice::NotApproved(_) => style::ERROR,
            };
            let said = text(notice.to_string()).color(colour);
            col = match &self.approved {
                Some(ids) if !ids.is_empty() => col.push(
                    row![
                        said,
                        button(text(t!("delegations-print-new", count = ids.len())))
                            .padding([8, 18])
                            .style(button::success)
                            .on_press_maybe(idle.then_some(Message::PrintApproved)),
                    ]
                    .spacing(12)
                    .align_y(Center),
                ),
                _ => col.push(said),
            };
        }
        match (&self.review, &self.members) {
            (Some(ids), Some(members)) => col.push(self.review_view(d, ids, members)),
            (None, Some(members)) => col.push(member_list(members, &d.categories)),
            (_, None) => col.push(text(t!("delegations-reading-participants")).color(LABEL)),
        }
    }

    fn categories<'a>(&'a self, d: &'a DelegationOverview) -> Element<'a, Message> {
        let h = |label: String| text(label).size(13).color(LABEL).width(CATEGORY_COLUMNS);
        let mut table = column![
            row![
                text(t!("delegations-category"))
                    .size(13)
                    .color(LABEL)
                    .width(CATEGORY_NAME),
                h(t!("delegations-heading-nominated")),
                h(t!("delegations-heading-approved")),
                h(t!("delegations-heading-rejected")),
                h(t!("delegations-heading-cancelled")),
                text(t!("delegations-places-quota"))
                    .size(13)
                    .color(LABEL)
                    .width(Fill),
            ]
            .spacing(6)
        ]
        .spacing(4);
        for c in &d.categories {
            let quota = match c.quota {
                Some(q) => format!("{} / {q}", c.counted),
                None => format!("{} / —", c.counted),
            };
            let quota = if c.over_quota {
                text(t!("delegations-quota-over", quota = quota)).color(style::ERROR)
            } else {
                text(quota)
            };
            let n = |v: u64| text(v.to_string()).width(CATEGORY_COLUMNS);
            table = table.push(
                row![
                    row![
                        style::category_chip(&c.category, c.colour),
                        style::cell(text(&c.name).size(13), Length::Fill),
                    ]
                    .spacing(6)
                    .align_y(Center)
                    .width(CATEGORY_NAME),
                    n(c.statuses.nominated),
                    n(c.statuses.approved),
                    n(c.statuses.rejected),
                    n(c.statuses.cancelled),
                    quota.width(Fill),
                ]
                .spacing(6)
                .align_y(Center),
            );
        }
        if d.categories.is_empty() {
            table = table.push(text(t!("delegations-no-participant")).color(LABEL));
        }
        container(table)
            .padding(10)
            .style(container::bordered_box)
            .into()
    }

    fn review_view<'a>(
        &'a self,
        d: &'a DelegationOverview,
        ids: &'a [ParticipantId],
        members: &'a [Participant],
    ) -> Element<'a, Message> {
        let reviewed: Vec<&Participant> = members.iter().filter(|p| ids.contains(&p.id)).collect();
        let idle = !self.busy;
        let excess = excess_of(d, &reviewed);
        let reason_given = !self.over_quota_reason.trim().is_empty();
        let may_approve = idle && (excess.is_empty() || reason_given);
        let mut col = column![
            text(t!(
                "delegations-review-title",
                count = ids.len(),
                delegation = &d.code,
            ))
            .size(18),
            text(t!("delegations-review-hint")).size(13).color(LABEL),
        ]
        .spacing(8);
        if !excess.is_empty() {
            col = col.push(
                text(t!(
                    "delegations-past-quota",
                    delegation = &d.code,
                    excess = excess.join(", "),
                ))
                .size(14)
                .color(style::WARNING),
            );
            let placeholder = t!("delegations-over-quota-reason");
            col = col.push(
                text_input(&placeholder, &self.over_quota_reason)
                    .id(OVER_QUOTA_INPUT)
                    .on_input(Message::OverQuotaReason)
                    .padding(8),
            );
        }
        let approve = if excess.is_empty() {
            t!("delegations-approve", count = ids.len())
        } else {
            t!("delegations-approve-past-quota", count = ids.len())
        };
        col = col.push(
            row![
                button(text(approve))
                    .style(button::success)
                    .on_press_maybe(may_approve.then_some(Message::ApproveReviewed)),
                button(text(t!("delegations-back")))
                    .style(button::secondary)
                    .on_press(Message::CloseReview),
            ]
            .spacing(10),
        );
        if self.busy {
            col = col.push(text(t!("delegations-approving")).color(LABEL));
        }
        col.push(rows_of(reviewed.into_iter(), &d.categories))
            .into()
    }
}

impl Default for State {
    fn default() -> Self {
        State::new()
    }
}

fn member_list<'a>(
    members: &'a [Participant],
    categories: &'a [CategoryCount],
) -> Element<'a, Message> {
    column![
        text(t!("delegations-participants", count = members.len())).size(18),
        rows_of(members.iter(), categories),
    ]
    .spacing(6)
    .into()
}

/// One clickable line per participant: name, category, function, status.
fn rows_of<'a>(
    members: impl Iterator<Item = &'a Participant>,
    categories: &'a [CategoryCount],
) -> Element<'a, Message> {
    let mut col = Column::new().spacing(0);
    for (i, p) in members.enumerate() {
        let chip: Element<'a, Message> = match categories
            .iter()
            .find(|c| c.category_id == p.details.category)
        {
            Some(c) => style::category_chip(&c.category, c.colour),
            None => space().into(),
        };
        let line = row![
            style::cell(text(p.details.display_name()), Length::FillPortion(4)),
            container(chip).width(Length::Fixed(64.0)),
            style::cell(
                text(p.details.function.as_str()).size(13).color(LABEL),
                Length::FillPortion(4)
            ),
            text(status_label(p.status))
                .color(style::status_colour(p.status))
                .width(Length::FillPortion(2)),
        ]
        .spacing(8)
        .align_y(Center);
        col = col.push(
            button(line)
                .width(Fill)
                .height(style::ROW_HEIGHT)
                .padding([0, 8])
                .style(move |theme, status| style::row_button(theme, status, false, i))
                .on_press(Message::Open(p.id)),
        );
    }
    col.into()
}

/// Characters of a delegation's name that fit the list's name column.
const NAME_FITS: usize = 20;

/// A name cut at a word, with an ellipsis, when it is too long for `max`
/// characters.
pub fn ellipsised(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        return name.to_string();
    }
    let cut: String = name.chars().take(max.saturating_sub(1)).collect();
    let at_word = match cut.rfind(' ') {
        Some(i) if i >= cut.len() / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", at_word.trim_end_matches([' ', ',', '-']))
}

/// The name column of the list: cut with an ellipsis when too long, the
/// whole name on hover (and in the detail pane).
fn name_cell(name: &str) -> Element<'_, Message> {
    let shown = ellipsised(name, NAME_FITS);
    if shown.len() == name.len() {
        return style::cell(text(name), COLUMNS[1]);
    }
    tooltip(
        style::cell(text(shown), COLUMNS[1]),
        container(text(name).size(14))
            .padding(6)
            .style(container::bordered_box),
        tooltip::Position::Bottom,
    )
    .into()
}

/// The categories a review would take past their quota, in words
/// ("DEL: 7 approved for 5").
fn excess_of(d: &DelegationOverview, reviewed: &[&Participant]) -> Vec<String> {
    d.categories
        .iter()
        .filter_map(|c| {
            let quota = c.quota?;
            let more = reviewed
                .iter()
                .filter(|p| p.details.category == c.category_id)
                .count() as u64;
            let after = c.statuses.approved + more;
            (more > 0 && after > u64::from(quota)).then(|| {
                t!(
                    "delegations-excess",
                    category = &c.category,
                    approved = after,
                    quota = quota,
                )
            })
        })
        .collect()
}

/// A participant's status in words.
fn status_label(status: ParticipantStatus) -> String {
    match status {
        ParticipantStatus::Nominated => t!("delegations-status-nominated"),
        ParticipantStatus::Approved => t!("delegations-status-approved"),
        ParticipantStatus::Rejected => t!("delegations-status-rejected"),
        ParticipantStatus::Cancelled => t!("delegations-status-cancelled"),
    }
}

/// A delegation's kind in words.
fn kind_label(kind: DelegationKind) -> String {
    match kind {
        DelegationKind::MemberState => t!("delegations-kind-member-state"),
        DelegationKind::ObserverState => t!("delegations-kind-observer-state"),
        DelegationKind::UnEntity => t!("delegations-kind-un-entity"),
        DelegationKind::Intergovernmental => t!("delegations-kind-intergovernmental"),
        DelegationKind::RegionalOrganisation => t!("delegations-kind-regional"),
        DelegationKind::FinancialInstitution => t!("delegations-kind-financial"),
        DelegationKind::Ngo => t!("delegations-kind-ngo"),
        DelegationKind::Academia => t!("delegations-kind-academia"),
        DelegationKind::Media => t!("delegations-kind-media"),
        DelegationKind::Host => t!("delegations-kind-host"),
    }
}

fn load_members(session: &Session, id: DelegationId) -> Task<Message> {
    let (ws, actor) = (session.workspace.clone(), session.actor.clone());
    worker::spawn(
        move || {
            participants::list(
                &*ws.connection()?,
                &actor,
                &Filter {
                    delegation: Some(id),
                    ..Default::default()
                },
            )
        },
        move |outcome| Message::Members(id, outcome),
    )
}

const COLUMNS: [Length; 6] = [
    Length::Fixed(96.0),
    Length::Fill,
    Length::Fixed(40.0),
    Length::Fixed(44.0),
    Length::Fixed(48.0),
    Length::Fixed(40.0),
];

const CATEGORY_NAME: Length = Length::Fixed(172.0);
const CATEGORY_COLUMNS: Length = Length::Fixed(70.0);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::tests::harness::offline_session;
    use accredit::desk::delegations::{CategoryCount, StatusCounts};
    use accredit::domain::{Colour, DelegationKind, ParticipantDetails, Role};

    fn delegation(id: DelegationId, code: &str, name: &str, over: bool) -> DelegationOverview {
        let statuses = StatusCounts {
            nominated: 2,
            approved: 3,
            rejected: 1,
            cancelled: 0,
        };
        DelegationOverview {
            id,
            code: code.into(),
            name: name.into(),
            kind: DelegationKind::MemberState,
            focal_point_name: String::new(),
            focal_point_email: String::new(),
            participants: statuses.total(),
            quotas: Vec::new(),
            statuses,
            categories: vec![CategoryCount {
                category_id: 3,
                category: "DEL".into(),
                name: "Delegate".into(),
                colour: Colour::new(0, 0x84, 0x3D),
                statuses,
                counted: 5,
                quota: Some(if over { 4 } else { 5 }),
                over_quota: over,
            }],
            over_quota: over,
            badges_printed: 0,
            badges_collected: 0,
        }
    }

    fn member(id: ParticipantId, status: ParticipantStatus) -> Participant {
        Participant {
            id,
            details: ParticipantDetails {
                delegation: 1,
                category: 3,
                family_name: format!("Name{id}"),
                ..Default::default()
            },
            status,
            status_reason: String::new(),
            photo: None,
            created_at: 0,
            updated_at: 0,
        }
    }

    fn loaded(session: &Session) -> State {
        let mut state = State::new();
        let _ = state.update(
            Message::Loaded(Ok(vec![
                delegation(1, "VNM", "Viet Nam", true),
                delegation(2, "FRA", "France", false),
            ])),
            session,
        );
        state
    }

    #[test]
    fn the_filter_finds_codes_and_names_without_accents() {
        let session = offline_session(Role::Supervisor);
        let mut state = loaded(&session);
        assert_eq!(state.shown().len(), 2);
        let _ = state.update(Message::Filter("viêt".into()), &session);
        let shown: Vec<_> = state.shown().iter().map(|d| d.code.clone()).collect();
        assert_eq!(shown, ["VNM"]);
        let _ = state.update(Message::Filter(String::new()), &session);
        let _ = state.update(Message::OverQuotaOnly(true), &session);
        assert_eq!(state.shown().len(), 1);
    }

    #[test]
    fn reviewing_takes_the_nominated_shown() {
        let session = offline_session(Role::Supervisor);
        let mut state = loaded(&session);
        let _ = state.update(Message::Select(1), &session);
        assert_eq!(state.selected().unwrap().code, "VNM");
        // Participants of another delegation arriving late are ignored.
        let _ = state.update(
            Message::Members(2, Ok(vec![member(9, ParticipantStatus::Nominated)])),
            &session,
        );
        assert!(state.members.is_none());
        let _ = state.update(
            Message::Members(
                1,
                Ok(vec![
                    member(10, ParticipantStatus::Nominated),
                    member(11, ParticipantStatus::Approved),
                    member(12, ParticipantStatus::Nominated),
                ]),
            ),
            &session,
        );
        let _ = state.update(Message::Review, &session);
        assert_eq!(state.review.as_deref(), Some(&[10, 12][..]));
        let _ = state.update(Message::ApproveReviewed, &session);
        assert!(state.busy);
        let (_, event) = state.update(
            Message::Approved(Err(JobError::from(accredit::Error::Refused(
                "nothing was approved; review VNM again: participant 12 (NAME12) is now rejected"
                    .into(),
            )))),
            &session,
        );
        assert!(event.is_none());
        assert!(!state.busy);
        let notice = state.notice.as_ref().unwrap();
        let text = notice.to_string();
        assert!(
            matches!(notice, Notice::NotApproved(_)) && text.contains("is now rejected"),
            "{text}"
        );
        let _ = state.update(Message::ApproveReviewed, &session);
        let (_, event) = state.update(Message::Approved(Ok(vec![10, 12])), &session);
        assert!(matches!(event, Some(Event::Changed)));
        assert!(state.review.is_none());
        assert_eq!(
            state.notice.as_ref().map(ToString::to_string).as_deref(),
            Some("Approved 2 participants.")
        );
    }

    #[test]
    fn the_approval_is_told_in_the_operators_language() {
        use accredit::i18n::{Language, LanguageScope};
        let session = offline_session(Role::Supervisor);
        let mut state = loaded(&session);
        let _ = state.update(Message::Select(1), &session);
        let _vi = LanguageScope::new(Language::Vietnamese);
        let _ = state.update(Message::Approved(Ok(vec![10, 12])), &session);
        assert_eq!(
            state.notice.as_ref().map(ToString::to_string).as_deref(),
            Some("Đã duyệt 2 người tham dự.")
        );
        {
            let _fr = LanguageScope::new(Language::French);
            let _ = state.update(Message::Approved(Ok(vec![10])), &session);
            assert_eq!(
                state.notice.as_ref().map(ToString::to_string).as_deref(),
                Some("1 participant approuvé.")
            );
            assert_eq!(kind_label(DelegationKind::MemberState), "État membre");
        }
        assert_eq!(status_label(ParticipantStatus::Approved), "Đã duyệt");
    }

    #[test]
    fn print_all_and_open_are_handed_up() {
        let session = offline_session(Role::Clerk);
        let mut state = loaded(&session);
        let (_, event) = state.update(Message::PrintAll, &session);
        assert!(event.is_none(), "no delegation chosen yet");
        let _ = state.update(Message::Select(2), &session);
        let (_, event) = state.update(Message::PrintAll, &session);
        assert!(matches!(event, Some(Event::Print(2))));
        // Nothing just approved: nothing to print at once.
        let (_, event) = state.update(Message::PrintApproved, &session);
        assert!(event.is_none());
        let (_, event) = state.update(Message::Open(11), &session);
        assert!(matches!(event, Some(Event::Open(11))));
    }

    #[test]
    fn an_exact_code_comes_first_then_beginnings_then_the_rest() {
        let session = offline_session(Role::Supervisor);
        let mut state = State::new();
        let _ = state.update(
            Message::Loaded(Ok(vec![
                delegation(1, "AFP", "Agence France-Presse", false),
                delegation(
                    2,
                    "AIIB",
                    "Asian Infrastructure Investment Bank (Frankfurt office)",
                    false,
                ),
                delegation(3, "FRA", "France", false),
                delegation(4, "FRAX", "Fraternité", false),
                delegation(5, "OIF", "Francophonie", false),
            ])),
            &session,
        );
        let _ = state.update(Message::Filter("FRA".into()), &session);
        let shown: Vec<_> = state.shown().iter().map(|d| d.code.as_str()).collect();
        assert_eq!(shown, ["FRA", "FRAX", "OIF", "AFP", "AIIB"]);
        // Names that begin so, then a later word that does.
        let _ = state.update(Message::Filter("fran".into()), &session);
        let shown: Vec<_> = state.shown().iter().map(|d| d.code.as_str()).collect();
        assert_eq!(shown, ["FRA", "OIF", "AFP", "AIIB"]);
    }

    #[test]
    fn long_names_end_in_an_ellipsis_at_a_word() {
        assert_eq!(
            ellipsised("Asian Development Bank", NAME_FITS),
            "Asian Development…"
        );
        // No word ends late enough: cut inside the word, still with the
        // ellipsis (the whole name is on hover and in the detail pane).
        let cut = ellipsised("Asian Infrastructure Investment Bank", NAME_FITS);
        assert_eq!(cut, "Asian Infrastructur…");
        assert!(cut.chars().count() <= NAME_FITS);
        assert_eq!(ellipsised("France", NAME_FITS), "France");
    }
}
