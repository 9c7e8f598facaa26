use serde::{Deserialize, Serialize};

use super::{Category, CategoryId, FieldError};

pub type DelegationId = i64;

/// What sort of body sends a delegation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DelegationKind {
    MemberState,
    ObserverState,
    UnEntity,
    Intergovernmental,
    RegionalOrganisation,
    FinancialInstitution,
    Ngo,
    Academia,
    Media,
    Host,
}

impl DelegationKind {
    pub const ALL: [DelegationKind; 10] = [
        DelegationKind::MemberState,
        DelegationKind::ObserverState,
        DelegationKind::UnEntity,
        DelegationKind::Intergovernmental,
        DelegationKind::RegionalOrganisation,
        DelegationKind::FinancialInstitution,
        DelegationKind::Ngo,
        DelegationKind::Academia,
        DelegationKind::Media,
        DelegationKind::Host,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DelegationKind::MemberState => "member_state",
            DelegationKind::ObserverState => "observer_state",
            DelegationKind::UnEntity => "un_entity",
            DelegationKind::Intergovernmental => "intergovernmental",
            DelegationKind::RegionalOrganisation => "regional_organisation",
            DelegationKind::FinancialInstitution => "financial_institution",
            DelegationKind::Ngo => "ngo",
            DelegationKind::Academia => "academia",
            DelegationKind::Media => "media",
            DelegationKind::Host => "host",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DelegationKind::MemberState => "Member state",
            DelegationKind::ObserverState => "Observer state",
            DelegationKind::UnEntity => "UN entity",
            DelegationKind::Intergovernmental => "Intergovernmental organisation",
            DelegationKind::RegionalOrganisation => "Regional organisation",
            DelegationKind::FinancialInstitution => "Financial institution",
            DelegationKind::Ngo => "NGO",
            DelegationKind::Academia => "Academia",
            DelegationKind::Media => "Media",
            DelegationKind::Host => "Host / organiser",
        }
    }

    /// States (members and observers) as opposed to organisations.
    pub fn is_state(self) -> bool {
        matches!(
            self,
            DelegationKind::MemberState | DelegationKind::ObserverState
        )
    }
}

impl std::fmt::Display for DelegationKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for DelegationKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let key = s.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        DelegationKind::ALL
            .into_iter()
            .find(|k| k.as_str() == key)
            .ok_or_else(|| {
                format!(
                    "\"{}\" is not a delegation kind ({})",
                    s.trim(),
                    DelegationKind::ALL.map(|k| k.as_str()).join(", ")
                )
            })
    }
}

/// How many people of a category a delegation may send.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quota {
    pub category: CategoryId,
    pub max: u32,
}

/// A state or organisation sending people to the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delegation {
    pub id: DelegationId,
    /// ISO 3166-1 alpha-3 for states, a short code for organisations.
    pub code: String,
    pub name: String,
    pub kind: DelegationKind,
    pub focal_point_name: String,
    pub focal_point_email: String,
    pub quotas: Vec<Quota>,
}

impl Delegation {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let code_ok = (2..=10).contains(&self.code.len())
            && self
                .code
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
        if !code_ok {
            errors.push(FieldError::new(
                "code",
                "must be 2 to 10 capital letters, digits or '-'",
            ));
        } else if self.kind.is_state()
            && (self.code.len() != 3 || !self.code.bytes().all(|b| b.is_ascii_uppercase()))
        {
            errors.push(FieldError::new(
                "code",
                "a state's code is its ISO 3166-1 alpha-3 code (three letters)",
            ));
        }
        if self.name.trim().is_empty() {
            errors.push(FieldError::new("name", "is required"));
        }
        if self.name.chars().count() > 200 {
            errors.push(FieldError::new("name", "is longer than 200 characters"));
        }
        if !self.focal_point_email.is_empty()
            && !super::participant::is_email(&self.focal_point_email)
        {
            errors.push(FieldError::new(
                "focal_point_email",
                format!("\"{}\" is not an e-mail address", self.focal_point_email),
            ));
        }
        errors
    }

    pub fn quota_for(&self, category: CategoryId) -> Option<u32> {
        self.quotas
            .iter()
            .find(|q| q.category == category)
            .map(|q| q.max)
    }

    /// Each quota as its category's code and maximum, in the order set;
    /// a quota whose category is not in `categories` is left out.
    pub fn quotas_by_code<'a>(
        &'a self,
        categories: &'a [Category],
    ) -> impl Iterator<Item = (&'a str, u32)> + 'a {
        self.quotas.iter().filter_map(|q| {
            categories
                .iter()
                .find(|c| c.id == q.category)
                .map(|c| (c.code.as_str(), q.max))
        })
    }
}
