//! Delegations at the desk: how many people each one nominated, in which
//! status and category, against its quotas; and approving a delegation's
//! nominations once a supervisor has reviewed them.

use crate::store::{Db, Tx};
use std::collections::HashMap;

use serde::Serialize;

use crate::auth::{Actor, Permission};
use crate::domain::{
    CategoryId, Colour, DelegationId, DelegationKind, ParticipantId, ParticipantStatus,
};
use crate::error::{Error, Result};
use crate::store;

/// Participants in each status. Field names are part of the CLI's JSON.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    pub nominated: u64,
    pub approved: u64,
    pub rejected: u64,
    pub cancelled: u64,
}

impl StatusCounts {
    pub fn get(&self, status: ParticipantStatus) -> u64 {
        match status {
            ParticipantStatus::Nominated => self.nominated,
            ParticipantStatus::Approved => self.approved,
            ParticipantStatus::Rejected => self.rejected,
            ParticipantStatus::Cancelled => self.cancelled,
        }
    }

    fn add(&mut self, status: ParticipantStatus, n: u64) {
        let slot = match status {
            ParticipantStatus::Nominated => &mut self.nominated,
            ParticipantStatus::Approved => &mut self.approved,
            ParticipantStatus::Rejected => &mut self.rejected,
            ParticipantStatus::Cancelled => &mut self.cancelled,
        };
        *slot += n;
    }

    pub fn total(&self) -> u64 {
        self.nominated + self.approved + self.rejected + self.cancelled
    }

    /// Those who take a place in the quota: nominated or approved (a rejected
    /// or cancelled participant frees theirs).
    pub fn counted(&self) -> u64 {
        self.nominated + self.approved
    }
}

/// One category of one delegation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryCount {
    #[serde(skip)]
    pub category_id: CategoryId,
    /// The category's code.
    pub category: String,
    #[serde(skip)]
    pub name: String,
    #[serde(skip)]
    pub colour: Colour,
    #[serde(flatten)]
    pub statuses: StatusCounts,
    /// Nominated and approved: the places taken in the quota.
    pub counted: u64,
    /// The delegation's quota for the category, else the category's default.
    pub quota: Option<u32>,
    pub over_quota: bool,
}

/// An explicit quota of the delegation, by category code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuotaByCode {
    pub category: String,
    pub quota: u32,
}

/// A delegation with its counts. Field names are part of the CLI's JSON
/// (`delegations list --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DelegationOverview {
    pub id: DelegationId,
    pub code: String,
    pub name: String,
    pub kind: DelegationKind,
    pub focal_point_name: String,
    pub focal_point_email: String,
    /// Every participant of the delegation, in any status.
    pub participants: u64,
    /// The quotas set for this delegation (categories without one use the
    /// category's default).
    pub quotas: Vec<QuotaByCode>,
    pub statuses: StatusCounts,
    /// Categories the delegation has participants in or a quota for, in the
    /// categories' order.
    pub categories: Vec<CategoryCount>,
    /// True when any category is over its quota.
    pub over_quota: bool,
    /// Participants whose active badge has been printed…
    pub badges_printed: u64,
    /// …and handed over.
    pub badges_collected: u64,
}

impl DelegationOverview {
    /// The categories over their quota.
    pub fn over_quota_categories(&self) -> impl Iterator<Item = &CategoryCount> {
        self.categories.iter().filter(|c| c.over_quota)
    }
}

/// Every delegation, by code, with its counts per status and per category
/// against the quotas. Open to those who see participants or reports.
pub fn overview(conn: &Db, actor: &Actor) -> Result<Vec<DelegationOverview>> {
    if !actor.may(Permission::ViewParticipants) {
        actor.require(Permission::ViewReports)?;
    }
    let tx = store::read(conn)?;
    let conn: &Db = &tx;
    let categories = store::categories::list(conn)?;
    let mut groups: HashMap<DelegationId, Vec<store::participants::GroupCount>> = HashMap::new();
    for g in store::participants::count_by_group(conn)? {
        groups.entry(g.delegation).or_default().push(g);
    }
    let delegations = store::delegations::list(conn)?;
    let mut out = Vec::with_capacity(delegations.len());
    for d in delegations {
        let groups = groups.remove(&d.id).unwrap_or_default();
        let mut statuses = StatusCounts::default();
        let (mut printed, mut collected) = (0, 0);
        let mut per_category: HashMap<CategoryId, StatusCounts> = HashMap::new();
        for g in &groups {
            statuses.add(g.status, g.participants);
            per_category
                .entry(g.category)
                .or_default()
                .add(g.status, g.participants);
            printed += g.printed;
            collected += g.collected;
        }
        let rows: Vec<CategoryCount> = categories
            .iter()
            .filter_map(|c| {
                let counts = per_category.get(&c.id).copied();
                let own_quota = d.quota_for(c.id);
                if counts.is_none() && own_quota.is_none() {
                    return None;
                }
                let counts = counts.unwrap_or_default();
                let quota = own_quota.or(c.default_quota);
                Some(CategoryCount {
                    category_id: c.id,
                    category: c.code.clone(),
                    name: c.name.clone(),
                    colour: c.colour,
                    statuses: counts,
                    counted: counts.counted(),
                    quota,
                    over_quota: quota.is_some_and(|q| counts.counted() > u64::from(q)),
                })
            })
            .collect();
        let quotas = d
            .quotas_by_code(&categories)
            .map(|(code, quota)| QuotaByCode {
                category: code.to_string(),
                quota,
            })
            .collect();
        out.push(DelegationOverview {
            id: d.id,
            participants: statuses.total(),
            over_quota: rows.iter().any(|c| c.over_quota),
            code: d.code,
            name: d.name,
            kind: d.kind,
            focal_point_name: d.focal_point_name,
            focal_point_email: d.focal_point_email,
            quotas,
            statuses,
            categories: rows,
            badges_printed: printed,
            badges_collected: collected,
        });
    }
    Ok(out)
}

/// A category of a delegation that an approval would take past its quota.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuotaExcess {
    /// The category's code.
    pub category: String,
    pub quota: u32,
    /// Approved participants of the category once the approval is done.
    pub approved_after: u64,
}

impl QuotaExcess {
    pub fn describe(excesses: &[QuotaExcess]) -> String {
        excesses
            .iter()
            .map(|e| {
                format!(
                    "{} approved {} for a quota of {}",
                    e.approved_after, e.category, e.quota
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The categories whose approved participants would exceed the quota (the
/// delegation's, else the category's default) if `ids` were approved.
pub fn excess_if_approved(
    conn: &Db,
    delegation: DelegationId,
    ids: &[ParticipantId],
) -> Result<Vec<QuotaExcess>> {
    let d = store::delegations::get(conn, delegation)
        .map_err(|_| Error::not_found("delegation", delegation))?;
    let mut approved: HashMap<CategoryId, u64> = HashMap::new();
    for g in store::participants::count_by_group(conn)? {
        if g.delegation == delegation && g.status == ParticipantStatus::Approved {
            *approved.entry(g.category).or_default() += g.participants;
        }
    }
    let mut added: HashMap<CategoryId, u64> = HashMap::new();
    for p in store::participants::get_many(conn, ids)? {
        if p.details.delegation == delegation && p.status != ParticipantStatus::Approved {
            *added.entry(p.details.category).or_default() += 1;
        }
    }
    let mut out = Vec::new();
    for c in store::categories::list(conn)? {
        let Some(&more) = added.get(&c.id) else {
            continue;
        };
        let Some(quota) = d.quota_for(c.id).or(c.default_quota) else {
            continue;
        };
        let after = approved.get(&c.id).copied().unwrap_or(0) + more;
        if after > u64::from(quota) {
            out.push(QuotaExcess {
                category: c.code.clone(),
                quota,
                approved_after: after,
            });
        }
    }
    Ok(out)
}

/// Approves the nominations of a delegation that a supervisor has reviewed:
/// exactly `reviewed`, all or none. Each must still belong to the delegation
/// and still be nominated; otherwise nothing changes and the error says who
/// changed since the review (review again). Nominations that arrived after
/// the review are left nominated.
///
/// An approval that takes a category past its quota needs `over_quota`: the
/// supervisor's reason, recorded in the audit trail (`delegation.over_quota`)
/// in the same transaction. Without it nothing is approved.
pub fn approve_reviewed(
    conn: &mut Db,
    actor: &Actor,
    delegation: DelegationId,
    reviewed: &[ParticipantId],
    over_quota: Option<&str>,
) -> Result<Vec<ParticipantId>> {
    actor.require(Permission::ApproveParticipants)?;
    if reviewed.is_empty() {
        return Err(Error::Refused(
            "no nominated participant was reviewed: nothing to approve".into(),
        ));
    }
    let now = crate::clock::now();
    conn.write(|tx| {
        let d = store::delegations::get(tx, delegation)
            .map_err(|_| Error::not_found("delegation", delegation))?;
        let mut changed_since = Vec::new();
        for p in store::participants::get_many(tx, reviewed)? {
            if p.details.delegation != delegation {
                changed_since.push(format!(
                    "participant {} is not of delegation {}",
                    p.id, d.code
                ));
            } else if p.status != ParticipantStatus::Nominated {
                changed_since.push(format!(
                    "participant {} ({}) is now {}",
                    p.id,
                    p.details.display_name(),
                    p.status.as_str()
                ));
            }
        }
        if !changed_since.is_empty() {
            return Err(Error::Refused(format!(
                "nothing was approved; review {} again: {}",
                d.code,
                changed_since.join("; ")
            )));
        }
        confirm_quotas(tx, actor, &d, reviewed, over_quota, now)?;
        super::participants::set_status_in(
            tx,
            actor,
            reviewed,
            ParticipantStatus::Approved,
            "",
            now,
        )
    })
}

/// Refuses an approval of `ids` that takes a category of `d` past its
/// quota unless `over_quota` gives a reason, which then goes into the audit
/// trail with the excess.
pub fn confirm_quotas(
    tx: &Tx,
    actor: &Actor,
    d: &crate::domain::Delegation,
    ids: &[ParticipantId],
    over_quota: Option<&str>,
    now: i64,
) -> Result<()> {
    let excess = excess_if_approved(tx, d.id, ids)?;
    if excess.is_empty() {
        return Ok(());
    }
    let reason = over_quota.map(str::trim).unwrap_or("");
    if reason.is_empty() {
        return Err(Error::Refused(format!(
            "nothing was approved: {} would have {}. A supervisor must confirm with a reason (in the reason field, or --over-quota \"reason\")",
            d.code,
            QuotaExcess::describe(&excess)
        )));
    }
    let participants: Vec<ParticipantId> = store::participants::get_many(tx, ids)?
        .into_iter()
        .filter(|p| p.details.delegation == d.id)
        .map(|p| p.id)
        .collect();
    crate::audit::record(
        tx,
        actor,
        now,
        crate::audit::Change::new("delegation.over_quota", "delegation", d.id),
        None::<&()>,
        Some(&serde_json::json!({
            "delegation": d.code,
            "reason": reason,
            "participants": participants,
            "over": excess,
        })),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Delegation, Quota, Role};

    fn demo(n: usize) -> Db {
        let mut conn = store::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        crate::demo::build(&tx, n, crate::demo::Dates::seed(), None).unwrap();
        tx.commit().unwrap();
        conn
    }

    fn actor(role: Role) -> Actor {
        Actor {
            operator: None,
            name: role.as_str().into(),
            role,
        }
    }

    #[test]
    fn counts_add_up_to_the_store() {
        let conn = demo(400);
        let all = overview(&conn, &actor(Role::Clerk)).unwrap();
        let total: u64 = all.iter().map(|d| d.participants).sum();
        assert_eq!(total, 400);
        let by_status = store::participants::count_by_status(&conn).unwrap();
        for (status, n) in by_status {
            let sum: u64 = all.iter().map(|d| d.statuses.get(status)).sum();
            assert_eq!(sum, n, "{status}");
        }
        for d in &all {
            let in_categories: u64 = d.categories.iter().map(|c| c.statuses.total()).sum();
            assert_eq!(in_categories, d.participants, "{}", d.code);
        }
    }

    #[test]
    fn a_delegation_quota_overrides_the_category_default() {
        let mut conn = demo(400);
        let all = overview(&conn, &actor(Role::Clerk)).unwrap();
        let busy = all
            .iter()
            .find(|d| d.categories.iter().any(|c| c.counted >= 2))
            .expect("a delegation with two counted participants in a category");
        let cat = busy.categories.iter().find(|c| c.counted >= 2).unwrap();
        let mut d: Delegation = store::delegations::get(&conn, busy.id).unwrap();
        d.quotas = vec![Quota {
            category: cat.category_id,
            max: 1,
        }];
        let tx = conn.transaction().unwrap();
        store::delegations::update(&tx, &d).unwrap();
        tx.commit().unwrap();
        let after = overview(&conn, &actor(Role::Viewer)).unwrap();
        let row = after.iter().find(|x| x.id == busy.id).unwrap();
        let c = row
            .categories
            .iter()
            .find(|c| c.category_id == cat.category_id)
            .unwrap();
        assert_eq!(c.quota, Some(1));
        assert!(c.over_quota && row.over_quota);
        assert_eq!(row.quotas[0].category, c.category);
    }

    #[test]
    fn the_gate_may_not_read_the_overview() {
        let conn = demo(10);
        assert!(matches!(
            overview(&conn, &actor(Role::Gate)),
            Err(Error::PermissionDenied { .. })
        ));
    }

    #[test]
    fn approving_reviewed_nominations_is_all_or_none() {
        let mut conn = demo(600);
        let nominated = store::participants::list(
            &conn,
            &store::participants::Filter {
                status: Some(ParticipantStatus::Nominated),
                ..Default::default()
            },
        )
        .unwrap();
        // The delegation with the most nominations.
        let mut per: HashMap<DelegationId, usize> = HashMap::new();
        for p in &nominated {
            *per.entry(p.details.delegation).or_default() += 1;
        }
        let (&delegation, &n) = per.iter().max_by_key(|(id, n)| (**n, -**id)).unwrap();
        assert!(n >= 2, "the demo has a delegation with two nominations");
        let ids: Vec<ParticipantId> = nominated
            .iter()
            .filter(|p| p.details.delegation == delegation)
            .map(|p| p.id)
            .collect();
        assert!(matches!(
            approve_reviewed(&mut conn, &actor(Role::Clerk), delegation, &ids, None),
            Err(Error::PermissionDenied { .. })
        ));
        // One of them is rejected after the review: nothing is approved.
        let supervisor = actor(Role::Supervisor);
        super::super::participants::reject(&mut conn, &supervisor, &ids[..1], "No reply").unwrap();
        let err =
            approve_reviewed(&mut conn, &supervisor, delegation, &ids, Some("test")).unwrap_err();
        assert!(err.to_string().contains("is now rejected"), "{err}");
        let still: usize = ids[1..]
            .iter()
            .filter(|&&id| {
                store::participants::get(&conn, id).unwrap().status == ParticipantStatus::Nominated
            })
            .count();
        assert_eq!(still, ids.len() - 1);
        let done =
            approve_reviewed(&mut conn, &supervisor, delegation, &ids[1..], Some("test")).unwrap();
        assert_eq!(done, ids[1..]);
        // Someone of another delegation slipped into the list: refused.
        let other = nominated
            .iter()
            .find(|p| p.details.delegation != delegation)
            .unwrap();
        let err =
            approve_reviewed(&mut conn, &supervisor, delegation, &[other.id], None).unwrap_err();
        assert!(err.to_string().contains("is not of delegation"), "{err}");
    }

    #[test]
    fn approving_past_a_quota_needs_a_reason_that_goes_into_the_audit_trail() {
        let mut conn = demo(600);
        let supervisor = actor(Role::Supervisor);
        let nominated = store::participants::list(
            &conn,
            &store::participants::Filter {
                status: Some(ParticipantStatus::Nominated),
                ..Default::default()
            },
        )
        .unwrap();
        let p = &nominated[0];
        let (delegation, category) = (p.details.delegation, p.details.category);
        let ids: Vec<ParticipantId> = nominated
            .iter()
            .filter(|q| q.details.delegation == delegation)
            .map(|q| q.id)
            .collect();
        // The quota is what is approved already: one more is over.
        let approved = store::participants::count_by_group(&conn)
            .unwrap()
            .into_iter()
            .filter(|g| {
                g.delegation == delegation
                    && g.category == category
                    && g.status == ParticipantStatus::Approved
            })
            .map(|g| g.participants)
            .sum::<u64>() as u32;
        let mut d: Delegation = store::delegations::get(&conn, delegation).unwrap();
        d.quotas.retain(|q| q.category != category);
        d.quotas.push(Quota {
            category,
            max: approved,
        });
        let tx = conn.transaction().unwrap();
        store::delegations::update(&tx, &d).unwrap();
        tx.commit().unwrap();
        let excess = excess_if_approved(&conn, delegation, &ids).unwrap();
        assert_eq!(excess.len(), 1, "{excess:?}");
        assert_eq!(excess[0].quota, approved);

        for reason in [None, Some("   ")] {
            let err = approve_reviewed(&mut conn, &supervisor, delegation, &ids, reason)
                .unwrap_err()
                .to_string();
            assert!(err.contains("--over-quota"), "{err}");
            assert!(err.contains(&format!("for a quota of {approved}")), "{err}");
        }
        assert_eq!(
            store::participants::get(&conn, p.id).unwrap().status,
            ParticipantStatus::Nominated,
            "nothing approved without a reason"
        );
        let reason = "Protocol agreed a larger party for the signing";
        let done =
            approve_reviewed(&mut conn, &supervisor, delegation, &ids, Some(reason)).unwrap();
        assert_eq!(done.len(), ids.len());
        let entries = crate::audit::list(&conn, &supervisor, &Default::default()).unwrap();
        let entry = entries
            .iter()
            .find(|e| e.action == "delegation.over_quota")
            .expect("an over-quota audit entry");
        assert_eq!(entry.entity_id, delegation.to_string());
        let after = entry.after.as_ref().unwrap();
        assert_eq!(after["reason"], reason);
        assert_eq!(after["over"][0]["quota"], approved);
        assert_eq!(after["participants"].as_array().unwrap().len(), ids.len());
        crate::audit::verify(&conn).unwrap();
    }
}
