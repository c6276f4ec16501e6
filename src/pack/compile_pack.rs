//! A pack file compiled into the model: its criteria and alternatives first (`PackParts`, for every
//! pack, so that a rule may name another pack's alternatives), then the whole pack with its rules;
//! short names, scores and every reference checked. `compile` holds the other tables and hands
//! these on.
//!
//! Build-script boundary: build.rs compiles this file into a crate of its own (to snapshot the
//! built-in data), so it may use only `pack`'s build files, `dates`, `safe` and `suggest` (and serde,
//! toml, fuzzy-matcher, strsim, postcard, libm); tests/boundary.rs checks it.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::checks::{Checker, Known, MAX_SCORE, MAX_WEIGHT, Seen};
use super::diag::SourceText;
use super::model::*;
use super::ranges;
use super::rules::{Names, PackNames, rule};
use super::schema::*;

/// The longest short name: long enough for a product's name as AWS writes it less "Amazon" or
/// "AWS" ("ECS Managed Instances"), short enough for a column.
pub const SHORT_MAX: usize = 21;

/// What a pack's rules refer to: its criteria and alternatives, compiled first for every pack so
/// that a rule may name another pack's alternatives (`stack`).
pub struct PackParts {
    pub criteria: Vec<Criterion>,
    pub alternatives: Vec<Alternative>,
}

impl PackParts {
    /// Alternative id → index, for rules.
    pub fn alternative_ids(&self) -> HashMap<&str, usize> {
        self.alternatives
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect()
    }
}

/// A pack's criteria and alternatives, from its file's schema and, when they were left out of it,
/// its `[[alternative]]` tables (byte ranges of `src`, parsed here one by one). `None` when one of
/// those tables is not valid TOML: as for a file that does not parse whole, that error is all that
/// is said about the file, and the pack is left out (so nothing that names it cascades).
pub fn pack_parts(
    cx: &mut Checker,
    src: SourceText,
    p: &PackFile,
    tables: &[Range<usize>],
    sources: &Known,
) -> Option<PackParts> {
    let mark = cx.mark();
    cx.valid_id(src, &p.id, "pack");
    let criteria = criteria(cx, src, p);
    let crit_ids = criterion_ids(&criteria);
    let criteria_known = criteria_known(&crit_ids);
    match alternatives(cx, src, p, tables, &criteria, &criteria_known, sources) {
        Ok(alternatives) => Some(PackParts {
            criteria,
            alternatives,
        }),
        Err(failed) => {
            let (part, e) = *failed;
            cx.rollback(mark);
            cx.toml_error(part, &e);
            None
        }
    }
}

fn criterion_ids(criteria: &[Criterion]) -> HashMap<&str, usize> {
    criteria
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect()
}

fn criteria_known<'a>(ids: &'a HashMap<&'a str, usize>) -> Known<'a> {
    Known {
        ids,
        what: "criterion",
        from: "",
        report: true,
    }
}

/// A pack: its parts and its rules.
pub fn pack(
    cx: &mut Checker,
    src: SourceText,
    p: &PackFile,
    parts: PackParts,
    origin: Option<&str>,
    names: &Names,
) -> Pack {
    let verified = cx.date(src, &p.verified);
    cx.review(src, &p.verified, p.review_days.as_ref());
    let PackParts {
        criteria,
        alternatives,
    } = parts;
    let crit_ids = criterion_ids(&criteria);
    let alt_ids: HashMap<&str, usize> = alternatives
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let own = PackNames {
        criteria: criteria_known(&crit_ids),
        alternatives: Known {
            ids: &alt_ids,
            what: "alternative",
            from: "",
            report: true,
        },
    };
    let errors_before = cx.diags.len();
    let rules: Vec<Rule> = p
        .rules
        .iter()
        .scan(Seen::new("rule", ""), |seen, r| {
            Some(rule(cx, src, r, seen, &own, names))
        })
        .collect();
    if cx.diags.len() == errors_before {
        // The ranges only mean something when every rule compiled as written.
        ranges::check(cx, src, p, &criteria, &alternatives, &rules);
    }

    let matrix = alternatives
        .iter()
        .flat_map(|a| a.scores.iter().map(|s| s.value))
        .collect();
    let mut questions_used: Vec<usize> = rules.iter().flat_map(|r| r.questions()).collect();
    questions_used.sort_unstable();
    questions_used.dedup();
    Pack {
        matrix,
        questions_used,
        id: p.id.get_ref().clone().into(),
        name: cx.text(src, &p.name, "name").into(),
        short: short_name(cx, src, p.short.as_ref(), &p.name).into(),
        description: cx.text(src, &p.description, "description").into(),
        verified: verified.into(),
        order: p.order.unwrap_or(i64::MAX),
        origin: origin.map(|o| SharedStr::from(o.to_string())),
        criteria,
        alternatives,
        rules,
        cost: None,
    }
}

/// A pack's or an alternative's short name: at most 16 characters, else (or without one) its name.
fn short_name(
    cx: &mut Checker,
    src: SourceText,
    short: Option<&Spanned<String>>,
    name: &Spanned<String>,
) -> String {
    match short {
        Some(s) if s.get_ref().chars().count() > SHORT_MAX || s.get_ref().trim().is_empty() => {
            cx.err(
                src,
                s,
                format!(
                    "short name `{}` must be 1 to {SHORT_MAX} characters",
                    s.get_ref()
                ),
            );
            name.get_ref().clone()
        }
        Some(s) => s.get_ref().clone(),
        None => name.get_ref().clone(),
    }
}

fn criteria(cx: &mut Checker, src: SourceText, p: &PackFile) -> Vec<Criterion> {
    let mut seen = Seen::new("criterion", "");
    let mut out: Vec<Criterion> = Vec::with_capacity(p.criteria.get_ref().len());
    for c in p.criteria.get_ref() {
        cx.new_id(src, &c.id, &mut seen);
        let weight = cx.bounded(
            src,
            &c.weight,
            (0.0, MAX_WEIGHT),
            (
                "weight",
                "out of bounds",
                " (weights are relative: only their ratios matter)",
            ),
        );
        let mut scale = Vec::new();
        for (k, v) in c.scale.get_ref() {
            match k.get_ref().parse::<u8>() {
                Ok(n) if n <= 10 && k.get_ref() == &n.to_string() => {
                    scale.push((n, SharedStr::from(v)))
                }
                _ => cx.err(
                    src,
                    k,
                    format!(
                        "scale key `{}` is not a score: use \"0\" to \"10\"",
                        k.get_ref()
                    ),
                ),
            }
        }
        scale.sort_by_key(|(n, _)| *n);
        for need in [0u8, 5, 10] {
            if !scale.iter().any(|(n, _)| *n == need) {
                cx.err(
                    src,
                    &c.scale,
                    format!(
                        "the scale of `{}` has no anchor for {need}: say what a {need} means",
                        c.id.get_ref()
                    ),
                );
            }
        }
        out.push(Criterion {
            id: c.id.get_ref().clone().into(),
            name: cx.text(src, &c.name, "name").into(),
            description: cx.text(src, &c.description, "description").into(),
            weight,
            data_weight: weight,
            scale,
        });
    }
    if out.is_empty() {
        cx.err(src, &p.criteria, "a pack needs at least one criterion");
    } else if out.iter().all(|c| c.weight <= 0.0) {
        cx.err(
            src,
            &p.criteria,
            "every criterion weighs 0: give at least one a weight > 0",
        );
    }
    out
}

fn alternatives<'a>(
    cx: &mut Checker,
    src: SourceText<'a>,
    p: &PackFile,
    tables: &[Range<usize>],
    criteria: &[Criterion],
    criteria_known: &Known,
    sources: &Known,
) -> Result<Vec<Alternative>, Box<(SourceText<'a>, toml::de::Error)>> {
    /// One `[[alternative]]` table parsed on its own.
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Table {
        alternative: Vec<AlternativeDef>,
    }
    let mut seen = Seen::new("alternative", "");
    let mut out = Vec::new();
    let mut one = |cx: &mut Checker, src: SourceText, a: &AlternativeDef| {
        out.push(alternative(
            cx,
            src,
            a,
            &mut seen,
            criteria,
            criteria_known,
            sources,
        ));
    };
    for a in p.alternatives.iter().flat_map(|all| all.get_ref()) {
        one(cx, src, a);
    }
    // Each table is parsed, checked and dropped before the next: memory stays near the result.
    // (Parsing them on worker threads was tried: freeing across threads contends for the
    // allocator, and two cores gained nothing measurable.)
    for range in tables {
        let part = src.part(range.clone());
        match toml::from_str::<Table>(part.text) {
            Ok(table) => table.alternative.iter().for_each(|a| one(cx, part, a)),
            Err(e) => return Err(Box::new((part, e))),
        }
    }
    if out.is_empty() {
        cx.err(
            src,
            &p.id,
            "a pack needs at least one alternative: add an [[alternative]] table",
        );
    }
    Ok(out)
}

fn alternative(
    cx: &mut Checker,
    src: SourceText,
    a: &AlternativeDef,
    seen: &mut Seen,
    criteria: &[Criterion],
    criteria_known: &Known,
    sources: &Known,
) -> Alternative {
    cx.new_id(src, &a.id, seen);
    let scores = scores(cx, src, a, criteria, criteria_known, sources);
    let alt_sources: Vec<usize> = a
        .sources
        .get_ref()
        .iter()
        .filter_map(|s| cx.resolve(src, s, sources))
        .collect();
    if a.sources.get_ref().is_empty() {
        cx.err(
            src,
            &a.sources,
            format!("alternative `{}` cites no source", a.id.get_ref()),
        );
    }
    let status = a.status.as_ref().map(|s| cx.text(src, s, "status"));
    let short = short_name(cx, src, a.short.as_ref(), &a.name);
    let caveats = a
        .caveats
        .iter()
        .map(|c| Note {
            text: cx.text(src, &c.get_ref().text, "text").into(),
            source: c
                .get_ref()
                .source
                .as_ref()
                .and_then(|s| cx.resolve(src, s, sources)),
        })
        .collect();
    Alternative {
        id: a.id.get_ref().clone().into(),
        name: cx.text(src, &a.name, "name").into(),
        summary: cx.text(src, &a.summary, "summary").into(),
        short: short.into(),
        status: status.map(SharedStr::from),
        scores,
        sources: alt_sources,
        next_steps: a.next_steps.iter().map(SharedStr::from).collect(),
        caveats,
    }
}

/// One score per criterion, in the pack's criterion order.
fn scores(
    cx: &mut Checker,
    src: SourceText,
    a: &AlternativeDef,
    criteria: &[Criterion],
    criteria_known: &Known,
    sources: &Known,
) -> Vec<Score> {
    let mut scores: Vec<Option<Score>> = vec![None; criteria.len()];
    for (k, s) in a.scores.get_ref() {
        let known = Known {
            from: " in scores",
            ..*criteria_known
        };
        let Some(ci) = cx.resolve(src, k, &known) else {
            continue;
        };
        let s = s.get_ref();
        let unsourced = s.unsourced.as_ref().map(|u| cx.text(src, u, "unsourced"));
        if let Some(u) = &s.unsourced
            && s.source.is_some()
        {
            cx.err(
                src,
                u,
                "a score with a `source` needs no `unsourced` reason: keep the one that is true",
            );
        }
        let value = cx.bounded(
            src,
            &s.score,
            (0.0, MAX_SCORE),
            ("score", "off the scale", ""),
        );
        scores[ci] = Some(Score {
            value,
            why: cx.text(src, &s.why, "why").into(),
            source: s.source.as_ref().and_then(|r| cx.resolve(src, r, sources)),
            unsourced: unsourced.map(SharedStr::from),
        });
    }
    let missing: Vec<String> = criteria
        .iter()
        .zip(&scores)
        .filter(|(_, s)| s.is_none())
        .map(|(c, _)| format!("`{}`", c.id))
        .collect();
    if !missing.is_empty() {
        cx.err(
            src,
            &a.scores,
            format!(
                "alternative `{}` has no score for {}: every alternative scores every criterion",
                a.id.get_ref(),
                missing.join(", ")
            ),
        );
    }
    scores
        .into_iter()
        .map(|s| {
            s.unwrap_or(Score {
                value: 0.0,
                why: "".into(),
                source: None,
                unsourced: None,
            })
        })
        .collect()
}
