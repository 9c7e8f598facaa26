//! Badge rendering benchmark (a plain release binary, not criterion: each case
//! is one long run whose wall time, peak memory and output size matter).
//!
//! ```sh
//! cargo bench --no-default-features --bench badges                # 1,000 and 10,000 badges, A6 and A4x4
//! cargo bench --no-default-features --bench badges -- 1000 a6     # one case
//! cargo bench --no-default-features --bench badges -- 25 a6 runs  # 400 runs of 25, as desks print
//! benches/compare_with_peer.sh                                    # side by side with the ReportLab peer
//! ```
//!
//! Input: names in every supported script, ~100-character alphanumeric QR
//! texts, and 1,000 distinct 300 × 400 JPEG photos shared round-robin (a
//! realistic event: every participant has their own photo; 10,000 badges
//! reuse each photo ten times). The `1photo` variant uses one shared photo,
//! like the peer script, for a like-for-like PDF size.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "benchmarks and examples stop at the first failure"
)]

use std::time::Instant;

use accredit::badge::{Layout, render_pdf, sample};

/// Peak resident memory of this process so far (kB), from /proc.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Resets the peak so each case reports its own (Linux: "5" to clear_refs).
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn run(n: usize, layout: Layout, photos: usize) {
    let badges = sample::badges(n, photos, (300, 400), 100);
    let style = sample::style();
    reset_peak_rss();
    let before = peak_rss_kb().unwrap_or(0);
    let start = Instant::now();
    let pdf = render_pdf(&style, &badges, layout, &|_| true).expect("render failed");
    let seconds = start.elapsed().as_secs_f64();
    let peak = peak_rss_kb().unwrap_or(0);
    let pages = n.div_ceil(layout.badges_per_page());
    println!(
        "accredit badges={n} layout={layout} photos={photos} pages={pages} seconds={seconds:.3} badges_per_second={:.0} bytes={} peak_rss_mib={:.0} input_rss_mib={:.0}",
        n as f64 / seconds,
        pdf.len(),
        peak as f64 / 1024.0,
        before as f64 / 1024.0,
    );
    if let Ok(dir) = std::env::var("BADGE_BENCH_OUT") {
        let _ = std::fs::write(format!("{dir}/accredit-{n}-{layout}-{photos}.pdf"), &pdf);
    }
}

/// Many small runs, one after another, each of other people, as a desk
/// prints a delegation at a time: what a run costs beyond its badges.
fn runs(n: usize, layout: Layout, count: usize) {
    let badges = sample::badges(n * count, 1_000.min(n * count), (300, 400), 100);
    let style = sample::style();
    let mut bytes = 0;
    let start = Instant::now();
    for run in badges.chunks(n) {
        bytes += render_pdf(&style, run, layout, &|_| true)
            .expect("render failed")
            .len();
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "accredit runs={count} badges_per_run={n} layout={layout} seconds={seconds:.3} ms_per_run={:.2} badges_per_second={:.0} bytes_per_run={}",
        seconds * 1000.0 / count as f64,
        (n * count) as f64 / seconds,
        bytes / count,
    );
}

fn main() {
    // `cargo bench` passes "--bench"; ignore flags.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let counts: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let layouts: Vec<Layout> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let one_photo = args.iter().any(|a| a == "1photo");
    let many_runs = args.iter().any(|a| a == "runs");
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
    // Warm up: fonts are parsed and shaping plans built on first use.
    let _ = render_pdf(
        &sample::style(),
        &sample::badges(8, 1, (300, 400), 100),
        Layout::A6,
        &|_| true,
    );
    for &n in &counts {
        for &layout in &layouts {
            if many_runs {
                runs(n, layout, 400);
            } else {
                run(n, layout, if one_photo { 1 } else { 1_000.min(n) });
            }
        }
    }
}
