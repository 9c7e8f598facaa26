//! Delegations: the event's states and organisations. A new one is picked
//! from the reference lists (every UN member and observer state and the
//! usual organisations, searchable without accents) or typed in; each has a
//! focal point and quotas per category.

use std::collections::HashSet;

use iced::widget::{button, column, container, row, text, text_input};
use iced::{Element, Fill, Task};

use super::editor::{self, Editor, Item, Layout, Parts};
use super::{Checked, Saved, SetupData};
use crate::gui::Session as AppSession;
use crate::gui::screen::form::{self, text_field};
use crate::gui::style;
use accredit::auth::Actor;
use accredit::db::Db;
use accredit::domain::{Delegation, DelegationId, DelegationKind};
use accredit::search::fold_word;
use accredit::setup::{self, DelegationForm, Outcome, ReferenceEntry};
use accredit::t;

#[derive(Default)]
pub struct State {
    editor: Editor<Delegation>,
    filter: String,
    reference_query: String,
    reference: Vec<ReferenceEntry>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Editor(editor::Message<Delegation>),
    Filter(String),
    ReferenceQuery(String),
    /// Add a state or organisation of the reference lists as it is.
    AddReference(ReferenceEntry),
    Code(String),
    Name(String),
    Kind(KindChoice),
    FocalPointName(String),
    FocalPointEmail(String),
    Quota(String, String),
}

impl From<editor::Message<Delegation>> for Message {
    fn from(m: editor::Message<Delegation>) -> Self {
        Message::Editor(m)
    }
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

/// A new custom delegation's form.
fn fresh() -> DelegationForm {
    DelegationForm {
        kind: DelegationKind::MemberState.as_str().into(),
        ..DelegationForm::default()
    }
}

fn categories(data: &SetupData) -> Vec<accredit::domain::Category> {
    data.categories.iter().map(|c| c.category.clone()).collect()
}

/// Whether `d` has a code or a word of its name starting with each of the
/// `wanted` words (folded).
fn found_by(d: &Delegation, wanted: &[String]) -> bool {
    wanted.iter().all(|w| {
        d.code.to_lowercase().starts_with(w.as_str())
            || d.name
                .split_whitespace()
                .any(|n| fold_word(n).starts_with(w.as_str()))
    })
}

impl Item for Delegation {
    type Row = Delegation;
    type Key = DelegationId;
    type Form = DelegationForm;
    type Affected = ();

    const LAYOUT: Layout = Layout::Long;
    const LIST_WIDTH: f32 = 440.0;
    /// Until one is picked, the form is a new custom delegation's.
    const OPENS_FIRST: bool = false;

    fn rows(data: &SetupData) -> &[Delegation] {
        &data.delegations
    }

    fn of(row: &Delegation) -> &Delegation {
        row
    }

    fn key(&self) -> DelegationId {
        self.id
    }

    fn form(&self, data: &SetupData) -> DelegationForm {
        DelegationForm::from_delegation(self, &categories(data))
    }

    fn blank(_data: &SetupData) -> DelegationForm {
        fresh()
    }

    fn parse(
        form: &DelegationForm,
        id: Option<DelegationId>,
        data: &SetupData,
    ) -> Checked<Delegation> {
        form.parse(id.unwrap_or(0), &categories(data))
    }

    fn add(&self, conn: &mut Db, actor: &Actor) -> accredit::Result<DelegationId> {
        setup::add_delegation(conn, actor, self)
    }

    fn edit(&self, conn: &mut Db, actor: &Actor, confirmed: bool) -> accredit::Result<Outcome<()>> {
        setup::edit_delegation(conn, actor, self, confirmed)
    }

    fn remove(
        conn: &mut Db,
        actor: &Actor,
        id: DelegationId,
        confirmed: bool,
    ) -> accredit::Result<Outcome<()>> {
        setup::remove_delegation(conn, actor, id, confirmed)
    }

    fn added(&self) -> String {
        t!(
            "settings-delegation-added",
            code = &self.code,
            name = &self.name
        )
    }

    fn saved(&self) -> String {
        t!(
            "settings-delegation-saved",
            code = &self.code,
            name = &self.name
        )
    }

    fn removed(form: &DelegationForm, _id: DelegationId) -> String {
        t!(
            "settings-delegation-removed",
            code = &form.code,
            name = &form.name
        )
    }

    fn title(data: &SetupData) -> String {
        t!("settings-delegation-title", count = data.delegations.len())
    }

    fn new_label() -> String {
        t!("settings-delegation-new-custom")
    }

    fn none_yet() -> Option<String> {
        Some(t!("settings-delegation-none-yet"))
    }

    fn heading(id: Option<DelegationId>) -> String {
        match id {
            Some(_) => t!("settings-delegation-edit"),
            None => t!("settings-delegation-new"),
        }
    }

    fn line<'a, M: 'a>(d: &'a Delegation, _data: &'a SetupData) -> Element<'a, M> {
        row![
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
        .align_y(iced::Center)
        .into()
    }
}

impl State {
    pub fn loaded(&mut self, data: &SetupData) {
        self.editor.loaded(data);
        self.refresh_reference(data);
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

    pub fn update(
        &mut self,
        message: Message,
        data: &SetupData,
        session: &AppSession,
    ) -> (Task<Message>, Option<Saved>) {
        let editor = &mut self.editor;
        match message {
            Message::Editor(m) => return editor.update(m, data, session),
            Message::Filter(v) => self.filter = v,
            Message::ReferenceQuery(v) => {
                self.reference_query = v;
                self.refresh_reference(data);
            }
            Message::AddReference(entry) => {
                let form = DelegationForm {
                    code: entry.code,
                    name: entry.name,
                    kind: entry.kind.as_str().into(),
                    ..DelegationForm::default()
                };
                return (editor.add_now(form, data, session), None);
            }
            Message::Code(v) => editor.edit(data, |f| f.code = v.to_uppercase()),
            Message::Name(v) => editor.edit(data, |f| f.name = v),
            Message::Kind(k) => editor.edit(data, |f| f.kind = k.0.as_str().into()),
            Message::FocalPointName(v) => editor.edit(data, |f| f.focal_point_name = v),
            Message::FocalPointEmail(v) => editor.edit(data, |f| f.focal_point_email = v),
            Message::Quota(code, v) => editor.edit(data, |f| {
                f.quotas.retain(|(c, _)| *c != code);
                f.quotas.push((code, v));
            }),
        }
        (Task::none(), None)
    }

    pub fn view<'a>(&'a self, data: &'a SetupData, may_edit: bool) -> Element<'a, Message> {
        let wanted: Vec<String> = self.filter.split_whitespace().map(fold_word).collect();
        let shown: Vec<&Delegation> = data
            .delegations
            .iter()
            .filter(|d| found_by(d, &wanted))
            .collect();
        let filter = text_input(&t!("settings-delegation-filter"), &self.filter)
            .on_input(Message::Filter)
            .padding(6);

        let enabled = self.editor.enabled(may_edit);
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

        let typed = &self.editor.form;
        let e = |f: &str| self.editor.error(f);
        let on = |m: fn(String) -> Message| enabled.then_some(m);
        let quotas = form::in_rows(
            data.categories
                .iter()
                .map(|info| {
                    let c = &info.category;
                    let code = c.code.clone();
                    let value = typed
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
        let kind = typed.kind.parse::<DelegationKind>().ok().map(KindChoice);
        let fields = vec![
            row![
                container(text_field(
                    &t!("settings-delegation-code"),
                    "settings-delegation-code",
                    "VNM",
                    &typed.code,
                    e("code"),
                    on(Message::Code)
                ))
                .width(140),
                text_field(
                    &t!("settings-delegation-name"),
                    "settings-delegation-name",
                    "Viet Nam",
                    &typed.name,
                    e("name"),
                    on(Message::Name)
                ),
            ]
            .spacing(10)
            .into(),
            form::field(
                &t!("settings-delegation-kind"),
                form::choice(KINDS, kind, Message::Kind).width(300),
                e("kind"),
            ),
            row![
                text_field(
                    &t!("settings-delegation-focal-point"),
                    "settings-delegation-focal-name",
                    "",
                    &typed.focal_point_name,
                    e("focal_point_name"),
                    on(Message::FocalPointName)
                ),
                text_field(
                    &t!("settings-delegation-focal-point-email"),
                    "settings-delegation-focal-email",
                    "",
                    &typed.focal_point_email,
                    e("focal_point_email"),
                    on(Message::FocalPointEmail)
                ),
            ]
            .spacing(10)
            .into(),
            form::field(&t!("settings-delegation-quotas"), quotas, e("quotas")),
        ];
        self.editor.view(
            data,
            may_edit,
            Parts::new(fields)
                .above(reference.into())
                .filter(filter.into(), shown),
        )
    }
}
