use serde::Serialize;

use super::{ParticipantId, ZoneSet};

/// A badge's serial: unique within its event and never reused. A reissued
/// badge gets a new one.
pub type BadgeSerial = u64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BadgeStatus {
    Active,
    Revoked,
}

impl BadgeStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            BadgeStatus::Active => "active",
            BadgeStatus::Revoked => "revoked",
        }
    }
}

/// The hand-over of a badge to its holder, after an identity check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Collection {
    pub at: i64,
    pub by: String,
    /// What was checked, e.g. "passport C1234567 seen".
    pub id_check: String,
}

/// A printed credential. Badges are never deleted, only revoked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Badge {
    pub serial: BadgeSerial,
    pub participant: ParticipantId,
    /// The QR text, `ACR1:…`, printed again on every reprint of this badge.
    pub credential: String,
    pub zones: ZoneSet,
    pub not_before: i64,
    pub expires: i64,
    pub issued_at: i64,
    pub issued_by: String,
    pub status: BadgeStatus,
    pub revoked_at: Option<i64>,
    pub revocation_reason: String,
    pub print_count: u32,
    pub last_printed_at: Option<i64>,
    pub collected: Option<Collection>,
}
