//! The layer rules of ARCHITECTURE.md, kept by reading the sources: each
//! area names only the areas below it. A `crate::x` path or a `use iced` in
//! code (not in a comment) counts.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The Rust files under `dir`, recursively.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The code of a file, comments dropped (line comments and doc comments:
/// the sources use no block comments).
fn code(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| match line.find("//") {
            // A `//` inside a string (a URL) keeps the line whole.
            Some(i) if !line[..i].contains('"') => &line[..i],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level areas (`crate::x`, or `accredit::x` from the faces in the
/// binary crate) that the files of `area` name.
fn named_by(area: &str) -> BTreeSet<String> {
    let root = src().join(area);
    let paths = if root.is_dir() {
        files(&root)
    } else {
        vec![src().join(format!("{area}.rs"))]
    };
    let mut named = BTreeSet::new();
    // Test modules of their own (`upgrade_tests.rs`) build whole events to
    // test with; the rules are about the code that ships.
    for path in paths
        .into_iter()
        .filter(|p| !p.to_string_lossy().ends_with("tests.rs"))
    {
        let code = code(&path);
        for (i, root) in code
            .match_indices("crate::")
            .chain(code.match_indices("accredit::"))
        {
            let rest = &code[i + root.len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                named.insert(name);
            }
        }
        // Grouped imports: `use crate::{a, b::c}`.
        for (i, root) in code
            .match_indices("crate::{")
            .chain(code.match_indices("accredit::{"))
        {
            let group = &code[i + root.len()..];
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for item in group.split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    named.insert(name);
                }
            }
        }
    }
    named.remove(area);
    // `crate::Error` and the like: types the crate root re-exports.
    named.retain(|n| n.starts_with(|c: char| c.is_ascii_lowercase()));
    named
}

fn assert_names_only(area: &str, allowed: &[&str]) {
    let named = named_by(area);
    let beyond: Vec<&String> = named
        .iter()
        .filter(|n| !allowed.contains(&n.as_str()))
        .collect();
    assert!(
        beyond.is_empty(),
        "src/{area} names {beyond:?}, which lie above it (it may name only {allowed:?})"
    );
}

/// `t!` and `tr!` are the catalogues' macros (macros are exported at the
/// crate root).
const WORDS: [&str; 3] = ["i18n", "t", "tr"];

#[test]
fn the_catalogues_name_nothing_else() {
    assert_names_only("i18n", &WORDS);
}

#[test]
fn the_domain_names_nothing_but_the_error_type_and_the_catalogues() {
    assert_names_only("domain", &[&["error"][..], &WORDS].concat());
}

#[test]
fn the_store_names_only_the_domain_and_pure_helpers() {
    // `params` is the store's own macro (macros are exported at the root);
    // it names `Param` through `db`, the public door to the store's handles.
    assert_names_only(
        "store",
        &[
            &["db", "domain", "error", "files", "params", "search"][..],
            &WORDS,
        ]
        .concat(),
    );
}

#[test]
fn the_audit_trail_does_not_depend_on_sign_in() {
    assert_names_only("audit", &["domain", "error", "store"]);
}

#[test]
fn no_core_area_names_a_face() {
    let faces = ["gui", "cli"];
    for entry in std::fs::read_dir(src()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        if faces.contains(&name.as_str()) || name == "main" || name == "lib" {
            continue;
        }
        let named = named_by(&name);
        for face in faces {
            assert!(!named.contains(face), "src/{name} names crate::{face}");
        }
    }
    // The GUI and the CLI do not name each other either.
    assert!(!named_by("gui").contains("cli"), "src/gui names crate::cli");
    assert!(!named_by("cli").contains("gui"), "src/cli names crate::gui");
}

/// The faces live in the binary crate and the store is private to the
/// library: a face that calls `store::…` does not compile. This keeps the
/// declarations that make it so.
#[test]
fn the_faces_are_outside_the_library_and_the_store_is_private_to_it() {
    let lib = code(&src().join("lib.rs"));
    for face in ["cli", "gui"] {
        assert!(
            !lib.contains(&format!("mod {face};")),
            "src/lib.rs declares the face {face}: it belongs to the binary (src/main.rs)"
        );
    }
    assert!(
        lib.lines().any(|l| l.trim() == "mod store;"),
        "src/lib.rs must declare `mod store;` (private: the faces read through `lookup`)"
    );
}

/// SQL is written in `src/store` only; a face that needs data reads it
/// through `accredit::lookup` or an area's function.
#[test]
fn the_faces_write_no_sql() {
    for face in ["cli", "gui"] {
        for path in files(&src().join(face)).into_iter().filter(|p| {
            !p.to_string_lossy().ends_with("tests.rs") && !p.to_string_lossy().contains("/tests/")
        }) {
            let code = code(&path);
            for sql in [
                "SELECT ",
                "INSERT INTO",
                "UPDATE ",
                "DELETE FROM",
                ".execute(",
                ".query_row(",
            ] {
                assert!(
                    !code.contains(sql),
                    "{} holds SQL ({sql:?})",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn nothing_outside_the_gui_imports_iced() {
    for path in files(&src()) {
        if path.starts_with(src().join("gui")) {
            continue;
        }
        let code = code(&path);
        assert!(
            !code.contains("iced::") && !code.contains("use iced"),
            "{} imports iced",
            path.display()
        );
    }
}

/// The rule reader itself: a file naming a face is caught.
#[test]
fn the_reader_sees_paths_and_groups_but_not_comments() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.rs");
    std::fs::write(
        &path,
        "//! crate::gui in a comment\nuse crate::{desk, store::x};\nfn f() { crate::cli::run(); } // crate::audit\n",
    )
    .unwrap();
    let code = code(&path);
    assert!(!code.contains("crate::gui") && !code.contains("crate::audit"));
    assert!(code.contains("crate::{desk") && code.contains("crate::cli::run"));
}
