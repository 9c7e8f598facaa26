//! A letter's text: subject, body (paragraphs separated by a blank line)
//! and signatory, with placeholders filled in per person.

use serde::Serialize;

use super::LetterKind;
use crate::desk::records::Lookup;
use crate::domain::{Event, FieldError, Participant, clean_text};
use crate::error::{Error, Result};
use crate::i18n::{Arg, Language, lookup};

/// The placeholders a template may use, and what each stands for.
pub const PLACEHOLDERS: [(&str, &str); 14] = [
    ("name", "the name as printed on the badge"),
    ("given_names", "given names"),
    ("family_name", "family name"),
    ("function", "function or title"),
    ("delegation", "the delegation's name"),
    ("category", "the badge category's name"),
    ("nationality", "nationality (ISO code)"),
    ("date_of_birth", "date of birth"),
    ("document_type", "identity document's type"),
    ("document_number", "identity document's number"),
    ("document_expiry", "identity document's expiry"),
    ("event", "the event's name"),
    ("venue", "the venue"),
    ("dates", "the event's dates"),
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Template {
    pub subject: String,
    pub body: String,
    pub signatory: String,
}

impl Template {
    /// The English default of a kind.
    pub fn default_for(kind: LetterKind) -> Template {
        Template::default_in(kind, Language::English)
    }

    /// The default of a kind in `language` (from the catalogue, where the
    /// placeholders are Fluent variables: `{ $name }` there is `{name}`
    /// here, so a translation cannot misspell one).
    pub fn default_in(kind: LetterKind, language: Language) -> Template {
        let l = language;
        let args: Vec<(&'static str, Arg)> = PLACEHOLDERS
            .iter()
            .map(|(name, _)| (*name, Arg::Text(format!("{{{name}}}"))))
            .collect();
        let signatory = lookup(l, "doc-letter-signatory", &args);
        match kind {
            LetterKind::Acknowledgement => Template {
                subject: lookup(l, "doc-letter-acknowledgement-subject", &args),
                body: lookup(l, "doc-letter-acknowledgement-body", &args),
                signatory,
            },
            LetterKind::Visa => Template {
                subject: lookup(l, "doc-letter-visa-subject", &args),
                body: lookup(l, "doc-letter-visa-body", &args),
                signatory,
            },
        }
    }

    pub fn cleaned(&self) -> Template {
        // Paragraph breaks are kept; each line is cleaned on its own.
        let body = self
            .body
            .replace("\r\n", "\n")
            .split('\n')
            .map(clean_text)
            .collect::<Vec<_>>()
            .join("\n");
        Template {
            subject: clean_text(&self.subject),
            body: body.trim().to_string(),
            signatory: clean_text(&self.signatory),
        }
    }

    /// Refuses an empty body or subject and unknown placeholders, naming them.
    pub fn check(&self) -> Result<()> {
        let mut problems = Vec::new();
        for (field, text) in [("subject", &self.subject), ("body", &self.body)] {
            if text.trim().is_empty() {
                problems.push(FieldError::new(field, "is empty"));
            }
            for name in placeholders_in(text) {
                if !PLACEHOLDERS.iter().any(|(p, _)| *p == name) {
                    problems.push(FieldError::new(
                        field,
                        format!(
                            "{{{name}}} is not a placeholder (there are {})",
                            PLACEHOLDERS
                                .iter()
                                .map(|(p, _)| format!("{{{p}}}"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    ));
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(problems))
        }
    }

    pub fn fill_subject(&self, f: &Fields) -> String {
        fill(&self.subject, f)
    }

    /// The body's paragraphs, filled in.
    pub fn fill_body(&self, f: &Fields) -> Vec<String> {
        self.body
            .split("\n\n")
            .map(|p| fill(p, f).split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect()
    }
}

fn placeholders_in(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                found.push(&after[..end]);
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    found
}

fn fill(text: &str, f: &Fields) -> String {
    let mut out = text.to_string();
    for (name, value) in f.values() {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// One person's values for the placeholders.
pub struct Fields {
    pub name: String,
    pub given_names: String,
    pub family_name: String,
    pub function: String,
    pub delegation: String,
    pub category: String,
    pub nationality: String,
    pub date_of_birth: String,
    pub document_type: String,
    pub document_number: String,
    pub document_expiry: String,
    pub event: String,
    pub venue: String,
    pub dates: String,
    /// The letter's date, in the event's time zone.
    pub date: String,
}

impl Fields {
    pub fn of(event: &Event, p: &Participant, lookup: &Lookup, now: i64) -> Fields {
        Fields::of_in(event, p, lookup, now, Language::English)
    }

    /// One person's values with the dates and the document's type in
    /// `language` (names as entered).
    pub fn of_in(
        event: &Event,
        p: &Participant,
        lookup: &Lookup,
        now: i64,
        language: Language,
    ) -> Fields {
        let d = &p.details;
        let long = |date: Option<jiff::civil::Date>| {
            date.map(|d| crate::i18n::date_long(language, d))
                .unwrap_or_default()
        };
        let today = jiff::Timestamp::from_second(now)
            .map(|t| t.to_zoned_datetime(event.tz()).date())
            .ok();
        Fields {
            name: d.printed_name().one_line(),
            given_names: d.given_names.clone(),
            family_name: d.family_name.clone(),
            function: d.function.clone(),
            delegation: lookup
                .delegations
                .get(&d.delegation)
                .map(|x| x.name.clone())
                .unwrap_or_default(),
            category: lookup
                .categories
                .get(&d.category)
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            nationality: d.nationality.clone(),
            date_of_birth: long(d.date_of_birth),
            document_type: d.document.kind.label_in(language),
            document_number: d.document.number.clone(),
            document_expiry: long(d.document.expiry),
            event: event.name.clone(),
            venue: event.venue.clone(),
            dates: event.dates_label_in(language),
            date: long(today),
        }
    }

    fn values(&self) -> [(&'static str, &str); 14] {
        [
            ("name", &self.name),
            ("given_names", &self.given_names),
            ("family_name", &self.family_name),
            ("function", &self.function),
            ("delegation", &self.delegation),
            ("category", &self.category),
            ("nationality", &self.nationality),
            ("date_of_birth", &self.date_of_birth),
            ("document_type", &self.document_type),
            ("document_number", &self.document_number),
            ("document_expiry", &self.document_expiry),
            ("event", &self.event),
            ("venue", &self.venue),
            ("dates", &self.dates),
        ]
    }

    /// The address block: name, function, delegation.
    pub fn recipient(&self) -> Vec<String> {
        [&self.name, &self.function, &self.delegation]
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .cloned()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The English defaults as they were written in the code before they
    /// moved to the catalogue: letters already written keep their words.
    #[test]
    fn the_english_defaults_are_unchanged() {
        let ack = Template::default_for(LetterKind::Acknowledgement);
        assert_eq!(ack.subject, "Accreditation to {event}");
        assert_eq!(
            ack.body,
            "Dear {name},\n\nThe organisers of {event}, held at {venue} on {dates}, \
             acknowledge your accreditation as {function} of the delegation of \
             {delegation} ({category}).\n\nPlease collect your badge at the \
             accreditation desk with the identity document you were nominated with \
             ({document_type} {document_number}).\n\nWe look forward to welcoming you."
        );
        assert_eq!(ack.signatory, "The Accreditation Office");
        let visa = Template::default_for(LetterKind::Visa);
        assert_eq!(
            visa.subject,
            "Visa application in support of participation in {event}"
        );
        assert_eq!(
            visa.body,
            "To the consular authorities concerned,\n\nThe organisers of {event}, \
             held at {venue} on {dates}, confirm that {name}, born on \
             {date_of_birth}, national of {nationality}, holder of \
             {document_type} {document_number} valid until {document_expiry}, is \
             accredited as {function} of the delegation of {delegation}.\n\nWe \
             would be grateful for any assistance in granting the visa needed to \
             attend the conference.\n\nThis letter does not give access to the \
             venue; the accreditation badge does."
        );
        assert_eq!(visa.signatory, "The Accreditation Office");
    }

    #[test]
    fn every_language_default_is_a_valid_template() {
        for language in Language::ALL {
            for kind in LetterKind::ALL {
                let t = Template::default_in(kind, language);
                assert!(t.check().is_ok(), "{language:?} {kind:?}: {t:?}");
                assert_eq!(t.cleaned(), t, "{language:?} {kind:?}");
                assert!(t.body.split("\n\n").count() >= 3, "{language:?} {kind:?}");
            }
        }
        let fr = Template::default_in(LetterKind::Visa, Language::French);
        assert!(fr.body.contains("{name}") && fr.body.contains("{document_expiry}"));
        assert!(
            fr.body.starts_with("Aux autorités consulaires"),
            "{}",
            fr.body
        );
        let vi = Template::default_in(LetterKind::Acknowledgement, Language::Vietnamese);
        assert!(vi.subject.contains("{event}"), "{}", vi.subject);
        assert!(!vi.body.contains('$'), "{}", vi.body);
    }

    #[test]
    fn unknown_placeholders_are_named() {
        let mut t = Template::default_for(LetterKind::Visa);
        assert!(t.check().is_ok());
        t.body.push_str(" {passport}");
        let e = t.check().unwrap_err().to_string();
        assert!(e.contains("{passport}"), "{e}");
    }
}
