//! Printing the demo's badges through the real print path (selection from the
//! store, credentials, PDF, file written, prints recorded in one
//! transaction): 1,000 and 10,000 badges, A6 and A4x4. A plain release
//! binary, not criterion: each case is one long run whose wall time, peak
//! memory and PDF size matter.
//!
//! ```sh
//! cargo bench --no-default-features --bench print_demo            # all four cases
//! cargo bench --no-default-features --bench print_demo -- 1000 a6  # one case
//! benches/compare_with_peer.sh                                     # side by side with the ReportLab peer
//! ```
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "benchmarks and examples stop at the first failure"
)]

use std::time::Instant;

use accredit::auth::Actor;
use accredit::desk::printing::{self, Selection};
use accredit::domain::{Layout, ParticipantStatus, Role};
use accredit::lookup;
use accredit::workspace::Workspace;

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let counts: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let layouts: Vec<Layout> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let counts = if counts.is_empty() {
        vec![1_000, 10_000]
    } else {
        counts
    };
    let layouts = if layouts.is_empty() {
        vec![Layout::A6, Layout::A4x4]
    } else {
        layouts
    };

    // A demo large enough for 10,000 approved participants.
    let dir = tempfile::tempdir().expect("temporary directory");
    let ws = Workspace::new(dir.path().join("event"));
    let started = Instant::now();
    accredit::demo::create(&ws, 16_000, accredit::demo::Dates::seed(), false).expect("demo");
    eprintln!(
        "demo of 16,000 participants in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let mut conn = ws.open().expect("store");
    let approved: Vec<i64> = lookup::participants::list(
        &conn,
        &lookup::participants::Filter {
            status: Some(ParticipantStatus::Approved),
            ..Default::default()
        },
    )
    .expect("participants")
    .into_iter()
    .map(|p| p.id)
    .collect();
    let clerk = Actor {
        operator: None,
        name: "clerk".into(),
        role: Role::Clerk,
    };

    for &n in &counts {
        for &layout in &layouts {
            let selection = Selection {
                participants: approved.iter().copied().take(n).collect(),
                handed_over_again: true,
                ..Default::default()
            };
            let out = dir.path().join(format!("demo-{n}-{layout}.pdf"));
            let _ = std::fs::write("/proc/self/clear_refs", "5");
            let t = Instant::now();
            let summary =
                printing::print(&ws, &mut conn, &clerk, &selection, layout, &out, &|_| true)
                    .expect("print");
            let seconds = t.elapsed().as_secs_f64();
            println!(
                "accredit demo badges={} layout={layout} pages={} new={} again={} seconds={seconds:.3} badges_per_second={:.0} bytes={} peak_rss_mib={:.0}",
                summary.badges,
                summary.pages,
                summary.new,
                summary.reprinted,
                summary.badges as f64 / seconds,
                summary.bytes,
                peak_rss_kib() as f64 / 1024.0,
            );
        }
    }
}
