use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{CategoryId, DelegationId, FieldError, ZoneSet};

pub type ParticipantId = i64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParticipantStatus {
    Nominated,
    Approved,
    Rejected,
    Cancelled,
}

impl ParticipantStatus {
    pub const ALL: [ParticipantStatus; 4] = [
        ParticipantStatus::Nominated,
        ParticipantStatus::Approved,
        ParticipantStatus::Rejected,
        ParticipantStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ParticipantStatus::Nominated => "nominated",
            ParticipantStatus::Approved => "approved",
            ParticipantStatus::Rejected => "rejected",
            ParticipantStatus::Cancelled => "cancelled",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ParticipantStatus::Nominated => "Nominated",
            ParticipantStatus::Approved => "Approved",
            ParticipantStatus::Rejected => "Rejected",
            ParticipantStatus::Cancelled => "Cancelled",
        }
    }

    /// Whether the status may move to `to`; the reason when not.
    pub fn check_transition(self, to: ParticipantStatus) -> Result<(), String> {
        use ParticipantStatus::*;
        let ok = matches!(
            (self, to),
            (Nominated | Rejected, Approved)
                | (Nominated | Approved, Rejected)
                | (Nominated | Approved | Rejected, Cancelled)
                | (Rejected | Cancelled, Nominated)
        );
        if ok {
            Ok(())
        } else if self == to {
            Err(format!("is already {}", self.as_str()))
        } else {
            Err(format!(
                "a {} participant cannot be {}",
                self.as_str(),
                to.as_str()
            ))
        }
    }
}

impl std::fmt::Display for ParticipantStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for ParticipantStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        ParticipantStatus::ALL
            .into_iter()
            .find(|v| v.as_str() == s.trim().to_ascii_lowercase())
            .ok_or_else(|| {
                format!(
                    "\"{}\" is not a status (nominated, approved, rejected, cancelled)",
                    s.trim()
                )
            })
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Female,
    Male,
    Other,
    #[default]
    Unspecified,
}

impl Gender {
    pub const ALL: [Gender; 4] = [
        Gender::Female,
        Gender::Male,
        Gender::Other,
        Gender::Unspecified,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
            Gender::Other => "other",
            Gender::Unspecified => "",
        }
    }
}

impl std::str::FromStr for Gender {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_lowercase().as_str() {
            "f" | "female" | "w" | "woman" | "femme" | "mujer" | "ж" | "жен" | "женский" | "nữ" => {
                Ok(Gender::Female)
            }
            "m" | "male" | "man" | "homme" | "h" | "hombre" | "м" | "муж" | "мужской" | "nam" => {
                Ok(Gender::Male)
            }
            "x" | "other" | "autre" | "otro" => Ok(Gender::Other),
            "" | "-" | "unspecified" => Ok(Gender::Unspecified),
            other => Err(format!("\"{other}\" is not a gender (F, M, X or empty)")),
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    #[default]
    Passport,
    DiplomaticPassport,
    OfficialPassport,
    NationalId,
    LaissezPasser,
    Other,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 6] = [
        DocumentKind::Passport,
        DocumentKind::DiplomaticPassport,
        DocumentKind::OfficialPassport,
        DocumentKind::NationalId,
        DocumentKind::LaissezPasser,
        DocumentKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Passport => "passport",
            DocumentKind::DiplomaticPassport => "diplomatic_passport",
            DocumentKind::OfficialPassport => "official_passport",
            DocumentKind::NationalId => "national_id",
            DocumentKind::LaissezPasser => "laissez_passer",
            DocumentKind::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DocumentKind::Passport => "Passport",
            DocumentKind::DiplomaticPassport => "Diplomatic passport",
            DocumentKind::OfficialPassport => "Official/service passport",
            DocumentKind::NationalId => "National ID card",
            DocumentKind::LaissezPasser => "UN laissez-passer",
            DocumentKind::Other => "Other",
        }
    }

    /// [`DocumentKind::label`] in `language`, for the documents that take a
    /// language (a letter names the document a visa is asked for with).
    pub fn label_in(self, language: crate::i18n::Language) -> String {
        match self {
            DocumentKind::Passport => crate::tr!(language, "doc-document-passport"),
            DocumentKind::DiplomaticPassport => {
                crate::tr!(language, "doc-document-diplomatic-passport")
            }
            DocumentKind::OfficialPassport => {
                crate::tr!(language, "doc-document-official-passport")
            }
            DocumentKind::NationalId => crate::tr!(language, "doc-document-national-id"),
            DocumentKind::LaissezPasser => crate::tr!(language, "doc-document-laissez-passer"),
            DocumentKind::Other => crate::tr!(language, "doc-document-other"),
        }
    }
}

impl std::fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for DocumentKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let key = s.trim().to_lowercase().replace([' ', '-'], "_");
        let kind = match key.as_str() {
            "" | "passport" | "passeport" | "pasaporte" | "паспорт" | "hộ_chiếu" | "p" => {
                DocumentKind::Passport
            }
            "diplomatic_passport" | "diplomatic" | "passeport_diplomatique" | "pd" => {
                DocumentKind::DiplomaticPassport
            }
            "official_passport" | "service_passport" | "official" | "service" => {
                DocumentKind::OfficialPassport
            }
            "national_id" | "id" | "id_card" | "identity_card" | "carte_d'identité" => {
                DocumentKind::NationalId
            }
            "laissez_passer" | "un_laissez_passer" | "unlp" | "lp" => DocumentKind::LaissezPasser,
            "other" => DocumentKind::Other,
            _ => {
                return Err(format!(
                    "\"{}\" is not a document type (passport, diplomatic_passport, official_passport, national_id, laissez_passer, other)",
                    s.trim()
                ));
            }
        };
        Ok(kind)
    }
}

/// The identity document checked when the badge is handed over.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdDocument {
    pub kind: DocumentKind,
    pub number: String,
    pub expiry: Option<Date>,
}

/// Everything about a participant that a clerk types or a delegation nominates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantDetails {
    pub delegation: DelegationId,
    pub category: CategoryId,
    pub given_names: String,
    pub family_name: String,
    /// The name as printed on the badge; empty means "given names FAMILY NAME".
    pub badge_name: String,
    /// Title or function, e.g. "Minister of Foreign Affairs".
    pub function: String,
    pub gender: Gender,
    /// ISO 3166-1 alpha-3, or empty.
    pub nationality: String,
    pub date_of_birth: Option<Date>,
    pub document: IdDocument,
    pub email: String,
    pub phone: String,
    /// Zones given on top of the category's defaults.
    pub zones_added: ZoneSet,
    /// Zones of the category's defaults taken away.
    pub zones_removed: ZoneSet,
    pub notes: String,
    /// The nominating delegation's own reference for this person.
    pub reference: String,
}

/// The longest each text field may be, in characters.
pub mod limits {
    pub const NAME: usize = 100;
    pub const BADGE_NAME: usize = 120;
    pub const FUNCTION: usize = 150;
    pub const EMAIL: usize = 254;
    pub const PHONE: usize = 40;
    pub const DOCUMENT_NUMBER: usize = 40;
    pub const REFERENCE: usize = 64;
    pub const NOTES: usize = 2000;
}

impl ParticipantDetails {
    /// Checks the fields on their own. `event_dates` (first and last day of
    /// the event) is used to refuse a document that expires before the end.
    pub fn validate(&self, event_dates: Option<(Date, Date)>) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut check_len = |field: &'static str, value: &str, max: usize| {
            let n = value.chars().count();
            if n > max {
                errors.push(FieldError::new(
                    field,
                    format!("is {n} characters long; at most {max} fit"),
                ));
            }
        };
        check_len("given_names", &self.given_names, limits::NAME);
        check_len("family_name", &self.family_name, limits::NAME);
        check_len("badge_name", &self.badge_name, limits::BADGE_NAME);
        check_len("function", &self.function, limits::FUNCTION);
        check_len("email", &self.email, limits::EMAIL);
        check_len("phone", &self.phone, limits::PHONE);
        check_len(
            "document_number",
            &self.document.number,
            limits::DOCUMENT_NUMBER,
        );
        check_len("reference", &self.reference, limits::REFERENCE);
        check_len("notes", &self.notes, limits::NOTES);
        if self.family_name.trim().is_empty() && self.given_names.trim().is_empty() {
            errors.push(FieldError::new("family_name", "a name is required"));
        } else if self.family_name.trim().is_empty() {
            errors.push(FieldError::new(
                "family_name",
                "is required (for a single name, put it here)",
            ));
        }
        if !self.email.is_empty() && !is_email(&self.email) {
            errors.push(FieldError::new(
                "email",
                format!("\"{}\" is not an e-mail address", self.email),
            ));
        }
        if !self.phone.is_empty()
            && !self
                .phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +-().".contains(c))
        {
            errors.push(FieldError::new(
                "phone",
                "may hold only digits, spaces and + - ( ) .",
            ));
        }
        if !self.nationality.is_empty()
            && (self.nationality.len() != 3
                || !self.nationality.bytes().all(|b| b.is_ascii_uppercase()))
        {
            errors.push(FieldError::new(
                "nationality",
                format!(
                    "\"{}\" is not a three-letter country code (e.g. VNM)",
                    self.nationality
                ),
            ));
        }
        if let Some(dob) = self.date_of_birth {
            if dob < Date::constant(1900, 1, 1) {
                errors.push(FieldError::new("date_of_birth", "is before 1900"));
            }
            if let Some((start, _)) = event_dates
                && dob >= start
            {
                errors.push(FieldError::new("date_of_birth", "is not in the past"));
            }
        }
        if let (Some(expiry), Some((_, end))) = (self.document.expiry, event_dates)
            && expiry < end
        {
            errors.push(FieldError::new(
                "document_expiry",
                format!("the document expires on {expiry}, before the event ends on {end}"),
            ));
        }
        if !self.document.number.is_empty()
            && !self
                .document
                .number
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == ' ')
        {
            errors.push(FieldError::new(
                "document_number",
                "may hold only letters, digits, '-' and spaces",
            ));
        }
        if self.zones_added.0 & self.zones_removed.0 != 0 {
            errors.push(FieldError::new(
                "zones_added",
                "a zone cannot be both added and removed",
            ));
        }
        errors
    }

    /// The zones this person's badge opens: the category's, adjusted.
    pub fn zones(&self, category_defaults: ZoneSet) -> ZoneSet {
        category_defaults
            .union(self.zones_added)
            .minus(self.zones_removed)
    }

    /// The name as it goes on the badge.
    pub fn printed_name(&self) -> PrintedName {
        if !self.badge_name.trim().is_empty() {
            return PrintedName {
                given: self.badge_name.trim().to_string(),
                family: String::new(),
                family_first: false,
            };
        }
        let family_first = self.family_name.chars().any(is_east_asian);
        PrintedName {
            given: self.given_names.trim().to_string(),
            family: name_in_capitals(self.family_name.trim(), &self.nationality),
            family_first,
        }
    }

    /// "Given FAMILY", in one line.
    pub fn display_name(&self) -> String {
        self.printed_name().one_line()
    }
}

/// A name as a badge shows it: given names, then the family name in capitals
/// (family name first, without capitals' effect, for Chinese, Japanese and
/// Korean names written in their own script).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrintedName {
    pub given: String,
    pub family: String,
    pub family_first: bool,
}

impl PrintedName {
    pub fn one_line(&self) -> String {
        let (a, b) = if self.family_first {
            (&self.family, &self.given)
        } else {
            (&self.given, &self.family)
        };
        let joiner = if self.family_first && !b.chars().any(is_hangul) {
            ""
        } else {
            " "
        };
        match (a.is_empty(), b.is_empty()) {
            (true, _) => b.clone(),
            (_, true) => a.clone(),
            _ => format!("{a}{joiner}{b}"),
        }
    }
}

/// A family name in capitals as a badge prints it. Greek capitals drop the
/// accents (tonos) but keep the diaeresis ("Παπαδόπουλος" → "ΠΑΠΑΔΟΠΟΥΛΟΣ");
/// Turkish and Azerbaijani names keep the dot of i ("Şimşek" → "ŞİMŞEK").
pub fn name_in_capitals(name: &str, nationality: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let dotted_i = matches!(nationality, "TUR" | "AZE");
    let mut out = String::with_capacity(name.len());
    let mut base_is_greek = false;
    for c in name.nfd() {
        let is_mark = matches!(c as u32, 0x0300..=0x036F);
        if is_mark {
            // Acute, grave, circumflex (perispomeni) and breathings go; the
            // diaeresis stays.
            let accent = matches!(
                c as u32,
                0x0300 | 0x0301 | 0x0313 | 0x0314 | 0x0342 | 0x0343 | 0x0345
            );
            if base_is_greek && accent {
                continue;
            }
            out.push(c);
            continue;
        }
        base_is_greek = matches!(c as u32, 0x0370..=0x03FF | 0x1F00..=0x1FFF);
        match c {
            'i' if dotted_i => out.push('İ'),
            _ => out.extend(c.to_uppercase()),
        }
    }
    out.nfc().collect()
}

fn is_east_asian(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // kana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified
        | 0xF900..=0xFAFF)
        || is_hangul(c)
}

fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F)
}

pub(crate) fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && s.len() <= limits::EMAIL
}

/// A person nominated to take part in the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Participant {
    pub id: ParticipantId,
    #[serde(flatten)]
    pub details: ParticipantDetails,
    pub status: ParticipantStatus,
    /// Why the participant was rejected or cancelled.
    pub status_reason: String,
    /// SHA-256 of the stored (normalised) photo, when there is one.
    #[serde(serialize_with = "hex_opt")]
    pub photo: Option<[u8; 32]>,
    pub created_at: i64,
    pub updated_at: i64,
}

fn hex_opt<S: serde::Serializer>(v: &Option<[u8; 32]>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(h) => s.serialize_str(&hex::encode(h)),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn details() -> ParticipantDetails {
        ParticipantDetails {
            given_names: "Cường".into(),
            family_name: "Lương".into(),
            ..Default::default()
        }
    }

    #[test]
    fn printed_names() {
        assert_eq!(details().display_name(), "Cường LƯƠNG");
        let zh = ParticipantDetails {
            given_names: "近平".into(),
            family_name: "习".into(),
            ..Default::default()
        };
        assert_eq!(zh.display_name(), "习近平");
        let ko = ParticipantDetails {
            given_names: "재명".into(),
            family_name: "이".into(),
            ..Default::default()
        };
        assert_eq!(ko.display_name(), "이 재명");
        let mut custom = details();
        custom.badge_name = "H.E. Lương Cường".into();
        assert_eq!(custom.display_name(), "H.E. Lương Cường");
    }

    #[test]
    fn capitals_follow_each_language() {
        assert_eq!(name_in_capitals("Παπαδόπουλος", "GRC"), "ΠΑΠΑΔΟΠΟΥΛΟΣ");
        assert_eq!(name_in_capitals("Αλεξίου", "GRC"), "ΑΛΕΞΙΟΥ");
        assert_eq!(name_in_capitals("Προϊστάμενος", ""), "ΠΡΟΪΣΤΑΜΕΝΟΣ");
        assert_eq!(name_in_capitals("Şimşek", "TUR"), "ŞİMŞEK");
        assert_eq!(name_in_capitals("Yıldız", "TUR"), "YILDIZ");
        assert_eq!(name_in_capitals("Nguyễn", "VNM"), "NGUYỄN");
        assert_eq!(name_in_capitals("Lefèvre", "FRA"), "LEFÈVRE");
        assert_eq!(name_in_capitals("Straße", "DEU"), "STRASSE");
    }

    #[test]
    fn validation_names_the_field() {
        let mut d = details();
        d.family_name = "x".repeat(300);
        d.email = "not-an-email".into();
        let errors = d.validate(None);
        assert!(
            errors
                .iter()
                .any(|e| e.field == "family_name" && e.message.contains("300"))
        );
        assert!(errors.iter().any(|e| e.field == "email"));
        let mut d = details();
        d.document.expiry = Some(Date::constant(2025, 10, 1));
        let errors = d.validate(Some((
            Date::constant(2025, 10, 25),
            Date::constant(2025, 10, 26),
        )));
        assert_eq!(errors[0].field, "document_expiry");
    }

    #[test]
    fn document_kinds_read_in_each_language_and_english_as_before() {
        use crate::i18n::Language;
        for kind in DocumentKind::ALL {
            assert_eq!(kind.label_in(Language::English), kind.label());
            for language in [Language::Vietnamese, Language::French] {
                assert_ne!(kind.label_in(language), kind.label(), "{kind:?}");
            }
        }
        assert_eq!(
            DocumentKind::DiplomaticPassport.label_in(Language::French),
            "Passeport diplomatique"
        );
    }

    #[test]
    fn status_transitions() {
        use ParticipantStatus::*;
        assert!(Nominated.check_transition(Approved).is_ok());
        assert_eq!(
            Cancelled.check_transition(Approved),
            Err("a cancelled participant cannot be approved".to_string())
        );
        assert!(
            Approved
                .check_transition(Approved)
                .unwrap_err()
                .contains("already")
        );
    }

    #[test]
    fn zones_adjusted() {
        let mut d = details();
        d.zones_added = ZoneSet::from_numbers([4]);
        d.zones_removed = ZoneSet::from_numbers([2]);
        assert_eq!(
            d.zones(ZoneSet::from_numbers([1, 2])),
            ZoneSet::from_numbers([1, 4])
        );
    }
}
