use serde::Serialize;

/// One change in the store: who, when, what, before and after. Entries are
/// hash-chained so that an edited or deleted entry is detected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: i64,
    pub operator: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub participant: Option<i64>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    #[serde(with = "hex::serde")]
    pub prev_hash: Vec<u8>,
    #[serde(with = "hex::serde")]
    pub hash: Vec<u8>,
}
