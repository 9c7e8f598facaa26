//! Drawing the frame around the screens: the navigation rail, the event's
//! name, the status bar. No side effects here.

use iced::widget::{button, column, container, row, rule, text};
use iced::{Element, Fill};

use accredit::domain::{ParticipantStatus, Role};
use accredit::t;

use super::desk::{self, Desk, Failure, Tab};
use super::{App, Message, style};

impl App {
    pub fn view(&self) -> Element<'_, Message> {
        match self {
            App::Loading { error, .. } => {
                let content: Element<'_, Message> = match error {
                    Some(e) => style::error_text(&e.to_string()),
                    None => text(t!("common-opening")).into(),
                };
                container(content).center(Fill).into()
            }
            App::Welcome(state) => state.view().map(Message::Welcome),
            App::SignIn(state) => state.view().map(Message::SignIn),
            App::Desk(desk) => desk.view().map(Message::Desk),
            App::Gate(state) => state.view().map(Message::Gate),
        }
    }
}

impl Desk {
    fn view(&self) -> Element<'_, desk::Message> {
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
                        .on_press(desk::Message::Tab(tab)),
                )
            },
        );
        let rail = rail.push(iced::widget::space::vertical()).push(
            column![
                text(t!(
                    "common-signed-in-as",
                    name = &self.session.actor.name,
                    role = role_name(self.session.actor.role)
                ))
                .size(13),
                button(text(t!("common-sign-out")).size(13))
                    .style(button::text)
                    .on_press(desk::Message::SignOut),
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
                    dates_label(self.session.event.start_date, self.session.event.end_date)
                ))
                .size(14),
            ]
            .align_y(iced::Center),
        )
        .padding([10, 16]);
        let body: Element<'_, desk::Message> = match (self.tab, &self.detail) {
            (tab, Some((from, detail))) if tab == *from => {
                detail.view(&self.session).map(desk::Message::Participant)
            }
            (Tab::Participants, _) => self
                .participants
                .view(&self.session)
                .map(desk::Message::Participants),
            (Tab::Operators, _) => self.operators.view().map(desk::Message::Operators),
            (Tab::Settings, _) => self
                .settings
                .view(&self.session)
                .map(desk::Message::Settings),
            (Tab::Delegations, _) => self.delegations.view().map(desk::Message::Delegations),
            (Tab::PrintQueue, _) => self
                .print_queue
                .view(&self.session)
                .map(desk::Message::PrintQueue),
            (Tab::Gate, _) => match &self.gate {
                Some(gate) => gate.view().map(desk::Message::Gate),
                None => container(text(t!("common-opening-gate")))
                    .center(Fill)
                    .into(),
            },
            (Tab::Import, _) => self.import.view(&self.session).map(desk::Message::Import),
            (Tab::Vetting, _) => self.vetting.view(&self.session).map(desk::Message::Vetting),
            (Tab::Dashboard, _) => self
                .dashboard
                .view(&self.session)
                .map(desk::Message::Dashboard),
        };
        let total: u64 = self.counts.iter().map(|(_, n)| n).sum();
        let counts = self
            .counts
            .iter()
            .map(|(s, n)| t!("common-status-count", status = status_name(*s), count = *n))
            .collect::<Vec<_>>()
            .join(" · ");
        let status = container(
            row![
                text(match self.session.workspace.server() {
                    Some(server) => t!("common-event-server", url = &server.url.text),
                    None => t!(
                        "common-data-directory",
                        path = self.session.workspace.data_dir().display().to_string()
                    ),
                })
                .size(13),
                iced::widget::space::horizontal(),
                self.failure_status(),
                self.backup_status(),
                text(if self.counts.is_empty() {
                    String::new()
                } else {
                    t!(
                        "common-status-participants",
                        participants = t!("common-participants-count", count = total),
                        counts = counts
                    )
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
    fn backup_status(&self) -> Element<'_, desk::Message> {
        match &self.backup {
            None => text("").into(),
            Some(Ok(taken)) => text(t!(
                "common-backed-up",
                time = self.session.event.local_time(taken.taken_at)
            ))
            .size(13)
            .into(),
            Some(Err(e)) => container(style::error_text(&t!(
                "common-backup-failed",
                error = e.to_string()
            )))
            .into(),
        }
    }

    /// In red, what the desk could not do of its own accord, and why
    /// (nothing, not even room, when all went well).
    fn failure_status(&self) -> Option<Element<'_, desk::Message>> {
        let said = match self.failure.as_ref()? {
            Failure::Counts(e) => t!("common-counts-failed", error = e.to_string()),
            Failure::SessionRefresh(e) => {
                t!("common-session-refresh-failed", error = e.to_string())
            }
        };
        Some(style::error_text(&said))
    }
}

/// A status's name in the status bar.
fn status_name(status: ParticipantStatus) -> String {
    match status {
        ParticipantStatus::Nominated => t!("common-status-nominated"),
        ParticipantStatus::Approved => t!("common-status-approved"),
        ParticipantStatus::Rejected => t!("common-status-rejected"),
        ParticipantStatus::Cancelled => t!("common-status-cancelled"),
    }
}

/// A role's name beside the operator's name.
fn role_name(role: Role) -> String {
    match role {
        Role::Administrator => t!("common-role-administrator"),
        Role::Supervisor => t!("common-role-supervisor"),
        Role::Clerk => t!("common-role-clerk"),
        Role::Gate => t!("common-role-gate"),
        Role::Viewer => t!("common-role-viewer"),
    }
}

/// A month's name as the dates catalogue writes it ("December", "tháng 12").
fn month_name(month: i8) -> String {
    match month {
        1 => t!("month-1"),
        2 => t!("month-2"),
        3 => t!("month-3"),
        4 => t!("month-4"),
        5 => t!("month-5"),
        6 => t!("month-6"),
        7 => t!("month-7"),
        8 => t!("month-8"),
        9 => t!("month-9"),
        10 => t!("month-10"),
        11 => t!("month-11"),
        _ => t!("month-12"),
    }
}

/// The event's dates in the header: "7 December 2026", "7–11 December
/// 2026", "30 November – 4 December 2026", "2026-12-30 – 2027-01-02" (as the
/// core's `Event::dates_label` writes them in English).
fn dates_label(start: jiff::civil::Date, end: jiff::civil::Date) -> String {
    let language = accredit::i18n::current();
    // Days and years are passed as text: a year is not grouped as a number.
    let day = |d: jiff::civil::Date| d.day().to_string();
    if start == end {
        accredit::i18n::date_long(language, start)
    } else if start.year() == end.year() && start.month() == end.month() {
        t!(
            "common-dates-same-month",
            start_day = day(start),
            end_day = day(end),
            month = month_name(end.month()),
            year = end.year().to_string()
        )
    } else if start.year() == end.year() {
        t!(
            "common-dates-same-year",
            start_day = day(start),
            start_month = month_name(start.month()),
            end_day = day(end),
            end_month = month_name(end.month()),
            year = end.year().to_string()
        )
    } else {
        t!(
            "common-dates-range",
            start = accredit::i18n::date_short(language, start),
            end = accredit::i18n::date_short(language, end)
        )
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::gui::tests::harness::{offline_session, simulator};
    use accredit::i18n::{Language, LanguageScope};

    #[test]
    fn the_event_dates_read_as_each_language_writes_them() {
        let cases = [
            (date(2026, 12, 7), date(2026, 12, 7)),
            (date(2026, 12, 7), date(2026, 12, 11)),
            (date(2026, 11, 30), date(2026, 12, 4)),
            (date(2026, 12, 30), date(2027, 1, 2)),
        ];
        let labels = |language| {
            let _scope = LanguageScope::new(language);
            cases.map(|(s, e)| dates_label(s, e))
        };
        assert_eq!(
            labels(Language::English),
            [
                "7 December 2026",
                "7–11 December 2026",
                "30 November – 4 December 2026",
                "2026-12-30 – 2027-01-02",
            ]
        );
        // English as the core has always written it.
        let mut event = accredit::demo::event(&accredit::demo::Dates::around(0)).unwrap();
        for (s, e) in cases {
            (event.start_date, event.end_date) = (s, e);
            let _en = LanguageScope::new(Language::English);
            assert_eq!(dates_label(s, e), event.dates_label());
        }
        assert_eq!(
            labels(Language::Vietnamese),
            [
                "ngày 7 tháng 12 năm 2026",
                "7–11 tháng 12 năm 2026",
                "30 tháng 11 – 4 tháng 12 năm 2026",
                "30/12/2026 – 02/01/2027",
            ]
        );
        assert_eq!(labels(Language::French)[2], "30 novembre – 4 décembre 2026");
        assert_eq!(labels(Language::Chinese)[1], "2026年12月7日至11日");
        assert_eq!(labels(Language::Russian)[1], "7–11 декабря 2026 г.");
        assert_eq!(labels(Language::Spanish)[1], "7–11 de diciembre de 2026");
    }

    #[test]
    fn participants_are_counted_with_each_languages_plurals() {
        let count = |language, n: u64| {
            let _scope = LanguageScope::new(language);
            t!("common-participants-count", count = n)
        };
        assert_eq!(count(Language::English, 1), "1 participant");
        assert_eq!(count(Language::English, 3000), "3,000 participants");
        assert_eq!(count(Language::Vietnamese, 3000), "3.000 người tham dự");
        assert_eq!(count(Language::French, 1), "1 participant");
        assert_eq!(count(Language::French, 3000), "3\u{202F}000 participants");
        assert_eq!(count(Language::Russian, 21), "21 участник");
        assert_eq!(count(Language::Russian, 3), "3 участника");
        assert_eq!(count(Language::Russian, 11), "11 участников");
        assert_eq!(count(Language::Arabic, 2), "مشاركان");
        assert_eq!(count(Language::Arabic, 5), "5 مشاركين");
        assert_eq!(count(Language::Spanish, 1), "1 participante");
        assert_eq!(count(Language::Chinese, 12), "12名与会人员");
    }

    #[test]
    fn the_status_bar_says_what_the_desk_could_not_do_until_it_is_done() {
        use crate::gui::desk::Message;
        use crate::gui::worker::JobError;
        let _en = LanguageScope::new(Language::English);
        fn failed<T>(words: &str) -> Result<T, JobError> {
            Err(JobError::from(accredit::Error::Other(words.into())))
        }
        let mut desk = Desk::new(offline_session(Role::Clerk), Tab::Delegations);
        let shows = |desk: &Desk, label: &str| simulator(desk.view()).find(label).is_ok();

        let _ = desk.update(Message::Counts(failed("disk full")));
        assert!(shows(
            &desk,
            "Participant counts could not be read: disk full"
        ));
        let _ = desk.update(Message::Counts(Ok(vec![(ParticipantStatus::Approved, 2)])));
        assert!(!shows(
            &desk,
            "Participant counts could not be read: disk full"
        ));
        assert!(shows(&desk, "2 participants: Approved 2"));

        let _ = desk.update(Message::SessionRefreshed(failed("the server went away")));
        let said = "The event could not be read again after the settings changed: \
                    the server went away";
        assert!(shows(&desk, said));
        // Another job's success does not hide it.
        let _ = desk.update(Message::Counts(Ok(Vec::new())));
        assert!(shows(&desk, said));
        let session = offline_session(Role::Clerk);
        let _ = desk.update(Message::SessionRefreshed(Ok(Box::new(session))));
        assert!(!shows(&desk, said));
    }

    #[test]
    fn the_frame_speaks_the_operators_language() {
        let mut desk = Desk::new(offline_session(Role::Clerk), Tab::Delegations);
        desk.counts = vec![
            (ParticipantStatus::Nominated, 1),
            (ParticipantStatus::Approved, 2999),
        ];
        let shows = |desk: &Desk, labels: &[&str]| {
            let mut ui = simulator(desk.view());
            for label in labels {
                assert!(ui.find(*label).is_ok(), "the frame shows {label:?}");
            }
        };
        {
            let _en = LanguageScope::new(Language::English);
            shows(
                &desk,
                &[
                    "Participants",
                    "Print queue",
                    "Sign out",
                    "clerk (clerk)",
                    "Data: /dev/null/accredit-test",
                    "3,000 participants: Nominated 1 · Approved 2,999",
                ],
            );
        }
        {
            let _vi = LanguageScope::new(Language::Vietnamese);
            shows(
                &desk,
                &[
                    "Người tham dự",
                    "Hàng đợi in",
                    "Đăng xuất",
                    "clerk (cán bộ cấp thẻ)",
                    "Dữ liệu: /dev/null/accredit-test",
                    "3.000 người tham dự: Đã đăng ký 1 · Đã duyệt 2.999",
                ],
            );
        }
        let _fr = LanguageScope::new(Language::French);
        shows(
            &desk,
            &[
                "File d’impression",
                "Se déconnecter",
                "3\u{202F}000 participants : Désignés 1 · Approuvés 2\u{202F}999",
            ],
        );
    }
}
