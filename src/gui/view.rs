//! Drawing the frame around the screens: the navigation rail, the event's
//! name, the status bar. No side effects here.

use iced::widget::{button, column, container, row, rule, text};
use iced::{Element, Fill};

use super::{App, Desk, Message, Tab, style};

impl App {
    pub fn view(&self) -> Element<'_, Message> {
        match self {
            App::Loading { error, .. } => {
                let content: Element<'_, Message> = match error {
                    Some(e) => style::error_text(e),
                    None => text("Opening…").into(),
                };
                container(content).center(Fill).into()
            }
            App::Welcome(state) => state.view().map(Message::Welcome),
            App::SignIn(state) => state.view().map(Message::SignIn),
            App::Desk(desk) => desk.view(),
            App::Gate(state) => state.view().map(Message::Gate),
        }
    }
}

impl Desk {
    fn view(&self) -> Element<'_, Message> {
        let rail = Tab::visible_to(&self.session.actor).iter().fold(
            column![text("Accredit").size(22)]
                .spacing(6)
                .padding(12)
                .width(190),
            |col, &tab| {
                let selected = self.tab == tab;
                col.push(
                    button(text(tab.label()))
                        .width(Fill)
                        .padding([8, 12])
                        .style(if selected {
                            button::primary
                        } else {
                            button::text
                        })
                        .on_press(Message::Tab(tab)),
                )
            },
        );
        let rail = rail.push(iced::widget::space::vertical()).push(
            column![
                text(format!(
                    "{} ({})",
                    self.session.actor.name, self.session.actor.role
                ))
                .size(13),
                button(text("Sign out").size(13))
                    .style(button::text)
                    .on_press(Message::SignOut),
            ]
            .spacing(4),
        );
        let header = container(
            row![
                text(&self.session.event.name).size(20),
                iced::widget::space::horizontal(),
                text(format!(
                    "{} · {}",
                    self.session.event.venue,
                    self.session.event.dates_label()
                ))
                .size(14),
            ]
            .align_y(iced::Center),
        )
        .padding([10, 16]);
        let body: Element<'_, Message> = match (self.tab, &self.detail) {
            (tab, Some((from, detail))) if tab == *from => {
                detail.view(&self.session).map(Message::Participant)
            }
            (Tab::Participants, _) => self
                .participants
                .view(&self.session)
                .map(Message::Participants),
            (Tab::Operators, _) => self.operators.view().map(Message::Operators),
            (Tab::Settings, _) => self.settings.view(&self.session).map(Message::Settings),
            (Tab::Delegations, _) => self.delegations.view().map(Message::Delegations),
            (Tab::PrintQueue, _) => self
                .print_queue
                .view(&self.session)
                .map(Message::PrintQueue),
            (Tab::Gate, _) => match &self.gate {
                Some(gate) => gate.view().map(Message::Gate),
                None => container(text("Opening the gate…")).center(Fill).into(),
            },
            (Tab::Import, _) => self.import.view(&self.session).map(Message::Import),
            (Tab::Vetting, _) => self.vetting.view(&self.session).map(Message::Vetting),
            (Tab::Dashboard, _) => self.dashboard.view(&self.session).map(Message::Dashboard),
        };
        let total: u64 = self.counts.iter().map(|(_, n)| n).sum();
        let counts = self
            .counts
            .iter()
            .map(|(s, n)| format!("{} {n}", s.label()))
            .collect::<Vec<_>>()
            .join(" · ");
        let status = container(
            row![
                text(match self.session.workspace.server() {
                    Some(server) => format!("Event server: {}", server.url.text),
                    None => format!("Data: {}", self.session.workspace.data_dir().display()),
                })
                .size(13),
                iced::widget::space::horizontal(),
                self.backup_status(),
                text(if self.counts.is_empty() {
                    String::new()
                } else {
                    format!("{total} participants: {counts}")
                })
                .size(13),
            ]
            .spacing(10),
        )
        .padding([6, 12])
        .style(style::chrome);
        column![
            row![
                container(rail).height(Fill).style(style::chrome),
                column![header, rule::horizontal(1), body].width(Fill),
            ]
            .height(Fill),
            status,
        ]
        .into()
    }

    /// "Backed up 14:05" or, in red, why the last automatic backup failed.
    fn backup_status(&self) -> Element<'_, Message> {
        match &self.backup {
            None => text("").into(),
            Some(Ok(taken)) => text(format!(
                "Backed up {}",
                self.session.event.local_time(taken.taken_at)
            ))
            .size(13)
            .into(),
            Some(Err(e)) => {
                container(style::error_text(&format!("Automatic backup failed: {e}"))).into()
            }
        }
    }
}
