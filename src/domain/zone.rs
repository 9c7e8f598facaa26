use serde::{Deserialize, Serialize};

use super::FieldError;

/// A zone number, 1 to 64: bit `n - 1` of a [`ZoneSet`].
pub type ZoneNumber = u8;

/// A set of access zones, as the credential carries it: bit `n - 1` set means
/// zone `n`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ZoneSet(pub u64);

impl ZoneSet {
    pub const EMPTY: ZoneSet = ZoneSet(0);

    pub fn contains(self, zone: ZoneNumber) -> bool {
        (1..=64).contains(&zone) && self.0 & (1u64 << (zone - 1)) != 0
    }

    pub fn with(self, zone: ZoneNumber) -> ZoneSet {
        if (1..=64).contains(&zone) {
            ZoneSet(self.0 | 1u64 << (zone - 1))
        } else {
            self
        }
    }

    pub fn union(self, other: ZoneSet) -> ZoneSet {
        ZoneSet(self.0 | other.0)
    }

    pub fn minus(self, other: ZoneSet) -> ZoneSet {
        ZoneSet(self.0 & !other.0)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = ZoneNumber> {
        (1..=64u8).filter(move |z| self.contains(*z))
    }

    pub fn from_numbers(numbers: impl IntoIterator<Item = ZoneNumber>) -> ZoneSet {
        numbers.into_iter().fold(ZoneSet::EMPTY, ZoneSet::with)
    }

    /// Parses `1;2;4`, `1,2,4` or `1 2 4`. Empty text is the empty set.
    pub fn parse(text: &str) -> Result<ZoneSet, String> {
        let mut set = ZoneSet::EMPTY;
        for part in text.split([';', ',', ' ']).filter(|p| !p.trim().is_empty()) {
            let n: u8 = part
                .trim()
                .parse()
                .map_err(|_| format!("\"{}\" is not a zone number", part.trim()))?;
            if !(1..=64).contains(&n) {
                return Err(format!("zone {n} is outside 1–64"));
            }
            set = set.with(n);
        }
        Ok(set)
    }

    /// `1;2;4`: the form the CSV files and the CLI use.
    pub fn to_list(self) -> String {
        self.iter()
            .map(|z| z.to_string())
            .collect::<Vec<_>>()
            .join(";")
    }

    /// The SQLite column holds the 64 bits as a signed integer.
    pub fn to_sql(self) -> i64 {
        self.0 as i64
    }

    pub fn from_sql(v: i64) -> ZoneSet {
        ZoneSet(v as u64)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Zone {
    pub number: ZoneNumber,
    pub code: String,
    pub name: String,
}

impl Zone {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if !(1..=64).contains(&self.number) {
            errors.push(FieldError::new("number", "must be between 1 and 64"));
        }
        if !is_code(&self.code, 8) {
            errors.push(FieldError::new(
                "code",
                "must be 1 to 8 capital letters or digits",
            ));
        }
        if self.name.trim().is_empty() {
            errors.push(FieldError::new("name", "is required"));
        }
        errors
    }
}

pub(crate) fn is_code(code: &str, max: usize) -> bool {
    !code.is_empty()
        && code.len() <= max
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

pub type CheckpointId = i64;

/// Which ways a checkpoint lets people through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Directions {
    Entry,
    Exit,
    Both,
}

impl Directions {
    pub fn as_str(self) -> &'static str {
        match self {
            Directions::Entry => "entry",
            Directions::Exit => "exit",
            Directions::Both => "both",
        }
    }

    pub fn allows(self, direction: super::Direction) -> bool {
        matches!(
            (self, direction),
            (Directions::Both, _)
                | (Directions::Entry, super::Direction::Entry)
                | (Directions::Exit, super::Direction::Exit)
        )
    }
}

impl std::str::FromStr for Directions {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "entry" | "in" => Ok(Directions::Entry),
            "exit" | "out" => Ok(Directions::Exit),
            "both" => Ok(Directions::Both),
            other => Err(format!("\"{other}\" is not entry, exit or both")),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub id: CheckpointId,
    pub name: String,
    pub zone: ZoneNumber,
    pub directions: Directions,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_sets() {
        let s = ZoneSet::parse("1; 4,64").unwrap();
        assert!(s.contains(1) && s.contains(4) && s.contains(64) && !s.contains(2));
        assert_eq!(s.to_list(), "1;4;64");
        assert_eq!(ZoneSet::from_sql(s.to_sql()), s);
        assert!(ZoneSet::parse("65").is_err());
        assert!(ZoneSet::parse("x").is_err());
        assert_eq!(ZoneSet::parse("").unwrap(), ZoneSet::EMPTY);
        assert!(!s.contains(0) && !s.contains(65));
    }
}
