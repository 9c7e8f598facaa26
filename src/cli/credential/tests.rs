//! `credential verify` with in-memory input and output.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

use std::io::Cursor;
use std::path::{Path, PathBuf};

use super::{CliError, VerifyArgs, run_verify};
use clap::Parser;
use serde::Deserialize;

#[derive(Deserialize)]
struct VectorFile {
    vectors: Vec<Vector>,
}

#[derive(Deserialize)]
struct Vector {
    id: String,
    qr_text: String,
    trust_list: serde_json::Value,
    validation_time: i64,
    revoked_serials: Vec<u64>,
    checkpoint_zone: Option<u8>,
    holder_inside: bool,
    expected: String,
}

fn vectors() -> Vec<Vector> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/credential-v1.json");
    let json = std::fs::read_to_string(path).expect("vector file");
    serde_json::from_str::<VectorFile>(&json)
        .expect("vector file")
        .vectors
}

fn write_trust_list(dir: &Path, name: &str, trust_list: &serde_json::Value) -> PathBuf {
    let path = dir.join(format!("{name}.json"));
    std::fs::write(&path, serde_json::to_string(trust_list).expect("json")).expect("write");
    path
}

fn args_for(vector: &Vector, trust_list: PathBuf, text: &str) -> VerifyArgs {
    VerifyArgs {
        trust_list: Some(trust_list),
        signed_trust_list: None,
        root: None,
        revoked: vector.revoked_serials.clone(),
        at: Some(vector.validation_time),
        zone: vector.checkpoint_zone,
        holder_inside: vector.holder_inside,
        json: false,
        text: text.to_owned(),
    }
}

fn run(args: &VerifyArgs, stdin: &str) -> Result<String, CliError> {
    let mut output = Vec::new();
    run_verify(
        args,
        &mut Cursor::new(stdin.as_bytes().to_vec()),
        &mut output,
    )?;
    Ok(String::from_utf8(output).expect("utf-8 output"))
}

#[test]
fn every_vector_through_the_cli() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut failures = Vec::new();
    for vector in vectors() {
        let path = write_trust_list(dir.path(), &vector.id, &vector.trust_list);
        let output = run(&args_for(&vector, path, &vector.qr_text), "").expect("runs");
        if output != format!("{}\n", vector.expected) {
            failures.push(format!(
                "{}: expected {}, printed {output:?}",
                vector.id, vector.expected
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn stdin_gives_one_verdict_per_line_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let all = vectors();
    let basic = all.iter().find(|v| v.id == "pub-ok-basic").expect("vector");
    // Vectors that share pub-ok-basic's trust list and gate state, and are
    // single lines.
    let batch: Vec<&Vector> = all
        .iter()
        .filter(|v| {
            v.trust_list == basic.trust_list
                && v.validation_time == basic.validation_time
                && v.revoked_serials.is_empty()
                && v.checkpoint_zone.is_none()
                && !v.holder_inside
                && !v.qr_text.contains(['\n', '\r'])
        })
        .collect();
    assert!(batch.len() > 25, "only {} vectors", batch.len());
    let path = write_trust_list(dir.path(), "trust", &basic.trust_list);
    let args = args_for(basic, path, "-");

    // Mixed terminators, and a last line without one.
    let mut stdin = String::new();
    for (i, vector) in batch.iter().enumerate() {
        stdin.push_str(&vector.qr_text);
        if i + 1 < batch.len() {
            stdin.push_str(if i % 2 == 0 { "\n" } else { "\r\n" });
        }
    }
    let expected: String = batch.iter().map(|v| format!("{}\n", v.expected)).collect();
    assert_eq!(run(&args, &stdin).expect("runs"), expected);
    assert_eq!(run(&args, "").expect("runs"), "", "no input, no verdicts");
    assert_eq!(
        run(&args, "\n").expect("runs"),
        "MALFORMED\n",
        "an empty line is a credential too"
    );

    // Only the terminator is stripped: other whitespace stays and is refused.
    let padded = format!(
        "{} \n{}\r\r\n{}\r",
        basic.qr_text, basic.qr_text, basic.qr_text
    );
    assert_eq!(
        run(&args, &padded).expect("runs"),
        "MALFORMED\nMALFORMED\nMALFORMED\n"
    );
    let plain = format!("{}\r\n", basic.qr_text);
    assert_eq!(run(&args, &plain).expect("runs"), "ACCEPTED\n");
}

#[test]
fn stdin_lines_that_are_not_utf8_are_malformed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let basic = vectors()
        .into_iter()
        .find(|v| v.id == "pub-ok-basic")
        .expect("vector");
    let path = write_trust_list(dir.path(), "trust", &basic.trust_list);
    let args = args_for(&basic, path, "-");
    let mut stdin = b"\xff\xfe\n".to_vec();
    stdin.extend_from_slice(basic.qr_text.as_bytes());
    let mut output = Vec::new();
    run_verify(&args, &mut Cursor::new(stdin), &mut output).expect("runs");
    assert_eq!(
        String::from_utf8(output).expect("utf-8"),
        "MALFORMED\nACCEPTED\n"
    );
}

#[test]
fn json_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let all = vectors();
    let photo = all.iter().find(|v| v.id == "pub-ok-photo").expect("vector");
    let path = write_trust_list(dir.path(), "trust", &photo.trust_list);
    let mut args = args_for(photo, path, "-");
    args.json = true;
    let stdin = format!(
        "{}\nACR1:\n{}",
        photo.qr_text,
        photo.qr_text.replace("ACR1", "ACR2")
    );
    let output = run(&args, &stdin).expect("runs");
    let lines: Vec<&str> = output.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines[0],
        r#"{"verdict":"ACCEPTED","claims":{"event":"HN25","serial":100042,"participant":4711,"category":"DEL","zones":[1,2,4],"not_before":1761177600,"expires":1761609600,"photo":"55c64d0fcd6f9d5f"}}"#
    );
    assert_eq!(lines[1], r#"{"verdict":"MALFORMED","claims":null}"#);
    assert_eq!(
        lines[2],
        r#"{"verdict":"UNSUPPORTED_VERSION","claims":null}"#
    );

    // Claims are shown when a later check fails, e.g. revoked.
    let mut revoked = args.clone();
    revoked.revoked = vec![100_042];
    revoked.text = photo.qr_text.clone();
    let output = run(&revoked, "").expect("runs");
    let value: serde_json::Value = serde_json::from_str(output.trim_end()).expect("json");
    assert_eq!(value["verdict"], "REVOKED");
    assert_eq!(value["claims"]["serial"], 100_042);
    assert_eq!(value["claims"]["photo"], "55c64d0fcd6f9d5f");

    let basic = all.iter().find(|v| v.id == "pub-ok-basic").expect("vector");
    let mut no_photo = args;
    no_photo.text = basic.qr_text.clone();
    let output = run(&no_photo, "").expect("runs");
    let value: serde_json::Value = serde_json::from_str(output.trim_end()).expect("json");
    assert_eq!(value["claims"]["photo"], serde_json::Value::Null);
}

#[test]
fn bad_trust_lists_are_usage_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let basic = vectors()
        .into_iter()
        .find(|v| v.id == "pub-ok-basic")
        .expect("vector");
    let missing = args_for(&basic, dir.path().join("absent.json"), &basic.qr_text);
    let error = run(&missing, "").expect_err("missing file");
    assert_eq!(error.exit_code(), 2);
    assert!(error.to_string().contains("absent.json"), "{error}");

    let garbage = dir.path().join("garbage.json");
    std::fs::write(&garbage, "{\"format\": \"something else\"}").expect("write");
    let error = run(&args_for(&basic, garbage, &basic.qr_text), "").expect_err("bad file");
    assert_eq!(error.exit_code(), 2);
    assert!(error.to_string().contains("trust list"), "{error}");
}

#[derive(Parser)]
struct TestCli {
    #[command(flatten)]
    verify: VerifyArgs,
}

#[test]
fn command_line_parsing() {
    let cli = TestCli::try_parse_from([
        "verify",
        "--trust-list",
        "t.json",
        "--revoked",
        "5,100042",
        "--at",
        "-5",
        "--zone",
        "64",
        "--holder-inside",
        "--json",
        "-",
    ])
    .expect("parses");
    let args = cli.verify;
    assert_eq!(args.trust_list, Some(PathBuf::from("t.json")));
    assert_eq!(args.revoked, [5, 100_042]);
    assert_eq!(args.at, Some(-5));
    assert_eq!(args.zone, Some(64));
    assert!(args.holder_inside && args.json);
    assert_eq!(args.text, "-");

    let defaults =
        TestCli::try_parse_from(["verify", "--trust-list", "t.json", "ACR1:X"]).expect("parses");
    assert_eq!(defaults.verify.at, None);
    assert!(defaults.verify.revoked.is_empty());

    let refused = |args: &[&str]| match TestCli::try_parse_from(args) {
        Ok(_) => panic!("{args:?} parsed"),
        Err(e) => e.kind(),
    };
    for bad_zone in ["0", "65", "x"] {
        assert_eq!(
            refused(&["verify", "--trust-list", "t", "--zone", bad_zone, "-"]),
            clap::error::ErrorKind::ValueValidation,
            "zone {bad_zone}"
        );
    }
    assert_eq!(
        refused(&["verify", "ACR1:X"]),
        clap::error::ErrorKind::MissingRequiredArgument,
        "trust list required"
    );
    assert_eq!(
        refused(&["verify", "--trust-list", "t", "--revoked", "5,x", "-"]),
        clap::error::ErrorKind::ValueValidation
    );
}

#[test]
fn at_defaults_to_now() {
    let dir = tempfile::tempdir().expect("tempdir");
    let basic = vectors()
        .into_iter()
        .find(|v| v.id == "pub-ok-basic")
        .expect("vector");
    let path = write_trust_list(dir.path(), "trust", &basic.trust_list);
    let mut args = args_for(&basic, path, &basic.qr_text);
    args.at = None;
    // The vector badge expired in October 2025.
    assert_eq!(run(&args, "").expect("runs"), "EXPIRED\n");
}
