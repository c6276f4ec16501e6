//! Calendar dates as `YYYY-MM-DD` strings: parsing, checking, and days since 1970-01-01.
//!
//! Dates in the data are plain calendar days, so this is arithmetic on them and nothing more; what
//! day it is today, in the user's time zone, is `clock`'s (the build needs no clock).
//!
//! Build-script boundary: build.rs compiles this file into a crate of its own (to snapshot the
//! built-in data), so it may use only `pack`'s build files, `dates`, `safe` and `suggest` (and serde,
//! toml, fuzzy-matcher, strsim, postcard, libm); tests/boundary.rs checks it.

/// Days since 1970-01-01 of a valid `YYYY-MM-DD` date, or `None`.
pub fn parse_ymd(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = &s[r];
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    days_of(num(0..4)?, num(5..7)?, num(8..10)?)
}

/// Days since 1970-01-01 of year `y`, month `m` (1–12), day `d`, or `None` when there is no such
/// day.
pub fn days_of(y: i64, m: i64, d: i64) -> Option<i64> {
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's days-from-civil.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// `YYYY-MM-DD` of a day; days outside years 0000–9999 are shown as the nearest of those.
pub fn format_days(days: i64) -> String {
    // 0000-01-01 and 9999-12-31 keep every step of the arithmetic far from overflow.
    let (y, m, d) = civil_from_days(days.clamp(-719_528, 2_932_896));
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects() {
        for s in [
            "1970-01-01",
            "2024-02-29",
            "2026-04-30",
            "2026-11-26",
            "2000-12-31",
        ] {
            assert_eq!(format_days(parse_ymd(s).unwrap()), s);
        }
        assert_eq!(parse_ymd("1970-01-02"), Some(1));
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-1-01",
            "26-01-01",
            "2026-00-10",
            "2026/01/01",
            "+026-01-01",
        ] {
            assert_eq!(parse_ymd(bad), None, "{bad}");
        }
    }
}
