//! Participants as listings and exports show them: codes instead of ids, the
//! printed name and the effective zones worked out.

use crate::store::Db;
use std::collections::HashMap;

use serde::Serialize;

use crate::domain::{Category, CategoryId, Delegation, DelegationId, Participant};
use crate::error::Result;
use crate::store;

/// One participant, flattened for JSON, CSV and XLSX. Field names are part
/// of the CLI's stable interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParticipantRecord {
    pub id: i64,
    pub delegation: String,
    pub category: String,
    pub given_names: String,
    pub family_name: String,
    pub printed_name: String,
    pub badge_name: String,
    pub function: String,
    pub gender: String,
    pub nationality: String,
    pub date_of_birth: Option<String>,
    pub document_type: String,
    pub document_number: String,
    pub document_expiry: Option<String>,
    pub email: String,
    pub phone: String,
    pub status: String,
    pub status_reason: String,
    pub zones: Vec<u8>,
    pub zones_added: Vec<u8>,
    pub zones_removed: Vec<u8>,
    pub notes: String,
    pub reference: String,
    pub has_photo: bool,
    pub created_at: i64,
    pub updated_at: i64,
}

/// Delegations and categories by id, to turn ids into codes.
pub struct Lookup {
    pub delegations: HashMap<DelegationId, Delegation>,
    pub categories: HashMap<CategoryId, Category>,
}

impl Lookup {
    pub fn load(conn: &Db) -> Result<Lookup> {
        Ok(Lookup {
            delegations: store::delegations::list(conn)?
                .into_iter()
                .map(|d| (d.id, d))
                .collect(),
            categories: store::categories::list(conn)?
                .into_iter()
                .map(|c| (c.id, c))
                .collect(),
        })
    }

    pub fn record(&self, p: &Participant) -> ParticipantRecord {
        let d = &p.details;
        let category = self.categories.get(&d.category);
        let zones = d.zones(category.map(|c| c.default_zones).unwrap_or_default());
        ParticipantRecord {
            id: p.id,
            delegation: self
                .delegations
                .get(&d.delegation)
                .map(|x| x.code.clone())
                .unwrap_or_default(),
            category: category.map(|c| c.code.clone()).unwrap_or_default(),
            given_names: d.given_names.clone(),
            family_name: d.family_name.clone(),
            printed_name: d.display_name(),
            badge_name: d.badge_name.clone(),
            function: d.function.clone(),
            gender: d.gender.as_str().into(),
            nationality: d.nationality.clone(),
            date_of_birth: d.date_of_birth.map(|v| v.to_string()),
            document_type: d.document.kind.as_str().into(),
            document_number: d.document.number.clone(),
            document_expiry: d.document.expiry.map(|v| v.to_string()),
            email: d.email.clone(),
            phone: d.phone.clone(),
            status: p.status.as_str().into(),
            status_reason: p.status_reason.clone(),
            zones: zones.iter().collect(),
            zones_added: d.zones_added.iter().collect(),
            zones_removed: d.zones_removed.iter().collect(),
            notes: d.notes.clone(),
            reference: d.reference.clone(),
            has_photo: p.photo.is_some(),
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}
