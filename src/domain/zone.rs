use serde::{Deserialize, Serialize};

use super::FieldError;

/// A zone number, 1 to 64: bit `n - 1` of a [`ZoneSet`].
pub type ZoneNumber = u8;

/// A set of access zones, as the credential carries it: bit `n - 1` set
/// means zone `n` (zones are numbered 1 to 64). In JSON it is the array of
/// its zone numbers, e.g. `[1, 2, 4]`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct ZoneSet(pub u64);

impl ZoneSet {
    /// The lowest zone number.
    pub const MIN_ZONE: u8 = 1;
    /// The highest zone number.
    pub const MAX_ZONE: u8 = 64;
    /// No zone at all.
    pub const EMPTY: ZoneSet = ZoneSet(0);
    /// Every zone.
    pub const ALL: ZoneSet = ZoneSet(u64::MAX);

    /// The set with this bitmask (bit `n - 1` = zone `n`).
    pub const fn from_bits(bits: u64) -> Self {
        ZoneSet(bits)
    }

    /// The bitmask, as carried in the credential.
    pub const fn bits(self) -> u64 {
        self.0
    }

    /// True if the set opens `zone`; always false outside 1–64.
    pub const fn contains(self, zone: ZoneNumber) -> bool {
        match Self::bit(zone) {
            Some(bit) => self.0 & bit != 0,
            None => false,
        }
    }

    /// Adds a zone; fails on a zone outside 1–64.
    pub fn insert(&mut self, zone: ZoneNumber) -> Result<(), String> {
        let bit = Self::bit(zone).ok_or_else(|| format!("zone {zone} is outside 1–64"))?;
        self.0 |= bit;
        Ok(())
    }

    /// The set of the given zones; fails on a zone outside 1–64.
    pub fn from_zones(zones: impl IntoIterator<Item = ZoneNumber>) -> Result<ZoneSet, String> {
        let mut set = ZoneSet::EMPTY;
        for zone in zones {
            set.insert(zone)?;
        }
        Ok(set)
    }

    /// The set of the given zones, ignoring numbers outside 1–64.
    pub fn from_numbers(numbers: impl IntoIterator<Item = ZoneNumber>) -> ZoneSet {
        numbers.into_iter().fold(ZoneSet::EMPTY, ZoneSet::with)
    }

    /// This set and `zone` (unchanged when `zone` is outside 1–64).
    pub fn with(self, zone: ZoneNumber) -> ZoneSet {
        match Self::bit(zone) {
            Some(bit) => ZoneSet(self.0 | bit),
            None => self,
        }
    }

    pub fn union(self, other: ZoneSet) -> ZoneSet {
        ZoneSet(self.0 | other.0)
    }

    pub fn minus(self, other: ZoneSet) -> ZoneSet {
        ZoneSet(self.0 & !other.0)
    }

    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The zone numbers, ascending.
    pub fn iter(self) -> impl Iterator<Item = ZoneNumber> {
        (Self::MIN_ZONE..=Self::MAX_ZONE).filter(move |&zone| self.contains(zone))
    }

    /// Parses `1;2;4`, `1,2,4` or `1 2 4`. Empty text is the empty set.
    pub fn parse(text: &str) -> Result<ZoneSet, String> {
        let mut set = ZoneSet::EMPTY;
        for part in text.split([';', ',', ' ']).filter(|p| !p.trim().is_empty()) {
            let n: u8 = part
                .trim()
                .parse()
                .map_err(|_| format!("\"{}\" is not a zone number", part.trim()))?;
            set.insert(n)?;
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

    const fn bit(zone: ZoneNumber) -> Option<u64> {
        if zone >= Self::MIN_ZONE && zone <= Self::MAX_ZONE {
            Some(1 << (zone - 1))
        } else {
            None
        }
    }
}

impl std::fmt::Display for ZoneSet {
    /// Zone numbers separated by commas, e.g. `1,2,4`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, zone) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{zone}")?;
        }
        Ok(())
    }
}

impl Serialize for ZoneSet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for ZoneSet {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let zones = Vec::<u64>::deserialize(deserializer)?;
        let mut set = ZoneSet::EMPTY;
        for zone in zones {
            let zone = u8::try_from(zone).map_err(|_| format!("zone {zone} is outside 1–64"));
            zone.and_then(|z| set.insert(z))
                .map_err(serde::de::Error::custom)?;
        }
        Ok(set)
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
        let e = ZoneSet::parse("65").unwrap_err();
        assert!(e.contains("zone 65 is outside 1–64"), "{e}");
        let e = ZoneSet::parse("x").unwrap_err();
        assert!(e.contains("\"x\" is not a zone number"), "{e}");
        assert_eq!(ZoneSet::parse("").unwrap(), ZoneSet::EMPTY);
        assert!(!s.contains(0) && !s.contains(65));
    }
}
