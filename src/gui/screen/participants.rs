//! The participant table: instant search, filters, sorting, keyboard
//! navigation. Smooth with 100,000 participants because only the rows in
//! view are built (iced lays out every child of a scrollable).

use std::sync::Arc;

use iced::keyboard::{self, Key, key::Named};
use iced::widget::{
    button, column, container, operation, pick_list, row, scrollable, space, text, text_input,
};
use iced::{Element, Fill, Length, Task};

use crate::gui::Session;
use crate::gui::style::{self, ROW_HEIGHT};
use crate::gui::worker::{self, JobError, Outcome};
use accredit::desk::listing::{Listing, RowFilter, SortColumn};
use accredit::domain::{ClearanceState, ParticipantId, ParticipantStatus};

pub const SEARCH_INPUT: &str = "participants-search";
const TABLE: &str = "participants-table";

pub struct State {
    listing: Option<Arc<Listing>>,
    query: String,
    filter: RowFilter,
    sort: SortColumn,
    descending: bool,
    /// Positions in `listing.rows` of the rows shown, in display order.
    shown: Vec<u32>,
    /// Index into `shown` of the selected row.
    selected: Option<usize>,
    scroll_y: f32,
    viewport_height: f32,
    error: Option<JobError>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Outcome<Arc<Listing>>),
    QueryChanged(String),
    FilterDelegation(Choice),
    FilterCategory(Choice),
    FilterStatus(StatusChoice),
    FilterClearance(ClearanceChoice),
    /// A letter's QR code typed into the search field named this participant.
    LetterScanned(String, Outcome<ParticipantId>),
    SortBy(SortColumn),
    Scrolled(scrollable::Viewport),
    Select(usize),
    Open(ParticipantId),
    Key(keyboard::Key, keyboard::Modifiers),
}

pub enum Event {
    /// Open the participant's detail.
    Open(ParticipantId),
}

/// An entry of a filter list: everything, or one delegation or category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub id: Option<i64>,
    pub label: String,
}

impl std::fmt::Display for Choice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusChoice(pub Option<ParticipantStatus>);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClearanceChoice(pub Option<ClearanceState>);

impl std::fmt::Display for ClearanceChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(s) => f.write_str(&clearance_label(s)),
            None => f.write_str(&accredit::t!("participants-any-clearance")),
        }
    }
}

/// A participant's status in words, in the interface's language.
pub fn status_label(status: ParticipantStatus) -> String {
    match status {
        ParticipantStatus::Nominated => accredit::t!("participants-status-nominated"),
        ParticipantStatus::Approved => accredit::t!("participants-status-approved"),
        ParticipantStatus::Rejected => accredit::t!("participants-status-rejected"),
        ParticipantStatus::Cancelled => accredit::t!("participants-status-cancelled"),
    }
}

/// A security clearance's state in words, in the interface's language.
pub fn clearance_label(state: ClearanceState) -> String {
    match state {
        ClearanceState::NotSent => accredit::t!("participants-clearance-not-sent"),
        ClearanceState::Sent => accredit::t!("participants-clearance-sent"),
        ClearanceState::Cleared => accredit::t!("participants-clearance-cleared"),
        ClearanceState::Refused => accredit::t!("participants-clearance-refused"),
        ClearanceState::MoreInformation => accredit::t!("participants-clearance-more-information"),
    }
}

const CLEARANCE_CHOICES: &[ClearanceChoice] = &[
    ClearanceChoice(None),
    ClearanceChoice(Some(ClearanceState::NotSent)),
    ClearanceChoice(Some(ClearanceState::Sent)),
    ClearanceChoice(Some(ClearanceState::Cleared)),
    ClearanceChoice(Some(ClearanceState::Refused)),
    ClearanceChoice(Some(ClearanceState::MoreInformation)),
];

impl std::fmt::Display for StatusChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(s) => f.write_str(&status_label(s)),
            None => f.write_str(&accredit::t!("participants-all-statuses")),
        }
    }
}

impl State {
    pub fn new() -> State {
        State {
            listing: None,
            query: String::new(),
            filter: RowFilter::default(),
            sort: SortColumn::Name,
            descending: false,
            shown: Vec::new(),
            selected: None,
            scroll_y: 0.0,
            viewport_height: 600.0,
            error: None,
        }
    }

    /// Loads (or reloads) every participant off the UI thread.
    pub fn load(session: &Session) -> Task<Message> {
        let (ws, actor) = (session.workspace.clone(), session.actor.clone());
        worker::spawn(
            move || {
                let conn = ws.connection()?;
                Listing::load(&conn, &actor).map(Arc::new)
            },
            Message::Loaded,
        )
    }

    #[cfg(test)]
    pub fn listing(&self) -> Option<&Listing> {
        self.listing.as_deref()
    }

    pub fn update(
        &mut self,
        message: Message,
        session: &Session,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Loaded(Ok(listing)) => {
                let keep = self.selected_id();
                self.listing = Some(listing);
                self.error = None;
                self.refresh();
                if let Some(id) = keep {
                    self.selected = self.shown_position(id);
                }
            }
            Message::Loaded(Err(e)) => self.error = Some(e),
            Message::QueryChanged(q) => {
                self.query = q;
                self.refresh();
                // A letter's QR code, scanned into the search field, opens
                // its participant once its signature checks out.
                if accredit::letters::code::looks_like_letter(&self.query) {
                    let (ws, actor) = (session.workspace.clone(), session.actor.clone());
                    let text = self.query.clone();
                    let check = worker::spawn(
                        {
                            let text = text.clone();
                            move || accredit::letters::code::open(&*ws.connection()?, &actor, &text)
                        },
                        move |outcome| Message::LetterScanned(text.clone(), outcome),
                    );
                    return (Task::batch([self.scroll_to_top(), check]), None);
                }
                return (self.scroll_to_top(), None);
            }
            Message::LetterScanned(text, outcome) => {
                if text != self.query {
                    return (Task::none(), None);
                }
                match outcome {
                    Ok(id) => {
                        self.query.clear();
                        self.error = None;
                        self.refresh();
                        return (Task::none(), Some(Event::Open(id)));
                    }
                    Err(e) => self.error = Some(e),
                }
            }
            Message::FilterClearance(c) => {
                self.filter.clearance = c.0;
                self.refresh();
                return (self.scroll_to_top(), None);
            }
            Message::FilterDelegation(c) => {
                self.filter.delegation = c.id;
                self.refresh();
                return (self.scroll_to_top(), None);
            }
            Message::FilterCategory(c) => {
                self.filter.category = c.id;
                self.refresh();
                return (self.scroll_to_top(), None);
            }
            Message::FilterStatus(s) => {
                self.filter.status = s.0;
                self.refresh();
                return (self.scroll_to_top(), None);
            }
            Message::SortBy(col) => {
                if self.sort == col {
                    self.descending = !self.descending;
                } else {
                    self.sort = col;
                    self.descending = false;
                }
                let keep = self.selected_id();
                self.refresh();
                self.selected = keep.and_then(|id| self.shown_position(id));
            }
            Message::Scrolled(viewport) => {
                self.scroll_y = viewport.absolute_offset().y;
                self.viewport_height = viewport.bounds().height;
            }
            Message::Select(i) => self.selected = Some(i),
            Message::Open(id) => return (Task::none(), Some(Event::Open(id))),
            Message::Key(key, modifiers) => return self.on_key(key, modifiers),
        }
        (Task::none(), None)
    }

    fn on_key(
        &mut self,
        key: Key,
        modifiers: keyboard::Modifiers,
    ) -> (Task<Message>, Option<Event>) {
        match key.as_ref() {
            Key::Character("f") if modifiers.command() => (operation::focus(SEARCH_INPUT), None),
            Key::Named(Named::ArrowDown) => self.move_selection(1),
            Key::Named(Named::ArrowUp) => self.move_selection(-1),
            Key::Named(Named::PageDown) => self.move_selection(self.page_rows() as i64),
            Key::Named(Named::PageUp) => self.move_selection(-(self.page_rows() as i64)),
            Key::Named(Named::Enter) => match self.selected_id() {
                Some(id) => (Task::none(), Some(Event::Open(id))),
                None => (Task::none(), None),
            },
            _ => (Task::none(), None),
        }
    }

    fn page_rows(&self) -> usize {
        ((self.viewport_height / ROW_HEIGHT) as usize).max(1)
    }

    fn move_selection(&mut self, delta: i64) -> (Task<Message>, Option<Event>) {
        if self.shown.is_empty() {
            return (Task::none(), None);
        }
        let last = self.shown.len() as i64 - 1;
        let next = match self.selected {
            None => 0,
            Some(i) => (i as i64 + delta).clamp(0, last),
        } as usize;
        self.selected = Some(next);
        (self.reveal(next), None)
    }

    /// Scrolls so that row `i` of `shown` is in view.
    fn reveal(&mut self, i: usize) -> Task<Message> {
        let top = i as f32 * ROW_HEIGHT;
        let bottom = top + ROW_HEIGHT;
        let y = if top < self.scroll_y {
            top
        } else if bottom > self.scroll_y + self.viewport_height {
            bottom - self.viewport_height
        } else {
            return Task::none();
        };
        self.scroll_y = y;
        operation::scroll_to(TABLE, scrollable::AbsoluteOffset { x: 0.0, y })
    }

    fn scroll_to_top(&mut self) -> Task<Message> {
        self.scroll_y = 0.0;
        self.selected = if self.shown.is_empty() { None } else { Some(0) };
        operation::scroll_to(TABLE, scrollable::AbsoluteOffset { x: 0.0, y: 0.0 })
    }

    fn refresh(&mut self) {
        self.shown = match &self.listing {
            Some(l) => l.query(&self.query, &self.filter, self.sort, self.descending),
            None => Vec::new(),
        };
        if self.selected.is_some_and(|i| i >= self.shown.len()) {
            self.selected = None;
        }
    }

    pub fn selected_id(&self) -> Option<ParticipantId> {
        let listing = self.listing.as_ref()?;
        let pos = *self.shown.get(self.selected?)?;
        Some(listing.rows[pos as usize].id)
    }

    fn shown_position(&self, id: ParticipantId) -> Option<usize> {
        let listing = self.listing.as_ref()?;
        self.shown
            .iter()
            .position(|&p| listing.rows[p as usize].id == id)
    }

    /// How many rows the current search and filters show.
    #[cfg(test)]
    pub fn shown_count(&self) -> usize {
        self.shown.len()
    }

    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let search = text_input(&accredit::t!("participants-search"), &self.query)
            .id(SEARCH_INPUT)
            .on_input(Message::QueryChanged)
            .padding(10)
            .size(16);
        let filters = row![
            pick_list(
                session.delegation_choices.as_slice(),
                session.delegation_choice(self.filter.delegation),
                Message::FilterDelegation
            )
            .width(260),
            pick_list(
                session.category_choices.as_slice(),
                session.category_choice(self.filter.category),
                Message::FilterCategory
            )
            .width(220),
            pick_list(
                STATUS_CHOICES,
                Some(StatusChoice(self.filter.status)),
                Message::FilterStatus
            )
            .width(160),
            pick_list(
                CLEARANCE_CHOICES,
                Some(ClearanceChoice(self.filter.clearance)),
                Message::FilterClearance
            )
            .width(200),
            space::horizontal(),
            text(match &self.listing {
                Some(l) => accredit::t!(
                    "participants-shown-of-total",
                    shown = self.shown.len(),
                    total = l.rows.len()
                ),
                None => accredit::t!("participants-loading"),
            }),
        ]
        .spacing(10)
        .align_y(iced::Center);

        let mut page = column![search, filters, self.header(), self.table()]
            .spacing(10)
            .padding(16);
        if let Some(e) = &self.error {
            page = page.push(style::error_text(&e.to_string()));
        }
        page.into()
    }

    fn header(&self) -> Element<'_, Message> {
        let head = |label: String, col: SortColumn, width: Length| {
            let arrow = if self.sort == col {
                if self.descending { " ▼" } else { " ▲" }
            } else {
                ""
            };
            button(text(format!("{label}{arrow}")).size(14))
                .style(button::text)
                .padding([4, 6])
                .width(width)
                .on_press(Message::SortBy(col))
        };
        row![
            head(
                accredit::t!("participants-column-name"),
                SortColumn::Name,
                COLUMNS[0]
            ),
            head(
                accredit::t!("participants-column-delegation"),
                SortColumn::Delegation,
                COLUMNS[1]
            ),
            head(
                accredit::t!("participants-column-category"),
                SortColumn::Category,
                COLUMNS[2]
            ),
            head(
                accredit::t!("participants-column-status"),
                SortColumn::Status,
                COLUMNS[3]
            ),
            head(
                accredit::t!("participants-column-badge"),
                SortColumn::Badge,
                COLUMNS[4]
            ),
            head(
                accredit::t!("participants-column-collected"),
                SortColumn::Collected,
                COLUMNS[5]
            ),
            head(
                accredit::t!("participants-column-clearance"),
                SortColumn::Clearance,
                COLUMNS[6]
            ),
        ]
        .padding([0, 8])
        .into()
    }

    fn table(&self) -> Element<'_, Message> {
        let Some(listing) = &self.listing else {
            return container(text(accredit::t!("participants-loading-table")))
                .padding(20)
                .into();
        };
        if self.shown.is_empty() {
            return container(text(accredit::t!("participants-no-match")))
                .padding(20)
                .into();
        }
        // Build only the rows in view (plus one either side), and spacers of
        // the right height for the rest.
        let first = ((self.scroll_y / ROW_HEIGHT) as usize).saturating_sub(1);
        let count = (self.viewport_height / ROW_HEIGHT) as usize + 3;
        let last = (first + count).min(self.shown.len());
        let mut rows = column![space().height(first as f32 * ROW_HEIGHT)];
        for (i, &pos) in self.shown[first..last].iter().enumerate() {
            let i = first + i;
            let r = &listing.rows[pos as usize];
            let selected = self.selected == Some(i);
            let cells = row![
                text(&r.name).width(COLUMNS[0]),
                text(&r.delegation).width(COLUMNS[1]),
                container(style::category_chip(&r.category, r.category_colour)).width(COLUMNS[2]),
                text(status_label(r.status))
                    .color(style::status_colour(r.status))
                    .width(COLUMNS[3]),
                text(r.badge_serial.map(|s| s.to_string()).unwrap_or_default()).width(COLUMNS[4]),
                text(if r.collected {
                    accredit::t!("participants-collected-yes")
                } else {
                    String::new()
                })
                .width(COLUMNS[5]),
                clearance_cell(r.clearance).width(COLUMNS[6]),
            ]
            .spacing(0)
            .align_y(iced::Center);
            let id = r.id;
            let line = button(cells)
                .width(Fill)
                .height(ROW_HEIGHT)
                .padding([0, 14])
                .style(move |theme, status| style::row_button(theme, status, selected, i))
                .on_press(if selected {
                    Message::Open(id)
                } else {
                    Message::Select(i)
                });
            rows = rows.push(line);
        }
        rows = rows.push(space().height((self.shown.len() - last) as f32 * ROW_HEIGHT));
        scrollable(rows)
            .id(TABLE)
            .on_scroll(Message::Scrolled)
            .height(Fill)
            .into()
    }
}

impl Default for State {
    fn default() -> Self {
        State::new()
    }
}

const COLUMNS: [Length; 7] = [
    Length::FillPortion(5),
    Length::FillPortion(2),
    Length::FillPortion(2),
    Length::FillPortion(2),
    Length::FillPortion(2),
    Length::FillPortion(1),
    Length::FillPortion(2),
];

fn clearance_cell<'a>(c: Option<ClearanceState>) -> iced::widget::Text<'a> {
    match c {
        None => text(""),
        Some(s) => text(clearance_label(s)).color(match s {
            ClearanceState::Cleared => style::OK,
            ClearanceState::Refused => style::ERROR,
            _ => style::WARNING,
        }),
    }
}

const STATUS_CHOICES: &[StatusChoice] = &[
    StatusChoice(None),
    StatusChoice(Some(ParticipantStatus::Nominated)),
    StatusChoice(Some(ParticipantStatus::Approved)),
    StatusChoice(Some(ParticipantStatus::Rejected)),
    StatusChoice(Some(ParticipantStatus::Cancelled)),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::tests::harness::offline_session;
    use accredit::domain::ParticipantRow;
    use accredit::domain::{Colour, Role};
    use accredit::lookup::participants::SearchSource;

    fn listing() -> Arc<Listing> {
        let people = [
            (1, "Thị Mai", "Nguyễn", "VNM", ParticipantStatus::Approved),
            (2, "Sergey", "Lavrov", "RUS", ParticipantStatus::Nominated),
            (3, "Jean", "Dupont", "FRA", ParticipantStatus::Approved),
            (4, "Minh", "Nguyễn", "VNM", ParticipantStatus::Rejected),
        ];
        let rows = people
            .iter()
            .map(|(id, given, family, delegation, status)| ParticipantRow {
                id: *id,
                name: format!("{given} {}", family.to_uppercase()),
                sort_name: accredit::search::sort_name(family, given),
                delegation_id: if *delegation == "VNM" { 1 } else { 2 },
                delegation: (*delegation).into(),
                category_id: 3,
                category: "DEL".into(),
                category_colour: Colour::new(0, 0x84, 0x3D),
                status: *status,
                badge_serial: None,
                collected: false,
                clearance: None,
            })
            .collect();
        let sources = people
            .iter()
            .map(|(id, given, family, _, _)| SearchSource {
                id: *id,
                given_names: (*given).into(),
                family_name: (*family).into(),
                badge_name: String::new(),
                document_number: format!("C{id:07}"),
                reference: String::new(),
            })
            .collect();
        Arc::new(Listing::new(rows, sources))
    }

    fn loaded() -> (State, Session) {
        let session = offline_session(Role::Clerk);
        let mut state = State::new();
        let _ = state.update(Message::Loaded(Ok(listing())), &session);
        (state, session)
    }

    fn key(state: &mut State, session: &Session, named: Named) -> Option<Event> {
        state
            .update(
                Message::Key(Key::Named(named), keyboard::Modifiers::empty()),
                session,
            )
            .1
    }

    #[test]
    fn typing_narrows_and_enter_opens_the_first_hit() {
        let (mut state, session) = loaded();
        assert_eq!(state.shown_count(), 4);
        let _ = state.update(Message::QueryChanged("nguyen".into()), &session);
        assert_eq!(state.shown_count(), 2);
        let Some(Event::Open(id)) = key(&mut state, &session, Named::Enter) else {
            panic!("Enter opens the selected row");
        };
        assert_eq!(Some(id), state.selected_id());
        let _ = state.update(Message::QueryChanged("C0000002".into()), &session);
        assert_eq!(state.selected_id(), Some(2), "found by document number");
    }

    #[test]
    fn arrows_move_and_stop_at_the_ends() {
        let (mut state, session) = loaded();
        assert!(key(&mut state, &session, Named::ArrowDown).is_none());
        let first = state.selected_id();
        let _ = key(&mut state, &session, Named::ArrowDown);
        let _ = key(&mut state, &session, Named::ArrowDown);
        let _ = key(&mut state, &session, Named::ArrowDown);
        let _ = key(&mut state, &session, Named::ArrowDown);
        assert_eq!(state.selected, Some(3));
        for _ in 0..6 {
            let _ = key(&mut state, &session, Named::ArrowUp);
        }
        assert_eq!(state.selected_id(), first);
    }

    #[test]
    fn a_click_selects_and_a_second_opens() {
        let (mut state, session) = loaded();
        let (_, event) = state.update(Message::Select(2), &session);
        assert!(event.is_none());
        let id = state.selected_id().unwrap();
        let (_, event) = state.update(Message::Open(id), &session);
        assert!(matches!(event, Some(Event::Open(x)) if x == id));
    }

    #[test]
    fn filters_and_sorting_keep_the_selection() {
        let (mut state, session) = loaded();
        let _ = state.update(
            Message::FilterStatus(StatusChoice(Some(ParticipantStatus::Approved))),
            &session,
        );
        assert_eq!(state.shown_count(), 2);
        let _ = state.update(Message::FilterStatus(StatusChoice(None)), &session);
        let _ = state.update(Message::Select(1), &session);
        let kept = state.selected_id();
        let _ = state.update(Message::SortBy(SortColumn::Name), &session);
        assert!(state.descending);
        assert_eq!(state.selected_id(), kept);
        let _ = state.update(Message::SortBy(SortColumn::Delegation), &session);
        assert!(!state.descending);
        assert_eq!(state.selected_id(), kept);
    }

    #[test]
    fn a_failed_load_is_shown() {
        let session = offline_session(Role::Clerk);
        let mut state = State::new();
        let _ = state.update(
            Message::Loaded(Err(JobError::from(accredit::Error::Other(
                "disk I/O error".into(),
            )))),
            &session,
        );
        assert_eq!(
            state.error.as_ref().map(ToString::to_string).as_deref(),
            Some("disk I/O error")
        );
        let mut ui = iced_test::simulator(state.view(&session));
        assert!(ui.find("disk I/O error").is_ok());
    }
}
