use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::domain::{Category, Event, Zone};
use crate::error::{Error, Result};
use crate::store;
use crate::store::{Db, Tx};

/// A new event with its zones and categories.
pub struct EventSetup {
    pub event: Event,
    pub zones: Vec<Zone>,
    pub categories: Vec<Category>,
}

/// Creates the event of an empty store, in one transaction.
pub fn create_event(conn: &mut Db, actor: &Actor, setup: &EventSetup, now: i64) -> Result<()> {
    conn.write(|tx| insert_event(tx, actor, setup, now))
}

/// Creates the event inside a larger transaction (the demo builds the whole
/// conference in one).
pub fn insert_event(tx: &Tx, actor: &Actor, setup: &EventSetup, now: i64) -> Result<()> {
    actor.require(Permission::ConfigureEvent)?;
    let mut errors = setup.event.validate();
    for z in &setup.zones {
        errors.extend(z.validate());
    }
    for c in &setup.categories {
        errors.extend(c.validate());
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    if store::event::find(tx)?.is_some() {
        return Err(Error::Refused(
            "this data directory already holds an event (one event per data directory)".into(),
        ));
    }
    store::event::insert(tx, &setup.event, now)?;
    for z in &setup.zones {
        store::zones::insert(tx, z)?;
    }
    for c in &setup.categories {
        store::categories::insert(tx, c)?;
    }
    audit::record(
        tx,
        actor,
        now,
        Change::new("event.create", "event", setup.event.code.as_str()),
        None::<&()>,
        Some(&setup.event),
    )
}
