use crate::domain::Role;

/// Something an operator may or may not do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    /// See participants and their data.
    ViewParticipants,
    /// Create and edit nominations, replace photos.
    EditParticipants,
    /// Import nomination lists and photos.
    ImportNominations,
    /// Approve, reject, cancel.
    ApproveParticipants,
    /// Print approved badges, reprint a lost or damaged one.
    PrintBadges,
    /// Hand a badge over after the ID check.
    HandOverBadges,
    /// Revoke a badge.
    RevokeBadges,
    /// Scan badges at a gate.
    Scan,
    /// Let a refused badge through, with a reason.
    OverrideGate,
    /// Dashboard, reports and exports.
    ViewReports,
    /// Event settings, categories, zones, checkpoints, sessions, delegations.
    ConfigureEvent,
    /// Signing keys, trust and revocation lists, gate packages.
    ManageKeys,
    /// Create and change operators.
    ManageOperators,
    /// Back up the store (without the signing keys, which need `ManageKeys`).
    Backup,
    /// Replace the store with a backup.
    Restore,
    /// Read the audit trail.
    ReadAudit,
    /// Send lists to the security service, import its answers, read the
    /// reasons of refusals.
    RunVetting,
    /// Write letters for delegates (acknowledgement, visa).
    WriteLetters,
}

impl Permission {
    /// The role matrix of issue 9: administrator everything; supervisor the
    /// desk and its oversight (approve, revoke, override, reports, audit,
    /// backups) but not the event, keys, operators or a restore; clerk the
    /// nominations and badges up to hand-over; gate officer scanning only;
    /// viewer the dashboard and reports.
    pub fn allowed_for(self, role: Role) -> bool {
        use Permission::*;
        match role {
            Role::Administrator => true,
            Role::Supervisor => !matches!(
                self,
                ConfigureEvent | ManageKeys | ManageOperators | Restore
            ),
            Role::Clerk => matches!(
                self,
                ViewParticipants
                    | EditParticipants
                    | ImportNominations
                    | PrintBadges
                    | HandOverBadges
                    | WriteLetters
            ),
            Role::Gate => matches!(self, Scan),
            Role::Viewer => matches!(self, ViewReports),
        }
    }

    /// The action in words, for "X may not …".
    pub fn describe(self) -> &'static str {
        use Permission::*;
        match self {
            ViewParticipants => "view participants",
            EditParticipants => "edit participants",
            ImportNominations => "import nominations",
            ApproveParticipants => "approve, reject or cancel participants",
            PrintBadges => "print badges",
            HandOverBadges => "hand over badges",
            RevokeBadges => "revoke badges",
            Scan => "scan badges",
            OverrideGate => "override a gate refusal",
            ViewReports => "view reports",
            ConfigureEvent => "change the event's settings",
            ManageKeys => "manage signing keys",
            ManageOperators => "manage operators",
            Backup => "back up the store",
            Restore => "restore the store from a backup",
            ReadAudit => "read the audit trail",
            RunVetting => "run security vetting",
            WriteLetters => "write letters for delegates",
        }
    }

    /// Every permission, for listing what a role may do.
    pub const ALL: [Permission; 18] = [
        Permission::ViewParticipants,
        Permission::EditParticipants,
        Permission::ImportNominations,
        Permission::ApproveParticipants,
        Permission::PrintBadges,
        Permission::HandOverBadges,
        Permission::RevokeBadges,
        Permission::Scan,
        Permission::OverrideGate,
        Permission::ViewReports,
        Permission::ConfigureEvent,
        Permission::ManageKeys,
        Permission::ManageOperators,
        Permission::Backup,
        Permission::Restore,
        Permission::ReadAudit,
        Permission::RunVetting,
        Permission::WriteLetters,
    ];
}
