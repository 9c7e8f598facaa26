//! `accredit delegations list|approve`: the counts per status and category
//! against quotas, and approving a delegation's nominations after review.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

mod common;

use common::{Accredit, ids};
use serde_json::Value;

fn with_most_nominated(list: &Value) -> &Value {
    list.as_array()
        .unwrap()
        .iter()
        .max_by_key(|d| {
            (
                d["statuses"]["nominated"].as_u64().unwrap(),
                d["code"].as_str().unwrap().to_string(),
            )
        })
        .unwrap()
}

#[test]
fn the_list_counts_statuses_and_categories_against_quotas() {
    let a = Accredit::demo(300);
    let list = a.json_as("clerk", &["delegations", "list", "--json"]);
    let list = list.as_array().unwrap();
    let total: u64 = list
        .iter()
        .map(|d| d["participants"].as_u64().unwrap())
        .sum();
    assert_eq!(total, 300);
    let all = a.json_as("clerk", &["participants", "list", "--json"]);
    for d in list {
        // The fields that existed before the counts are still there.
        for field in ["code", "name", "kind", "focal_point_email", "quotas"] {
            assert!(d.get(field).is_some(), "{field} in {d}");
        }
        let statuses = &d["statuses"];
        let sum: u64 = ["nominated", "approved", "rejected", "cancelled"]
            .iter()
            .map(|s| statuses[s].as_u64().unwrap())
            .sum();
        assert_eq!(sum, d["participants"].as_u64().unwrap());
        let nominated = all
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["delegation"] == d["code"] && p["status"] == "nominated")
            .count() as u64;
        assert_eq!(statuses["nominated"].as_u64().unwrap(), nominated);
        let mut over = false;
        for c in d["categories"].as_array().unwrap() {
            let counted = c["nominated"].as_u64().unwrap() + c["approved"].as_u64().unwrap();
            assert_eq!(c["counted"].as_u64().unwrap(), counted);
            let over_here = c["quota"].as_u64().is_some_and(|q| counted > q);
            assert_eq!(c["over_quota"].as_bool().unwrap(), over_here, "{c}");
            over |= over_here;
        }
        assert_eq!(d["over_quota"].as_bool().unwrap(), over);
    }
    // A category's quota is the delegation's own (the demo sets them), else
    // the category's default: support staff have none.
    for d in list {
        for c in d["categories"].as_array().unwrap() {
            let own = d["quotas"]
                .as_array()
                .unwrap()
                .iter()
                .find(|q| q["category"] == c["category"])
                .map(|q| q["quota"].clone());
            match own {
                Some(q) => assert_eq!(c["quota"], q, "{c}"),
                None if c["category"] == "SUP" => assert!(c["quota"].is_null(), "{c}"),
                None => {}
            }
        }
    }
    // Most delegations fit their quotas; a few are over.
    let over = list.iter().filter(|d| d["over_quota"] == true).count();
    assert!(
        over > 0 && over * 5 < list.len(),
        "{over} of {} over",
        list.len()
    );

    // The table for people names the categories over quota.
    let table = a.ok_as("clerk", &["delegations", "list"]);
    assert!(
        table.lines().next().unwrap().contains("OVER QUOTA"),
        "{table}"
    );

    // Gate staff see no counts of participants.
    let err = a.fails_as("gate", &["delegations", "list", "--json"]);
    assert!(err.contains("gate (gate) may not"), "{err}");
}

#[test]
fn approving_a_delegation_takes_exactly_the_reviewed_nominations() {
    let a = Accredit::demo(300);
    let list = a.json_as("supervisor", &["delegations", "list", "--json"]);
    let d = with_most_nominated(&list);
    let code = d["code"].as_str().unwrap().to_string();
    let nominated = ids(&a.json_as(
        "supervisor",
        &[
            "participants",
            "list",
            "--delegation",
            &code,
            "--status",
            "nominated",
            "--json",
        ],
    ));
    assert!(nominated.len() >= 2, "{code} has {nominated:?}");
    let args = |ids: &[i64]| -> Vec<String> {
        let mut v = vec!["delegations".to_string(), "approve".into(), code.clone()];
        v.extend(ids.iter().map(|i| i.to_string()));
        v
    };
    let run = |op: &str, ids: &[i64]| {
        let args = args(ids);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        a.run_as(op, &args)
    };

    // A clerk may not.
    let out = run("clerk", &nominated);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("may not approve"));

    // One of them was rejected after the review: nothing is approved.
    a.ok_as(
        "supervisor",
        &[
            "participants",
            "reject",
            &nominated[0].to_string(),
            "--reason",
            "Duplicate nomination",
        ],
    );
    let out = run("supervisor", &nominated);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("is now rejected") && err.contains("review"),
        "{err}"
    );
    let after = a.json_as("supervisor", &["delegations", "list", "--json"]);
    let same = after
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["code"] == code.as_str())
        .unwrap();
    assert_eq!(
        same["statuses"]["nominated"].as_u64().unwrap(),
        nominated.len() as u64 - 1
    );

    // The rest, reviewed again, are approved.
    let out = run("supervisor", &nominated[1..]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = a.json_as("supervisor", &["delegations", "list", "--json"]);
    let same = after
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["code"] == code.as_str())
        .unwrap();
    assert_eq!(same["statuses"]["nominated"], 0);
}

#[test]
fn approving_past_a_quota_needs_over_quota_and_its_reason_is_audited() {
    let a = Accredit::demo(300);
    let list = a.json_as("supervisor", &["delegations", "list", "--json"]);
    // A delegation with a nominated delegate; its DEL quota set to the
    // delegates approved already, so that one more is over.
    let d = list
        .as_array()
        .unwrap()
        .iter()
        .find(|d| {
            d["categories"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["category"] == "DEL" && c["nominated"].as_u64().unwrap() > 0)
        })
        .expect("a delegation with a nominated delegate");
    let code = d["code"].as_str().unwrap().to_string();
    let del = d["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["category"] == "DEL")
        .unwrap();
    let approved = del["approved"].as_u64().unwrap();
    a.ok_as(
        "admin",
        &[
            "delegations",
            "edit",
            &code,
            "--quota",
            &format!("DEL={approved}"),
            "--confirm",
        ],
    );
    let nominated = ids(&a.json_as(
        "supervisor",
        &[
            "participants",
            "list",
            "--delegation",
            &code,
            "--status",
            "nominated",
            "--json",
        ],
    ));
    let mut args = vec!["delegations".to_string(), "approve".into(), code.clone()];
    args.extend(nominated.iter().map(|i| i.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();

    let err = a.fails_as("supervisor", &args);
    assert!(
        err.contains("--over-quota") && err.contains(&format!("for a quota of {approved}")),
        "{err}"
    );
    let still = ids(&a.json_as(
        "supervisor",
        &[
            "participants",
            "list",
            "--delegation",
            &code,
            "--status",
            "nominated",
            "--json",
        ],
    ));
    assert_eq!(still, nominated, "nothing approved without a reason");

    // One participant at a time is no way round the quota.
    let one = nominated[0].to_string();
    let err = a.fails_as("supervisor", &["participants", "approve", &one]);
    assert!(err.contains("--over-quota") && err.contains(&code), "{err}");
    assert_eq!(
        ids(&a.json_as(
            "supervisor",
            &[
                "participants",
                "list",
                "--delegation",
                &code,
                "--status",
                "nominated",
                "--json"
            ],
        )),
        nominated,
        "nothing approved one by one without a reason"
    );

    let reason = "Protocol agreed one more delegate";
    let mut with_reason = args.clone();
    with_reason.extend(["--over-quota", reason]);
    a.ok_as("supervisor", &with_reason);
    let audit = a.json_as("admin", &["audit", "list", "--json"]);
    let entry = audit
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "delegation.over_quota")
        .expect("the over-quota approval is audited");
    assert_eq!(entry["operator"], "supervisor");
    assert_eq!(entry["after"]["reason"], reason);
    assert_eq!(entry["after"]["delegation"], code.as_str());
    assert_eq!(entry["after"]["over"][0]["category"], "DEL");

    // Once past it, each further approval needs its own reason too: one
    // of them rejected, then approved again, goes past the quota again.
    a.ok_as(
        "supervisor",
        &["participants", "reject", &one, "--reason", "Seat given up"],
    );
    let err = a.fails_as("supervisor", &["participants", "approve", &one]);
    assert!(err.contains("--over-quota"), "{err}");
    a.ok_as(
        "supervisor",
        &[
            "participants",
            "approve",
            &one,
            "--over-quota",
            "A second seat agreed",
        ],
    );
    let audit = a.json_as("admin", &["audit", "list", "--json"]);
    assert!(audit.as_array().unwrap().iter().any(|e| {
        e["action"] == "delegation.over_quota" && e["after"]["reason"] == "A second seat agreed"
    }));
}
