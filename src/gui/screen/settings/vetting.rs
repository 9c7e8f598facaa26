//! Settings → Vetting and letters: whether badges need the host's security
//! clearance (off, every category, or some), and the text of each kind of
//! letter for delegates, with the placeholders it may use. The CLI twins are
//! `event set --clearance` and `letters --kind … --template`.

use iced::widget::{button, column, row, rule, text, text_editor};
use iced::{Element, Fill, Length, Task};

use super::{Saved, SetupData, spawn_job};
use crate::domain::FieldError;
use crate::gui::Session as AppSession;
use crate::gui::screen::form;
use crate::gui::worker::Outcome;
use crate::letters::{self, LetterKind, PLACEHOLDERS, Template};

pub const CLEARANCE_INPUT: &str = "settings-clearance";
pub const SUBJECT_INPUT: &str = "settings-letter-subject";
pub const SIGNATORY_INPUT: &str = "settings-letter-signatory";

pub struct State {
    clearance: String,
    clearance_errors: Vec<FieldError>,
    clearance_saved: Option<String>,
    kind: LetterKind,
    subject: String,
    body: text_editor::Content,
    signatory: String,
    template_errors: Vec<FieldError>,
    template_saved: Option<String>,
    busy: bool,
    error: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Clearance(String),
    SaveClearance,
    ClearanceSaved(Outcome<super::Checked<String>>),
    Kind(LetterKind),
    Subject(String),
    Body(text_editor::Action),
    Signatory(String),
    SaveTemplate,
    TemplateSaved(Outcome<super::Checked<LetterKind>>),
}

impl Default for State {
    fn default() -> Self {
        State {
            clearance: String::new(),
            clearance_errors: Vec::new(),
            clearance_saved: None,
            kind: LetterKind::Acknowledgement,
            subject: String::new(),
            body: text_editor::Content::new(),
            signatory: String::new(),
            template_errors: Vec::new(),
            template_saved: None,
            busy: false,
            error: None,
        }
    }
}

impl State {
    pub fn loaded(&mut self, data: &SetupData) {
        self.clearance = data.clearance.to_setting();
        self.show_template(data);
    }

    fn show_template(&mut self, data: &SetupData) {
        let t = data
            .templates
            .iter()
            .find(|(k, _)| *k == self.kind)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| Template::default_for(self.kind));
        self.subject = t.subject;
        self.body = text_editor::Content::with_text(&t.body);
        self.signatory = t.signatory;
        self.template_errors.clear();
    }

    pub fn update(
        &mut self,
        message: Message,
        data: &SetupData,
        session: &AppSession,
    ) -> (Task<Message>, Option<Saved>) {
        match message {
            Message::Clearance(v) => {
                self.clearance = v;
                self.clearance_saved = None;
            }
            Message::SaveClearance if !self.busy => {
                self.busy = true;
                let text = self.clearance.clone();
                return (
                    spawn_job(
                        session,
                        move |conn, actor| {
                            crate::vetting::set_rule(conn, actor, &text).map(|r| r.describe())
                        },
                        Message::ClearanceSaved,
                    ),
                    None,
                );
            }
            Message::ClearanceSaved(outcome) => {
                self.busy = false;
                match outcome {
                    Ok(Ok(words)) => {
                        self.clearance_errors.clear();
                        self.clearance_saved = Some(format!("Saved: clearance is {words}."));
                        return (Task::none(), Some(Saved::Reload));
                    }
                    Ok(Err(errors)) => self.clearance_errors = errors,
                    Err(e) => self.error = Some(e),
                }
            }
            Message::Kind(kind) => {
                self.kind = kind;
                self.template_saved = None;
                self.show_template(data);
            }
            Message::Subject(v) => self.subject = v,
            Message::Body(action) => self.body.perform(action),
            Message::Signatory(v) => self.signatory = v,
            Message::SaveTemplate if !self.busy => {
                self.busy = true;
                let kind = self.kind;
                let template = Template {
                    subject: self.subject.clone(),
                    body: self.body.text(),
                    signatory: self.signatory.clone(),
                };
                return (
                    spawn_job(
                        session,
                        move |conn, actor| {
                            letters::set_template(conn, actor, kind, &template).map(|()| kind)
                        },
                        Message::TemplateSaved,
                    ),
                    None,
                );
            }
            Message::TemplateSaved(outcome) => {
                self.busy = false;
                match outcome {
                    Ok(Ok(kind)) => {
                        self.template_errors.clear();
                        self.template_saved =
                            Some(format!("Saved: the {} template.", kind.label()));
                        return (Task::none(), Some(Saved::Reload));
                    }
                    Ok(Err(errors)) => self.template_errors = errors,
                    Err(e) => self.error = Some(e),
                }
            }
            Message::SaveClearance | Message::SaveTemplate => {}
        }
        (Task::none(), None)
    }

    pub fn view<'a>(&'a self, _data: &'a SetupData, may_edit: bool) -> Element<'a, Message> {
        let idle = may_edit && !self.busy;
        let mut clearance = column![
            text("Security clearance").size(18),
            text("Whether the host's security service must clear a participant before a badge is printed or handed over: off, all, or category codes separated by ; (e.g. MED;SEC).").size(13),
            row![
                form::text_field(
                    "Clearance required",
                    CLEARANCE_INPUT,
                    "off, all, or MED;SEC",
                    &self.clearance,
                    form::error_of(&self.clearance_errors, "clearance"),
                    may_edit.then_some(Message::Clearance),
                ),
                button(text("Save clearance"))
                    .on_press_maybe(idle.then_some(Message::SaveClearance)),
            ]
            .spacing(10)
            .align_y(iced::Bottom),
        ]
        .spacing(8);
        if let Some(s) = &self.clearance_saved {
            clearance = clearance.push(form::saved(s));
        }
        let kinds = LetterKind::ALL.iter().fold(row![].spacing(6), |r, &k| {
            r.push(
                button(text(k.label()).size(14))
                    .style(if k == self.kind {
                        button::primary
                    } else {
                        button::secondary
                    })
                    .on_press(Message::Kind(k)),
            )
        });
        let mut editor = text_editor(&self.body).height(Length::Fixed(220.0));
        if may_edit {
            editor = editor.on_action(Message::Body);
        }
        let placeholders = PLACEHOLDERS
            .iter()
            .map(|(p, what)| format!("{{{p}}} {what}"))
            .collect::<Vec<_>>()
            .join(" · ");
        let mut letters = column![
            text("Letters for delegates").size(18),
            kinds,
            form::text_field(
                "Subject",
                SUBJECT_INPUT,
                "Subject line",
                &self.subject,
                form::error_of(&self.template_errors, "subject"),
                may_edit.then_some(Message::Subject),
            ),
            form::field(
                "Text (paragraphs separated by a blank line)",
                editor,
                form::error_of(&self.template_errors, "body"),
            ),
            form::text_field(
                "Signatory",
                SIGNATORY_INPUT,
                "e.g. The Accreditation Office",
                &self.signatory,
                None,
                may_edit.then_some(Message::Signatory),
            ),
            text(format!("Placeholders: {placeholders}")).size(12),
            button(text("Save template")).on_press_maybe(idle.then_some(Message::SaveTemplate)),
        ]
        .spacing(8);
        if let Some(s) = &self.template_saved {
            letters = letters.push(form::saved(s));
        }
        let mut page = column![clearance, rule::horizontal(1), letters]
            .spacing(14)
            .width(Fill);
        if let Some(e) = &self.error {
            page = page.push(form::problem(e));
        }
        iced::widget::scrollable(page).height(Fill).into()
    }
}
