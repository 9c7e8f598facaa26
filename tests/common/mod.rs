//! Runs the real `accredit` binary against a data directory of its own.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failed unwrap is a failed test"
)]
#![allow(dead_code)]

pub mod core;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Whether this run puts every event on PostgreSQL
/// (`ACCREDIT_TEST_ENGINE=postgres`) rather than in a SQLite file.
pub fn on_postgres() -> bool {
    std::env::var("ACCREDIT_TEST_ENGINE").is_ok_and(|e| e == "postgres")
}

pub struct Accredit {
    pub dir: tempfile::TempDir,
    pub operator: String,
    /// The event server's database, when the event is on PostgreSQL.
    pub database: Option<String>,
}

impl Accredit {
    /// A fresh, empty data directory; with `ACCREDIT_TEST_ENGINE=postgres`,
    /// working on a new database of the test server (the suites that go
    /// through the binary alone run on both engines that way).
    pub fn empty() -> Accredit {
        if on_postgres() {
            return Accredit::on_postgres().expect("ACCREDIT_TEST_ENGINE=postgres needs a server");
        }
        Accredit::in_data_dir()
    }

    fn in_data_dir() -> Accredit {
        Accredit {
            dir: tempfile::tempdir().expect("temporary directory"),
            operator: "admin".into(),
            database: None,
        }
    }

    /// A fresh data directory working on a new, empty PostgreSQL database;
    /// `None` where PostgreSQL is not to be had (the test then skips, and
    /// says so).
    pub fn on_postgres() -> Option<Accredit> {
        let database = accredit::test_server::new_database()?;
        Some(Accredit {
            database: Some(database),
            ..Accredit::in_data_dir()
        })
    }

    /// A fresh data directory working on the database at `url`.
    pub fn on_database(url: String) -> Accredit {
        Accredit {
            database: Some(url),
            ..Accredit::in_data_dir()
        }
    }

    /// The workspace the binary works on (data directory, and server).
    pub fn workspace(&self) -> accredit::workspace::Workspace {
        let ws = accredit::workspace::Workspace::new(self.dir.path());
        match &self.database {
            Some(url) => ws.on_server(
                accredit::db::ServerUrl::parse(url).expect("test server address"),
                None,
            ),
            None => ws,
        }
    }

    /// The event's store, opened as the binary opens it.
    pub fn db(&self) -> accredit::db::Db {
        self.workspace().open().expect("open the store")
    }

    /// A data directory holding the demo conference with `n` participants,
    /// on the seed's own dates (25–26 October 2025): the tests that use it
    /// work at fixed instants of those days.
    pub fn demo(n: usize) -> Accredit {
        let a = Accredit::empty();
        a.ok(&[
            "demo",
            "--participants",
            &n.to_string(),
            "--date",
            "2025-10-25",
        ]);
        a
    }

    /// A data directory holding the demo conference with `n` participants,
    /// under way now (as `accredit demo` makes it today).
    pub fn demo_now(n: usize) -> Accredit {
        let a = Accredit::empty();
        a.ok(&["demo", "--participants", &n.to_string()]);
        a
    }

    pub fn data_dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn db_path(&self) -> PathBuf {
        self.dir.path().join("accredit.sqlite")
    }

    pub fn as_operator(&self, name: &str) -> Accredit {
        Accredit {
            dir: tempfile::TempDir::new_in(self.dir.path()).expect("unused"),
            operator: name.into(),
            database: self.database.clone(),
        }
    }

    pub fn command(&self, args: &[&str]) -> Command {
        self.command_as(&self.operator, args)
    }

    pub fn command_as(&self, operator: &str, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_accredit"));
        cmd.args(args)
            .env("ACCREDIT_DATA_DIR", self.dir.path())
            .env("ACCREDIT_OPERATOR", operator)
            .env("ACCREDIT_PASSWORD", format!("demo-{operator}"))
            .env_remove("ACCREDIT_NOW")
            .env("NO_COLOR", "1");
        match &self.database {
            Some(url) => cmd.env("ACCREDIT_DATABASE", url),
            None => cmd.env_remove("ACCREDIT_DATABASE"),
        };
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run accredit")
    }

    pub fn run_as(&self, operator: &str, args: &[&str]) -> Output {
        self.command_as(operator, args)
            .output()
            .expect("run accredit")
    }

    /// Runs a command that must succeed; returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        self.ok_as(&self.operator.clone(), args)
    }

    pub fn ok_as(&self, operator: &str, args: &[&str]) -> String {
        let out = self.run_as(operator, args);
        assert!(
            out.status.success(),
            "accredit {args:?} failed ({}):\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("stdout is UTF-8")
    }

    /// Runs a command that must fail; returns its stderr.
    pub fn fails(&self, args: &[&str]) -> String {
        self.fails_as(&self.operator.clone(), args)
    }

    pub fn fails_as(&self, operator: &str, args: &[&str]) -> String {
        let out = self.run_as(operator, args);
        assert!(
            !out.status.success(),
            "accredit {args:?} should have failed:\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(out.stdout.is_empty() || !String::from_utf8_lossy(&out.stdout).contains("error"));
        String::from_utf8(out.stderr).expect("stderr is UTF-8")
    }

    /// Runs a `--json` command and parses its stdout.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let text = self.ok(args);
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("stdout of {args:?} is not JSON ({e}):\n{text}"))
    }

    pub fn json_as(&self, operator: &str, args: &[&str]) -> serde_json::Value {
        let text = self.ok_as(operator, args);
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("stdout of {args:?} is not JSON ({e}):\n{text}"))
    }
}

/// The ids in a JSON array of participants.
pub fn ids(v: &serde_json::Value) -> Vec<i64> {
    v.as_array()
        .expect("a JSON array")
        .iter()
        .map(|p| p["id"].as_i64().expect("an id"))
        .collect()
}
