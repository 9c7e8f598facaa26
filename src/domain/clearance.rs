//! Host-country security clearance: whether the event needs it, and where a
//! participant stands.

use serde::Serialize;

/// Where a participant stands with the host's security service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum ClearanceState {
    #[default]
    NotSent,
    Sent,
    Cleared,
    Refused,
    MoreInformation,
}

impl ClearanceState {
    pub const ALL: [ClearanceState; 5] = [
        ClearanceState::NotSent,
        ClearanceState::Sent,
        ClearanceState::Cleared,
        ClearanceState::Refused,
        ClearanceState::MoreInformation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ClearanceState::NotSent => "not-sent",
            ClearanceState::Sent => "sent",
            ClearanceState::Cleared => "cleared",
            ClearanceState::Refused => "refused",
            ClearanceState::MoreInformation => "more-information",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ClearanceState::NotSent => "Not sent",
            ClearanceState::Sent => "Sent",
            ClearanceState::Cleared => "Cleared",
            ClearanceState::Refused => "Refused",
            ClearanceState::MoreInformation => "More information requested",
        }
    }

    /// The state stored in the database (never `NotSent`, which is no row).
    pub fn from_sql(s: &str) -> Option<ClearanceState> {
        ClearanceState::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// A security service's answer, in English, French or Vietnamese, with
    /// or without accents; `None` when it is none of these.
    pub fn parse_answer(text: &str) -> Option<ClearanceState> {
        // Accents and case dropped, every other character a space.
        let folded: String = text
            .chars()
            .flat_map(|c| any_ascii::any_ascii_char(c).chars())
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    ' '
                }
            })
            .collect();
        let words = folded.split_whitespace().collect::<Vec<_>>().join(" ");
        match words.as_str() {
            "cleared" | "clear" | "ok" | "yes" | "approved" | "granted" | "accepted"
            | "autorise" | "autorisee" | "accorde" | "accordee" | "favorable"
            | "avis favorable" | "oui" | "dat" | "dong y" | "chap thuan" | "duoc phep"
            | "thong qua" => Some(ClearanceState::Cleared),
            "refused" | "refuse" | "refusee" | "denied" | "rejected" | "no" | "non" | "rejete"
            | "rejetee" | "defavorable" | "avis defavorable" | "tu choi" | "khong dat"
            | "khong chap thuan" | "khong duoc phep" | "khong" => Some(ClearanceState::Refused),
            "more information"
            | "more info"
            | "more information requested"
            | "information"
            | "information requested"
            | "more-information"
            | "pending"
            | "complement"
            | "complement d information"
            | "informations complementaires"
            | "information complementaire"
            | "demande d information"
            | "bo sung"
            | "can bo sung"
            | "bo sung thong tin"
            | "can bo sung thong tin"
            | "can them thong tin"
            | "them thong tin"
            | "yeu cau bo sung" => Some(ClearanceState::MoreInformation),
            _ => None,
        }
    }
}

impl std::fmt::Display for ClearanceState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for ClearanceState {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        ClearanceState::ALL
            .into_iter()
            .find(|v| v.as_str() == s.trim().to_ascii_lowercase())
            .ok_or_else(|| {
                format!(
                    "\"{s}\" is not a clearance state (not-sent, sent, cleared, refused, more-information)"
                )
            })
    }
}

/// Which participants need clearance before a badge: nobody, everybody, or
/// those of some categories (by code).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase", tag = "required", content = "categories")]
pub enum ClearanceRule {
    #[default]
    Off,
    All,
    Categories(Vec<String>),
}

impl ClearanceRule {
    /// `off`, `all`, or category codes separated by `;` or `,` (`MED;SEC`).
    pub fn parse(text: &str) -> Result<ClearanceRule, String> {
        let t = text.trim();
        match t.to_ascii_lowercase().as_str() {
            "" | "off" | "none" | "no" => return Ok(ClearanceRule::Off),
            "all" | "everyone" | "yes" => return Ok(ClearanceRule::All),
            _ => {}
        }
        let mut codes: Vec<String> = t
            .split([';', ','])
            .map(|c| c.trim().to_uppercase())
            .filter(|c| !c.is_empty())
            .collect();
        codes.sort();
        codes.dedup();
        if codes.is_empty() {
            return Err(format!(
                "\"{text}\" names no category: say off, all, or category codes such as MED;SEC"
            ));
        }
        Ok(ClearanceRule::Categories(codes))
    }

    /// How the rule is stored and written on the command line.
    pub fn to_setting(&self) -> String {
        match self {
            ClearanceRule::Off => "off".into(),
            ClearanceRule::All => "all".into(),
            ClearanceRule::Categories(codes) => codes.join(";"),
        }
    }

    pub fn is_off(&self) -> bool {
        *self == ClearanceRule::Off
    }

    /// Whether a participant of this category needs clearance.
    pub fn applies_to(&self, category_code: &str) -> bool {
        match self {
            ClearanceRule::Off => false,
            ClearanceRule::All => true,
            ClearanceRule::Categories(codes) => codes.iter().any(|c| c == category_code),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            ClearanceRule::Off => "not required".into(),
            ClearanceRule::All => "required for every category".into(),
            ClearanceRule::Categories(codes) => format!("required for {}", codes.join(", ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_in_three_languages() {
        use ClearanceState::*;
        for (text, want) in [
            ("cleared", Cleared),
            ("Autorisé", Cleared),
            ("Đạt", Cleared),
            ("Đồng ý", Cleared),
            ("refused", Refused),
            ("Refusé", Refused),
            ("Từ chối", Refused),
            ("Không đạt", Refused),
            ("more-information", MoreInformation),
            ("Informations complémentaires", MoreInformation),
            ("Bổ sung", MoreInformation),
            ("Cần bổ sung thông tin", MoreInformation),
        ] {
            assert_eq!(ClearanceState::parse_answer(text), Some(want), "{text}");
        }
        assert_eq!(ClearanceState::parse_answer(""), None);
        assert_eq!(ClearanceState::parse_answer("maybe"), None);
    }

    #[test]
    fn rules() {
        assert_eq!(ClearanceRule::parse("off").unwrap(), ClearanceRule::Off);
        assert_eq!(ClearanceRule::parse("ALL").unwrap(), ClearanceRule::All);
        let r = ClearanceRule::parse("sec; med").unwrap();
        assert_eq!(r.to_setting(), "MED;SEC");
        assert!(r.applies_to("MED") && !r.applies_to("UN"));
        let e = ClearanceRule::parse(";").unwrap_err();
        assert!(e.contains("names no category"), "{e}");
    }
}
