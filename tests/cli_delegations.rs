//! `accredit delegations list|approve`: the counts per status and category
//! against quotas, and approving a delegation's nominations after review.

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
    // Delegates: the category's default quota (5) applies.
    let del = list
        .iter()
        .flat_map(|d| d["categories"].as_array().unwrap())
        .find(|c| c["category"] == "DEL")
        .unwrap();
    assert_eq!(del["quota"], 5);

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
