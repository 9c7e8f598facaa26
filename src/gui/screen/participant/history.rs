//! The participant's audit trail in words: one line per entry, saying what
//! changed ("Family name: Nguyen → Nguyễn") rather than showing JSON.

use serde_json::Value;

use accredit::domain::AuditEntry;
use accredit::t;

/// What an audit entry did, in one line.
pub fn describe(entry: &AuditEntry) -> String {
    let after = |key: &str| text_of(entry.after.as_ref().and_then(|v| v.get(key)));
    let serial = entry.entity_id.as_str();
    match entry.action.as_str() {
        "participant.create" => t!("participant-history-created"),
        "participant.edit" => t!("participant-history-edited", changes = changes(entry)),
        "participant.photo" => t!("participant-history-photo"),
        "participant.approve" => t!("participant-history-approved"),
        "participant.reject" => t!("participant-history-rejected", reason = after("reason")),
        "participant.cancel" => match after("reason") {
            reason if reason.is_empty() => t!("participant-history-cancelled"),
            reason => t!("participant-history-cancelled-because", reason = reason),
        },
        "participant.renominate" => t!("participant-history-renominated"),
        "badge.issue" => t!(
            "participant-history-badge-issued",
            serial = serial,
            zones = zones(entry)
        ),
        "badge.print" => t!(
            "participant-history-badge-printed",
            serial = serial,
            kind = print_kind(&after("kind"))
        ),
        "badge.reprint" => t!(
            "participant-history-badge-reprinted",
            serial = serial,
            reason = print_kind(&after("reason"))
        ),
        "badge.revoke" => t!(
            "participant-history-badge-revoked",
            serial = serial,
            reason = after("reason")
        ),
        "badge.collect" => t!(
            "participant-history-badge-handed-over",
            serial = serial,
            check = after("id_check")
        ),
        other => format!("{other} {} {}", entry.entity, entry.entity_id),
    }
}

/// How a badge was printed, from the code the store keeps ("new", "again",
/// or a reprint's reason); a code not known here shows as it is.
pub fn print_kind(kind: &str) -> String {
    match kind {
        "new" => t!("participant-print-kind-new"),
        "again" => t!("participant-print-kind-again"),
        "lost" => t!("participant-print-kind-lost"),
        "damaged" => t!("participant-print-kind-damaged"),
        "data-change" => t!("participant-print-kind-data-change"),
        other => other.to_owned(),
    }
}

fn zones(entry: &AuditEntry) -> String {
    match entry.after.as_ref().and_then(|v| v.get("zones")) {
        Some(Value::Array(zones)) => zones
            .iter()
            .map(|z| text_of(Some(z)))
            .collect::<Vec<_>>()
            .join(","),
        other => text_of(other),
    }
}

/// "Family name: A → B; E-mail: … → …" for the fields of an edit.
fn changes(entry: &AuditEntry) -> String {
    let Some(Value::Object(after)) = &entry.after else {
        return t!("participant-history-details");
    };
    let before = entry.before.as_ref();
    let mut parts = Vec::new();
    for (key, new) in after {
        let old = before.and_then(|b| b.get(key));
        parts.push(t!(
            "participant-history-change",
            field = field_label(key),
            before = shown(old),
            after = shown(Some(new))
        ));
    }
    if parts.is_empty() {
        t!("participant-history-details")
    } else {
        parts.join("; ")
    }
}

fn shown(v: Option<&Value>) -> String {
    let t = text_of(v);
    if t.is_empty() {
        t!("participant-history-empty")
    } else {
        t!("participant-history-quoted", value = t)
    }
}

fn text_of(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| text_of(Some(i)))
            .collect::<Vec<_>>()
            .join(","),
        Some(Value::Object(map)) => map
            .iter()
            .filter(|(_, v)| !matches!(v, Value::Null) && v.as_str() != Some(""))
            .map(|(k, v)| format!("{k} {}", text_of(Some(v))))
            .collect::<Vec<_>>()
            .join(", "),
        Some(other) => other.to_string(),
    }
}

fn field_label(key: &str) -> String {
    match key {
        "given_names" => t!("participant-history-field-given-names"),
        "family_name" => t!("participant-history-field-family-name"),
        "badge_name" => t!("participant-history-field-badge-name"),
        "function" => t!("participant-history-field-function"),
        "gender" => t!("participant-history-field-gender"),
        "nationality" => t!("participant-history-field-nationality"),
        "date_of_birth" => t!("participant-history-field-date-of-birth"),
        "document" => t!("participant-history-field-document"),
        "email" => t!("participant-history-field-email"),
        "phone" => t!("participant-history-field-phone"),
        "zones_added" => t!("participant-history-field-zones-added"),
        "zones_removed" => t!("participant-history-field-zones-removed"),
        "notes" => t!("participant-history-field-notes"),
        "reference" => t!("participant-history-field-reference"),
        "delegation" => t!("participant-history-field-delegation"),
        "category" => t!("participant-history-field-category"),
        other => other.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn entry(action: &str, before: Option<Value>, after: Option<Value>) -> AuditEntry {
        AuditEntry {
            id: 1,
            at: 0,
            operator: "clerk".into(),
            action: action.into(),
            entity: "participant".into(),
            entity_id: "7".into(),
            participant: Some(7),
            before,
            after,
            prev_hash: vec![],
            hash: vec![],
        }
    }

    #[test]
    fn edits_name_their_fields() {
        let e = entry(
            "participant.edit",
            Some(json!({"family_name": "Nguyen", "email": ""})),
            Some(json!({"family_name": "Nguyễn", "email": "mai@example.org"})),
        );
        let text = describe(&e);
        assert!(text.contains("Family name: “Nguyen” → “Nguyễn”"), "{text}");
        assert!(
            text.contains("E-mail: (empty) → “mai@example.org”"),
            "{text}"
        );
    }

    #[test]
    fn badge_entries_say_what_happened() {
        let mut e = entry("badge.revoke", None, Some(json!({"reason": "lost"})));
        e.entity = "badge".into();
        e.entity_id = "1042".into();
        assert_eq!(describe(&e), "Badge 1042 revoked: lost");
        let e = entry(
            "participant.reject",
            None,
            Some(json!({"status": "rejected", "reason": "Not on the list"})),
        );
        assert_eq!(describe(&e), "Rejected: Not on the list");
    }
}
