//! Tests through the core (the library), on a demo store in a directory of
//! its own: the same functions the CLI and the GUI call.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failed unwrap is a failed test"
)]

use accredit::auth::{self, Actor};
use accredit::db::Db;
use accredit::domain::{
    DocumentKind, IdDocument, Participant, ParticipantDetails, ParticipantStatus,
};
use accredit::workspace::Workspace;
use accredit::{db, lookup};

pub struct Store {
    pub dir: tempfile::TempDir,
    pub ws: Workspace,
}

impl Store {
    /// The demo conference with `n` participants, its signing key and badges,
    /// under way now (as a demo made today); with
    /// `ACCREDIT_TEST_ENGINE=postgres`, on a new database of the test server.
    pub fn demo(n: usize) -> Store {
        let dir = tempfile::tempdir().expect("temporary directory");
        let ws = new_workspace(dir.path());
        accredit::demo::create(
            &ws,
            n,
            accredit::demo::Dates::around(accredit::clock::now()),
            false,
        )
        .expect("demo");
        Store { dir, ws }
    }

    pub fn conn(&self) -> Db {
        self.ws.open().expect("open the store")
    }

    /// A demo operator, signed in with their demo password.
    pub fn actor(&self, name: &str) -> Actor {
        auth::sign_in(
            &self.conn(),
            name,
            &format!("demo-{name}"),
            accredit::clock::now(),
        )
        .expect("sign in")
    }

    pub fn audit_count(&self) -> i64 {
        self.conn()
            .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
            .unwrap()
    }

    /// The first participant with `status`.
    pub fn first(&self, status: ParticipantStatus) -> Participant {
        lookup::participants::list(
            &self.conn(),
            &lookup::participants::Filter {
                status: Some(status),
                ..Default::default()
            },
        )
        .unwrap()
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("a {} participant", status.as_str()))
    }
}

/// A workspace on `dir`: its store in the directory, or, with
/// `ACCREDIT_TEST_ENGINE=postgres`, on a new database of the test server.
pub fn new_workspace(dir: &std::path::Path) -> Workspace {
    let ws = Workspace::new(dir);
    if !super::on_postgres() {
        return ws;
    }
    let url = accredit::test_server::new_database()
        .expect("ACCREDIT_TEST_ENGINE=postgres needs a server");
    ws.on_server(
        db::ServerUrl::parse(&url).expect("test server address"),
        None,
    )
}

/// Valid details of a new nomination in the first delegation and category.
pub fn details(conn: &Db, family: &str) -> ParticipantDetails {
    let delegation = lookup::delegations::list(conn).unwrap()[0].id;
    let category = lookup::categories::list(conn).unwrap()[0].id;
    ParticipantDetails {
        delegation,
        category,
        given_names: "Minh".into(),
        family_name: family.into(),
        nationality: "VNM".into(),
        document: IdDocument {
            kind: DocumentKind::Passport,
            number: format!("C{:07}", family.len() * 7919 % 10_000_000),
            expiry: Some(jiff::civil::date(2031, 1, 1)),
        },
        ..Default::default()
    }
}

impl Store {
    /// An operator signed in with `password`.
    pub fn actor_with(&self, name: &str, password: &str) -> Actor {
        auth::sign_in(&self.conn(), name, password, accredit::clock::now()).expect("sign in")
    }
}
