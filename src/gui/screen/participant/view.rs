//! Drawing the participant's detail: the form on the left, photo, status,
//! badge and history on the right. No side effects here.

use iced::widget::{
    Column, button, column, container, image, pick_list, row, rule, scrollable, space, text,
    text_input,
};
use iced::{Center, Color, Element, Fill, Length};

use super::{Action, Field, Message, SaveState, State, busy_text, history};
use crate::gui::Session;
use crate::gui::screen::choices::{GenderChoice, KindChoice, LayoutChoice, ReprintChoice};
use crate::gui::screen::participants::status_label;
use crate::gui::style;
use accredit::auth::Permission;
use accredit::domain::{Badge, BadgeStatus, ParticipantStatus};
use accredit::t;

const LABEL: Color = Color::from_rgb(0.35, 0.37, 0.40);
const PANEL_WIDTH: f32 = 440.0;

impl State {
    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        if self.loaded.is_none() {
            let content: Element<'_, Message> = match &self.load_error {
                Some(e) => column![
                    style::error_text(&t!(
                        "participant-unreadable",
                        id = self.id.to_string(),
                        error = e.to_string()
                    )),
                    button(text(t!("participant-back-to-list"))).on_press(Message::Back),
                ]
                .spacing(12)
                .into(),
                None => text(t!("participant-opening", id = self.id.to_string())).into(),
            };
            return container(content).padding(24).into();
        }
        let mut page = column![self.header(session)].spacing(10).padding(16);
        if self.confirm_discard {
            page = page.push(self.discard_bar());
        }
        if let Some((_, warning)) = &self.confirm_validity {
            page = page.push(self.validity_bar(warning));
        }
        // The line is always there, so that buttons never move under the
        // pointer when a message appears.
        page = page.push(match &self.notice {
            Some(notice) => notice_bar(Some(notice.ok()), notice.to_string()),
            None => notice_bar(None, t!("participant-keys-hint")),
        });
        let body = row![
            scrollable(self.form_view(session).padding([0, 4]))
                .spacing(8)
                .height(Fill)
                .width(Fill),
            scrollable(self.side_panel(session).padding([0, 4]))
                .spacing(8)
                .height(Fill)
                .width(PANEL_WIDTH),
        ]
        .spacing(8);
        page.push(body).into()
    }

    fn header<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let Some(loaded) = &self.loaded else {
            return space().into();
        };
        let p = &loaded.participant;
        let delegation = session
            .delegation_choice(Some(p.details.delegation))
            .map(|c| c.label.clone())
            .unwrap_or_default();
        let mut facts = row![text(delegation).size(14)].spacing(10).align_y(Center);
        if let Some(c) = loaded
            .categories
            .iter()
            .find(|c| c.id == p.details.category)
        {
            facts = facts.push(style::category_chip(&c.code, c.colour));
            facts = facts.push(text(c.name.clone()).size(14));
        }
        facts = facts.push(
            text(status_label(p.status))
                .size(14)
                .color(style::status_colour(p.status)),
        );
        facts = facts.push(
            text(t!("participant-id-tag", id = p.id.to_string()))
                .size(13)
                .color(LABEL),
        );
        let save_state: Element<'_, Message> = match (&self.save, self.is_dirty()) {
            (SaveState::Saving, _) => text(busy_text(Action::Save)).into(),
            (SaveState::NotSaved(why), _) => {
                text(t!("participant-not-saved", reason = why.to_string()))
                    .color(style::ERROR)
                    .into()
            }
            (SaveState::Saved(at), false) => text(t!("participant-saved-at", time = at))
                .color(style::OK)
                .into(),
            (_, true) => text(t!("participant-unsaved")).color(style::WARNING).into(),
            (_, false) => text("").into(),
        };
        let idle = self.busy.is_none();
        row![
            button(text(t!("participant-back")))
                .style(button::secondary)
                .on_press(Message::Back),
            column![text(p.details.display_name()).size(24), facts].spacing(4),
            space::horizontal(),
            container(save_state).max_width(360),
            button(text(t!("participant-revert")))
                .style(button::secondary)
                .on_press_maybe((idle && self.is_dirty()).then_some(Message::Revert)),
            button(text(t!("participant-save-shortcut")))
                .on_press_maybe((idle && self.is_dirty()).then_some(Message::Save)),
        ]
        .spacing(12)
        .align_y(Center)
        .into()
    }

    fn discard_bar(&self) -> Element<'_, Message> {
        container(
            row![
                text(t!("participant-discard-question")).width(Fill),
                button(text(t!("participant-save")))
                    .on_press_maybe(self.busy.is_none().then_some(Message::Save)),
                button(text(t!("participant-discard")))
                    .style(button::danger)
                    .on_press(Message::Discard),
                button(text(t!("participant-keep-editing")))
                    .style(button::secondary)
                    .on_press(Message::KeepEditing),
            ]
            .spacing(10)
            .align_y(Center),
        )
        .padding(10)
        .style(container::warning)
        .into()
    }

    /// A badge about to be printed that would not be valid for the event.
    fn validity_bar<'a>(&'a self, warning: &'a str) -> Element<'a, Message> {
        container(
            row![
                text(t!("participant-badge-not-valid", warning = warning)).width(Fill),
                button(text(t!("participant-print-anyway")))
                    .style(button::danger)
                    .on_press(Message::PrintAnyway),
                button(text(t!("participant-dont-print")))
                    .style(button::secondary)
                    .on_press(Message::KeepBadge),
            ]
            .spacing(10)
            .align_y(Center),
        )
        .padding(10)
        .style(container::warning)
        .into()
    }

    fn form_view<'a>(&'a self, session: &'a Session) -> Column<'a, Message> {
        let delegations = &session.delegation_choices[1.min(session.delegation_choices.len())..];
        let categories = &session.category_choices[1.min(session.category_choices.len())..];
        let category_colour = self
            .loaded
            .as_ref()
            .and_then(|l| l.categories.iter().find(|c| c.id == self.form.category))
            .map(|c| style::category_chip(&c.code, c.colour));
        let mut category_row = row![
            pick_list(
                categories,
                session.category_choice(Some(self.form.category)),
                Message::Category
            )
            .width(Fill)
        ]
        .spacing(8)
        .align_y(Center);
        if let Some(chip) = category_colour {
            category_row = category_row.push(chip);
        }
        column![
            section(t!("participant-section-name")),
            row![
                self.text_field(Field::GivenNames),
                self.text_field(Field::FamilyName)
            ]
            .spacing(12),
            self.text_field(Field::BadgeName),
            self.text_field(Field::Function),
            section(t!("participant-section-delegation")),
            row![
                labelled(
                    t!("participant-label-delegation"),
                    pick_list(
                        delegations,
                        session.delegation_choice(Some(self.form.delegation)),
                        Message::Delegation
                    )
                    .width(Fill)
                    .into(),
                    self.error_for("delegation"),
                ),
                labelled(
                    t!("participant-label-category"),
                    category_row.into(),
                    self.error_for("category")
                ),
            ]
            .spacing(12),
            section(t!("participant-section-identity")),
            row![
                labelled(
                    t!("participant-label-gender"),
                    pick_list(
                        GenderChoice::ALL,
                        Some(GenderChoice(self.form.gender)),
                        Message::Gender
                    )
                    .width(Fill)
                    .into(),
                    None,
                ),
                self.text_field(Field::Nationality),
                self.text_field(Field::DateOfBirth),
            ]
            .spacing(12),
            row![
                labelled(
                    t!("participant-label-document-type"),
                    pick_list(
                        KindChoice::all(),
                        Some(KindChoice(self.form.document_kind)),
                        Message::DocumentKind
                    )
                    .width(Fill)
                    .into(),
                    None,
                ),
                self.text_field(Field::DocumentNumber),
                self.text_field(Field::DocumentExpiry),
            ]
            .spacing(12),
            section(t!("participant-section-contact")),
            row![self.text_field(Field::Email), self.text_field(Field::Phone)].spacing(12),
            section(t!("participant-section-access")),
            row![
                self.text_field(Field::ZonesAdded),
                self.text_field(Field::ZonesRemoved),
                self.text_field(Field::Reference),
            ]
            .spacing(12),
            self.text_field(Field::Notes),
        ]
        .spacing(8)
    }

    fn text_field(&self, field: Field) -> Element<'_, Message> {
        let mut input = text_input("", self.form.get(field))
            .on_input(move |v| Message::Edit(field, v))
            .on_submit(Message::Save)
            .padding(6);
        if field == Field::GivenNames {
            input = input.id(super::FIRST_FIELD);
        }
        labelled(field.label(), input.into(), self.error_for(field.key()))
    }

    fn side_panel<'a>(&'a self, session: &'a Session) -> Column<'a, Message> {
        column![
            self.photo_view(),
            rule::horizontal(1),
            self.status_view(session),
            rule::horizontal(1),
            self.badge_view(session),
            rule::horizontal(1),
            self.history_view(session),
        ]
        .spacing(12)
    }

    fn photo_view(&self) -> Element<'_, Message> {
        let picture: Element<'_, Message> = match &self.photo {
            Some(handle) => image(handle.clone()).width(120).height(160).into(),
            None => container(text(t!("participant-no-photo")).color(LABEL))
                .center_x(120)
                .center_y(160)
                .style(container::bordered_box)
                .into(),
        };
        let idle = self.busy.is_none();
        let controls = column![
            section(t!("participant-section-photo")),
            text_input(&t!("participant-photo-path"), &self.photo_path)
                .on_input(Message::PhotoPath)
                .on_submit(Message::UsePhoto)
                .padding(6),
            row![
                button(text(t!("participant-choose-file")))
                    .style(button::secondary)
                    .on_press_maybe(idle.then_some(Message::ChoosePhoto)),
                button(text(t!("participant-use-photo"))).on_press_maybe(
                    (idle && !self.photo_path.trim().is_empty()).then_some(Message::UsePhoto)
                ),
            ]
            .spacing(8),
            text(t!("participant-photo-hint")).size(12).color(LABEL),
        ]
        .spacing(6);
        row![picture, controls].spacing(12).into()
    }

    fn status_view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let Some(p) = self.participant() else {
            return space().into();
        };
        let idle = self.busy.is_none();
        let can = |to: ParticipantStatus| p.status.check_transition(to).is_ok();
        let mut line = row![
            text(t!("participant-status")).size(18),
            text(status_label(p.status)).color(style::status_colour(p.status)),
        ]
        .spacing(10)
        .align_y(Center);
        if !p.status_reason.is_empty() {
            line = line.push(text(format!("({})", p.status_reason)).size(13));
        }
        let mut actions = row![].spacing(8);
        if can(ParticipantStatus::Approved) {
            actions = actions.push(
                button(text(t!("participant-approve")))
                    .style(button::success)
                    .on_press_maybe(idle.then_some(Message::Approve)),
            );
        }
        if can(ParticipantStatus::Nominated) {
            actions = actions.push(
                button(text(t!("participant-renominate")))
                    .style(button::secondary)
                    .on_press_maybe(idle.then_some(Message::Renominate)),
            );
        }
        let mut col = column![line, actions].spacing(8);
        if !session.actor.may(Permission::ApproveParticipants) {
            col = col.push(
                text(t!("participant-needs-supervisor"))
                    .size(13)
                    .color(LABEL),
            );
        }
        if can(ParticipantStatus::Rejected) || can(ParticipantStatus::Cancelled) {
            let mut refuse = row![
                text_input(&t!("participant-status-reason"), &self.status_reason)
                    .on_input(Message::StatusReason)
                    .padding(6)
                    .width(Fill)
            ]
            .spacing(8);
            if can(ParticipantStatus::Rejected) {
                refuse = refuse.push(
                    button(text(t!("participant-reject")))
                        .style(button::danger)
                        .on_press_maybe(idle.then_some(Message::Reject)),
                );
            }
            if can(ParticipantStatus::Cancelled) {
                refuse = refuse.push(
                    button(text(t!("participant-cancel")))
                        .style(button::secondary)
                        .on_press_maybe(idle.then_some(Message::Cancel)),
                );
            }
            col = col.push(refuse);
        }
        if p.status == ParticipantStatus::Approved {
            col = col.push(self.letters.view().map(Message::Letters));
        }
        col.into()
    }

    fn badge_view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let Some(p) = self.participant() else {
            return space().into();
        };
        let idle = self.busy.is_none();
        let mut col = column![text(t!("participant-badge")).size(18)].spacing(8);
        if let Some(c) = self
            .loaded
            .as_ref()
            .and_then(|l| l.clearance.as_ref())
            .filter(|c| c.required || c.state != accredit::domain::ClearanceState::NotSent)
        {
            col = col.push(super::clearance::line(c, session));
        }
        let active = self.active_badge();
        match active {
            Some(b) => {
                col = col.push(text(badge_line(b, session)));
                if let Some(c) = &b.collected {
                    col = col.push(
                        text(t!(
                            "participant-handed-over",
                            time = super::local_time(session, c.at),
                            operator = c.by.as_str(),
                            check = c.id_check.as_str()
                        ))
                        .color(style::OK),
                    );
                }
                if self
                    .participant()
                    .is_some_and(|p| p.updated_at > b.issued_at)
                {
                    col = col.push(
                        text(t!(
                            "participant-changed-since-issue",
                            serial = b.serial.to_string()
                        ))
                        .size(13)
                        .color(style::WARNING),
                    );
                }
            }
            None if p.status == ParticipantStatus::Approved => {
                col = col.push(text(t!("participant-no-badge-yet")));
            }
            None => {
                col = col.push(text(t!("participant-only-approved")).size(13).color(LABEL));
            }
        }
        if p.status == ParticipantStatus::Approved {
            let print_label = if active.is_some() {
                t!("participant-print-again")
            } else {
                t!("participant-print")
            };
            col = col.push(
                row![
                    pick_list(
                        LayoutChoice::ALL,
                        Some(LayoutChoice(self.layout)),
                        Message::Layout
                    )
                    .width(150),
                    button(text(print_label)).on_press_maybe(idle.then_some(Message::Print)),
                ]
                .spacing(8)
                .align_y(Center),
            );
            if self.confirm_print_again
                && let Some(b) = active
            {
                col = col.push(
                    row![
                        text(t!(
                            "participant-print-again-question",
                            serial = b.serial.to_string()
                        ))
                        .size(14)
                        .color(style::WARNING),
                        button(text(t!("participant-print-again-yes")))
                            .style(button::danger)
                            .on_press_maybe(idle.then_some(Message::PrintAgainConfirmed)),
                        button(text(t!("participant-print-again-no")))
                            .style(button::secondary)
                            .on_press(Message::PrintAgainDeclined),
                    ]
                    .spacing(8)
                    .align_y(Center),
                );
            }
        }
        if let Some(b) = active {
            if p.status == ParticipantStatus::Approved {
                col = col.push(
                    row![
                        text(t!("participant-reprint-label")).size(14),
                        pick_list(
                            ReprintChoice::ALL,
                            Some(ReprintChoice(self.reprint_reason)),
                            Message::ReprintReason
                        )
                        .width(140),
                        button(text(t!("participant-reprint")))
                            .on_press_maybe(idle.then_some(Message::Reprint)),
                    ]
                    .spacing(8)
                    .align_y(Center),
                );
            }
            if b.print_count > 0 && b.collected.is_none() {
                col = col.push(
                    row![
                        text_input(&t!("participant-id-check"), &self.id_check)
                            .on_input(Message::IdCheck)
                            .on_submit(Message::HandOver)
                            .padding(6)
                            .width(Fill),
                        button(text(t!("participant-hand-over")))
                            .style(button::success)
                            .on_press_maybe(idle.then_some(Message::HandOver)),
                    ]
                    .spacing(8),
                );
            }
            col = col.push(
                row![
                    text_input(
                        &if session.actor.may(Permission::RevokeBadges) {
                            t!("participant-revoke-reason")
                        } else {
                            t!("participant-revoke-reason-supervisor")
                        },
                        &self.revoke_reason
                    )
                    .on_input(Message::RevokeReason)
                    .on_submit(Message::Revoke)
                    .padding(6)
                    .width(Fill),
                    button(text(t!("participant-revoke")))
                        .style(button::danger)
                        .on_press_maybe(idle.then_some(Message::Revoke)),
                ]
                .spacing(8),
            );
        }
        if let Some(path) = &self.last_pdf {
            let mut pdf = row![
                text(
                    path.file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default()
                )
                .size(13)
                .width(Fill),
                button(text(t!("participant-open-pdf")))
                    .style(button::secondary)
                    .on_press_maybe(idle.then_some(Message::OpenPdf)),
            ]
            .spacing(8)
            .align_y(Center);
            if self.printer {
                pdf = pdf.push(
                    button(text(t!("participant-send-to-printer")))
                        .style(button::secondary)
                        .on_press_maybe(idle.then_some(Message::SendPdf)),
                );
            }
            col = col.push(pdf);
        }
        if let Some(action) = self.busy {
            col = col.push(text(busy_text(action)).color(LABEL));
        }
        col.into()
    }

    fn history_view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let Some(loaded) = &self.loaded else {
            return space().into();
        };
        let mut col = column![text(t!("participant-badge-history")).size(18)].spacing(6);
        if loaded.badges.is_empty() {
            col = col.push(text(t!("participant-no-badge-ever")).size(13).color(LABEL));
        }
        for b in loaded.badges.iter().rev() {
            let status = match b.status {
                BadgeStatus::Active => text(t!("participant-badge-active")).color(style::OK),
                BadgeStatus::Revoked => text(t!("participant-badge-revoked")).color(style::ERROR),
            };
            col = col.push(
                row![
                    text(t!(
                        "participant-badge-serial",
                        serial = b.serial.to_string()
                    ))
                    .size(14),
                    status.size(14),
                    text(t!(
                        "participant-badge-issued",
                        time = super::local_time(session, b.issued_at),
                        operator = b.issued_by.as_str()
                    ))
                    .size(13)
                    .color(LABEL),
                ]
                .spacing(8),
            );
            for print in loaded.prints.iter().filter(|x| x.serial == b.serial) {
                col = col.push(small(t!(
                    "participant-badge-printed",
                    time = super::local_time(session, print.printed_at),
                    operator = print.printed_by.as_str(),
                    kind = history::print_kind(&print.kind)
                )));
            }
            if let Some(c) = &b.collected {
                col = col.push(small(t!(
                    "participant-badge-handed-over",
                    time = super::local_time(session, c.at),
                    operator = c.by.as_str(),
                    check = c.id_check.as_str()
                )));
            }
            if let Some(at) = b.revoked_at {
                col = col.push(small(t!(
                    "participant-badge-revoked-at",
                    time = super::local_time(session, at),
                    reason = b.revocation_reason.as_str()
                )));
            }
        }
        col = col
            .push(space().height(6))
            .push(text(t!("participant-history")).size(18));
        for entry in loaded.history.iter().rev() {
            col = col.push(
                column![
                    text(format!(
                        "{} · {}",
                        super::local_time(session, entry.at),
                        entry.operator
                    ))
                    .size(12)
                    .color(LABEL),
                    text(history::describe(entry)).size(14),
                ]
                .spacing(1),
            );
        }
        col.into()
    }
}

fn badge_line(b: &Badge, session: &Session) -> String {
    let (serial, zones) = (b.serial.to_string(), b.zones.to_string());
    match (b.print_count, b.last_printed_at) {
        (0, _) => t!(
            "participant-badge-line-unprinted",
            serial = serial,
            zones = zones
        ),
        (n, Some(at)) => t!(
            "participant-badge-line-printed",
            serial = serial,
            zones = zones,
            count = n,
            time = super::local_time(session, at)
        ),
        (n, None) => t!(
            "participant-badge-line-printed-untimed",
            serial = serial,
            zones = zones,
            count = n
        ),
    }
}

/// A line of the badge history, indented under its badge.
fn small<'a>(s: String) -> Element<'a, Message> {
    text(format!("    {s}")).size(13).color(LABEL).into()
}

fn section<'a>(title: String) -> Element<'a, Message> {
    text(title).size(18).into()
}

/// A field: its label above, its problem (if any) below in red.
fn labelled<'a>(
    label: String,
    input: Element<'a, Message>,
    error: Option<&'a str>,
) -> Element<'a, Message> {
    let mut col = column![text(label).size(13).color(LABEL), input]
        .spacing(3)
        .width(Length::Fill);
    if let Some(e) = error {
        col = col.push(text(e).size(13).color(style::ERROR));
    }
    col.into()
}

/// The outcome of the last action (green or red), or the keyboard hint.
fn notice_bar<'a>(ok: Option<bool>, message: String) -> Element<'a, Message> {
    let colour = match ok {
        Some(true) => style::OK,
        Some(false) => style::ERROR,
        None => LABEL,
    };
    container(text(message).color(colour).wrapping(text::Wrapping::None))
        .padding([8, 12])
        .width(Fill)
        .height(38)
        .clip(true)
        .style(move |theme| match ok {
            Some(_) => {
                let mut s = container::bordered_box(theme);
                s.border.color = colour;
                s
            }
            None => container::Style::default(),
        })
        .into()
}
