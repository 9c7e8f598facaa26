//! Cleaning of text typed or imported by people in a hurry.

use jiff::civil::{Date, DateTime};
use unicode_normalization::UnicodeNormalization;

/// Strips control and invisible characters (zero-width spaces, BOMs, bidi
/// controls), normalises to NFC, folds runs of white space to one space and
/// trims. Letters are otherwise kept exactly as written.
pub fn clean_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for c in raw.nfc() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}'                 // soft hyphen
            | '\u{200B}'              // zero-width space (ZWNJ and ZWJ are kept: Persian and Indic names need them)
            | '\u{200E}' | '\u{200F}'  // LRM, RLM
            | '\u{202A}'..='\u{202E}'  // bidi embeddings
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'  // bidi isolates
            | '\u{FEFF}'               // BOM
            | '\u{FFF9}'..='\u{FFFB}')
}

/// The one form in which an operator's code (delegation, category, event)
/// is looked up: trimmed and upper-cased, since every stored code is upper
/// case ("fra " finds FRA).
pub fn normalise_code(raw: &str) -> String {
    raw.trim().to_uppercase()
}

/// Parses a date in the forms people write: ISO `2025-10-25`, `25/10/2025`,
/// `25.10.2025`, `25-10-2025`, and Excel serial dates (`45955`).
pub fn parse_date(raw: &str) -> Result<Date, String> {
    let s = raw.trim();
    if s.is_empty() {
        return Err("is empty".into());
    }
    if let Ok(d) = s.parse::<Date>() {
        return Ok(d);
    }
    // An ISO date-time as spreadsheets export it ("2025-10-25 00:00:00").
    if s.len() > 10
        && s.as_bytes().get(4) == Some(&b'-')
        && let Ok(dt) = s.replace(' ', "T").parse::<DateTime>()
    {
        return Ok(dt.date());
    }
    for sep in ['/', '.', '-'] {
        let parts: Vec<&str> = s.split(sep).collect();
        if parts.len() == 3 && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())) {
            let day: i8 = parts[0].parse().map_err(|_| bad_date(s))?;
            let month: i8 = parts[1].parse().map_err(|_| bad_date(s))?;
            let year: i16 = parts[2].parse().map_err(|_| bad_date(s))?;
            if parts[2].len() != 4 {
                return Err(format!(
                    "\"{s}\" has a two-digit year; write the year in full"
                ));
            }
            return Date::new(year, month, day).map_err(|_| bad_date(s));
        }
    }
    if let Ok(serial) = s.parse::<f64>() {
        // Excel's day 1 is 1900-01-01, and it counts a 29 February 1900 that
        // never was: day 60 onwards is one day ahead of the calendar.
        if (61.0..2_958_466.0).contains(&serial) {
            let base = Date::constant(1899, 12, 30);
            return base
                .checked_add(jiff::Span::new().days(serial.trunc() as i64))
                .map_err(|_| bad_date(s));
        }
    }
    Err(bad_date(s))
}

fn bad_date(s: &str) -> String {
    format!("\"{s}\" is not a date (use 2025-10-25 or 25/10/2025)")
}

/// Parses a local date and time `YYYY-MM-DDTHH:MM` (a space also works).
pub fn parse_local_datetime(raw: &str) -> Result<DateTime, String> {
    let s = raw.trim().replacen(' ', "T", 1);
    s.parse::<DateTime>().map_err(|_| {
        format!(
            "\"{}\" is not a date and time (use 2025-10-25T09:00)",
            raw.trim()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_invisible_and_spaces_and_normalises() {
        // "Lương" written with a combining horn and dot: NFC composes it.
        let decomposed = "  L\u{0075}\u{031B}\u{006F}\u{031B}ng\u{200B}\t Cường\u{FEFF} ";
        assert_eq!(clean_text(decomposed), "Lương Cường");
        assert_eq!(clean_text("a\u{0007}b"), "ab");
        assert_eq!(clean_text("\u{202E}abc\u{202C}"), "abc");
    }

    #[test]
    fn parses_usual_date_forms() {
        let d = Date::constant(2025, 10, 25);
        assert_eq!(parse_date("2025-10-25").unwrap(), d);
        assert_eq!(parse_date("25/10/2025").unwrap(), d);
        assert_eq!(parse_date("25.10.2025").unwrap(), d);
        assert_eq!(parse_date("45955").unwrap(), d);
        assert_eq!(parse_date("2025-10-25 00:00:00").unwrap(), d);
        let e = parse_date("31/02/2025").unwrap_err();
        assert!(e.contains("\"31/02/2025\" is not a date"), "{e}");
        assert!(parse_date("25/10/25").unwrap_err().contains("two-digit"));
        let e = parse_date("tomorrow").unwrap_err();
        assert!(e.contains("\"tomorrow\" is not a date"), "{e}");
    }
}
