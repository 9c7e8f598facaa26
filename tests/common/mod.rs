//! Runs the real `accredit` binary against a data directory of its own.
#![allow(dead_code)]

pub mod core;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Accredit {
    pub dir: tempfile::TempDir,
    pub operator: String,
}

impl Accredit {
    /// A fresh, empty data directory.
    pub fn empty() -> Accredit {
        Accredit {
            dir: tempfile::tempdir().expect("temporary directory"),
            operator: "admin".into(),
        }
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
