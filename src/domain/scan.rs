use serde::{Deserialize, Serialize};

use super::{BadgeSerial, CheckpointId, GateVerdict, ParticipantId, ZoneNumber};

/// Which way someone passes a checkpoint.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Entry,
    Exit,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Entry => "entry",
            Direction::Exit => "exit",
        }
    }
}

impl std::fmt::Display for Direction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Direction {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "entry" | "in" => Ok(Direction::Entry),
            "exit" | "out" => Ok(Direction::Exit),
            other => Err(format!("\"{other}\" is not a direction (entry or exit)")),
        }
    }
}

/// One badge presented at one checkpoint, whatever the verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scan {
    /// A UUID, so scans made at offline gates merge exactly once.
    pub id: String,
    pub serial: Option<BadgeSerial>,
    pub participant: Option<ParticipantId>,
    pub checkpoint: CheckpointId,
    pub zone: ZoneNumber,
    pub direction: Direction,
    /// The verdict, stored as its identifier (`ACCEPTED`, `REVOKED`, …).
    pub verdict: GateVerdict,
    /// Whether the person went through: accepted, or refused and overridden.
    pub passed: bool,
    pub at: i64,
    pub station: String,
    pub operator: String,
    /// Why an officer let a refused badge through; empty when not overridden.
    pub override_reason: String,
    /// The supervisor who authorised the override; empty when not overridden.
    #[serde(default)]
    pub override_by: String,
    /// The id of the refused scan this override lets through.
    #[serde(default)]
    pub overrides: Option<String>,
}
