//! Writes sample badges in every script: `cargo run --example badge_sample -- OUT.pdf [a6|card|a4x4] [N]`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "benchmarks and examples stop at the first failure"
)]

use accredit::badge::{Layout, render_pdf, sample};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let out = args.get(1).map_or("badges.pdf", String::as_str);
    let layout: Layout = args.get(2).map_or("a6", String::as_str).parse()?;
    let n: usize = args
        .get(3)
        .map_or(Ok(sample::PEOPLE.len()), |s| s.parse())?;
    let badges = sample::badges(n, n.min(8) / 2, (600, 800), 100);
    let pdf = render_pdf(&sample::style(), &badges, layout, &|_| true)?;
    std::fs::write(out, &pdf)?;
    println!("{out}: {} badges, {} bytes", badges.len(), pdf.len());
    Ok(())
}
