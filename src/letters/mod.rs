//! Letters for delegates: an acknowledgement of accreditation, or a letter
//! in support of a visa application, one per person on the event's
//! letterhead. The text is a template an administrator edits (placeholders
//! such as `{name}` are filled in per person). Each letter carries a QR code
//! signed with the event's key (`credential::letter`): scanned into the
//! desk's search field it opens that participant; a gate refuses it, since
//! a letter is never a badge. Letters are only for approved people who are
//! cleared where clearance is required. A letter is written in a given
//! language: its fixed words, its dates and, unless an administrator wrote
//! the template, the default template of that language.

pub mod code;
mod render;
mod template;

use crate::store::Db;
use std::path::Path;

use serde::Serialize;

use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::credential::{LetterClaims, issue_letter};
use crate::domain::{DelegationId, ParticipantId, ParticipantStatus};
use crate::error::{Error, Result};
use crate::i18n::Language;
use crate::store;
use crate::workspace::Workspace;

pub use template::{PLACEHOLDERS, Template};

/// Which letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LetterKind {
    Acknowledgement,
    Visa,
}

impl LetterKind {
    pub const ALL: [LetterKind; 2] = [LetterKind::Acknowledgement, LetterKind::Visa];

    pub fn as_str(self) -> &'static str {
        match self {
            LetterKind::Acknowledgement => "acknowledgement",
            LetterKind::Visa => "visa",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            LetterKind::Acknowledgement => "Acknowledgement of accreditation",
            LetterKind::Visa => "Visa support letter",
        }
    }

    /// [`LetterKind::label`] in `language`.
    pub fn label_in(self, language: Language) -> String {
        match self {
            LetterKind::Acknowledgement => crate::tr!(language, "doc-letter-kind-acknowledgement"),
            LetterKind::Visa => crate::tr!(language, "doc-letter-kind-visa"),
        }
    }

    /// The number the letter's signed code carries.
    pub fn code(self) -> u8 {
        match self {
            LetterKind::Acknowledgement => 1,
            LetterKind::Visa => 2,
        }
    }
}

impl std::fmt::Display for LetterKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

impl std::str::FromStr for LetterKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "acknowledgement" | "acknowledgment" | "ack" => Ok(LetterKind::Acknowledgement),
            "visa" => Ok(LetterKind::Visa),
            other => Err(format!(
                "\"{other}\" is not a kind of letter (acknowledgement or visa)"
            )),
        }
    }
}

/// Who gets a letter; empty lists mean everyone.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LetterSelection {
    pub delegations: Vec<DelegationId>,
    pub participants: Vec<ParticipantId>,
}

/// Someone left without a letter, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub participant: ParticipantId,
    pub name: String,
    pub reason: String,
}

/// What writing letters did. Field names are part of the CLI's JSON interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LetterSummary {
    pub kind: LetterKind,
    pub letters: usize,
    pub pages: usize,
    pub bytes: usize,
    /// The participants who got a letter, in the file's order.
    pub participants: Vec<ParticipantId>,
    pub skipped: Vec<Skipped>,
}

/// The template of a kind: the administrator's, or the default.
pub fn template(conn: &Db, kind: LetterKind) -> Result<Template> {
    template_in(conn, kind, Language::English)
}

/// The template of a kind: the administrator's (in the words they wrote),
/// or the default one of `language`.
pub fn template_in(conn: &Db, kind: LetterKind, language: Language) -> Result<Template> {
    Ok(match store::letters::get(conn, kind.as_str())? {
        Some((subject, body, signatory)) => Template {
            subject,
            body,
            signatory,
        },
        None => Template::default_in(kind, language),
    })
}

/// Replaces a kind's template, audited. Unknown placeholders are refused.
pub fn set_template(
    conn: &mut Db,
    actor: &Actor,
    kind: LetterKind,
    template: &Template,
) -> Result<()> {
    actor.require(Permission::ConfigureEvent)?;
    let t = template.cleaned();
    t.check()?;
    conn.write(|tx| {
        let before = self::template(tx, kind)?;
        if before != t {
            store::letters::set(tx, kind.as_str(), &t.subject, &t.body, &t.signatory)?;
            audit::record(
                tx,
                actor,
                crate::clock::now(),
                Change::new("event.letter_template", "letter_template", kind.as_str()),
                Some(&before),
                Some(&t),
            )?;
        }
        Ok(())
    })
}

/// Writes one letter per selected person to `path` (one PDF), audited, in
/// `language` (English where the documents are not translated into it): the fixed words, the dates, the document types and
/// the default template. The summary (and the reasons people were skipped)
/// stays English, as the CLI's JSON gives it.
pub fn write_letters_in(
    ws: &Workspace,
    conn: &mut Db,
    actor: &Actor,
    kind: LetterKind,
    selection: &LetterSelection,
    path: &Path,
    language: Language,
) -> Result<LetterSummary> {
    actor.require(Permission::WriteLetters)?;
    let language = crate::report::document_language(language);
    let now = crate::clock::now();
    // The PDF is staged in each try; only the committed try's is named.
    let (summary, staged) = conn.write(|tx| {
        let event = store::event::get(tx)?;
        let printing = crate::desk::printing::Selection {
            delegations: selection.delegations.clone(),
            participants: selection.participants.clone(),
            ..Default::default()
        };
        let people = crate::desk::printing::select(tx, &printing)?;
        if people.len() < selection.participants.len() {
            return Err(Error::not_found(
                "participant",
                selection
                    .participants
                    .iter()
                    .find(|id| !people.iter().any(|p| p.id == **id))
                    .copied()
                    .unwrap_or_default(),
            ));
        }
        let mut chosen = Vec::new();
        let mut skipped = Vec::new();
        for p in people {
            let why = if p.status != ParticipantStatus::Approved {
                Some(format!(
                    "{}: letters are for approved participants",
                    p.status
                ))
            } else {
                crate::vetting::blocked(tx, &p)?
            };
            match why {
                Some(reason) => skipped.push(Skipped {
                    participant: p.id,
                    name: p.details.display_name(),
                    reason,
                }),
                None => chosen.push(p),
            }
        }
        if chosen.is_empty() {
            return Err(Error::Refused(format!(
                "no letter to write: none of the {} participant(s) selected is approved and cleared{}",
                skipped.len(),
                skipped
                    .first()
                    .map(|s| format!(" ({}: {})", s.name, s.reason))
                    .unwrap_or_default()
            )));
        }
        let key = crate::signing::signing_key(&ws.keys_dir(), tx)?;
        let template = template_in(tx, kind, language)?;
        let lookup = crate::desk::records::Lookup::load(tx)?;
        let mut letters = Vec::with_capacity(chosen.len());
        for p in &chosen {
            let code = issue_letter(
                &LetterClaims {
                    event: event.code.to_string(),
                    participant: p.id as u64,
                    kind: kind.code(),
                    issued_at: now.max(0) as u64,
                },
                &key.1,
            );
            let fields = template::Fields::of_in(&event, p, &lookup, now, language);
            letters.push(render::Letter {
                participant: p.id,
                recipient: fields.recipient(),
                subject: template.fill_subject(&fields),
                body: template.fill_body(&fields),
                signatory: template.signatory.clone(),
                date: fields.date.clone(),
                code,
            });
            audit::record(
                tx,
                actor,
                now,
                Change::new("participant.letter", "participant", p.id).for_participant(p.id),
                None::<&()>,
                Some(&serde_json::json!({"kind": kind.as_str()})),
            )?;
        }
        let logo = store::event::logo(tx)?;
        let (pdf, pages) = render::render(&event, logo.as_deref(), kind, &letters, language)?;
        let summary = LetterSummary {
            kind,
            letters: letters.len(),
            pages,
            bytes: pdf.len(),
            participants: chosen.iter().map(|p| p.id).collect(),
            skipped,
        };
        let staged = crate::files::write_staged(path, &pdf)?;
        Ok((summary, staged))
    })?;
    staged.publish()?;
    Ok(summary)
}
