//! What the faces may read from the store, chosen one function at a time.
//!
//! Every function here only reads. A face changes the event only through
//! the areas' functions (`desk`, `setup`, `gate`, …), which check the
//! operator's permission, work in one transaction and write the audit
//! entry; `store` itself is private to the core, so a face that calls a
//! store function does not compile (ARCHITECTURE.md, "Faces reach the
//! store only through the core").

pub mod event {
    pub use crate::store::event::{find, get, logo};
}

pub mod categories {
    pub use crate::store::categories::{find_by_code, get, list};
}

pub mod delegations {
    pub use crate::store::delegations::{find_by_code, get, list};
}

pub mod zones {
    pub use crate::store::zones::{find, list};
}

pub mod checkpoints {
    pub use crate::store::checkpoints::{find_by_name, list};
}

pub mod sessions {
    pub use crate::store::sessions::{find_by_name, list};
}

pub mod participants {
    pub use crate::store::participants::{
        Filter, SearchSource, count_by_status, find_by_document, find_by_reference, get, list,
    };
}

pub mod badges {
    pub use crate::store::badges::{PrintRecord, active_for, get, history, list};
}

pub mod photos {
    pub use crate::store::photos::{StoredPhoto, get};
}

pub mod scans {
    pub use crate::store::scans::get;
}

pub mod audit {
    pub use crate::store::audit::{Filter, list};
}

pub mod vetting {
    pub use crate::store::vetting::batches;
}

pub mod usage {
    pub use crate::store::usage::{ZoneUse, zone_use};
}

pub mod operators {
    pub use crate::store::operators::{find_by_name, language};
}

pub mod keys {
    pub use crate::store::keys::{KeyRecord, current};
}

pub mod backup_settings {
    pub use crate::store::backup_settings::BackupSettings;
}
