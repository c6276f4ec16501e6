//! Calendar dates as `YYYY-MM-DD` strings: parsing, checking and today's date.
//!
//! Dates in the data are plain calendar days. "Today" is the user's local day (the C library's
//! `localtime_r`, which follows `TZ` and `/etc/localtime`), so an export made at 00:30 in Sydney is
//! dated that day, not the day before; where the platform gives no local time, the UTC day.
//!
//! Build-script boundary: build.rs compiles this file into a crate of its own (to snapshot the
//! built-in data), so it may use only `pack`'s build files, `dates`, `safe` and `suggest` (and serde,
//! toml, fuzzy-matcher, strsim, postcard, libc); tests/boundary.rs checks it.

use std::time::{SystemTime, UNIX_EPOCH};

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
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
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

/// Today, in the user's local time zone, as days since 1970-01-01.
pub fn today_days() -> i64 {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    local_days(secs).unwrap_or_else(|| secs.div_euclid(86_400))
}

/// Today's local date as `YYYY-MM-DD` (the "Generated" date of exports).
pub fn today() -> String {
    format_days(today_days())
}

/// The local calendar day of a Unix time, as days since the epoch.
#[cfg(unix)]
fn local_days(secs: i64) -> Option<i64> {
    let tm = local_tm(secs)?;
    Some(days_from_civil(
        i64::from(tm.tm_year) + 1900,
        i64::from(tm.tm_mon) + 1,
        i64::from(tm.tm_mday),
    ))
}

/// The local time of day of a Unix time, `HH:MM` (the demo's notes window shows it).
#[cfg(unix)]
pub fn local_clock(secs: u64) -> Option<String> {
    let tm = local_tm(i64::try_from(secs).ok()?)?;
    Some(format!("{:02}:{:02}", tm.tm_hour, tm.tm_min))
}

#[cfg(not(unix))]
pub fn local_clock(_secs: u64) -> Option<String> {
    None
}

#[cfg(unix)]
fn local_tm(secs: i64) -> Option<libc::tm> {
    unsafe extern "C" {
        // POSIX; not declared by the libc crate on every Unix.
        fn tzset();
    }
    // time_t is i64 here but 32 bits on some platforms.
    #[allow(clippy::useless_conversion)]
    let t: libc::time_t = secs.try_into().ok()?;
    // SAFETY: an all-zero `tm` is a valid value of this plain C struct.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: tzset reads TZ (this program never changes its environment); localtime_r writes only
    // into `tm`, which outlives the call, and returns null on failure.
    let ok = unsafe {
        tzset();
        !libc::localtime_r(&t, &mut tm).is_null()
    };
    ok.then_some(tm)
}

#[cfg(not(unix))]
fn local_days(_secs: i64) -> Option<i64> {
    None
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

    #[test]
    fn the_local_day_is_within_a_day_of_the_utc_day() {
        let secs: i64 = 1_790_000_000; // 2026-09-21T14:13:20Z
        let utc = secs.div_euclid(86_400);
        let local = local_days(secs).unwrap_or(utc);
        assert!((local - utc).abs() <= 1, "{local} vs {utc}");
        assert!((today_days() - parse_ymd(&today()).unwrap()).abs() <= 1);
    }
}
