//! The participant's audit trail in words: one line per entry, saying what
//! changed ("Family name: Nguyen → Nguyễn") rather than showing JSON.

use serde_json::Value;

use crate::domain::AuditEntry;

/// What an audit entry did, in one line.
pub fn describe(entry: &AuditEntry) -> String {
    let after = |key: &str| text_of(entry.after.as_ref().and_then(|v| v.get(key)));
    let badge = || format!("badge {}", entry.entity_id);
    match entry.action.as_str() {
        "participant.create" => "Nominated".into(),
        "participant.edit" => format!("Edited: {}", changes(entry)),
        "participant.photo" => "Photo replaced".into(),
        "participant.approve" => "Approved".into(),
        "participant.reject" => format!("Rejected: {}", after("reason")),
        "participant.cancel" => with_reason("Cancelled", &after("reason")),
        "participant.renominate" => "Back to nominated".into(),
        "badge.issue" => format!("New {} (zones {})", badge(), zones(entry)),
        "badge.print" => format!("{} printed ({})", capital(&badge()), after("kind")),
        "badge.reprint" => format!(
            "{} printed to replace a badge ({})",
            capital(&badge()),
            after("reason")
        ),
        "badge.revoke" => format!("{} revoked: {}", capital(&badge()), after("reason")),
        "badge.collect" => format!("{} handed over: {}", capital(&badge()), after("id_check")),
        other => format!("{other} {} {}", entry.entity, entry.entity_id),
    }
}

fn with_reason(what: &str, reason: &str) -> String {
    if reason.is_empty() {
        what.into()
    } else {
        format!("{what}: {reason}")
    }
}

fn capital(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
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
        return "details".into();
    };
    let before = entry.before.as_ref();
    let mut parts = Vec::new();
    for (key, new) in after {
        let old = before.and_then(|b| b.get(key));
        parts.push(format!(
            "{}: {} → {}",
            field_label(key),
            shown(old),
            shown(Some(new))
        ));
    }
    if parts.is_empty() {
        "details".into()
    } else {
        parts.join("; ")
    }
}

fn shown(v: Option<&Value>) -> String {
    let t = text_of(v);
    if t.is_empty() {
        "(empty)".into()
    } else {
        format!("\u{201C}{t}\u{201D}")
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
    let label = match key {
        "given_names" => "Given names",
        "family_name" => "Family name",
        "badge_name" => "Badge name",
        "function" => "Function",
        "gender" => "Gender",
        "nationality" => "Nationality",
        "date_of_birth" => "Date of birth",
        "document" => "Document",
        "email" => "E-mail",
        "phone" => "Phone",
        "zones_added" => "Zones added",
        "zones_removed" => "Zones removed",
        "notes" => "Notes",
        "reference" => "Reference",
        "delegation" => "Delegation",
        "category" => "Category",
        other => other,
    };
    label.to_string()
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
