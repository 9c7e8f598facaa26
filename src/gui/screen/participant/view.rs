//! Drawing the participant's detail: the form on the left, photo, status,
//! badge and history on the right. No side effects here.

use iced::widget::{
    Column, button, column, container, image, pick_list, row, rule, scrollable, space, text,
    text_input,
};
use iced::{Center, Color, Element, Fill, Length};

use super::{Action, Field, Message, SaveState, State, history};
use crate::auth::Permission;
use crate::domain::{Badge, BadgeStatus, ParticipantStatus};
use crate::gui::Session;
use crate::gui::screen::choices::{GenderChoice, KindChoice, LayoutChoice, ReprintChoice};
use crate::gui::style;

const LABEL: Color = Color::from_rgb(0.35, 0.37, 0.40);
const PANEL_WIDTH: f32 = 440.0;

impl State {
    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        if self.loaded.is_none() {
            let content: Element<'_, Message> = match &self.load_error {
                Some(e) => column![
                    style::error_text(&format!("Participant {} could not be read: {e}", self.id)),
                    button(text("Back to the list")).on_press(Message::Back),
                ]
                .spacing(12)
                .into(),
                None => text(format!("Opening participant {}…", self.id)).into(),
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
            Some(notice) => notice_bar(Some(notice.ok), &notice.text),
            None => notice_bar(None, KEYS_HINT),
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
            text(p.status.label())
                .size(14)
                .color(style::status_colour(p.status)),
        );
        facts = facts.push(
            text(format!("· participant {}", p.id))
                .size(13)
                .color(LABEL),
        );
        let save_state: Element<'_, Message> = match (&self.save, self.is_dirty()) {
            (SaveState::Saving, _) => text("Saving…").into(),
            (SaveState::NotSaved(why), _) => {
                text(format!("Not saved: {why}")).color(style::ERROR).into()
            }
            (SaveState::Saved(at), false) => {
                text(format!("✔ Saved at {at}")).color(style::OK).into()
            }
            (_, true) => text("Unsaved changes").color(style::WARNING).into(),
            (_, false) => text("").into(),
        };
        let idle = self.busy.is_none();
        row![
            button(text("← List"))
                .style(button::secondary)
                .on_press(Message::Back),
            column![text(p.details.display_name()).size(24), facts].spacing(4),
            space::horizontal(),
            container(save_state).max_width(360),
            button(text("Revert"))
                .style(button::secondary)
                .on_press_maybe((idle && self.is_dirty()).then_some(Message::Revert)),
            button(text("Save  (Ctrl+S)"))
                .on_press_maybe((idle && self.is_dirty()).then_some(Message::Save)),
        ]
        .spacing(12)
        .align_y(Center)
        .into()
    }

    fn discard_bar(&self) -> Element<'_, Message> {
        container(
            row![
                text("This participant has unsaved changes.").width(Fill),
                button(text("Save")).on_press_maybe(self.busy.is_none().then_some(Message::Save)),
                button(text("Discard changes"))
                    .style(button::danger)
                    .on_press(Message::Discard),
                button(text("Keep editing"))
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
                text(format!("This badge is not valid for the event: {warning}.")).width(Fill),
                button(text("Print anyway"))
                    .style(button::danger)
                    .on_press(Message::PrintAnyway),
                button(text("Don't print"))
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
            section("Name"),
            row![
                self.text_field(Field::GivenNames),
                self.text_field(Field::FamilyName)
            ]
            .spacing(12),
            self.text_field(Field::BadgeName),
            self.text_field(Field::Function),
            section("Delegation and category"),
            row![
                labelled(
                    "Delegation",
                    pick_list(
                        delegations,
                        session.delegation_choice(Some(self.form.delegation)),
                        Message::Delegation
                    )
                    .width(Fill)
                    .into(),
                    self.error_for("delegation"),
                ),
                labelled("Category", category_row.into(), self.error_for("category")),
            ]
            .spacing(12),
            section("Identity"),
            row![
                labelled(
                    "Gender",
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
                    "Document type",
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
            section("Contact"),
            row![self.text_field(Field::Email), self.text_field(Field::Phone)].spacing(12),
            section("Access and notes"),
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
            None => container(text("No photo").color(LABEL))
                .center_x(120)
                .center_y(160)
                .style(container::bordered_box)
                .into(),
        };
        let idle = self.busy.is_none();
        let controls = column![
            section("Photo"),
            text_input("Path of a photo file", &self.photo_path)
                .on_input(Message::PhotoPath)
                .on_submit(Message::UsePhoto)
                .padding(6),
            row![
                button(text("Choose file…"))
                    .style(button::secondary)
                    .on_press_maybe(idle.then_some(Message::ChoosePhoto)),
                button(text("Use this photo")).on_press_maybe(
                    (idle && !self.photo_path.trim().is_empty()).then_some(Message::UsePhoto)
                ),
            ]
            .spacing(8),
            text("Cropped to 3:4 and resized by Accredit. No dialog? Type the path.")
                .size(12)
                .color(LABEL),
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
            text("Status").size(18),
            text(p.status.label()).color(style::status_colour(p.status)),
        ]
        .spacing(10)
        .align_y(Center);
        if !p.status_reason.is_empty() {
            line = line.push(text(format!("({})", p.status_reason)).size(13));
        }
        let mut actions = row![].spacing(8);
        if can(ParticipantStatus::Approved) {
            actions = actions.push(
                button(text("Approve"))
                    .style(button::success)
                    .on_press_maybe(idle.then_some(Message::Approve)),
            );
        }
        if can(ParticipantStatus::Nominated) {
            actions = actions.push(
                button(text("Back to nominated"))
                    .style(button::secondary)
                    .on_press_maybe(idle.then_some(Message::Renominate)),
            );
        }
        let mut col = column![line, actions].spacing(8);
        if !session.actor.may(Permission::ApproveParticipants) {
            col = col.push(
                text("Approving, rejecting and cancelling need a supervisor.")
                    .size(13)
                    .color(LABEL),
            );
        }
        if can(ParticipantStatus::Rejected) || can(ParticipantStatus::Cancelled) {
            let mut refuse = row![
                text_input(
                    "Reason (needed to reject, or to approve past a quota)",
                    &self.status_reason
                )
                .on_input(Message::StatusReason)
                .padding(6)
                .width(Fill)
            ]
            .spacing(8);
            if can(ParticipantStatus::Rejected) {
                refuse = refuse.push(
                    button(text("Reject"))
                        .style(button::danger)
                        .on_press_maybe(idle.then_some(Message::Reject)),
                );
            }
            if can(ParticipantStatus::Cancelled) {
                refuse = refuse.push(
                    button(text("Cancel"))
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
        let mut col = column![text("Badge").size(18)].spacing(8);
        if let Some(c) = self
            .loaded
            .as_ref()
            .and_then(|l| l.clearance.as_ref())
            .filter(|c| c.required || c.state != crate::domain::ClearanceState::NotSent)
        {
            col = col.push(super::clearance::line(c, session));
        }
        let active = self.active_badge();
        match active {
            Some(b) => {
                col = col.push(text(badge_line(b, session)));
                if let Some(c) = &b.collected {
                    col = col.push(
                        text(format!(
                            "Handed over {} by {}: {}",
                            session.event.local_time(c.at),
                            c.by,
                            c.id_check
                        ))
                        .color(style::OK),
                    );
                }
                if self
                    .participant()
                    .is_some_and(|p| p.updated_at > b.issued_at)
                {
                    col = col.push(
                        text(format!(
                            "The details or photo changed after badge {} was issued: reprint it \
                             (data changed) if the badge must show them.",
                            b.serial
                        ))
                        .size(13)
                        .color(style::WARNING),
                    );
                }
            }
            None if p.status == ParticipantStatus::Approved => {
                col = col.push(text("No badge yet."));
            }
            None => {
                col = col.push(
                    text("Only approved participants get a badge.")
                        .size(13)
                        .color(LABEL),
                );
            }
        }
        if p.status == ParticipantStatus::Approved {
            let print_label = if active.is_some() {
                "Print again (same badge)"
            } else {
                "Print badge"
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
                        text(format!(
                            "Badge {} was handed over: its holder has a card. Print a second card with the same serial?",
                            b.serial
                        ))
                        .size(14)
                        .color(style::WARNING),
                        button(text("Yes, print it again"))
                            .style(button::danger)
                            .on_press_maybe(idle.then_some(Message::PrintAgainConfirmed)),
                        button(text("No"))
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
                        text("Reprint, new serial:").size(14),
                        pick_list(
                            ReprintChoice::ALL,
                            Some(ReprintChoice(self.reprint_reason)),
                            Message::ReprintReason
                        )
                        .width(140),
                        button(text("Reprint")).on_press_maybe(idle.then_some(Message::Reprint)),
                    ]
                    .spacing(8)
                    .align_y(Center),
                );
            }
            if b.print_count > 0 && b.collected.is_none() {
                col = col.push(
                    row![
                        text_input("ID document checked", &self.id_check)
                            .on_input(Message::IdCheck)
                            .on_submit(Message::HandOver)
                            .padding(6)
                            .width(Fill),
                        button(text("Hand over"))
                            .style(button::success)
                            .on_press_maybe(idle.then_some(Message::HandOver)),
                    ]
                    .spacing(8),
                );
            }
            col = col.push(
                row![
                    text_input(
                        if session.actor.may(Permission::RevokeBadges) {
                            "Reason to revoke"
                        } else {
                            "Reason to revoke (a supervisor revokes)"
                        },
                        &self.revoke_reason
                    )
                    .on_input(Message::RevokeReason)
                    .on_submit(Message::Revoke)
                    .padding(6)
                    .width(Fill),
                    button(text("Revoke"))
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
                button(text("Open PDF"))
                    .style(button::secondary)
                    .on_press_maybe(idle.then_some(Message::OpenPdf)),
            ]
            .spacing(8)
            .align_y(Center);
            if self.printer {
                pdf = pdf.push(
                    button(text("Send to printer"))
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
        let mut col = column![text("Badge history").size(18)].spacing(6);
        if loaded.badges.is_empty() {
            col = col.push(text("No badge was ever issued.").size(13).color(LABEL));
        }
        for b in loaded.badges.iter().rev() {
            let status = match b.status {
                BadgeStatus::Active => text("active").color(style::OK),
                BadgeStatus::Revoked => text("revoked").color(style::ERROR),
            };
            col = col.push(
                row![
                    text(format!("Badge {}", b.serial)).size(14),
                    status.size(14),
                    text(format!(
                        "issued {} by {}",
                        session.event.local_time(b.issued_at),
                        b.issued_by
                    ))
                    .size(13)
                    .color(LABEL),
                ]
                .spacing(8),
            );
            for print in loaded.prints.iter().filter(|x| x.serial == b.serial) {
                col = col.push(small(format!(
                    "    printed {} by {} ({})",
                    session.event.local_time(print.printed_at),
                    print.printed_by,
                    print.kind
                )));
            }
            if let Some(c) = &b.collected {
                col = col.push(small(format!(
                    "    handed over {} by {}: {}",
                    session.event.local_time(c.at),
                    c.by,
                    c.id_check
                )));
            }
            if let Some(at) = b.revoked_at {
                col = col.push(small(format!(
                    "    revoked {}: {}",
                    session.event.local_time(at),
                    b.revocation_reason
                )));
            }
        }
        col = col.push(space().height(6)).push(text("History").size(18));
        for entry in loaded.history.iter().rev() {
            col = col.push(
                column![
                    text(format!(
                        "{} · {}",
                        session.event.local_time(entry.at),
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
    let printed = match (b.print_count, b.last_printed_at) {
        (0, _) => "not printed yet".to_string(),
        (n, Some(at)) => format!("printed {n}×, last {}", session.event.local_time(at)),
        (n, None) => format!("printed {n}×"),
    };
    format!("Badge {} · zones {} · {printed}", b.serial, b.zones)
}

fn busy_text(action: Action) -> String {
    format!("{}…", super::action_name(action))
}

fn small<'a>(s: String) -> Element<'a, Message> {
    text(s).size(13).color(LABEL).into()
}

fn section<'a>(title: &'a str) -> Element<'a, Message> {
    text(title).size(18).into()
}

/// A field: its label above, its problem (if any) below in red.
fn labelled<'a>(
    label: &'a str,
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

const KEYS_HINT: &str = "Ctrl+S saves · Esc goes back to the list · Tab moves between fields";

/// The outcome of the last action (green or red), or the keyboard hint.
fn notice_bar<'a>(ok: Option<bool>, message: &'a str) -> Element<'a, Message> {
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
