//! Recording a scan: the credential's checks 1 to 9, the application's own
//! (a badge this gate knows, a direction the checkpoint allows), then the
//! zone and anti-passback; the scan row is committed before the verdict is
//! returned, so a verdict on screen is a scan on disk. Overriding a refusal
//! is a scan of its own, authorised by a supervisor, with a reason.

use std::cell::OnceCell;

use crate::store::gate::BadgeAtGate;
use crate::store::{Db, Tx};

use serde::Serialize;

use super::holder::Holder;
use super::station::{Source, Station};
use super::verdict::{self, Circumstances, GateVerdict};
use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::credential::{
    self, Claims, GateState, RevocationList, TrustList, Verdict, VerifyContext, checkpoint_verdict,
};
use crate::domain::{
    BadgeSerial, Checkpoint, CheckpointId, Colour, Direction, ParticipantId, Scan, ZoneNumber,
    ZoneSet, clean_text,
};
use crate::error::{Error, Result};
use crate::{signing, store};

/// The longest station name and override reason, in characters.
pub const MAX_STATION_CHARS: usize = 60;
pub const MAX_REASON_CHARS: usize = 500;

/// One badge presented at a checkpoint.
#[derive(Debug, Clone)]
pub struct ScanRequest<'a> {
    /// The QR text as the scanner typed it.
    pub text: &'a str,
    pub checkpoint: CheckpointId,
    pub direction: Direction,
    /// When it was presented (Unix seconds).
    pub at: i64,
    /// The gate laptop or scanner, e.g. "Main entrance lane 2".
    pub station: &'a str,
}

/// What the signed credential says, once its signature verified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadgeView {
    pub serial: BadgeSerial,
    pub category: String,
    pub category_name: String,
    pub colour: Option<Colour>,
    pub zones: ZoneSet,
    pub not_before: u64,
    pub expires: u64,
}

/// A scan as recorded, with everything the gate shows about it. Field names
/// are part of the CLI's JSON (`accredit scan --json`).
#[derive(Debug, Clone, Serialize)]
pub struct ScanOutcome {
    pub verdict: GateVerdict,
    pub participant: Option<ParticipantId>,
    /// Whether the holder went through: accepted, or let through by an override.
    pub passed: bool,
    /// The verdict in words, for the officer.
    pub message: String,
    /// What the signed credential says; `null` unless its signature verified.
    pub badge: Option<BadgeView>,
    /// Whom the gate's records say the badge belongs to.
    pub holder: Option<Holder>,
    /// For `ALREADY_INSIDE`: since when.
    pub inside_since: Option<i64>,
    /// The scan's id (a UUID).
    pub scan: String,
    pub checkpoint: String,
    pub zone: ZoneNumber,
    pub direction: Direction,
    pub at: i64,
    pub station: String,
    pub operator: String,
    pub override_reason: String,
    pub override_by: String,
    pub overrides: Option<String>,
    /// What the officer should know beyond this scan (an old revocation list).
    pub warnings: Vec<String>,
}

/// A scan in the list of recent scans, with the holder's name when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecentScan {
    #[serde(flatten)]
    pub scan: Scan,
    pub name: Option<String>,
}

/// Revocations and anti-passback as one scan sees them, inside its
/// transaction. A failed read is an error of the scan, never a verdict.
struct ScanState<'a> {
    conn: &'a Db,
    revocations: Option<&'a RevocationList>,
    at: i64,
    /// The checkpoint's zone.
    zone: ZoneNumber,
    /// On the main store, the badge its revocation check read, kept for the
    /// holder's lookup that follows: one statement for both, which also
    /// took the lock on its holder's passages in `zone`.
    badge: OnceCell<(BadgeSerial, Option<BadgeAtGate>)>,
}

impl ScanState<'_> {
    /// Badge `serial` in the main store, read once per scan.
    fn badge(&self, serial: BadgeSerial) -> Result<Option<BadgeAtGate>> {
        if let Some((read, badge)) = self.badge.get()
            && *read == serial
        {
            return Ok(badge.clone());
        }
        let badge = store::gate::badge_at_gate_locking(self.conn, serial, self.zone)?;
        let _ = self.badge.set((serial, badge.clone()));
        Ok(badge)
    }

    /// Whether reading the badge locked this holder's passages in `zone`.
    fn passages_locked(&self, participant: ParticipantId, zone: ZoneNumber) -> bool {
        zone == self.zone
            && self
                .badge
                .get()
                .and_then(|(_, b)| b.as_ref())
                .is_some_and(|b| b.holder.participant == participant)
    }
}

impl GateState for ScanState<'_> {
    type Error = Error;

    fn is_revoked(&self, serial: u64) -> Result<bool> {
        match self.revocations {
            Some(list) => Ok(list.contains(serial)),
            None => Ok(self.badge(serial)?.is_some_and(|b| b.revoked)),
        }
    }

    fn is_inside(&self, participant: u64, zone: u8) -> Result<bool> {
        if !self.passages_locked(participant as i64, zone) {
            store::scans::lock_passages(self.conn, participant as i64, zone)?;
        }
        let last = store::scans::last_passage(self.conn, participant as i64, zone, self.at)?;
        Ok(matches!(last, Some((Direction::Entry, _))))
    }
}

fn check_station(station: &str) -> Result<String> {
    let station = clean_text(station);
    if station.is_empty() {
        return Err(Error::invalid("station", "name the gate station"));
    }
    if station.chars().count() > MAX_STATION_CHARS {
        return Err(Error::invalid(
            "station",
            format!("is longer than {MAX_STATION_CHARS} characters"),
        ));
    }
    Ok(station)
}

fn holder_of(
    source: &Source,
    conn: &Db,
    serial: BadgeSerial,
    participant: ParticipantId,
) -> Result<Option<Holder>> {
    match source {
        Source::Store => {
            Ok(store::gate::badge_at_gate(conn, serial)?.map(|b| Holder::from(b.holder)))
        }
        Source::Package(p) => p.holder(participant),
    }
}

/// A scan checked and inserted, not yet committed.
struct Recorded {
    scan: Scan,
    verdict: GateVerdict,
    checkpoint: Checkpoint,
    claims: Option<Claims>,
    holder: Option<Holder>,
    inside_since: Option<i64>,
}

/// Checks one scan and inserts its row inside `tx`: the credential's checks
/// 1 to 9, the application's own, then the checkpoint's (zone, anti-passback).
#[allow(clippy::too_many_arguments)]
fn record(
    tx: &Db,
    source: &Source,
    trust: &mut TrustList,
    revocations: Option<&RevocationList>,
    actor: &Actor,
    request: &ScanRequest,
    station: String,
    checkpoint: Checkpoint,
) -> Result<Recorded> {
    let (at, direction) = (request.at, request.direction);
    let state = ScanState {
        conn: tx,
        revocations,
        at,
        zone: checkpoint.zone,
        badge: OnceCell::new(),
    };
    let context = VerifyContext::new(at, &state);
    let mut verification = credential::try_verify(request.text, trust, &context)?;
    // On the main store a key enrolled since the station read its list is
    // trusted at once: keys are only ever added to the event's list, never
    // changed, so only a badge whose key the list lacks can verify
    // differently on a fresh one, and the list is read again for it alone
    // (not for every scan: two statements, a quarter of a scan's cost on
    // PostgreSQL). A package has the trust list it was made with.
    if matches!(source, Source::Store)
        && matches!(
            verification.verdict,
            Verdict::UnknownKey | Verdict::BadSignature
        )
    {
        *trust = signing::trust_list(tx)?;
        verification = credential::try_verify(request.text, trust, &context)?;
    }
    let mut verdict = GateVerdict::from(verification.verdict);
    if verdict == GateVerdict::Spec(Verdict::Malformed) && credential::is_letter_code(request.text)
    {
        verdict = GateVerdict::NotABadge;
    }
    let mut holder = None;
    if let Some(claims) = &verification.claims {
        holder = match source {
            Source::Store => state.badge(claims.serial)?.map(|b| Holder::from(b.holder)),
            Source::Package(p) => p.holder(claims.participant as ParticipantId)?,
        };
        if verdict.is_accepted() {
            let known = holder.as_ref().is_some_and(|h| {
                h.serial == claims.serial && h.participant == claims.participant as i64
            });
            verdict = if !known {
                GateVerdict::UnknownBadge
            } else if !checkpoint.directions.allows(direction) {
                GateVerdict::WrongDirection
            } else {
                checkpoint_verdict(claims, checkpoint.zone, direction, &state)?.into()
            };
        }
    }
    let claims = verification.claims;
    let inside_since = match (verdict, &claims) {
        (GateVerdict::Spec(Verdict::AlreadyInside), Some(c)) => {
            store::scans::last_passage(tx, c.participant as i64, checkpoint.zone, at)?
                .map(|(_, since)| since)
        }
        _ => None,
    };
    let scan = Scan {
        id: uuid::Uuid::new_v4().to_string(),
        serial: claims.as_ref().map(|c| c.serial),
        participant: claims.as_ref().map(|c| c.participant as ParticipantId),
        checkpoint: checkpoint.id,
        zone: checkpoint.zone,
        direction,
        verdict,
        passed: verdict.is_accepted(),
        at,
        station,
        operator: actor.name.clone(),
        override_reason: String::new(),
        override_by: String::new(),
        overrides: None,
    };
    store::scans::insert(tx, &scan, &checkpoint.name, None)?;
    Ok(Recorded {
        scan,
        verdict,
        checkpoint,
        claims,
        holder,
        inside_since,
    })
}

impl Station {
    /// Checks and records one scan. The scan row (whatever the verdict, with
    /// checkpoint, direction, station and operator) is committed, with the
    /// store's full sync, before this returns.
    pub fn scan(&mut self, actor: &Actor, request: &ScanRequest) -> Result<ScanOutcome> {
        self.scan_batch(actor, std::slice::from_ref(request))?
            .pop()
            .unwrap_or_else(|| Err(Error::Other("the scan was not recorded".into())))
    }

    /// Checks and records several scans, in order, in one transaction (group
    /// commit): each sees the ones before it (anti-passback), and none is
    /// returned before all are committed. One fsync for the lot is what lets
    /// a busy checkpoint keep every scan durable. A request that names no
    /// checkpoint of this station or no station gets its error; the others
    /// are recorded.
    pub fn scan_batch(
        &mut self,
        actor: &Actor,
        requests: &[ScanRequest],
    ) -> Result<Vec<Result<ScanOutcome>>> {
        actor.require(Permission::Scan)?;
        let checked: Vec<Result<(String, Checkpoint)>> = requests
            .iter()
            .map(|r| {
                Ok((
                    check_station(r.station)?,
                    self.checkpoint(r.checkpoint)?.clone(),
                ))
            })
            .collect();
        let revocations = match &self.source {
            Source::Package(p) => Some(&p.revocations),
            Source::Store => None,
        };
        // Immediate: two stations scanning the same badge take turns, so
        // anti-passback sees the other's entry.
        let tx = self.conn.transaction()?;
        let mut recorded = Vec::with_capacity(requests.len());
        for (request, checked) in requests.iter().zip(checked) {
            recorded.push(match checked {
                Ok((station, checkpoint)) => Ok(record(
                    &tx,
                    &self.source,
                    &mut self.trust,
                    revocations,
                    actor,
                    request,
                    station,
                    checkpoint,
                )?),
                Err(e) => Err(e),
            });
        }
        tx.commit()?;
        Ok(recorded
            .into_iter()
            .map(|r| r.map(|r| self.describe(r)))
            .collect())
    }

    /// The outcome of a committed scan, with its words.
    fn describe(&self, r: Recorded) -> ScanOutcome {
        let claims = r.claims.as_ref();
        let message = verdict::words(
            r.verdict,
            &Circumstances {
                event: &self.event,
                zone: &self.zone(r.checkpoint.zone),
                direction: r.scan.direction,
                directions: r.checkpoint.directions,
                claims,
                inside_since: r.inside_since,
                at: r.scan.at,
            },
        );
        self.outcome(
            r.scan,
            r.verdict,
            &r.checkpoint.name,
            claims,
            r.holder,
            r.inside_since,
            message,
        )
    }

    /// Lets the holder of a refused scan through: a new scan that passes,
    /// with the refusal's verdict, the reason, the officer at the gate and
    /// the supervisor (or administrator) who authorised it. On the main
    /// store an audit entry `gate.override` is written with it; overrides
    /// made offline get theirs when their scans come home.
    pub fn override_refusal(
        &mut self,
        officer: &Actor,
        authoriser: &Actor,
        refused_id: &str,
        reason: &str,
        at: i64,
        station: &str,
    ) -> Result<ScanOutcome> {
        officer.require(Permission::Scan)?;
        authoriser.require(Permission::OverrideGate)?;
        let station = check_station(station)?;
        let reason = clean_text(reason);
        if reason.is_empty() {
            return Err(Error::invalid(
                "reason",
                "say why the refused badge is let through",
            ));
        }
        if reason.chars().count() > MAX_REASON_CHARS {
            return Err(Error::invalid(
                "reason",
                format!("is longer than {MAX_REASON_CHARS} characters"),
            ));
        }
        let checkpoints = &self.checkpoints;
        let source = &self.source;
        let (scan, checkpoint, verdict, holder) = self.conn.write(|tx| {
            let refused = store::scans::get(tx, refused_id)?
                .ok_or_else(|| Error::not_found("scan", refused_id))?;
            if refused.passed {
                return Err(Error::Refused(format!(
                    "scan {refused_id} was not refused ({}): there is nothing to override",
                    refused.verdict
                )));
            }
            if let Some(done) = store::scans::override_of(tx, refused_id)? {
                return Err(Error::Refused(format!(
                    "scan {refused_id} was already let through by {} ({})",
                    done.override_by, done.override_reason
                )));
            }
            let checkpoint = checkpoints
                .iter()
                .find(|c| c.id == refused.checkpoint)
                .ok_or_else(|| Error::not_found("checkpoint", refused.checkpoint))?;
            let verdict = refused.verdict;
            let scan = Scan {
                id: uuid::Uuid::new_v4().to_string(),
                passed: true,
                at,
                station: station.clone(),
                operator: officer.name.clone(),
                override_reason: reason.clone(),
                override_by: authoriser.name.clone(),
                overrides: Some(refused.id.clone()),
                ..refused.clone()
            };
            store::scans::insert(tx, &scan, &checkpoint.name, None)?;
            if let Source::Store = source {
                record_override(tx, authoriser, &scan)?;
            }
            let holder = match (scan.serial, scan.participant) {
                (Some(serial), Some(participant)) => holder_of(source, tx, serial, participant)?,
                _ => None,
            };
            Ok((scan, checkpoint, verdict, holder))
        })?;
        let message = format!("Let through by {}", scan.override_by);
        let checkpoint = checkpoint.name.clone();
        Ok(self.outcome(scan, verdict, &checkpoint, None, holder, None, message))
    }

    /// The newest scans of `station` first.
    pub fn recent(&self, actor: &Actor, station: &str, limit: u32) -> Result<Vec<RecentScan>> {
        actor.require(Permission::Scan)?;
        store::scans::recent_at_station(&self.conn, station.trim(), limit)?
            .into_iter()
            .map(|scan| {
                let name = match scan.participant {
                    Some(p) => self.name_of(p)?,
                    None => None,
                };
                Ok(RecentScan { scan, name })
            })
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    fn outcome(
        &self,
        scan: Scan,
        verdict: GateVerdict,
        checkpoint: &str,
        claims: Option<&Claims>,
        holder: Option<Holder>,
        inside_since: Option<i64>,
        message: String,
    ) -> ScanOutcome {
        let badge = claims.map(|c| {
            let category = self.category(&c.category);
            BadgeView {
                serial: c.serial,
                category: c.category.clone(),
                category_name: category.map(|k| k.name.clone()).unwrap_or_default(),
                colour: category.map(|k| k.colour),
                zones: c.zones,
                not_before: c.not_before,
                expires: c.expires,
            }
        });
        ScanOutcome {
            verdict,
            participant: scan.participant,
            passed: scan.passed,
            message,
            badge,
            holder,
            inside_since,
            warnings: self.warnings(scan.at),
            scan: scan.id,
            checkpoint: checkpoint.to_owned(),
            zone: scan.zone,
            direction: scan.direction,
            at: scan.at,
            station: scan.station,
            operator: scan.operator,
            override_reason: scan.override_reason,
            override_by: scan.override_by,
            overrides: scan.overrides,
        }
    }
}

/// The audit entry of an override, written by whoever brings it into the
/// main store (`authoriser` at an online gate, the importer for scans that
/// come home).
pub(crate) fn record_override(tx: &Tx, actor: &Actor, scan: &Scan) -> Result<()> {
    let mut change = Change::new("gate.override", "scan", &scan.id);
    if let Some(p) = scan.participant {
        change = change.for_participant(p);
    }
    audit::record(
        tx,
        actor,
        scan.at,
        change,
        Some(&serde_json::json!({"scan": scan.overrides, "verdict": scan.verdict})),
        Some(&serde_json::json!({
            "passed": true,
            "reason": scan.override_reason,
            "authorised_by": scan.override_by,
            "officer": scan.operator,
            "station": scan.station,
            "checkpoint": scan.checkpoint,
        })),
    )
}
