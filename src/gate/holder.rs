//! Who a badge belongs to, as the gate shows them: the name as printed, the
//! delegation, the photo. Read from the main store or from a gate package.

use std::sync::Arc;

use serde::Serialize;

use crate::domain::{BadgeSerial, ParticipantId};
use crate::store::gate::HolderRow;

/// A badge holder as the gate screen shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Holder {
    pub participant: ParticipantId,
    /// The badge the gate knows for them: the scanned one (main store) or
    /// their active one when the package was made.
    pub serial: BadgeSerial,
    /// The name as printed on the badge.
    pub name: String,
    /// The delegation's code and name.
    pub delegation: String,
    pub delegation_name: String,
    /// The photo as JPEG, when there is one (in JSON: `has_photo`).
    #[serde(rename = "has_photo", serialize_with = "is_some")]
    pub photo: Option<Arc<[u8]>>,
}

fn is_some<S: serde::Serializer>(photo: &Option<Arc<[u8]>>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_bool(photo.is_some())
}

impl From<HolderRow> for Holder {
    fn from(row: HolderRow) -> Self {
        Holder {
            participant: row.participant,
            serial: row.serial,
            name: row.name,
            delegation: row.delegation,
            delegation_name: row.delegation_name,
            photo: row.photo.map(Arc::from),
        }
    }
}
