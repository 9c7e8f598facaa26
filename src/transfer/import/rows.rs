//! From a row's cells to participant details: every cell cleaned (invisible
//! characters out, NFC, spaces trimmed), codes and names of delegations,
//! categories and countries looked up in maps loaded once, dates read in the
//! usual forms, and every problem named with its column.

use crate::store::Db;
use std::collections::HashMap;

use jiff::civil::Date;

use super::Problem;
use super::columns::{Field, HeaderMap, fold};
use super::table::RawRow;
use crate::domain::{
    CategoryId, DelegationId, DocumentKind, Gender, ParticipantDetails, ZoneSet, clean_text,
    parse_date,
};
use crate::error::{Error, Result};
use crate::store;

/// The event's reference data, loaded once per import so that a row costs
/// no lookup in the store.
pub struct References {
    pub event_dates: (Date, Date),
    delegations: HashMap<String, DelegationId>,
    pub delegation_codes: HashMap<DelegationId, String>,
    categories: HashMap<String, CategoryId>,
    category_codes: String,
    countries: HashMap<String, String>,
    /// The delegation of `--delegation`, for rows that name none.
    pub default_delegation: Option<DelegationId>,
}

impl References {
    pub fn load(conn: &Db, default_delegation: Option<&str>) -> Result<References> {
        let event = store::event::get(conn)?;
        let mut delegations = HashMap::new();
        let mut delegation_codes = HashMap::new();
        for d in store::delegations::list(conn)? {
            delegations.insert(fold(&d.name), d.id);
            delegation_codes.insert(d.id, d.code.clone());
        }
        // Codes win over names when a name folds like another's code.
        for (id, code) in &delegation_codes {
            delegations.insert(fold(code), *id);
        }
        let mut categories = HashMap::new();
        let mut codes = Vec::new();
        let all = store::categories::list(conn)?;
        for c in &all {
            categories.insert(fold(&c.name), c.id);
        }
        for c in &all {
            categories.insert(fold(&c.code), c.id);
            codes.push(c.code.clone());
        }
        let countries = crate::reference::states()
            .into_iter()
            .map(|s| (fold(&s.name), s.code))
            .collect();
        let default_delegation = match default_delegation {
            Some(code) => Some(
                store::delegations::find_by_code(conn, code.trim())?
                    .or_else(|| {
                        delegations
                            .get(&fold(code))
                            .and_then(|id| store::delegations::get(conn, *id).ok())
                    })
                    .ok_or_else(|| {
                        Error::invalid(
                            "delegation",
                            format!("\"{}\" is not a delegation of this event", code.trim()),
                        )
                    })?
                    .id,
            ),
            None => None,
        };
        Ok(References {
            event_dates: (event.start_date, event.end_date),
            delegations,
            delegation_codes,
            categories,
            category_codes: codes.join(", "),
            countries,
            default_delegation,
        })
    }

    pub fn delegation_code(&self, id: DelegationId) -> &str {
        self.delegation_codes
            .get(&id)
            .map(String::as_str)
            .unwrap_or("?")
    }
}

/// A row's cells, cleaned, by the field of their column.
pub struct RowValues {
    pub line: u64,
    values: Vec<(Field, String)>,
    pub problems: Vec<Problem>,
}

impl RowValues {
    /// Takes the cells of the mapped columns; cell problems (formulas with
    /// no value, undecodable text) become problems of their column.
    pub fn read(row: &RawRow, header: &HeaderMap) -> RowValues {
        let mut values = Vec::with_capacity(header.fields.len());
        let mut problems = Vec::new();
        for (i, field) in header.fields.iter().enumerate() {
            let Some(field) = *field else { continue };
            if let Some((_, issue)) = row.issues.iter().find(|(c, _)| *c == i) {
                problems.push(Problem::new(
                    row.line,
                    &header.names[i],
                    field,
                    issue.clone(),
                ));
                continue;
            }
            let text = row.cells.get(i).map(|c| clean_text(c)).unwrap_or_default();
            values.push((field, text));
        }
        RowValues {
            line: row.line,
            values,
            problems,
        }
    }

    pub fn has(&self, field: Field) -> bool {
        self.values.iter().any(|(f, _)| *f == field)
    }

    /// The cleaned text of the field's column, if the file has that column.
    pub fn get(&self, field: Field) -> Option<&str> {
        self.values
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, v)| v.as_str())
    }

    fn problem(&mut self, header: &HeaderMap, field: Field, reason: impl Into<String>) {
        let column = header.column_of(field).unwrap_or(field.label()).to_string();
        self.problems
            .push(Problem::new(self.line, &column, field, reason.into()));
    }

    /// The row's delegation: its own cell, else `--delegation`. Refuses a
    /// row for another delegation than `--delegation` names.
    pub fn delegation(&mut self, header: &HeaderMap, refs: &References) -> Option<DelegationId> {
        let cell = self.get(Field::Delegation).unwrap_or("").to_string();
        if cell.is_empty() {
            if refs.default_delegation.is_none() {
                self.problem(
                    header,
                    Field::Delegation,
                    "is empty: name the delegation (its code, e.g. VNM) or import with --delegation CODE",
                );
            }
            return refs.default_delegation;
        }
        let Some(&id) = refs.delegations.get(&fold(&cell)) else {
            self.problem(
                header,
                Field::Delegation,
                format!("\"{cell}\" is not a delegation of this event (use its code, e.g. VNM)"),
            );
            return None;
        };
        if let Some(default) = refs.default_delegation
            && default != id
        {
            self.problem(
                header,
                Field::Delegation,
                format!(
                    "this row is for {} but the file is imported for {}",
                    refs.delegation_code(id),
                    refs.delegation_code(default)
                ),
            );
            return None;
        }
        Some(id)
    }

    /// The given names as the file writes them, with any middle-name columns.
    fn given_names(&self) -> Option<String> {
        if !(self.has(Field::GivenNames)
            || self.has(Field::MiddleNameAfter)
            || self.has(Field::MiddleNameBefore))
        {
            return None;
        }
        let parts = [
            self.get(Field::MiddleNameBefore),
            self.get(Field::GivenNames),
            self.get(Field::MiddleNameAfter),
        ];
        Some(
            parts
                .into_iter()
                .flatten()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
        )
    }

    /// The keys a re-import matches people by.
    pub fn keys(&self) -> Keys {
        let given = self.given_names().unwrap_or_default();
        let family = self.get(Field::FamilyName).unwrap_or("");
        Keys {
            reference: self.get(Field::Reference).unwrap_or("").to_string(),
            document: document_key(self.get(Field::DocumentNumber).unwrap_or("")),
            name: name_key(family, &given),
            date_of_birth: self
                .get(Field::DateOfBirth)
                .and_then(|d| parse_date(d).ok()),
        }
    }

    /// Writes the row's values over `details` (a new participant's defaults
    /// or the stored participant): the columns the file has replace what
    /// they name, even with an empty cell; the others are kept.
    pub fn apply(
        &mut self,
        header: &HeaderMap,
        refs: &References,
        details: &mut ParticipantDetails,
        is_new: bool,
    ) {
        match self.get(Field::Category).map(str::to_string) {
            Some(code) if !code.is_empty() => match refs.categories.get(&fold(&code)) {
                Some(&id) => details.category = id,
                None => {
                    let known = refs.category_codes.clone();
                    self.problem(
                        header,
                        Field::Category,
                        format!("\"{code}\" is not a category of this event ({known})"),
                    )
                }
            },
            _ if is_new => {
                let reason = if self.has(Field::Category) {
                    "is empty: every new participant needs a category".to_string()
                } else {
                    format!(
                        "the file has no Category column; every new participant needs one ({})",
                        refs.category_codes
                    )
                };
                self.problem(header, Field::Category, reason)
            }
            _ => {}
        }
        if let Some(given) = self.given_names() {
            details.given_names = given;
        }
        let texts: [(Field, &mut String); 8] = [
            (Field::FamilyName, &mut details.family_name),
            (Field::BadgeName, &mut details.badge_name),
            (Field::Function, &mut details.function),
            (Field::Email, &mut details.email),
            (Field::Phone, &mut details.phone),
            (Field::Notes, &mut details.notes),
            (Field::Reference, &mut details.reference),
            (Field::DocumentNumber, &mut details.document.number),
        ];
        for (field, target) in texts {
            if let Some(v) = self.get(field) {
                *target = v.to_string();
            }
        }
        if let Some(v) = self.get(Field::Gender).map(str::to_string) {
            match parse_gender(&v) {
                Ok(g) => details.gender = g,
                Err(e) => self.problem(header, Field::Gender, e),
            }
        }
        if let Some(v) = self.get(Field::Nationality).map(str::to_string) {
            match nationality(&v, refs) {
                Ok(code) => details.nationality = code,
                Err(e) => self.problem(header, Field::Nationality, e),
            }
        }
        if let Some(v) = self.get(Field::DocumentType).map(str::to_string) {
            match v.parse::<DocumentKind>() {
                Ok(k) => details.document.kind = k,
                Err(e) => self.problem(header, Field::DocumentType, e),
            }
        }
        for (field, target) in [
            (Field::DateOfBirth, &mut details.date_of_birth),
            (Field::DocumentExpiry, &mut details.document.expiry),
        ] {
            if let Some(v) = self.get(field).map(str::to_string) {
                match read_date(&v) {
                    Ok(d) => *target = d,
                    Err(e) => self.problem(header, field, e),
                }
            }
        }
        for (field, target) in [
            (Field::ZonesAdded, &mut details.zones_added),
            (Field::ZonesRemoved, &mut details.zones_removed),
        ] {
            if let Some(v) = self.get(field).map(str::to_string) {
                match ZoneSet::parse(&v) {
                    Ok(z) => *target = z,
                    Err(e) => self.problem(header, field, e),
                }
            }
        }
        crate::desk::participants::clean(details);
    }

    /// Adds the problems `validate` finds, each under its column.
    pub fn validate(
        &mut self,
        header: &HeaderMap,
        refs: &References,
        details: &ParticipantDetails,
    ) {
        for e in details.validate(Some(refs.event_dates)) {
            // A field with a problem already (an unreadable date) is not
            // reported twice.
            if self.problems.iter().any(|p| p.field == e.field) {
                continue;
            }
            match Field::ALL.into_iter().find(|f| f.key() == e.field) {
                Some(field) => self.problem(header, field, e.message),
                None => self.problems.push(Problem::row(
                    self.line,
                    format!("{}: {}", e.field, e.message),
                )),
            }
        }
    }
}

/// What a re-import recognises a person by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keys {
    pub reference: String,
    pub document: String,
    pub name: String,
    pub date_of_birth: Option<Date>,
}

/// A document number as compared: upper case, without spaces and dashes.
pub fn document_key(number: &str) -> String {
    number
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

/// A name as compared: family then given names, folded to lower-case ASCII.
pub fn name_key(family: &str, given: &str) -> String {
    format!("{family} {given}")
        .split_whitespace()
        .map(crate::search::fold_word)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// An empty cell is no date; a date that cannot be read says why, and
/// recognises the American month-first order.
fn read_date(text: &str) -> Result<Option<Date>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_date(text).map(Some).map_err(|e| {
        let parts: Vec<&str> = text.split(['/', '.', '-']).map(str::trim).collect();
        let month_first = parts.len() == 3
            && parts[0].parse::<u8>().is_ok_and(|m| (1..=12).contains(&m))
            && parts[1].parse::<u8>().is_ok_and(|d| d > 12 && d <= 31);
        if month_first {
            format!(
                "\"{text}\" reads as month/day/year; write the day first ({}/{}/{}) or {}-{:0>2}-{:0>2}",
                parts[1], parts[0], parts[2], parts[2], parts[0], parts[1]
            )
        } else {
            e
        }
    })
}

fn parse_gender(text: &str) -> Result<Gender, String> {
    match fold(text).as_str() {
        "femenino" | "feminin" | "feminine" | "zhenskii" | "nu" => Ok(Gender::Female),
        "masculino" | "masculin" | "masculine" | "muzhskoi" => Ok(Gender::Male),
        _ => text.parse(),
    }
}

/// A three-letter country code, or a state's name turned into its code.
fn nationality(text: &str, refs: &References) -> Result<String, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(String::new());
    }
    if t.len() == 3 && t.chars().all(|c| c.is_ascii_alphabetic()) {
        return Ok(t.to_ascii_uppercase());
    }
    refs.countries.get(&fold(t)).cloned().ok_or_else(|| {
        format!("\"{t}\" is not a three-letter country code (e.g. VNM) or a state's name")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_spaces_and_accents() {
        assert_eq!(document_key(" c12-345 67 "), "C1234567");
        assert_eq!(name_key("Nguyễn", "Văn  An"), "nguyen van an");
        assert_eq!(name_key("NGUYEN", "van an"), "nguyen van an");
    }

    #[test]
    fn dates_month_first_are_explained() {
        assert_eq!(read_date("").unwrap(), None);
        assert_eq!(
            read_date("25/10/1980").unwrap(),
            Some(Date::constant(1980, 10, 25))
        );
        let e = read_date("10/25/1980").unwrap_err();
        assert!(
            e.contains("month/day/year") && e.contains("25/10/1980"),
            "{e}"
        );
    }

    #[test]
    fn genders_in_several_languages() {
        assert_eq!(parse_gender("Nữ").unwrap(), Gender::Female);
        assert_eq!(parse_gender("Masculino").unwrap(), Gender::Male);
        assert_eq!(parse_gender("F").unwrap(), Gender::Female);
        let e = parse_gender("?").unwrap_err();
        assert!(e.contains("\"?\" is not a gender"), "{e}");
    }
}
