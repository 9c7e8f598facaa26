//! Reference data shipped in `resources/`: every UN member and observer
//! state, the organisations such a conference invites, and the default
//! categories and zones. Compiled into the binary, so a new event needs no
//! file beside it.

use serde::Deserialize;

use crate::domain::{Category, Colour, DelegationKind, Zone, ZoneSet};
use crate::error::{Error, Result};

const STATES: &str = include_str!("../../resources/states.csv");
const ORGANISATIONS: &str = include_str!("../../resources/organisations.csv");
const CATEGORIES: &str = include_str!("../../resources/categories.csv");
const ZONES: &str = include_str!("../../resources/zones.csv");

/// A state or organisation that can be added as a delegation.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct KnownBody {
    pub code: String,
    pub name: String,
    pub kind: DelegationKind,
}

/// Parses a CSV compiled into the binary; a broken file is a build mistake,
/// reported with its name and line.
pub(crate) fn parse_csv<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> Result<Vec<T>> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .enumerate()
        .map(|(i, row)| {
            row.map_err(|e| Error::Other(format!("resources/{name}, line {}: {e}", i + 2)))
        })
        .collect()
}

/// The 193 UN member states and 2 observer states.
#[allow(
    clippy::expect_used,
    reason = "data compiled into the program, checked by the tests: a failure is a build defect"
)]
pub fn states() -> Vec<KnownBody> {
    parse_csv("states.csv", STATES).expect("resources/states.csv is valid")
}

/// International, regional and UN-system organisations.
#[allow(
    clippy::expect_used,
    reason = "data compiled into the program, checked by the tests: a failure is a build defect"
)]
pub fn organisations() -> Vec<KnownBody> {
    parse_csv("organisations.csv", ORGANISATIONS).expect("resources/organisations.csv is valid")
}

/// States and organisations together, for the "add a delegation" list.
pub fn known_bodies() -> Vec<KnownBody> {
    let mut all = states();
    all.extend(organisations());
    all
}

#[derive(Deserialize)]
struct CategoryRow {
    code: String,
    name: String,
    colour: String,
    default_zones: String,
    order: i32,
    default_quota: Option<u32>,
}

/// The default categories, with ids 0 (the store gives real ones).
#[allow(
    clippy::expect_used,
    reason = "data compiled into the program, checked by the tests: a failure is a build defect"
)]
pub fn default_categories() -> Vec<Category> {
    parse_csv::<CategoryRow>("categories.csv", CATEGORIES)
        .expect("resources/categories.csv is valid")
        .into_iter()
        .map(|r| Category {
            id: 0,
            code: r.code,
            name: r.name,
            colour: Colour::parse(&r.colour).expect("category colours are valid"),
            default_zones: ZoneSet::parse(&r.default_zones).expect("category zones are valid"),
            order: r.order,
            default_quota: r.default_quota,
        })
        .collect()
}

/// The default zones of a conference venue.
#[allow(
    clippy::expect_used,
    reason = "data compiled into the program, checked by the tests: a failure is a build defect"
)]
pub fn default_zones() -> Vec<Zone> {
    parse_csv("zones.csv", ZONES).expect("resources/zones.csv is valid")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn reference_data_is_complete_and_consistent() {
        let states = states();
        assert_eq!(states.len(), 195);
        assert_eq!(
            states
                .iter()
                .filter(|s| s.kind == DelegationKind::MemberState)
                .count(),
            193
        );
        let orgs = organisations();
        assert!(orgs.len() >= 110, "{}", orgs.len());
        let codes: HashSet<_> = states
            .iter()
            .chain(&orgs)
            .map(|b| b.code.as_str())
            .collect();
        assert_eq!(codes.len(), states.len() + orgs.len(), "codes are unique");
        for body in states.iter().chain(&orgs) {
            let d = crate::domain::Delegation {
                id: 0,
                code: body.code.clone(),
                name: body.name.clone(),
                kind: body.kind,
                focal_point_name: String::new(),
                focal_point_email: String::new(),
                quotas: vec![],
            };
            assert!(d.validate().is_empty(), "{}: {:?}", body.code, d.validate());
        }
        let zones = default_zones();
        let zone_numbers: HashSet<_> = zones.iter().map(|z| z.number).collect();
        for z in &zones {
            assert!(z.validate().is_empty(), "{z:?}");
        }
        for c in default_categories() {
            assert!(c.validate().is_empty(), "{c:?}");
            assert!(c.default_zones.iter().all(|z| zone_numbers.contains(&z)));
        }
    }
}
