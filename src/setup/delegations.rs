//! Delegations: states and organisations from the reference lists of
//! `resources/` (searchable), or custom ones; their quotas per category and
//! focal point.

use std::collections::HashSet;

use serde::Serialize;

use super::item::{self, Item};
use super::{Outcome, clean_field, it_them, plural};
use crate::auth::Actor;
use crate::domain::{
    Category, Delegation, DelegationId, DelegationKind, FieldError, Quota, clean_text,
    normalise_code,
};
use crate::error::Result;
use crate::reference::{self, KnownBody};
use crate::search::fold_word;
use crate::store;
use crate::store::{Db, Tx};

/// A state or organisation of the reference lists. Field names are part of
/// the CLI's JSON interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReferenceEntry {
    pub code: String,
    pub name: String,
    pub kind: DelegationKind,
    /// Whether the event already has a delegation with this code.
    pub added: bool,
}

fn folded_words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '-' || c == '(' || c == ')' || c == ',')
        .map(fold_word)
        .filter(|w| !w.is_empty())
        .collect()
}

/// The states and organisations whose code or name matches `query` (every
/// word of it starts a word of the name, case and accents aside: "cote"
/// finds "Côte d'Ivoire", "un off" the United Nations offices), in the
/// reference lists' order; an empty query lists them all.
pub fn search_reference(conn: &Db, query: &str) -> Result<Vec<ReferenceEntry>> {
    let added: HashSet<String> = store::delegations::list(conn)?
        .into_iter()
        .map(|d| d.code)
        .collect();
    Ok(match_reference(&added, query))
}

/// The same, given the codes of the delegations the event has.
pub fn match_reference(added: &HashSet<String>, query: &str) -> Vec<ReferenceEntry> {
    let wanted = folded_words(query);
    reference::known_bodies()
        .into_iter()
        .filter(|b| {
            let mut words = folded_words(&b.name);
            words.push(b.code.to_lowercase());
            wanted
                .iter()
                .all(|q| words.iter().any(|w| w.starts_with(q.as_str())))
        })
        .map(|b| ReferenceEntry {
            added: added.contains(&b.code),
            code: b.code,
            name: b.name,
            kind: b.kind,
        })
        .collect()
}

/// The state or organisation of the reference lists with this code.
pub fn reference_body(code: &str) -> Option<KnownBody> {
    let code = normalise_code(code);
    reference::known_bodies()
        .into_iter()
        .find(|b| b.code == code)
}

/// A delegation as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DelegationForm {
    pub code: String,
    pub name: String,
    /// `member_state`, `ngo`, … (see [`DelegationKind`]).
    pub kind: String,
    pub focal_point_name: String,
    pub focal_point_email: String,
    /// (category code, maximum) — an empty maximum means no quota.
    pub quotas: Vec<(String, String)>,
}

impl DelegationForm {
    /// The form of a reference list entry, ready to add.
    pub fn from_reference(body: &KnownBody) -> DelegationForm {
        DelegationForm {
            code: body.code.clone(),
            name: body.name.clone(),
            kind: body.kind.as_str().into(),
            ..DelegationForm::default()
        }
    }

    pub fn from_delegation(d: &Delegation, categories: &[Category]) -> DelegationForm {
        DelegationForm {
            code: d.code.clone(),
            name: d.name.clone(),
            kind: d.kind.as_str().into(),
            focal_point_name: d.focal_point_name.clone(),
            focal_point_email: d.focal_point_email.clone(),
            quotas: d
                .quotas_by_code(categories)
                .map(|(code, max)| (code.to_string(), max.to_string()))
                .collect(),
        }
    }

    pub fn parse(
        &self,
        id: DelegationId,
        categories: &[Category],
    ) -> Result<Delegation, Vec<FieldError>> {
        let mut errors = Vec::new();
        let code = clean_text(&self.code).to_uppercase();
        let name = clean_field(&mut errors, "name", &self.name, 200);
        let kind = self.kind.parse::<DelegationKind>().unwrap_or_else(|e| {
            errors.push(FieldError::new("kind", e));
            DelegationKind::MemberState
        });
        let focal_point_name =
            clean_field(&mut errors, "focal_point_name", &self.focal_point_name, 100);
        let focal_point_email = clean_text(&self.focal_point_email);
        let mut quotas: Vec<Quota> = Vec::new();
        for (category, max) in &self.quotas {
            let max = max.trim();
            if max.is_empty() {
                continue;
            }
            let code = normalise_code(category);
            let Some(c) = categories.iter().find(|c| c.code == code) else {
                errors.push(FieldError::new(
                    "quotas",
                    format!("{code} is not a category of this event"),
                ));
                continue;
            };
            match max.parse::<u32>() {
                Ok(n) if n <= 10_000 => {
                    quotas.retain(|q| q.category != c.id);
                    quotas.push(Quota {
                        category: c.id,
                        max: n,
                    });
                }
                _ => errors.push(FieldError::new(
                    "quotas",
                    format!("{code}: \"{max}\" is not a number of people (0 to 10000)"),
                )),
            }
        }
        let d = Delegation {
            id,
            code,
            name,
            kind,
            focal_point_name,
            focal_point_email,
            quotas,
        };
        for e in d.validate() {
            if !errors.iter().any(|r| r.field == e.field) {
                errors.push(e);
            }
        }
        if errors.is_empty() {
            Ok(d)
        } else {
            Err(errors)
        }
    }
}

impl Item for Delegation {
    type Key = DelegationId;
    const ENTITY: &'static str = "delegation";

    fn key(&self) -> DelegationId {
        self.id
    }

    fn audit_id(&self) -> String {
        self.code.clone()
    }

    fn find(conn: &Db, id: DelegationId) -> Result<Option<Delegation>> {
        store::delegations::find(conn, id)
    }

    fn problems(&self, conn: &Db, adding: bool) -> Result<Vec<FieldError>> {
        let mut errors = self.validate();
        let categories: HashSet<i64> = store::categories::list(conn)?
            .iter()
            .map(|c| c.id)
            .collect();
        let mut seen = HashSet::new();
        for q in &self.quotas {
            if !categories.contains(&q.category) {
                errors.push(FieldError::new(
                    "quotas",
                    format!("category {} does not exist", q.category),
                ));
            } else if !seen.insert(q.category) {
                errors.push(FieldError::new("quotas", "a category has two quotas"));
            }
        }
        if let Some(other) = store::delegations::find_by_code(conn, &self.code)?
            && (adding || other.id != self.id)
        {
            errors.push(FieldError::new(
                "code",
                format!("{} is already the delegation {}", other.code, other.name),
            ));
        }
        Ok(errors)
    }

    fn insert(&self, tx: &Tx) -> Result<Delegation> {
        let id = store::delegations::insert(tx, self)?;
        Ok(Delegation { id, ..self.clone() })
    }

    fn update(&self, tx: &Tx) -> Result<()> {
        store::delegations::update(tx, self)
    }

    fn delete(tx: &Tx, id: DelegationId) -> Result<()> {
        store::delegations::delete(tx, id)
    }

    /// In use while it has participants.
    fn in_use(&self, conn: &Db) -> Result<Option<String>> {
        let n = store::usage::participants_in_delegation(conn, self.id)?;
        Ok((n > 0).then(|| {
            format!(
                "the delegation {} ({}) has {} (of any status); it cannot be removed while they are in the store",
                self.code,
                self.name,
                plural(n, "participant", "participants")
            )
        }))
    }

    /// A new name once its badges are printed: they show the old one.
    fn consequences_of_edit(&self, conn: &Db, after: &Delegation) -> Result<Vec<String>> {
        if self.name == after.name {
            return Ok(Vec::new());
        }
        let printed = store::usage::printed_badges_of_delegation(conn, self.id)?;
        if printed == 0 {
            return Ok(Vec::new());
        }
        let (it, passes, shows) = it_them(printed);
        Ok(vec![format!(
            "{} of {} {shows} the old name \"{}\"; {it} still {passes} the gates. Reprint {it} if {it} must match.",
            plural(printed, "printed badge", "printed badges"),
            self.code,
            self.name
        )])
    }

    /// Its invitations to sessions go with it.
    fn consequences_of_removal(&self, conn: &Db) -> Result<Vec<String>> {
        let sessions = store::usage::sessions_inviting_delegation(conn, self.id)?;
        if sessions.is_empty() {
            return Ok(Vec::new());
        }
        Ok(vec![format!(
            "{} is invited to {}; the invitation goes with it.",
            self.code,
            sessions
                .iter()
                .map(|s| format!("\"{s}\""))
                .collect::<Vec<_>>()
                .join(", ")
        )])
    }
}

pub fn add_delegation(
    conn: &mut Db,
    actor: &Actor,
    delegation: &Delegation,
) -> Result<DelegationId> {
    item::add(conn, actor, delegation)
}

/// Changes a delegation. A new name once its badges are printed is
/// explained first (the badges show the old one).
pub fn edit_delegation(
    conn: &mut Db,
    actor: &Actor,
    delegation: &Delegation,
    confirmed: bool,
) -> Result<Outcome<()>> {
    item::edit(conn, actor, delegation, confirmed)
}

/// Removes a delegation with no participant. Its invitations to sessions go
/// with it, which is explained first.
pub fn remove_delegation(
    conn: &mut Db,
    actor: &Actor,
    id: DelegationId,
    confirmed: bool,
) -> Result<Outcome<()>> {
    item::remove::<Delegation>(conn, actor, id, confirmed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::tests::{approved_with_badge, new_event};

    #[test]
    fn the_reference_lists_are_searchable() {
        let dir = tempfile::tempdir().unwrap();
        let (ws, mut conn, admin) = new_event(dir.path());
        let found = search_reference(&conn, "cote").unwrap();
        assert_eq!(found[0].code, "CIV");
        assert_eq!(search_reference(&conn, "VNM").unwrap()[0].name, "Viet Nam");
        assert!(
            search_reference(&conn, "united nations off")
                .unwrap()
                .iter()
                .all(|e| { e.name.starts_with("United Nations") || e.name.contains("Office") })
        );
        assert!(search_reference(&conn, "").unwrap().len() >= 300);
        approved_with_badge(&ws, &mut conn, &admin, "DEL");
        assert!(search_reference(&conn, "kenya").unwrap()[0].added);
    }

    #[test]
    fn delegations_from_the_list_or_custom_with_quotas() {
        let dir = tempfile::tempdir().unwrap();
        let (ws, mut conn, admin) = new_event(dir.path());
        let categories = store::categories::list(&conn).unwrap();
        let mut form = DelegationForm::from_reference(&reference_body("fra").unwrap());
        form.focal_point_name = "Claire Dubois".into();
        form.focal_point_email = "claire.dubois@diplomatie.example".into();
        form.quotas = vec![
            ("hod".into(), "1".into()),
            ("DEL".into(), "6".into()),
            ("EXP".into(), " ".into()),
        ];
        let d = form.parse(0, &categories).unwrap();
        assert_eq!(d.kind, DelegationKind::MemberState);
        assert_eq!(d.quotas.len(), 2);
        let id = add_delegation(&mut conn, &admin, &d).unwrap();
        let stored = store::delegations::get(&conn, id).unwrap();
        assert_eq!(stored.quota_for(categories[1].id), Some(1));
        let dup = add_delegation(&mut conn, &admin, &d)
            .unwrap_err()
            .to_string();
        assert!(
            dup.contains("FRA is already the delegation France"),
            "{dup}"
        );

        let custom = DelegationForm {
            code: "CYBERLAB".into(),
            name: "Hanoi Cyber Lab".into(),
            kind: "academia".into(),
            ..Default::default()
        }
        .parse(0, &categories)
        .unwrap();
        add_delegation(&mut conn, &admin, &custom).unwrap();
        let errors = DelegationForm {
            code: "X".into(),
            name: "".into(),
            kind: "club".into(),
            focal_point_email: "not-an-address".into(),
            quotas: vec![("ZZZ".into(), "3".into()), ("DEL".into(), "lots".into())],
            ..Default::default()
        }
        .parse(0, &categories)
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                "kind",
                "quotas",
                "quotas",
                "code",
                "name",
                "focal_point_email"
            ]
        );
        let state_code = DelegationForm {
            code: "FRANCE".into(),
            name: "France".into(),
            kind: "member_state".into(),
            ..Default::default()
        }
        .parse(0, &categories)
        .unwrap_err();
        assert!(state_code[0].message.contains("alpha-3"));

        // Renaming a delegation whose badges are printed is explained first.
        approved_with_badge(&ws, &mut conn, &admin, "DEL");
        let ken = store::delegations::find_by_code(&conn, "KEN")
            .unwrap()
            .unwrap();
        let renamed = Delegation {
            name: "Republic of Kenya".into(),
            ..ken.clone()
        };
        let Outcome::NeedsConfirmation(lines) =
            edit_delegation(&mut conn, &admin, &renamed, false).unwrap()
        else {
            panic!("printed badges show the name")
        };
        assert!(lines[0].contains("1 printed badge of KEN"), "{lines:?}");
        edit_delegation(&mut conn, &admin, &renamed, true).unwrap();
        let err = remove_delegation(&mut conn, &admin, ken.id, true)
            .unwrap_err()
            .to_string();
        assert!(err.contains("has 1 participant"), "{err}");
        assert_eq!(
            remove_delegation(&mut conn, &admin, id, false).unwrap(),
            Outcome::Done(())
        );
    }
}
