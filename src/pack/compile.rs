//! From the serde schema of each file to the index-based model: every reference resolved, every
//! value checked. One function per kind of table; the shared checks live in `checks`.
//!
//! Build-script boundary: build.rs compiles this file into a crate of its own (to snapshot the
//! built-in data), so it may use only `pack`'s build files, `dates`, `safe` and `suggest` (and serde,
//! toml, fuzzy-matcher, strsim, postcard); tests/boundary.rs checks it.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::checks::{Checker, Known, MAX_SCORE, MAX_WEIGHT, Seen};
use super::condition::Condition;
use super::diag::SourceText;
use super::model::*;
use super::ranges;
use super::rules::{Names, PackNames, conditions, rule};
use super::schema::*;

/// The sources of every sources file (the built-in data's, then each user folder's): one id space.
pub fn sources(cx: &mut Checker, files: &[(SourceText, &SourcesFile)]) -> Vec<Source> {
    let mut seen = Seen::new("source", "");
    let mut out = Vec::new();
    for &(src, f) in files {
        sources_of(cx, src, f, &mut seen, &mut out);
    }
    out
}

/// Whether an `https://` URL names a user (`https://user@host/`): its authority, up to the first
/// `/`, `?` or `#`, holds an `@`.
fn has_user_info(url: &str) -> bool {
    let rest = url.strip_prefix("https://").unwrap_or(url);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    authority.contains('@')
}

/// The longest short name: long enough for a product's name as AWS writes it less "Amazon" or
/// "AWS" ("ECS Managed Instances"), short enough for a column.
pub const SHORT_MAX: usize = 21;

fn sources_of(
    cx: &mut Checker,
    src: SourceText,
    f: &SourcesFile,
    seen: &mut Seen,
    out: &mut Vec<Source>,
) {
    for s in &f.sources {
        cx.new_id(src, &s.id, seen);
        let title = cx.text(src, &s.title, "title");
        let verified = cx.date(src, &s.verified);
        match (&s.url, &s.citation) {
            (Some(u), _) => {
                let ok = u.get_ref().starts_with("https://")
                    && u.get_ref().len() > "https://".len()
                    && !u.get_ref().contains(|c: char| c.is_whitespace() || c.is_control());
                if !ok {
                    cx.err(src, u, format!("url `{}` is not an https:// address", u.get_ref()));
                } else if has_user_info(u.get_ref()) {
                    // `https://docs.aws.amazon.com@evil.example/` goes to evil.example.
                    cx.err(
                        src,
                        u,
                        format!(
                            "url `{}` has user info before an `@`, which hides the real host: give the address with its host alone",
                            u.get_ref()
                        ),
                    );
                }
            }
            (None, Some(c)) if !c.trim().is_empty() => {}
            _ => cx.err(
                src,
                &s.id,
                format!(
                    "source `{}` has no url: give an https:// url, or a citation that says where it is found",
                    s.id.get_ref()
                ),
            ),
        }
        out.push(Source {
            id: s.id.get_ref().clone().into(),
            title: title.into(),
            url: s.url.as_ref().map(|u| u.get_ref().clone().into()),
            citation: s.citation.clone().map(SharedStr::from),
            verified: verified.into(),
            checked: s.checked.clone().map(SharedStr::from),
        });
    }
}

/// The terms of every glossary file, in order: one id space, so a term may relate to another
/// file's.
pub fn glossary(
    cx: &mut Checker,
    files: &[(SourceText, &GlossaryFile)],
    sources: &Known,
) -> Vec<Term> {
    let ids: HashMap<&str, usize> = files
        .iter()
        .flat_map(|(_, f)| &f.terms)
        .enumerate()
        .map(|(i, t)| (t.id.get_ref().as_str(), i))
        .collect();
    let terms = Known {
        ids: &ids,
        what: "term",
        from: " in related",
        report: true,
    };
    let mut seen = Seen::new("term", "");
    let mut out = Vec::with_capacity(ids.len());
    for &(src, f) in files {
        cx.date(src, &f.verified);
        cx.review(src, &f.verified, f.review_days.as_ref());
        for t in &f.terms {
            term(cx, src, t, &mut seen, sources, &terms, &mut out);
        }
    }
    out
}

fn term(
    cx: &mut Checker,
    src: SourceText,
    t: &TermDef,
    seen: &mut Seen,
    sources: &Known,
    terms: &Known,
    out: &mut Vec<Term>,
) {
    cx.new_id(src, &t.id, seen);
    let source = cx.resolve(src, &t.source, sources);
    let mut related = Vec::new();
    for r in &t.related {
        if r.get_ref() == t.id.get_ref() {
            cx.err(
                src,
                r,
                format!(
                    "term `{}` lists itself as related: name other terms",
                    r.get_ref()
                ),
            );
        } else if let Some(i) = cx.resolve(src, r, terms) {
            related.push(i);
        }
    }
    out.push(Term {
        id: t.id.get_ref().clone().into(),
        term: cx.text(src, &t.term, "term").into(),
        aliases: t.aliases.iter().map(SharedStr::from).collect(),
        definition: cx.text(src, &t.definition, "definition").into(),
        why: cx.text(src, &t.why, "why").into(),
        source,
        related,
    });
}

/// One question; `None` when its id is unusable (so that nothing refers to a broken question).
pub fn question(
    cx: &mut Checker,
    src: SourceText,
    q: &QuestionDef,
    pack: Option<&String>,
    sources: &Known,
    seen: &mut Seen,
) -> Option<Question> {
    let ok = cx.new_id(src, &q.id, seen);
    let sources = q
        .sources
        .iter()
        .filter_map(|s| cx.resolve(src, s, sources))
        .collect();
    let mut seen_choices = Seen::new("choice", " in this question");
    let mut choices = Vec::with_capacity(q.choices.get_ref().len());
    for c in q.choices.get_ref() {
        cx.new_id(src, &c.id, &mut seen_choices);
        choices.push(Choice {
            id: c.id.get_ref().clone().into(),
            label: cx.text(src, &c.label, "label").into(),
            detail: c.detail.clone().map(SharedStr::from),
        });
    }
    if choices.len() < 2 {
        cx.err(src, &q.choices, "a question needs at least two choices");
    }
    let question = Question {
        id: q.id.get_ref().clone().into(),
        title: cx.text(src, &q.title, "title").into(),
        prompt: cx.text(src, &q.prompt, "prompt").into(),
        help: cx.text(src, &q.help, "help").into(),
        sources,
        choices,
        pack: pack.cloned().map(SharedStr::from),
        // Resolved once every question is known (`asked_when`).
        asked_when: Vec::new(),
    };
    ok.then_some(question)
}

/// The conditions under which question `qi` is asked (its `when`), resolved against every question;
/// each must name an earlier question, so that the one it follows up is asked first.
pub fn asked_when(
    cx: &mut Checker,
    src: SourceText,
    q: &QuestionDef,
    qi: usize,
    names: &Names,
) -> Vec<Condition> {
    let Some(when) = &q.when else {
        return Vec::new();
    };
    if when.get_ref().is_empty() {
        cx.err(
            src,
            when,
            "`when` names no question: name the question this one follows up, or leave `when` out",
        );
    }
    let out = conditions(cx, src, when.get_ref(), names);
    for c in &out {
        let id = &names.questions[c.question].id;
        let Some(k) = when.get_ref().keys().find(|k| k.get_ref() == id) else {
            continue;
        };
        if c.question >= qi {
            cx.err(
                src,
                k,
                format!(
                    "question `{}` is asked only after `{}`: a follow-up question's `when` must name a question defined before it",
                    q.id.get_ref(),
                    k.get_ref()
                ),
            );
        }
    }
    out
}

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
        if let Some(u) = &s.unsourced {
            cx.text(src, u, "unsourced");
            if s.source.is_some() {
                cx.err(
                    src,
                    u,
                    "a score with a `source` needs no `unsourced` reason: keep the one that is true",
                );
            }
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
            })
        })
        .collect()
}
