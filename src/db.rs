//! The handles on an event's store, for the faces and the tests: a
//! connection ([`Db`]), a transaction ([`Tx`]), a server's address. What the
//! store holds is read through [`crate::lookup`] and changed through the
//! areas' functions; the store's own functions are private to the core.

pub use crate::store::LATEST_SCHEMA;
pub use crate::store::{
    Db, DbError, DbErrorKind, FromValue, Param, Params, Row, ServerState, ServerUrl, Tls, Tx,
    Value, configure_sqlite, open, open_in_memory, pgpass_lookup, snapshot,
};
