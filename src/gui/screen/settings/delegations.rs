//! Delegations: the event's states and organisations. A new one is picked
//! from the reference lists (every UN member and observer state and the
//! usual organisations, searchable without accents) or typed in; each has a
//! focal point and quotas per category.

use accredit::db::Db;
use std::collections::HashSet;

use iced::widget::{button, column, container, row, scrollable, text, text_input};
use iced::{Element, Fill, Task};

use super::editor::{self, Finished};
use super::{Checked, Saved, SetupData, editor_buttons, list_row};
use crate::gui::Session as AppSession;
use crate::gui::screen::form::{self, confirm_panel, error_of, text_field};
use crate::gui::style;
use crate::gui::worker::Outcome;
use accredit::domain::{DelegationId, DelegationKind};
use accredit::search::fold_word;
use accredit::setup::{self, DelegationForm, ReferenceEntry};
use accredit::t;

#[derive(Default)]
pub struct State {
    selected: Option<DelegationId>,
    pub form: DelegationForm,
    status: editor::Status,
    confirm: Option<Vec<String>>,
    /// The change to confirm is a removal.
    confirm_removes: bool,
    filter: String,
    reference_query: String,
    reference: Vec<ReferenceEntry>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Filter(String),
    Select(DelegationId),
    New,
    ReferenceQuery(String),
    /// Add a state or organisation of the reference lists as it is.
    AddReference(ReferenceEntry),
    Code(String),
    Name(String),
    Kind(KindChoice),
    FocalPointName(String),
    FocalPointEmail(String),
    Quota(String, String),
    Save,
    Apply,
    CancelConfirm,
    Remove,
    ApplyRemove,
    Done(Outcome<Checked<Change>>),
}

/// What a job did: a change stored, or what it would leave wrong and
/// whether it is a removal, to confirm first.
#[derive(Debug, Clone)]
pub enum Change {
    Stored(editor::Change<DelegationId>),
    Explain(Vec<String>, bool),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindChoice(pub DelegationKind);

impl std::fmt::Display for KindChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&kind_label(self.0))
    }
}

/// A kind of delegation in the interface's language.
fn kind_label(kind: DelegationKind) -> String {
    match kind {
        DelegationKind::MemberState => t!("settings-delegation-kind-member-state"),
        DelegationKind::ObserverState => t!("settings-delegation-kind-observer-state"),
        DelegationKind::UnEntity => t!("settings-delegation-kind-un-entity"),
        DelegationKind::Intergovernmental => t!("settings-delegation-kind-intergovernmental"),
        DelegationKind::RegionalOrganisation => t!("settings-delegation-kind-regional"),
        DelegationKind::FinancialInstitution => t!("settings-delegation-kind-financial"),
        DelegationKind::Ngo => t!("settings-delegation-kind-ngo"),
        DelegationKind::Academia => t!("settings-delegation-kind-academia"),
        DelegationKind::Media => t!("settings-delegation-kind-media"),
        DelegationKind::Host => t!("settings-delegation-kind-host"),
    }
}

const KINDS: [KindChoice; 10] = [
    KindChoice(DelegationKind::MemberState),
    KindChoice(DelegationKind::ObserverState),
    KindChoice(DelegationKind::UnEntity),
    KindChoice(DelegationKind::Intergovernmental),
    KindChoice(DelegationKind::RegionalOrganisation),
    KindChoice(DelegationKind::FinancialInstitution),
    KindChoice(DelegationKind::Ngo),
    KindChoice(DelegationKind::Academia),
    KindChoice(DelegationKind::Media),
    KindChoice(DelegationKind::Host),
];

pub const REFERENCE_INPUT: &str = "settings-delegation-reference";

impl State {
    pub fn loaded(&mut self, data: &SetupData) {
        let current = self
            .selected
            .and_then(|id| data.delegations.iter().find(|d| d.id == id));
        if let Some(d) = current {
            let categories: Vec<_> = data.categories.iter().map(|c| c.category.clone()).collect();
            self.form = DelegationForm::from_delegation(d, &categories);
        } else if self.selected.is_some() || self.form == DelegationForm::default() {
            self.selected = None;
            self.form = State::fresh();
        }
        self.status.errors.clear();
        self.confirm = None;
        self.refresh_reference(data);
    }

    /// A new custom delegation's form.
    fn fresh() -> DelegationForm {
        DelegationForm {
            kind: DelegationKind::MemberState.as_str().into(),
            ..DelegationForm::default()
        }
    }

    fn refresh_reference(&mut self, data: &SetupData) {
        let added: HashSet<String> = data.delegations.iter().map(|d| d.code.clone()).collect();
        self.reference = if self.reference_query.trim().is_empty() {
            Vec::new()
        } else {
            setup::match_reference(&added, &self.reference_query)
                .into_iter()
                .take(8)
                .collect()
        };
    }

    fn categories(data: &SetupData) -> Vec<accredit::domain::Category> {
        data.categories.iter().map(|c| c.category.clone()).collect()
    }

    fn edited(&mut self, data: &SetupData) {
        self.confirm = None;
        self.status.edited(
            self.form
                .parse(self.selected.unwrap_or(0), &State::categories(data)),
        );
    }

    pub fn update(
        &mut self,
        message: Message,
        data: &SetupData,
        session: &AppSession,
    ) -> (Task<Message>, Option<Saved>) {
        match message {
            Message::Filter(v) => self.filter = v,
            Message::Select(id) => {
                if let Some(d) = data.delegations.iter().find(|d| d.id == id) {
                    self.selected = Some(id);
                    self.form = DelegationForm::from_delegation(d, &State::categories(data));
                    self.confirm = None;
                    self.status.clear();
                }
            }
            Message::New => {
                self.selected = None;
                self.form = State::fresh();
                self.confirm = None;
                self.status.clear();
            }
            Message::ReferenceQuery(v) => {
                self.reference_query = v;
                self.refresh_reference(data);
            }
            Message::AddReference(entry) => {
                self.selected = None;
                self.form = DelegationForm {
                    code: entry.code,
                    name: entry.name,
                    kind: entry.kind.as_str().into(),
                    ..DelegationForm::default()
                };
                self.status.errors.clear();
                return (self.save(data, session, false), None);
            }
            Message::Code(v) => {
                self.form.code = v.to_uppercase();
                self.edited(data);
            }
            Message::Name(v) => {
                self.form.name = v;
                self.edited(data);
            }
            Message::Kind(k) => {
                self.form.kind = k.0.as_str().into();
                self.edited(data);
            }
            Message::FocalPointName(v) => {
                self.form.focal_point_name = v;
                self.edited(data);
            }
            Message::FocalPointEmail(v) => {
                self.form.focal_point_email = v;
                self.edited(data);
            }
            Message::Quota(code, v) => {
                self.form.quotas.retain(|(c, _)| *c != code);
                self.form.quotas.push((code, v));
                self.edited(data);
            }
            Message::Save => return (self.save(data, session, false), None),
            Message::Apply => return (self.save(data, session, true), None),
            Message::CancelConfirm => self.confirm = None,
            Message::Remove => return (self.remove(session, false), None),
            Message::ApplyRemove => return (self.remove(session, true), None),
            Message::Done(outcome) => match self.status.finish(outcome) {
                Some(Change::Stored(change)) => {
                    match self.status.changed(change) {
                        Finished::Saved(id) => self.selected = Some(id),
                        Finished::Removed => {
                            self.selected = None;
                            self.form = State::fresh();
                        }
                    }
                    return (Task::none(), Some(Saved::Reload));
                }
                Some(Change::Explain(lines, removing)) => {
                    self.confirm = Some(lines);
                    self.confirm_removes = removing;
                }
                None => {}
            },
        }
        (Task::none(), None)
    }

    fn save(&mut self, data: &SetupData, session: &AppSession, confirmed: bool) -> Task<Message> {
        let d = match self
            .form
            .parse(self.selected.unwrap_or(0), &State::categories(data))
        {
            Ok(d) => d,
            Err(errors) => {
                self.status.errors = errors;
                return Task::none();
            }
        };
        let adding = self.selected.is_none();
        let added = t!("settings-delegation-added", code = &d.code, name = &d.name);
        let saved = t!("settings-delegation-saved", code = &d.code, name = &d.name);
        self.start(session, move |conn, actor| {
            if adding {
                let id = setup::add_delegation(conn, actor, &d)?;
                return Ok(Change::Stored(editor::Change::stored(
                    true, added, saved, id,
                )));
            }
            Ok(match setup::edit_delegation(conn, actor, &d, confirmed)? {
                setup::Outcome::Done(()) => {
                    Change::Stored(editor::Change::stored(false, added, saved, d.id))
                }
                setup::Outcome::NeedsConfirmation(lines) => Change::Explain(lines, false),
            })
        })
    }

    fn remove(&mut self, session: &AppSession, confirmed: bool) -> Task<Message> {
        let Some(id) = self.selected else {
            return Task::none();
        };
        let removed = t!(
            "settings-delegation-removed",
            code = &self.form.code,
            name = &self.form.name
        );
        self.start(session, move |conn, actor| {
            Ok(
                match setup::remove_delegation(conn, actor, id, confirmed)? {
                    setup::Outcome::Done(()) => Change::Stored(editor::Change::Removed(removed)),
                    setup::Outcome::NeedsConfirmation(lines) => Change::Explain(lines, true),
                },
            )
        })
    }

    /// Starts a save or remove job; the confirmation it answers goes.
    fn start(
        &mut self,
        session: &AppSession,
        job: impl FnOnce(&mut Db, &accredit::auth::Actor) -> accredit::Result<Change> + Send + 'static,
    ) -> Task<Message> {
        if self.status.busy {
            return Task::none();
        }
        self.confirm = None;
        self.status.start(session, job, Message::Done)
    }

    pub fn view<'a>(&'a self, data: &'a SetupData, may_edit: bool) -> Element<'a, Message> {
        let wanted: Vec<String> = self.filter.split_whitespace().map(fold_word).collect();
        let shown: Vec<_> = data
            .delegations
            .iter()
            .filter(|d| {
                wanted.iter().all(|w| {
                    d.code.to_lowercase().starts_with(w.as_str())
                        || d.name
                            .split_whitespace()
                            .any(|n| fold_word(n).starts_with(w.as_str()))
                })
            })
            .collect();
        let rows = shown.iter().fold(column![].spacing(2), |col, d| {
            let line = row![
                text(&d.code).size(14).width(80),
                column![
                    text(&d.name).size(14),
                    text(if d.focal_point_name.is_empty() {
                        kind_label(d.kind)
                    } else {
                        format!("{} · {}", kind_label(d.kind), d.focal_point_name)
                    })
                    .size(12),
                ]
                .width(Fill),
            ]
            .align_y(iced::Center);
            col.push(list_row(
                line,
                self.selected == Some(d.id),
                Message::Select(d.id),
            ))
        });
        let list = column![
            row![
                text(t!(
                    "settings-delegation-title",
                    count = data.delegations.len()
                ))
                .size(18)
                .width(Fill),
                button(text(t!("settings-delegation-new-custom")).size(14))
                    .style(button::secondary)
                    .on_press_maybe(may_edit.then_some(Message::New)),
            ]
            .align_y(iced::Center),
            text_input(&t!("settings-delegation-filter"), &self.filter)
                .on_input(Message::Filter)
                .padding(6),
            if data.delegations.is_empty() {
                column![text(t!("settings-delegation-none-yet")).size(14)].into()
            } else {
                Element::from(scrollable(rows).height(Fill))
            },
        ]
        .spacing(8)
        .width(440);

        let enabled = may_edit && !self.status.busy;
        let mut reference = column![
            text(t!("settings-delegation-reference-title")).size(16),
            text_input(
                &t!("settings-delegation-reference-search", count = 195),
                &self.reference_query
            )
            .id(REFERENCE_INPUT)
            .on_input(Message::ReferenceQuery)
            .padding(6),
        ]
        .spacing(6);
        for entry in &self.reference {
            reference = reference.push(
                row![
                    text(format!("{} — {}", entry.code, entry.name))
                        .size(13)
                        .width(Fill),
                    text(kind_label(entry.kind)).size(12).width(150),
                    button(
                        text(if entry.added {
                            t!("settings-delegation-reference-added")
                        } else {
                            t!("settings-delegation-reference-add")
                        })
                        .size(13),
                    )
                    .style(button::secondary)
                    .on_press_maybe(
                        (enabled && !entry.added).then(|| Message::AddReference(entry.clone()))
                    ),
                ]
                .spacing(6)
                .align_y(iced::Center),
            );
        }
        if !self.reference_query.trim().is_empty() && self.reference.is_empty() {
            reference = reference.push(text(t!("settings-delegation-reference-none")).size(13));
        }

        let e = |f: &str| error_of(&self.status.errors, f);
        let on = |m: fn(String) -> Message| enabled.then_some(m);
        let quotas = form::in_rows(
            data.categories
                .iter()
                .map(|info| {
                    let c = &info.category;
                    let code = c.code.clone();
                    let value = self
                        .form
                        .quotas
                        .iter()
                        .find(|(k, _)| *k == c.code)
                        .map(|(_, v)| v.as_str())
                        .unwrap_or("");
                    let placeholder = c
                        .default_quota
                        .map(|q| t!("settings-delegation-quota-default", quota = q))
                        .unwrap_or_else(|| t!("settings-delegation-quota-none"));
                    row![
                        container(style::category_chip(&c.code, c.colour)).width(56),
                        text_input(&placeholder, value)
                            .width(Fill)
                            .padding(4)
                            .size(13)
                            .on_input_maybe(
                                enabled.then_some(move |v| Message::Quota(code.clone(), v))
                            ),
                    ]
                    .spacing(4)
                    .align_y(iced::Center)
                    .width(Fill)
                    .into()
                })
                .collect(),
            3,
            6.0,
        );
        let kind = self
            .form
            .kind
            .parse::<DelegationKind>()
            .ok()
            .map(KindChoice);
        let editor = column![
            reference,
            text(match self.selected {
                Some(_) => t!("settings-delegation-edit"),
                None => t!("settings-delegation-new"),
            })
            .size(18),
            row![
                container(text_field(
                    &t!("settings-delegation-code"),
                    "settings-delegation-code",
                    "VNM",
                    &self.form.code,
                    e("code"),
                    on(Message::Code)
                ))
                .width(140),
                text_field(
                    &t!("settings-delegation-name"),
                    "settings-delegation-name",
                    "Viet Nam",
                    &self.form.name,
                    e("name"),
                    on(Message::Name)
                ),
            ]
            .spacing(10),
            form::field(
                &t!("settings-delegation-kind"),
                form::choice(KINDS, kind, Message::Kind).width(300),
                e("kind")
            ),
            row![
                text_field(
                    &t!("settings-delegation-focal-point"),
                    "settings-delegation-focal-name",
                    "",
                    &self.form.focal_point_name,
                    e("focal_point_name"),
                    on(Message::FocalPointName)
                ),
                text_field(
                    &t!("settings-delegation-focal-point-email"),
                    "settings-delegation-focal-email",
                    "",
                    &self.form.focal_point_email,
                    e("focal_point_email"),
                    on(Message::FocalPointEmail)
                ),
            ]
            .spacing(10),
            form::field(&t!("settings-delegation-quotas"), quotas, e("quotas")),
        ]
        .spacing(10);
        let mut footer = column![editor_buttons(
            may_edit,
            self.status.busy,
            Message::Save,
            self.selected.map(|_| Message::Remove)
        )]
        .spacing(8)
        .padding(iced::padding::top(8).right(18));
        if let Some(lines) = &self.confirm {
            let apply = if self.confirm_removes {
                Message::ApplyRemove
            } else {
                Message::Apply
            };
            footer = footer.push(confirm_panel(lines, apply, Message::CancelConfirm, None));
        }
        footer = footer.push(self.status.notes());
        row![
            list,
            column![
                scrollable(editor.padding(iced::padding::right(18))).height(Fill),
                footer
            ]
            .width(Fill)
        ]
        .spacing(20)
        .into()
    }
}
