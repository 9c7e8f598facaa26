use serde::{Deserialize, Serialize};

pub type OperatorId = i64;

/// What an operator may do. Checked in the core, not only in the GUI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Everything, including keys and operators.
    Administrator,
    /// Approve/reject, revoke, override at gates, reports.
    Supervisor,
    /// Edit nominations, import, print and hand over approved badges.
    Clerk,
    /// The gate screen only.
    Gate,
    /// Dashboard and reports.
    Viewer,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Administrator,
        Role::Supervisor,
        Role::Clerk,
        Role::Gate,
        Role::Viewer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Supervisor => "supervisor",
            Role::Clerk => "clerk",
            Role::Gate => "gate",
            Role::Viewer => "viewer",
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let key = s.trim().to_ascii_lowercase();
        let key = match key.as_str() {
            "admin" => "administrator",
            "gate_officer" | "gate-officer" | "officer" => "gate",
            other => other,
        };
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == key)
            .ok_or_else(|| {
                format!(
                    "\"{}\" is not a role (administrator, supervisor, clerk, gate, viewer)",
                    s.trim()
                )
            })
    }
}

/// A person who signs in to Accredit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Operator {
    pub id: OperatorId,
    pub name: String,
    pub role: Role,
    pub active: bool,
    /// Locked after too many failed sign-ins, until this instant (Unix seconds).
    pub locked_until: Option<i64>,
    pub created_at: i64,
}

impl Operator {
    /// Whether failed sign-ins keep the operator out at `now`.
    pub fn is_locked(&self, now: i64) -> bool {
        self.locked_until.is_some_and(|until| until > now)
    }
}
