//! The wall clock in the user's time zone: today's date (the "Generated" date of exports, the age of
//! the data) and the time of day (the demo's notes window).
//!
//! "Today" is the user's local day, so an export made at 00:30 in Sydney is dated that day, not the
//! day before. The zone is found as the C library finds it: `TZ` (a POSIX rule such as
//! `AEST-10AEDT,M10.1.0,M4.1.0/3`, a name from the time-zone database such as `Australia/Sydney`,
//! or a file path, with or without a leading `:`), else `/etc/localtime`; where none of these can
//! be read, UTC. jiff reads the zone files and does the arithmetic (no C calls, no `unsafe`).
//!
//! Why not `jiff::tz::TimeZone::system()`: jiff's database lists every file under
//! `/usr/share/zoneinfo` the first time a zone is looked up by name (about 1,300 files on a Debian
//! machine), which would add that walk to every start of the program. Reading the one file the
//! zone is in costs a single `open`.
//!
//! Not compiled by build.rs (the build needs no clock): `dates` keeps the calendar arithmetic that
//! the build shares.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::dates;

/// Where the time-zone database is when `TZDIR` does not say.
const ZONEINFO: &str = "/usr/share/zoneinfo";
/// The system's zone when `TZ` is not set.
const LOCALTIME: &str = "/etc/localtime";

/// The user's time zone, found once per process (a long TUI session keeps the zone it started
/// with, as most programs do; the zone's own rules still move its offset at a DST change).
fn local_zone() -> &'static TimeZone {
    static ZONE: OnceLock<TimeZone> = OnceLock::new();
    ZONE.get_or_init(|| {
        let dir = std::env::var_os("TZDIR").map_or_else(|| PathBuf::from(ZONEINFO), PathBuf::from);
        zone_from(std::env::var_os("TZ").as_deref(), &dir).unwrap_or(TimeZone::UTC)
    })
}

/// The zone a `TZ` value names (`None`: `TZ` is not set, so `/etc/localtime`), with `dir` the
/// time-zone database; `None` when it names nothing readable.
fn zone_from(tz: Option<&OsStr>, dir: &Path) -> Option<TimeZone> {
    let Some(tz) = tz else {
        return tzif_file("localtime", Path::new(LOCALTIME));
    };
    // Unix tools agree that an empty TZ means UTC.
    if tz.is_empty() {
        return Some(TimeZone::UTC);
    }
    let tz = tz.to_str()?;
    let name = tz.strip_prefix(':').unwrap_or(tz);
    if name.starts_with('/') {
        return tzif_file(name, Path::new(name));
    }
    // A database name first: `UTC` and `EST5EDT` are both files there and (almost) POSIX rules.
    tzif_file(name, &dir.join(name)).or_else(|| TimeZone::posix(name).ok())
}

fn tzif_file(name: &str, path: &Path) -> Option<TimeZone> {
    let data = std::fs::read(path).ok()?;
    TimeZone::tzif(name, &data).ok()
}

/// The calendar day of a Unix time in `zone`, as days since 1970-01-01.
fn day_in(zone: &TimeZone, secs: i64) -> Option<i64> {
    let at = zone.to_datetime(Timestamp::from_second(secs).ok()?);
    dates::days_of(
        i64::from(at.year()),
        i64::from(at.month()),
        i64::from(at.day()),
    )
}

/// The current Unix time in seconds.
fn now_secs() -> i64 {
    Timestamp::now().as_second()
}

/// Today, in the user's local time zone, as days since 1970-01-01.
pub fn today_days() -> i64 {
    let secs = now_secs();
    day_in(local_zone(), secs).unwrap_or_else(|| secs.div_euclid(86_400))
}

/// Today's local date as `YYYY-MM-DD` (the "Generated" date of exports).
pub fn today() -> String {
    dates::format_days(today_days())
}

/// The local time of day of a Unix time, `HH:MM` (the demo's notes window shows it).
pub fn local_clock(secs: u64) -> Option<String> {
    let at = Timestamp::from_second(i64::try_from(secs).ok()?).ok()?;
    let at = local_zone().to_datetime(at);
    Some(format!("{:02}:{:02}", at.hour(), at.minute()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-09-21T14:13:20Z.
    const SECS: i64 = 1_790_000_000;

    fn day(s: &str) -> Option<i64> {
        dates::parse_ymd(s)
    }

    #[test]
    fn a_posix_rule_moves_the_day() {
        let none = Path::new("/nonexistent");
        // Sydney is 10 hours ahead before its DST starts on 2026-10-04: already the 22nd there.
        let sydney = zone_from(Some(OsStr::new("AEST-10AEDT,M10.1.0,M4.1.0/3")), none).unwrap();
        assert_eq!(day_in(&sydney, SECS), day("2026-09-22"));
        // UTC-12 is still the 21st; so is UTC.
        let west = zone_from(Some(OsStr::new("<-12>+12")), none).unwrap();
        assert_eq!(day_in(&west, SECS), day("2026-09-21"));
        assert_eq!(day_in(&TimeZone::UTC, SECS), day("2026-09-21"));
        // The leading `:` some systems write is allowed.
        let east = zone_from(Some(OsStr::new(":<+14>-14")), none).unwrap();
        assert_eq!(day_in(&east, SECS), day("2026-09-22"));
    }

    #[test]
    fn an_empty_tz_is_utc_and_nonsense_is_nothing() {
        let none = Path::new("/nonexistent");
        let utc = zone_from(Some(OsStr::new("")), none).unwrap();
        assert_eq!(
            day_in(&utc, SECS - 14 * 3600 - 13 * 60 - 21),
            day("2026-09-20")
        );
        assert!(zone_from(Some(OsStr::new("Not/AZone")), none).is_none());
        assert!(zone_from(Some(OsStr::new("/nonexistent/zone")), none).is_none());
    }

    /// A TZif file (version 1) with no transitions and one zone type: `+13`, 13 hours east.
    fn tzif_plus_13() -> Vec<u8> {
        let mut f = b"TZif".to_vec();
        f.extend([0u8; 16]); // version 1, then 15 reserved bytes
        // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
        for n in [0u32, 0, 0, 0, 1, 4] {
            f.extend(n.to_be_bytes());
        }
        f.extend((13 * 3600i32).to_be_bytes()); // utoff
        f.extend([0, 0]); // isdst, desigidx
        f.extend(b"+13\0");
        f
    }

    #[test]
    fn a_database_name_and_a_path_are_read_from_their_file() {
        let db = tempfile::tempdir().unwrap();
        std::fs::create_dir(db.path().join("Pacific")).unwrap();
        let file = db.path().join("Pacific").join("Thirteen");
        std::fs::write(&file, tzif_plus_13()).unwrap();
        let by_name = zone_from(Some(OsStr::new("Pacific/Thirteen")), db.path()).unwrap();
        // 14:13 UTC is 03:13 the next day at +13.
        assert_eq!(day_in(&by_name, SECS), day("2026-09-22"));
        let by_path = format!(":{}", file.display());
        let by_path = zone_from(Some(OsStr::new(&by_path)), Path::new("/nonexistent")).unwrap();
        assert_eq!(day_in(&by_path, SECS), day("2026-09-22"));
        // A file that is not TZif is no zone.
        std::fs::write(&file, "not a zone").unwrap();
        let junk = zone_from(Some(OsStr::new("Pacific/Thirteen")), db.path());
        assert!(junk.is_none());
    }

    #[test]
    fn today_is_within_a_day_of_the_utc_day() {
        let utc = now_secs().div_euclid(86_400);
        assert!((today_days() - utc).abs() <= 1);
        assert!((today_days() - day(&today()).unwrap()).abs() <= 1);
        let clock = local_clock(SECS as u64).unwrap();
        assert!(clock.len() == 5 && clock.as_bytes()[2] == b':', "{clock}");
    }
}
