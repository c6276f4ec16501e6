//! The checks every data file shares, written once: valid ids, ids defined twice, references that
//! must resolve ("did you mean"), non-empty text, dates, and numbers within their documented
//! bounds. Each problem becomes a `file:line:col` diagnostic; checking goes on after a problem so
//! that one run reports them all.
//!
//! Build-script boundary: build.rs compiles this file into a crate of its own (to snapshot the
//! built-in data), so it may use only `pack`'s build files, `dates`, `safe` and `suggest` (and serde,
//! toml, fuzzy-matcher, strsim, postcard, libm); tests/boundary.rs checks it.

use std::collections::{HashMap, HashSet};

use toml::Spanned;

use super::diag::{Diagnostics, SourceText};
use crate::dates;

/// The largest base weight of a criterion. Weights are relative (only their ratios matter), so 100
/// already says "a hundred times as important"; the bound keeps every sum finite.
pub const MAX_WEIGHT: f64 = 100.0;
/// The largest factor a rule may multiply a weight by (and the smallest is 0).
pub const MAX_FACTOR: f64 = 100.0;
/// The most that the factors of rules that can fire together may multiply one weight by.
pub const MAX_COMBINED_FACTOR: f64 = 10_000.0;
/// Scores are on a 0–10 scale; an adjustment moves a score by at most the whole scale.
pub const MAX_SCORE: f64 = 10.0;

/// Collects diagnostics while data is checked. Their lines and columns are worked out at the end,
/// one pass per file ([`Checker::locate`]), so that checking stays linear in the number of problems.
#[derive(Default)]
pub struct Checker {
    pub diags: Diagnostics,
    /// (index into `diags`, byte offset) of every diagnostic still to be located.
    pending: Vec<(usize, usize)>,
    /// The oldest `verified` date seen: the data is at least this fresh.
    pub oldest: Option<i64>,
    /// The earliest `verified + review_days` of any file: when the data is due to be checked again.
    pub next_review: Option<i64>,
    /// Candidates looked at so far for "did you mean" (see [`HINT_BUDGET`]).
    hint_work: usize,
}

/// The longest review interval a file may set: ten years (a longer one says nothing a reader could
/// act on, and AWS's offerings change several times a year).
pub const MAX_REVIEW_DAYS: i64 = 3650;

/// How many candidate ids "did you mean" looks at in one check, all unknown references together.
/// Each unknown reference costs one look at every id of its kind, so without a bound 100,000
/// unknown references among 100,000 ids would take hours; with it, checking stays linear in the
/// number of problems, and only references past the first few thousand go without a suggestion.
pub const HINT_BUDGET: usize = 200_000;

/// Ids seen so far of one kind ("source", "criterion", …), to report one defined twice.
pub struct Seen<'a> {
    what: &'a str,
    scope: &'a str,
    ids: HashSet<String>,
}

impl<'a> Seen<'a> {
    /// `scope` finishes the message: "is defined twice" + scope, e.g. " in this question".
    pub fn new(what: &'a str, scope: &'a str) -> Self {
        Seen {
            what,
            scope,
            ids: HashSet::new(),
        }
    }
}

/// Ids that a reference may name, with the words for a message about a wrong one.
pub struct Known<'a> {
    pub ids: &'a HashMap<&'a str, usize>,
    /// "source", "criterion", …
    pub what: &'a str,
    /// Where the ids come from, e.g. ": it must be an id from sources.toml"; may be empty.
    pub from: &'a str,
    /// False when the file that defines the ids could not be read: a wrong reference is then not
    /// reported, since every reference would be a false alarm.
    pub report: bool,
}

pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

impl Checker {
    pub fn err<T>(&mut self, src: SourceText, at: &Spanned<T>, message: impl Into<String>) {
        self.at(src, at.span().start, message);
    }

    /// How many problems are known so far, to go back to with [`Checker::rollback`].
    pub fn mark(&self) -> usize {
        self.diags.len()
    }

    /// Forgets the problems found since `mark`.
    pub fn rollback(&mut self, mark: usize) {
        self.diags.0.truncate(mark);
        self.pending.retain(|&(i, _)| i < mark);
    }

    /// A problem at byte `offset` of `src`, located later (in the whole file, for a part).
    pub fn at(&mut self, src: SourceText, offset: usize, message: impl Into<String>) {
        self.pending.push((self.diags.len(), src.base + offset));
        self.diags.push(super::diag::Diagnostic {
            file: src.name.to_string(),
            line: 1,
            col: 1,
            message: message.into(),
        });
    }

    /// Works out the line and column of every problem, given each file's text by name.
    pub fn locate(&mut self, texts: &HashMap<&str, &str>) {
        let mut by_file: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (i, offset) in std::mem::take(&mut self.pending) {
            let file = self.diags.0[i].file.clone();
            by_file.entry(file).or_default().push((i, offset));
        }
        for (file, pending) in by_file {
            let Some(text) = texts.get(file.as_str()) else {
                continue;
            };
            let index = super::diag::LineIndex::new(text);
            let offsets: Vec<usize> = pending.iter().map(|&(_, offset)| offset).collect();
            for ((i, _), (line, col)) in pending.iter().zip(index.line_cols(&offsets)) {
                self.diags.0[*i].line = line;
                self.diags.0[*i].col = col;
            }
        }
    }

    /// Parses a file into its schema type, or reports why it cannot.
    pub fn parse<T: serde::de::DeserializeOwned>(&mut self, src: SourceText) -> Option<T> {
        match toml::from_str::<T>(src.text) {
            Ok(v) => Some(v),
            Err(e) => {
                self.toml_error(src, &e);
                None
            }
        }
    }

    /// A TOML syntax or type error, with the parser's message, placed in the whole file.
    pub fn toml_error(&mut self, src: SourceText, err: &toml::de::Error) {
        let at = err.span().map_or(0, |s| s.start);
        let message = crate::suggest::serde_message(&err.message().trim().replace('\n', " "));
        self.at(src, at, message);
    }

    /// Checks an id's spelling.
    pub fn valid_id(&mut self, src: SourceText, id: &Spanned<String>, what: &str) -> bool {
        let ok = is_valid_id(id.get_ref());
        if !ok {
            self.err(
                src,
                id,
                format!(
                    "{what} id `{}` is not valid: use lowercase letters, digits, `-` and `_` (at most 64)",
                    id.get_ref()
                ),
            );
        }
        ok
    }

    /// Checks an id's spelling and that it is new in `seen`; true when both hold.
    pub fn new_id(&mut self, src: SourceText, id: &Spanned<String>, seen: &mut Seen) -> bool {
        let mut ok = self.valid_id(src, id, seen.what);
        if !seen.ids.insert(id.get_ref().clone()) {
            self.err(
                src,
                id,
                format!(
                    "{} id `{}` is defined twice{}",
                    seen.what,
                    id.get_ref(),
                    seen.scope
                ),
            );
            ok = false;
        }
        ok
    }

    /// Resolves a reference, or reports it with the closest known id.
    pub fn resolve(
        &mut self,
        src: SourceText,
        r: &Spanned<String>,
        known: &Known,
    ) -> Option<usize> {
        let found = known.ids.get(r.get_ref().as_str()).copied();
        if found.is_none() && known.report {
            let hint = if self.hint_work + known.ids.len() <= HINT_BUDGET {
                self.hint_work += known.ids.len();
                crate::suggest::did_you_mean(r.get_ref(), known.ids.keys().copied())
            } else {
                String::new()
            };
            self.err(
                src,
                r,
                format!(
                    "unknown {} `{}`{}{hint}",
                    known.what,
                    r.get_ref(),
                    known.from
                ),
            );
        }
        found
    }

    /// Text that must say something.
    pub fn text(&mut self, src: SourceText, s: &Spanned<String>, what: &str) -> String {
        if s.get_ref().trim().is_empty() {
            self.err(src, s, format!("{what} is empty: write a sentence here"));
        }
        s.get_ref().clone()
    }

    /// A `YYYY-MM-DD` date. Verified dates are never compared with the clock: a laptop whose clock
    /// is behind must still load the data (outputs warn when the data is old instead).
    pub fn date(&mut self, src: SourceText, s: &Spanned<String>) -> String {
        match dates::parse_ymd(s.get_ref()) {
            None => self.err(
                src,
                s,
                format!(
                    "`{}` is not a date: write YYYY-MM-DD, e.g. \"2026-11-26\"",
                    s.get_ref()
                ),
            ),
            Some(d) => self.oldest = Some(self.oldest.map_or(d, |o| o.min(d))),
        }
        s.get_ref().clone()
    }

    /// A file's review interval: days after its `verified` date when its facts are due to be
    /// checked again. Recorded as the data's next review date when it is the earliest.
    pub fn review(
        &mut self,
        src: SourceText,
        verified: &Spanned<String>,
        days: Option<&Spanned<i64>>,
    ) {
        let Some(days) = days else { return };
        let n = *days.get_ref();
        if !(1..=MAX_REVIEW_DAYS).contains(&n) {
            self.err(
                src,
                days,
                format!(
                    "review_days {n} is out of range: use a number of days from 1 to {MAX_REVIEW_DAYS}, counted from `verified`"
                ),
            );
            return;
        }
        if let Some(d) = dates::parse_ymd(verified.get_ref()) {
            let due = d + n;
            self.next_review = Some(self.next_review.map_or(due, |o| o.min(due)));
        }
    }

    /// A number in `min..=max`; a value outside (or not finite) is reported as `problem`, with the
    /// bounds and `why` they are what they are, and replaced by the nearest bound so that checking
    /// can go on.
    pub fn bounded(
        &mut self,
        src: SourceText,
        v: &Spanned<f64>,
        (min, max): (f64, f64),
        (what, problem, why): (&str, &str, &str),
    ) -> f64 {
        let x = *v.get_ref();
        if x.is_finite() && (min..=max).contains(&x) {
            return x;
        }
        self.err(
            src,
            v,
            format!(
                "{what} {} is {problem}: use a number from {} to {}{why}",
                fmt_num(x),
                fmt_num(min),
                fmt_num(max)
            ),
        );
        if x.is_finite() {
            x.clamp(min, max)
        } else {
            min
        }
    }
}

/// A number as people write it: no trailing `.0`, and very large or very small ones in exponent
/// form (`1e307`, not three hundred digits).
pub fn fmt_num(x: f64) -> String {
    let a = x.abs();
    if x.fract() == 0.0 && a < 1e15 {
        format!("{}", x as i64)
    } else if a >= 1e15 || (a < 1e-4 && a > 0.0) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}
