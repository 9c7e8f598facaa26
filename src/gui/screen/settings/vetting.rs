//! Settings → Vetting and letters: whether badges need the host's security
//! clearance (off, every category, or some), and the text of each kind of
//! letter for delegates, with the placeholders it may use. The CLI twins are
//! `event set --clearance` and `letters --kind … --template`.

use iced::widget::{button, column, pick_list, row, rule, text, text_editor};
use iced::{Element, Fill, Length, Task};

use super::{Saved, SetupData, spawn_job};
use crate::gui::Session as AppSession;
use crate::gui::screen::form;
use crate::gui::worker::{JobError, Outcome};
use accredit::domain::ClearanceRule;
use accredit::domain::FieldError;
use accredit::i18n::Language;
use accredit::letters::{self, LetterKind, PLACEHOLDERS, Template};
use accredit::t;

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
    language_saved: Option<String>,
    busy: bool,
    error: Option<Problem>,
}

/// What the last save could not do, worded by the view.
#[derive(Debug)]
enum Problem {
    /// The document language was refused (it has no field of its own).
    Field(FieldError),
    Failed(JobError),
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Field(e) => e.fmt(f),
            Problem::Failed(e) => e.fmt(f),
        }
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    Clearance(String),
    SaveClearance,
    ClearanceSaved(Outcome<super::Checked<ClearanceRule>>),
    Kind(LetterKind),
    Subject(String),
    Body(text_editor::Action),
    Signatory(String),
    SaveTemplate,
    TemplateSaved(Outcome<super::Checked<LetterKind>>),
    DocumentLanguage(Language),
    DocumentLanguageSaved(Outcome<super::Checked<Language>>),
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
            language_saved: None,
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
            .unwrap_or_else(|| {
                Template::default_in(
                    self.kind,
                    accredit::report::document_language(data.document_language),
                )
            });
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
                        move |conn, actor| accredit::vetting::set_rule(conn, actor, &text),
                        Message::ClearanceSaved,
                    ),
                    None,
                );
            }
            Message::ClearanceSaved(outcome) => {
                self.busy = false;
                match outcome {
                    Ok(Ok(rule)) => {
                        self.clearance_errors.clear();
                        self.clearance_saved = Some(match rule {
                            ClearanceRule::Off => t!("settings-clearance-saved-off"),
                            ClearanceRule::All => t!("settings-clearance-saved-all"),
                            ClearanceRule::Categories(codes) => t!(
                                "settings-clearance-saved-categories",
                                categories = codes.join(", ")
                            ),
                        });
                        return (Task::none(), Some(Saved::Reload));
                    }
                    Ok(Err(errors)) => self.clearance_errors = errors,
                    Err(e) => self.error = Some(Problem::Failed(e)),
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
                        self.template_saved = Some(match kind {
                            LetterKind::Acknowledgement => {
                                t!("settings-letter-saved-acknowledgement")
                            }
                            LetterKind::Visa => t!("settings-letter-saved-visa"),
                        });
                        return (Task::none(), Some(Saved::Reload));
                    }
                    Ok(Err(errors)) => self.template_errors = errors,
                    Err(e) => self.error = Some(Problem::Failed(e)),
                }
            }
            Message::DocumentLanguage(language) if !self.busy => {
                self.busy = true;
                self.language_saved = None;
                return (
                    spawn_job(
                        session,
                        move |conn, actor| {
                            accredit::setup::set_document_language(conn, actor, language)
                        },
                        Message::DocumentLanguageSaved,
                    ),
                    None,
                );
            }
            Message::DocumentLanguageSaved(outcome) => {
                self.busy = false;
                match outcome {
                    Ok(Ok(language)) => {
                        self.language_saved = Some(t!(
                            "settings-documents-language-saved",
                            language = language.native_name()
                        ));
                        return (Task::none(), Some(Saved::Reload));
                    }
                    Ok(Err(errors)) => self.error = errors.into_iter().next().map(Problem::Field),
                    Err(e) => self.error = Some(Problem::Failed(e)),
                }
            }
            Message::SaveClearance | Message::SaveTemplate | Message::DocumentLanguage(_) => {}
        }
        (Task::none(), None)
    }

    pub fn view<'a>(&'a self, data: &'a SetupData, may_edit: bool) -> Element<'a, Message> {
        let idle = may_edit && !self.busy;
        // A list to choose from for whoever may edit; the setting in words
        // for the others (and while a change is being saved).
        let chooser: Element<'a, Message> = if idle {
            pick_list(
                Language::ALL,
                Some(data.document_language),
                Message::DocumentLanguage,
            )
            .into()
        } else {
            text(data.document_language.native_name()).into()
        };
        let mut documents = column![
            row![text(t!("settings-documents-language")), chooser]
                .spacing(10)
                .align_y(iced::Center),
            text(t!("settings-documents-language-help")).size(12),
        ]
        .spacing(6);
        if let Some(s) = &self.language_saved {
            documents = documents.push(form::saved(s));
        }
        let mut clearance = column![
            text(t!("settings-clearance-title")).size(18),
            text(t!("settings-clearance-help")).size(13),
            row![
                form::text_field(
                    &t!("settings-clearance-required"),
                    CLEARANCE_INPUT,
                    &t!("settings-clearance-placeholder"),
                    &self.clearance,
                    form::error_of(&self.clearance_errors, "clearance"),
                    may_edit.then_some(Message::Clearance),
                ),
                button(text(t!("settings-clearance-save")))
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
                button(text(letter_kind_label(k)).size(14))
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
            .map(|(p, what)| format!("{{{p}}} {}", placeholder_label(p, what)))
            .collect::<Vec<_>>()
            .join(" · ");
        let mut letters = column![
            text(t!("settings-letter-title")).size(18),
            kinds,
            form::text_field(
                &t!("settings-letter-subject"),
                SUBJECT_INPUT,
                &t!("settings-letter-subject-placeholder"),
                &self.subject,
                form::error_of(&self.template_errors, "subject"),
                may_edit.then_some(Message::Subject),
            ),
            form::field(
                &t!("settings-letter-body"),
                editor,
                form::error_of(&self.template_errors, "body"),
            ),
            form::text_field(
                &t!("settings-letter-signatory"),
                SIGNATORY_INPUT,
                &t!("settings-letter-signatory-placeholder"),
                &self.signatory,
                None,
                may_edit.then_some(Message::Signatory),
            ),
            text(t!(
                "settings-letter-placeholders",
                placeholders = placeholders
            ))
            .size(12),
            button(text(t!("settings-letter-save")))
                .on_press_maybe(idle.then_some(Message::SaveTemplate)),
        ]
        .spacing(8);
        if let Some(s) = &self.template_saved {
            letters = letters.push(form::saved(s));
        }
        let mut page = column![
            clearance,
            rule::horizontal(1),
            documents,
            rule::horizontal(1),
            letters
        ]
        .spacing(14)
        .width(Fill);
        if let Some(e) = &self.error {
            page = page.push(form::problem(&e.to_string()));
        }
        iced::widget::scrollable(page).height(Fill).into()
    }
}

/// A kind of letter, as its button names it.
fn letter_kind_label(kind: LetterKind) -> String {
    match kind {
        LetterKind::Acknowledgement => t!("settings-letter-kind-acknowledgement"),
        LetterKind::Visa => t!("settings-letter-kind-visa"),
    }
}

/// What a letter's placeholder stands for, in the interface's language;
/// `what` (the core's English words) for one this screen does not know.
fn placeholder_label(placeholder: &str, what: &str) -> String {
    match placeholder {
        "name" => t!("settings-letter-placeholder-name"),
        "given_names" => t!("settings-letter-placeholder-given-names"),
        "family_name" => t!("settings-letter-placeholder-family-name"),
        "function" => t!("settings-letter-placeholder-function"),
        "delegation" => t!("settings-letter-placeholder-delegation"),
        "category" => t!("settings-letter-placeholder-category"),
        "nationality" => t!("settings-letter-placeholder-nationality"),
        "date_of_birth" => t!("settings-letter-placeholder-date-of-birth"),
        "document_type" => t!("settings-letter-placeholder-document-type"),
        "document_number" => t!("settings-letter-placeholder-document-number"),
        "document_expiry" => t!("settings-letter-placeholder-document-expiry"),
        "event" => t!("settings-letter-placeholder-event"),
        "venue" => t!("settings-letter-placeholder-venue"),
        "dates" => t!("settings-letter-placeholder-dates"),
        _ => what.to_owned(),
    }
}
