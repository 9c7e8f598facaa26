//! Choices shown in pick lists, each with the words a clerk reads.

use accredit::desk::badges::ReprintReason;
use accredit::domain::{DocumentKind, Gender, Layout};
use accredit::t;

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
        f.write_str(&match self.0 {
            Gender::Female => t!("common-gender-female"),
            Gender::Male => t!("common-gender-male"),
            Gender::Other => t!("common-gender-other"),
            Gender::Unspecified => t!("common-gender-not-given"),
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
        f.write_str(&match self.0 {
            DocumentKind::Passport => t!("common-document-passport"),
            DocumentKind::DiplomaticPassport => t!("common-document-diplomatic-passport"),
            DocumentKind::OfficialPassport => t!("common-document-official-passport"),
            DocumentKind::NationalId => t!("common-document-national-id"),
            DocumentKind::LaissezPasser => t!("common-document-laissez-passer"),
            DocumentKind::Other => t!("common-document-other"),
        })
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
        f.write_str(&match self.0 {
            Layout::A6 => t!("common-layout-a6"),
            Layout::Card => t!("common-layout-card"),
            Layout::A4x4 => t!("common-layout-a4x4"),
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
        f.write_str(&match self.0 {
            ReprintReason::Lost => t!("common-reprint-lost"),
            ReprintReason::Damaged => t!("common-reprint-damaged"),
            ReprintReason::DataChange => t!("common-reprint-data-changed"),
        })
    }
}
