//! Domain types: what an accreditation is made of. Pure data and validation;
//! no SQL, no files, no GUI.

mod actor;
mod audit;
mod badge;
mod category;
mod clearance;
mod delegation;
mod event;
mod field;
mod operator;
mod participant;
mod permission;
mod row;
mod scan;
mod session;
mod text;
mod verdict;
mod zone;

pub use actor::Actor;
pub use audit::AuditEntry;
pub use badge::{Badge, BadgeSerial, BadgeStatus, Collection};
pub use category::{Category, CategoryId, Colour};
pub use clearance::{ClearanceRule, ClearanceState};
pub use delegation::{Delegation, DelegationId, DelegationKind, Quota};
pub use event::{Event, EventCode, Layout};
pub use field::FieldError;
pub use operator::{Operator, OperatorId, Role};
pub use participant::{
    DocumentKind, Gender, IdDocument, Participant, ParticipantDetails, ParticipantId,
    ParticipantStatus, PrintedName, limits,
};
pub use permission::Permission;
pub use row::ParticipantRow;
pub use scan::{Direction, Scan};
pub use session::{Invitee, Session, SessionId};
pub use text::{clean_text, normalise_code, parse_date, parse_local_datetime};
pub use verdict::{GateVerdict, UnknownVerdict, Verdict};
pub use zone::{Checkpoint, CheckpointId, Directions, Zone, ZoneNumber, ZoneSet};
