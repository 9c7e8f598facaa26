//! Choices shown in pick lists, each with the words a clerk reads.

use crate::desk::badges::ReprintReason;
use crate::domain::{DocumentKind, Gender, Layout};

/// A gender in the form's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenderChoice(pub Gender);

impl GenderChoice {
    pub const ALL: [GenderChoice; 4] = [
        GenderChoice(Gender::Female),
        GenderChoice(Gender::Male),
        GenderChoice(Gender::Other),
        GenderChoice(Gender::Unspecified),
    ];
}

impl std::fmt::Display for GenderChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self.0 {
            Gender::Female => "Female",
            Gender::Male => "Male",
            Gender::Other => "Other",
            Gender::Unspecified => "Not given",
        })
    }
}

/// A document type in the form's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindChoice(pub DocumentKind);

impl KindChoice {
    pub fn all() -> Vec<KindChoice> {
        DocumentKind::ALL.into_iter().map(KindChoice).collect()
    }
}

impl std::fmt::Display for KindChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.label())
    }
}

/// A badge layout, in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutChoice(pub Layout);

impl LayoutChoice {
    pub const ALL: [LayoutChoice; 3] = [
        LayoutChoice(Layout::A6),
        LayoutChoice(Layout::Card),
        LayoutChoice(Layout::A4x4),
    ];
}

impl std::fmt::Display for LayoutChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self.0 {
            Layout::A6 => "A6 badge",
            Layout::Card => "ID-1 card",
            Layout::A4x4 => "A4 sheet of 4",
        })
    }
}

/// A reprint reason, in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReprintChoice(pub ReprintReason);

impl ReprintChoice {
    pub const ALL: [ReprintChoice; 3] = [
        ReprintChoice(ReprintReason::Lost),
        ReprintChoice(ReprintReason::Damaged),
        ReprintChoice(ReprintReason::DataChange),
    ];
}

impl std::fmt::Display for ReprintChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self.0 {
            ReprintReason::Lost => "Lost",
            ReprintReason::Damaged => "Damaged",
            ReprintReason::DataChange => "Data changed",
        })
    }
}
