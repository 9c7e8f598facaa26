//! The participant's fields as the clerk types them: text in, details out.
//! Checking a form is pure (no store): parsing plus the domain's own field
//! rules, so it runs on every keystroke. The checks that need the store (the
//! delegation's reference is free) run when saving, in the worker.

use accredit::desk::participants::clean;
use accredit::domain::{
    CategoryId, DelegationId, DocumentKind, Event, FieldError, Gender, IdDocument,
    ParticipantDetails, ZoneSet, parse_date,
};

/// A text field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    GivenNames,
    FamilyName,
    BadgeName,
    Function,
    Nationality,
    DateOfBirth,
    DocumentNumber,
    DocumentExpiry,
    Email,
    Phone,
    ZonesAdded,
    ZonesRemoved,
    Notes,
    Reference,
}

impl Field {
    /// The name the core uses for this field in its `FieldError`s.
    pub fn key(self) -> &'static str {
        match self {
            Field::GivenNames => "given_names",
            Field::FamilyName => "family_name",
            Field::BadgeName => "badge_name",
            Field::Function => "function",
            Field::Nationality => "nationality",
            Field::DateOfBirth => "date_of_birth",
            Field::DocumentNumber => "document_number",
            Field::DocumentExpiry => "document_expiry",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::ZonesAdded => "zones_added",
            Field::ZonesRemoved => "zones_removed",
            Field::Notes => "notes",
            Field::Reference => "reference",
        }
    }

    /// The field's label, in the interface's language.
    pub fn label(self) -> String {
        match self {
            Field::GivenNames => accredit::t!("participant-field-given-names"),
            Field::FamilyName => accredit::t!("participant-field-family-name"),
            Field::BadgeName => accredit::t!("participant-field-badge-name"),
            Field::Function => accredit::t!("participant-field-function"),
            Field::Nationality => accredit::t!("participant-field-nationality"),
            Field::DateOfBirth => accredit::t!("participant-field-date-of-birth"),
            Field::DocumentNumber => accredit::t!("participant-field-document-number"),
            Field::DocumentExpiry => accredit::t!("participant-field-document-expiry"),
            Field::Email => accredit::t!("participant-field-email"),
            Field::Phone => accredit::t!("participant-field-phone"),
            Field::ZonesAdded => accredit::t!("participant-field-zones-added"),
            Field::ZonesRemoved => accredit::t!("participant-field-zones-removed"),
            Field::Notes => accredit::t!("participant-field-notes"),
            Field::Reference => accredit::t!("participant-field-reference"),
        }
    }
}

/// Every field of a participant as text (or a choice).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Form {
    pub delegation: DelegationId,
    pub category: CategoryId,
    pub gender: Gender,
    pub document_kind: DocumentKind,
    pub given_names: String,
    pub family_name: String,
    pub badge_name: String,
    pub function: String,
    pub nationality: String,
    pub date_of_birth: String,
    pub document_number: String,
    pub document_expiry: String,
    pub email: String,
    pub phone: String,
    pub zones_added: String,
    pub zones_removed: String,
    pub notes: String,
    pub reference: String,
}

impl Form {
    pub fn from_details(d: &ParticipantDetails) -> Form {
        let date = |v: Option<jiff::civil::Date>| v.map(|d| d.to_string()).unwrap_or_default();
        Form {
            delegation: d.delegation,
            category: d.category,
            gender: d.gender,
            document_kind: d.document.kind,
            given_names: d.given_names.clone(),
            family_name: d.family_name.clone(),
            badge_name: d.badge_name.clone(),
            function: d.function.clone(),
            nationality: d.nationality.clone(),
            date_of_birth: date(d.date_of_birth),
            document_number: d.document.number.clone(),
            document_expiry: date(d.document.expiry),
            email: d.email.clone(),
            phone: d.phone.clone(),
            zones_added: d.zones_added.to_list(),
            zones_removed: d.zones_removed.to_list(),
            notes: d.notes.clone(),
            reference: d.reference.clone(),
        }
    }

    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::GivenNames => &self.given_names,
            Field::FamilyName => &self.family_name,
            Field::BadgeName => &self.badge_name,
            Field::Function => &self.function,
            Field::Nationality => &self.nationality,
            Field::DateOfBirth => &self.date_of_birth,
            Field::DocumentNumber => &self.document_number,
            Field::DocumentExpiry => &self.document_expiry,
            Field::Email => &self.email,
            Field::Phone => &self.phone,
            Field::ZonesAdded => &self.zones_added,
            Field::ZonesRemoved => &self.zones_removed,
            Field::Notes => &self.notes,
            Field::Reference => &self.reference,
        }
    }

    pub fn set(&mut self, field: Field, value: String) {
        let slot = match field {
            Field::GivenNames => &mut self.given_names,
            Field::FamilyName => &mut self.family_name,
            Field::BadgeName => &mut self.badge_name,
            Field::Function => &mut self.function,
            Field::Nationality => &mut self.nationality,
            Field::DateOfBirth => &mut self.date_of_birth,
            Field::DocumentNumber => &mut self.document_number,
            Field::DocumentExpiry => &mut self.document_expiry,
            Field::Email => &mut self.email,
            Field::Phone => &mut self.phone,
            Field::ZonesAdded => &mut self.zones_added,
            Field::ZonesRemoved => &mut self.zones_removed,
            Field::Notes => &mut self.notes,
            Field::Reference => &mut self.reference,
        };
        *slot = value;
    }

    /// The details the form holds, or every field that cannot be read.
    pub fn details(&self) -> Result<ParticipantDetails, Vec<FieldError>> {
        let (details, errors) = self.read();
        if errors.is_empty() {
            Ok(details)
        } else {
            Err(errors)
        }
    }

    /// The details, with the fields that cannot be read left empty, and the
    /// problem of each of those.
    fn read(&self) -> (ParticipantDetails, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut date = |field: Field, text: &str| {
            if text.trim().is_empty() {
                return None;
            }
            match parse_date(text) {
                Ok(d) => Some(d),
                Err(e) => {
                    errors.push(FieldError::new(field.key(), e));
                    None
                }
            }
        };
        let date_of_birth = date(Field::DateOfBirth, &self.date_of_birth);
        let expiry = date(Field::DocumentExpiry, &self.document_expiry);
        let mut zones = |field: Field, text: &str| match ZoneSet::parse(text) {
            Ok(z) => z,
            Err(e) => {
                errors.push(FieldError::new(field.key(), e));
                ZoneSet::EMPTY
            }
        };
        let zones_added = zones(Field::ZonesAdded, &self.zones_added);
        let zones_removed = zones(Field::ZonesRemoved, &self.zones_removed);
        let details = ParticipantDetails {
            delegation: self.delegation,
            category: self.category,
            given_names: self.given_names.clone(),
            family_name: self.family_name.clone(),
            badge_name: self.badge_name.clone(),
            function: self.function.clone(),
            gender: self.gender,
            nationality: self.nationality.clone(),
            date_of_birth,
            document: IdDocument {
                kind: self.document_kind,
                number: self.document_number.clone(),
                expiry,
            },
            email: self.email.clone(),
            phone: self.phone.clone(),
            zones_added,
            zones_removed,
            notes: self.notes.clone(),
            reference: self.reference.clone(),
        };
        (details, errors)
    }

    /// Every problem the form has on its own, as the core would report it
    /// (after the same cleaning), without the store.
    pub fn check(&self, event: &Event) -> Vec<FieldError> {
        let (mut details, mut errors) = self.read();
        clean(&mut details);
        errors.extend(details.validate(Some((event.start_date, event.end_date))));
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn details() -> ParticipantDetails {
        ParticipantDetails {
            delegation: 3,
            category: 2,
            given_names: "Thị Mai".into(),
            family_name: "Nguyễn".into(),
            date_of_birth: Some(jiff::civil::date(1980, 5, 17)),
            document: IdDocument {
                kind: DocumentKind::DiplomaticPassport,
                number: "C1234567".into(),
                expiry: Some(jiff::civil::date(2030, 1, 31)),
            },
            zones_added: ZoneSet::from_numbers([4, 5]),
            ..Default::default()
        }
    }

    #[test]
    fn round_trips_details() {
        let d = details();
        let form = Form::from_details(&d);
        assert_eq!(form.zones_added, "4;5");
        assert_eq!(form.date_of_birth, "1980-05-17");
        assert_eq!(form.details().unwrap(), d);
    }

    #[test]
    fn names_every_unreadable_field() {
        let mut form = Form::from_details(&details());
        form.set(Field::DateOfBirth, "31/02/1980".into());
        form.set(Field::ZonesAdded, "4;x".into());
        let errors = form.details().unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["date_of_birth", "zones_added"]);
        assert!(errors[0].message.contains("31/02/1980"), "{errors:?}");
    }

    #[test]
    fn checks_as_the_core_does() {
        let event = accredit::demo::event(&accredit::demo::Dates::seed()).unwrap();
        let mut form = Form::from_details(&details());
        assert!(form.check(&event).is_empty());
        form.set(Field::Email, "not an address".into());
        form.set(Field::DocumentExpiry, "2025-10-01".into());
        form.set(Field::Nationality, "vn".into());
        let fields: Vec<_> = form.check(&event).iter().map(|e| e.field).collect();
        assert!(fields.contains(&"email"), "{fields:?}");
        assert!(fields.contains(&"document_expiry"), "{fields:?}");
        assert!(fields.contains(&"nationality"), "{fields:?}");
        // A field that cannot be read does not hide the problems of the others.
        form = Form::from_details(&details());
        form.set(Field::DateOfBirth, "yesterday".into());
        form.set(Field::Email, "nobody".into());
        let fields: Vec<_> = form.check(&event).iter().map(|e| e.field).collect();
        assert_eq!(fields, ["date_of_birth", "email"]);
        // Cleaning first: a lower-case code is accepted as the core accepts it.
        form = Form::from_details(&details());
        form.set(Field::Nationality, "vnm".into());
        assert!(form.check(&event).is_empty());
    }
}
