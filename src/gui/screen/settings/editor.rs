//! The one list-and-editor of the categories, zones, checkpoints, sessions
//! and delegations sections: the kind's items listed on the left with
//! "New …", the form on the right with its problems under the fields, Save
//! and Remove, the confirmation of a change with consequences, and the save
//! or remove job off the UI thread. A kind plugs in by implementing [`Item`];
//! its module keeps its fields, its checks and whatever only it does
//! (sessions' invitees, delegations' reference lists, categories' preview)
//! as messages and state of its own around an [`Editor`].

use accredit::auth::Actor;
use accredit::db::Db;
use accredit::domain::FieldError;
use accredit::setup::Outcome;
use iced::widget::{button, column, row, scrollable, text};
use iced::{Element, Fill, Task};

use super::{Checked, Saved, SetupData, editor_buttons, outcome_notes, spawn_job};
use crate::gui::Session as AppSession;
use crate::gui::screen::form::{confirm_panel, error_of};
use crate::gui::worker::{self, JobError};

/// A kind of set-up item the editor edits, as the section shows it.
pub trait Item: std::fmt::Debug + Clone + Send + 'static {
    /// One line of the set-up's list of them (a zone comes with its use).
    type Row;
    /// What identifies one: an id, or a zone's number.
    type Key: Copy + PartialEq + std::fmt::Debug + Send + 'static;
    /// The typed text of the form.
    type Form: Default + PartialEq;
    /// What a change affects beyond the set-up, looked up with each change
    /// (a category's badges that carry its zones); `()` for most kinds.
    type Affected: Default + Clone + std::fmt::Debug + Send + 'static;

    /// How the form sits beside the list.
    const LAYOUT: Layout;
    const LIST_WIDTH: f32;
    /// Whether the first item opens when nothing is selected.
    const OPENS_FIRST: bool = true;

    fn rows(data: &SetupData) -> &[Self::Row];
    fn of(row: &Self::Row) -> &Self;
    fn key(&self) -> Self::Key;
    fn form(&self, data: &SetupData) -> Self::Form;
    /// The form when nothing is selected: after a removal, or with none.
    fn blank(data: &SetupData) -> Self::Form;
    /// The form "New …" opens.
    fn new_form(data: &SetupData) -> Self::Form {
        Self::blank(data)
    }
    /// The item the form describes (`key` when it edits a stored one), or
    /// the problems of its fields.
    fn parse(form: &Self::Form, key: Option<Self::Key>, data: &SetupData) -> Checked<Self>;

    /// Stores it, new; returns its key.
    fn add(&self, conn: &mut Db, actor: &Actor) -> accredit::Result<Self::Key>;
    /// Stores it over the item with its key; a change with consequences
    /// only when `confirmed`.
    fn edit(&self, conn: &mut Db, actor: &Actor, confirmed: bool) -> accredit::Result<Outcome<()>>;
    /// Removes the item with `key`; with consequences only when
    /// `confirmed`.
    fn remove(
        conn: &mut Db,
        actor: &Actor,
        key: Self::Key,
        confirmed: bool,
    ) -> accredit::Result<Outcome<()>>;
    /// What a change of it affects, looked up after it is stored or
    /// explained.
    fn affected(&self, _conn: &Db, _actor: &Actor) -> accredit::Result<Self::Affected> {
        Ok(Self::Affected::default())
    }

    /// The notes once it is added, saved, removed (`form` as it was).
    fn added(&self) -> String;
    fn saved(&self) -> String;
    fn removed(form: &Self::Form, key: Self::Key) -> String;

    /// Over the list.
    fn title(data: &SetupData) -> String;
    /// The label of the button that starts a new one.
    fn new_label() -> String;
    /// Said instead of an empty list; `None` shows the list empty.
    fn none_yet() -> Option<String> {
        None
    }
    /// Whether another one may be added.
    fn may_add(_data: &SetupData) -> bool {
        true
    }
    /// Over the form: the item edited (`key`), or a new one.
    fn heading(key: Option<Self::Key>) -> String;
    /// A row of the list.
    fn line<'a, M: 'a>(row: &'a Self::Row, data: &'a SetupData) -> Element<'a, M>;
}

/// How the form sits beside the list.
pub enum Layout {
    /// A few fields, the buttons right under them.
    Short,
    /// Fields that scroll over buttons kept at the bottom.
    Long,
}

/// A change with consequences, waiting for the operator's word.
#[derive(Debug, Clone)]
pub struct Confirmation<A> {
    /// What the change would leave wrong.
    pub lines: Vec<String>,
    /// The change is a removal.
    pub removal: bool,
    pub affected: A,
}

/// What a save or remove job did.
#[derive(Debug, Clone)]
pub enum Done<K: Item> {
    /// Added or saved: its note (translated before the job started, on the
    /// interface's thread) and what it affects.
    Saved {
        note: String,
        key: K::Key,
        affected: K::Affected,
    },
    Removed {
        note: String,
    },
    /// Nothing changed yet: the consequences to confirm.
    Confirm(Confirmation<K::Affected>),
}

#[derive(Debug, Clone)]
pub enum Message<K: Item> {
    Select(K::Key),
    New,
    Save,
    Remove,
    /// Save, the consequences confirmed.
    Apply,
    /// Remove, the consequences confirmed.
    ApplyRemoval,
    CancelConfirm,
    Done(worker::Outcome<Checked<Done<K>>>),
}

/// The list's selection, the form, the job's status and the change waiting
/// for confirmation.
pub struct Editor<K: Item> {
    /// The item being edited; `None` for a new one.
    selected: Option<K::Key>,
    pub form: K::Form,
    pub status: Status,
    confirm: Option<Confirmation<K::Affected>>,
    /// What the last change stored affects (the badges to reprint).
    affected: K::Affected,
}

impl<K: Item> Default for Editor<K> {
    fn default() -> Self {
        Editor {
            selected: None,
            form: K::Form::default(),
            status: Status::default(),
            confirm: None,
            affected: K::Affected::default(),
        }
    }
}

/// The kind's parts of the list-and-editor view.
pub struct Parts<'a, K: Item, M> {
    fields: Vec<Element<'a, M>>,
    above: Option<Element<'a, M>>,
    filter: Option<(Element<'a, M>, Vec<&'a K::Row>)>,
    consequences: Option<Element<'a, M>>,
    after: Option<Element<'a, M>>,
    beside: Option<Element<'a, M>>,
}

impl<'a, K: Item, M> Parts<'a, K, M> {
    /// The form's fields, one under another under its heading.
    pub fn new(fields: Vec<Element<'a, M>>) -> Self {
        Parts {
            fields,
            above: None,
            filter: None,
            consequences: None,
            after: None,
            beside: None,
        }
    }

    /// Over the form's heading.
    pub fn above(mut self, element: Element<'a, M>) -> Self {
        self.above = Some(element);
        self
    }

    /// A box over the list, and the rows it lets through.
    pub fn filter(mut self, input: Element<'a, M>, shown: Vec<&'a K::Row>) -> Self {
        self.filter = Some((input, shown));
        self
    }

    /// In the confirmation, under what the change would leave wrong.
    pub fn consequences(mut self, element: Option<Element<'a, M>>) -> Self {
        self.consequences = element;
        self
    }

    /// Under the notes.
    pub fn after(mut self, element: Option<Element<'a, M>>) -> Self {
        self.after = element;
        self
    }

    /// On the right of the form.
    pub fn beside(mut self, element: Element<'a, M>) -> Self {
        self.beside = Some(element);
        self
    }
}

impl<K: Item> Editor<K> {
    pub fn selected(&self) -> Option<K::Key> {
        self.selected
    }

    /// The change waiting for confirmation.
    pub fn confirming(&self) -> Option<&Confirmation<K::Affected>> {
        self.confirm.as_ref()
    }

    /// What the last change stored affects.
    pub fn affected(&self) -> &K::Affected {
        &self.affected
    }

    /// Whether the form takes input: the operator may edit and no job runs.
    pub fn enabled(&self, may_edit: bool) -> bool {
        may_edit && !self.status.busy
    }

    /// The problems of `field`, to show under it.
    pub fn error(&self, field: &str) -> Option<String> {
        error_of(&self.status.errors, field)
    }

    /// The set-up was read (again): the item edited shows as stored, or the
    /// first one, or a blank form once it is gone; a form being filled in
    /// for a new one stays.
    pub fn loaded(&mut self, data: &SetupData) {
        let current = self
            .selected
            .and_then(|key| find::<K>(data, key))
            .or_else(|| {
                K::OPENS_FIRST
                    .then(|| K::rows(data).first().map(K::of))
                    .flatten()
            });
        if self.selected.is_some() || self.form == K::Form::default() {
            match current {
                Some(item) => {
                    self.selected = Some(item.key());
                    self.form = item.form(data);
                }
                None => {
                    self.selected = None;
                    self.form = K::blank(data);
                }
            }
        }
        self.status.errors.clear();
        self.confirm = None;
    }

    /// The form was typed in: its problems show, the saved note and the
    /// change waiting for confirmation go.
    pub fn edit(&mut self, data: &SetupData, change: impl FnOnce(&mut K::Form)) {
        change(&mut self.form);
        self.confirm = None;
        self.status
            .edited(K::parse(&self.form, self.selected, data));
    }

    /// Something was picked that cannot be wrong: the saved note goes, the
    /// problems shown stay as they are.
    pub fn edit_unchecked(&mut self, change: impl FnOnce(&mut K::Form)) {
        change(&mut self.form);
        self.confirm = None;
        self.status.saved = None;
    }

    pub fn update<M>(
        &mut self,
        message: Message<K>,
        data: &SetupData,
        session: &AppSession,
    ) -> (Task<M>, Option<Saved>)
    where
        M: From<Message<K>> + Send + 'static,
    {
        let task = match message {
            Message::Select(key) => {
                if let Some(item) = find::<K>(data, key) {
                    self.selected = Some(key);
                    self.form = item.form(data);
                    self.reset();
                }
                Task::none()
            }
            Message::New => {
                self.selected = None;
                self.form = K::new_form(data);
                self.reset();
                Task::none()
            }
            Message::Save => self.save(data, session, false),
            Message::Apply => self.save(data, session, true),
            Message::Remove => self.remove(session, false),
            Message::ApplyRemoval => self.remove(session, true),
            Message::CancelConfirm => {
                self.confirm = None;
                Task::none()
            }
            Message::Done(outcome) => {
                let saved = self.done(outcome, data);
                return (Task::none(), saved);
            }
        };
        (task.map(M::from), None)
    }

    /// Adds the item `form` describes at once, as a new one.
    pub fn add_now<M>(&mut self, form: K::Form, data: &SetupData, session: &AppSession) -> Task<M>
    where
        M: From<Message<K>> + Send + 'static,
    {
        self.selected = None;
        self.form = form;
        self.status.errors.clear();
        self.save(data, session, false).map(M::from)
    }

    /// Another item or a new form: nothing to say or confirm about it yet.
    fn reset(&mut self) {
        self.confirm = None;
        self.affected = K::Affected::default();
        self.status.clear();
    }

    fn save(
        &mut self,
        data: &SetupData,
        session: &AppSession,
        confirmed: bool,
    ) -> Task<Message<K>> {
        let item = match K::parse(&self.form, self.selected, data) {
            Ok(item) => item,
            Err(errors) => {
                self.status.errors = errors;
                return Task::none();
            }
        };
        if self.status.busy {
            return Task::none();
        }
        self.confirm = None;
        let adding = self.selected.is_none();
        let note = if adding { item.added() } else { item.saved() };
        self.status.start(
            session,
            move |conn, actor| {
                if adding {
                    let key = item.add(conn, actor)?;
                    return Ok(Done::Saved {
                        note,
                        key,
                        affected: K::Affected::default(),
                    });
                }
                let outcome = item.edit(conn, actor, confirmed)?;
                let affected = item.affected(conn, actor)?;
                Ok(match outcome {
                    Outcome::Done(()) => Done::Saved {
                        note,
                        key: item.key(),
                        affected,
                    },
                    Outcome::NeedsConfirmation(lines) => Done::Confirm(Confirmation {
                        lines,
                        removal: false,
                        affected,
                    }),
                })
            },
            Message::Done,
        )
    }

    fn remove(&mut self, session: &AppSession, confirmed: bool) -> Task<Message<K>> {
        let Some(key) = self.selected else {
            return Task::none();
        };
        if self.status.busy {
            return Task::none();
        }
        self.confirm = None;
        let note = K::removed(&self.form, key);
        self.status.start(
            session,
            move |conn, actor| {
                Ok(match K::remove(conn, actor, key, confirmed)? {
                    Outcome::Done(()) => Done::Removed { note },
                    Outcome::NeedsConfirmation(lines) => Done::Confirm(Confirmation {
                        lines,
                        removal: true,
                        affected: K::Affected::default(),
                    }),
                })
            },
            Message::Done,
        )
    }

    /// A job ended: what it stored shows with its note and the set-up is
    /// read again, or its consequences wait for confirmation, or its
    /// problems show.
    fn done(
        &mut self,
        outcome: worker::Outcome<Checked<Done<K>>>,
        data: &SetupData,
    ) -> Option<Saved> {
        match self.status.finish(outcome)? {
            Done::Saved {
                note,
                key,
                affected,
            } => {
                self.status.saved = Some(note);
                self.selected = Some(key);
                self.affected = affected;
            }
            Done::Removed { note } => {
                self.status.saved = Some(note);
                self.selected = None;
                self.form = K::blank(data);
            }
            Done::Confirm(confirmation) => {
                self.confirm = Some(confirmation);
                return None;
            }
        }
        Some(Saved::Reload)
    }

    /// The list on the left, the form with its buttons and notes on the
    /// right.
    pub fn view<'a, M>(
        &'a self,
        data: &'a SetupData,
        may_edit: bool,
        parts: Parts<'a, K, M>,
    ) -> Element<'a, M>
    where
        M: From<Message<K>> + Clone + 'a,
    {
        let Parts {
            fields,
            above,
            filter,
            consequences,
            after,
            beside,
        } = parts;
        let (filter, shown) = match filter {
            Some((input, shown)) => (Some(input), shown),
            None => (None, K::rows(data).iter().collect()),
        };
        let rows = shown.into_iter().fold(column![].spacing(2), |col, r| {
            let key = K::of(r).key();
            col.push(list_row(
                K::line(r, data),
                self.selected == Some(key),
                M::from(Message::Select(key)),
            ))
        });
        let mut list = column![
            row![
                text(K::title(data)).size(18).width(Fill),
                button(text(K::new_label()).size(14))
                    .style(button::secondary)
                    .on_press_maybe((may_edit && K::may_add(data)).then(|| M::from(Message::New))),
            ]
            .align_y(iced::Center)
        ]
        .push(filter);
        list = match K::none_yet() {
            Some(none) if K::rows(data).is_empty() => list.push(column![text(none).size(14)]),
            _ => list.push(scrollable(rows).height(Fill)),
        };
        let list = list.spacing(8).width(K::LIST_WIDTH);

        let form = column![]
            .push(above)
            .push(text(K::heading(self.selected)).size(18))
            .extend(fields)
            .spacing(10);
        let buttons = editor_buttons(
            may_edit,
            self.status.busy,
            M::from(Message::Save),
            self.selected.map(|_| M::from(Message::Remove)),
        );
        let confirm = self.confirm.as_ref().map(|c| {
            let apply = if c.removal {
                Message::ApplyRemoval
            } else {
                Message::Apply
            };
            confirm_panel(
                &c.lines,
                M::from(apply),
                M::from(Message::CancelConfirm),
                consequences,
            )
        });
        match K::LAYOUT {
            Layout::Short => row![
                list,
                form.push(buttons)
                    .push(confirm)
                    .push(self.status.notes())
                    .push(after)
                    .max_width(520)
            ]
            .spacing(24)
            .into(),
            Layout::Long => {
                let footer = column![buttons]
                    .push(confirm)
                    .push(self.status.notes())
                    .push(after)
                    .spacing(8)
                    .padding(iced::padding::top(8).right(18));
                // Three panes sit closer than two.
                let gap = if beside.is_some() { 14 } else { 20 };
                row![
                    list,
                    column![
                        scrollable(form.padding(iced::padding::right(18))).height(Fill),
                        footer
                    ]
                    .width(Fill)
                ]
                .push(beside)
                .spacing(gap)
                .into()
            }
        }
    }
}

fn find<K: Item>(data: &SetupData, key: K::Key) -> Option<&K> {
    K::rows(data)
        .iter()
        .map(K::of)
        .find(|item| item.key() == key)
}

/// A clickable row of the list.
fn list_row<'a, M: Clone + 'a>(
    content: impl Into<Element<'a, M>>,
    selected: bool,
    on_press: M,
) -> Element<'a, M> {
    button(content)
        .width(Fill)
        .padding([5, 8])
        .style(move |theme: &iced::Theme, status| {
            let palette = theme.extended_palette();
            let background = if selected {
                palette.primary.weak.color
            } else if matches!(status, button::Status::Hovered) {
                palette.background.weak.color
            } else {
                palette.background.base.color
            };
            button::Style {
                background: Some(background.into()),
                text_color: if selected {
                    palette.primary.weak.text
                } else {
                    palette.background.base.text
                },
                ..button::Style::default()
            }
        })
        .on_press(on_press)
        .into()
}

/// An editor's job status: one job at a time, its note or its refusal, and
/// the problems of the form's fields.
#[derive(Default)]
pub struct Status {
    pub busy: bool,
    pub saved: Option<String>,
    pub problem: Option<JobError>,
    pub errors: Vec<FieldError>,
}

impl Status {
    /// Another item or a new form: nothing to say about it yet.
    pub fn clear(&mut self) {
        self.errors.clear();
        self.problem = None;
        self.saved = None;
    }

    /// The form was typed in: the saved note goes, its problems show.
    pub fn edited<T>(&mut self, parsed: Checked<T>) {
        self.saved = None;
        self.errors = parsed.err().unwrap_or_default();
    }

    /// Starts `job` off the UI thread, unless one is already running; the
    /// notes of the last one go.
    pub fn start<T, M>(
        &mut self,
        session: &AppSession,
        job: impl FnOnce(&mut Db, &Actor) -> accredit::Result<T> + Send + 'static,
        done: impl Fn(worker::Outcome<Checked<T>>) -> M + Send + 'static,
    ) -> Task<M>
    where
        T: Send + 'static,
        M: Send + 'static,
    {
        if self.busy {
            return Task::none();
        }
        self.busy = true;
        self.problem = None;
        self.saved = None;
        spawn_job(session, job, done)
    }

    /// A job ended: its value, or `None` once its field problems or its
    /// refusal are noted.
    pub fn finish<T>(&mut self, outcome: worker::Outcome<Checked<T>>) -> Option<T> {
        self.busy = false;
        match outcome {
            Ok(Ok(value)) => Some(value),
            Ok(Err(errors)) => {
                self.errors = errors;
                None
            }
            Err(e) => {
                self.problem = Some(e);
                None
            }
        }
    }

    /// The saved note, the refusal and the busy note, under the editor.
    pub fn notes<'a, M: 'a>(&self) -> Element<'a, M> {
        outcome_notes(&self.saved, &self.problem, self.busy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::tests::fixtures::new_event;
    use crate::gui::tests::harness;
    use accredit::domain::{Zone, ZoneNumber};
    use accredit::setup::ZoneForm;

    fn read(session: &AppSession) -> SetupData {
        SetupData::load(&session.workspace, &session.actor).unwrap()
    }

    /// Sends `message` and the messages of the job it starts; returns what
    /// the last one tells the screen.
    fn run(
        editor: &mut Editor<Zone>,
        message: Message<Zone>,
        data: &SetupData,
        session: &AppSession,
    ) -> Option<Saved> {
        let (task, mut saved) = editor.update::<Message<Zone>>(message, data, session);
        for m in harness::messages(task) {
            saved = editor.update::<Message<Zone>>(m, data, session).1;
        }
        saved
    }

    /// The editor on zones: the first opens, "New" takes a free number, a
    /// job at a time, what was added stays selected, a removal leaves a
    /// blank form, and a refusal keeps the selection with its reason.
    #[test]
    fn one_editor_adds_saves_and_removes_one_job_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let (ws, _conn, admin) = new_event(dir.path());
        let session = AppSession::load(ws, admin).unwrap();
        let data = read(&session);
        let first = data.zones[0].0.number;
        let mut editor = Editor::<Zone>::default();
        editor.loaded(&data);
        assert_eq!(editor.selected(), Some(first), "the first zone opens");

        run(&mut editor, Message::New, &data, &session);
        assert_eq!(editor.selected(), None);
        let number: ZoneNumber = editor.form.number.parse().unwrap();
        assert!(!data.zones.iter().any(|(z, _)| z.number == number));
        editor.edit(&data, |f| f.code = "roof".into());
        assert!(
            editor.error("name").is_some(),
            "problems show as it is typed"
        );
        editor.edit(&data, |f| f.name = "Roof terrace".into());
        assert!(editor.status.errors.is_empty());

        let (save, _) = editor.update::<Message<Zone>>(Message::Save, &data, &session);
        let (again, _) = editor.update::<Message<Zone>>(Message::Save, &data, &session);
        assert!(harness::messages(again).is_empty(), "one job at a time");
        let done = harness::messages(save);
        assert_eq!(done.len(), 1);
        let saved = done
            .into_iter()
            .filter_map(|m| editor.update::<Message<Zone>>(m, &data, &session).1)
            .next();
        assert!(matches!(saved, Some(Saved::Reload)));
        assert_eq!(editor.selected(), Some(number));
        assert_eq!(
            editor.status.saved.as_deref(),
            Some(format!("Added zone {number} ROOF.").as_str())
        );
        let data = read(&session);
        editor.loaded(&data);
        assert_eq!(editor.selected(), Some(number), "what was added stays open");
        assert_eq!(editor.form.name, "Roof terrace");

        editor.edit(&data, |f| f.name = "Roof".into());
        let saved = run(&mut editor, Message::Save, &data, &session);
        assert!(matches!(saved, Some(Saved::Reload)));
        assert_eq!(
            editor.status.saved.as_deref(),
            Some(format!("Saved zone {number} ROOF.").as_str())
        );

        let data = read(&session);
        editor.loaded(&data);
        let saved = run(&mut editor, Message::Remove, &data, &session);
        assert!(matches!(saved, Some(Saved::Reload)));
        assert_eq!(editor.selected(), None);
        assert!(editor.form == ZoneForm::default(), "a blank form");
        assert_eq!(
            editor.status.saved.as_deref(),
            Some(format!("Removed zone {number}.").as_str())
        );
        let data = read(&session);
        editor.loaded(&data);
        assert_eq!(editor.selected(), Some(first), "then the first opens again");

        // A zone in use stays, with the reason.
        run(&mut editor, Message::Select(2), &data, &session);
        let saved = run(&mut editor, Message::Remove, &data, &session);
        assert!(saved.is_none());
        assert_eq!(editor.selected(), Some(2));
        assert!(
            editor
                .status
                .problem
                .as_ref()
                .is_some_and(|p| p.to_string().contains("is in use")),
            "{:?}",
            editor.status.problem
        );
        assert!(!editor.status.busy);
    }
}
