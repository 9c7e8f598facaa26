//! The current time. `ACCREDIT_NOW` (Unix seconds or an RFC 3339 instant)
//! makes the whole application run at another moment: for rehearsing an event
//! that is over (e.g. a demo made with `--date 2025-10-25`) and for tests.

/// Unix seconds, now (or as `ACCREDIT_NOW` says).
pub fn now() -> i64 {
    if let Ok(text) = std::env::var("ACCREDIT_NOW")
        && let Some(t) = parse_instant(&text)
    {
        return t;
    }
    jiff::Timestamp::now().as_second()
}

/// Whether the clock is overridden by `ACCREDIT_NOW`.
pub fn is_simulated() -> bool {
    std::env::var("ACCREDIT_NOW")
        .ok()
        .and_then(|t| parse_instant(&t))
        .is_some()
}

/// Unix seconds from `1761350400` or `2025-10-25T09:00:00+07:00`.
pub fn parse_instant(text: &str) -> Option<i64> {
    let t = text.trim();
    t.parse::<i64>()
        .ok()
        .or_else(|| t.parse::<jiff::Timestamp>().ok().map(|ts| ts.as_second()))
}
