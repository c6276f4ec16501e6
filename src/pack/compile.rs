//! From the serde schema of each file to the index-based model: every reference resolved, every
//! value checked. One function per kind of table; the shared checks live in `checks`. A pack file's
//! tables are compiled in `compile_pack` (handed on from here).
//!
//! Build-script boundary: build.rs compiles this file into a crate of its own (to snapshot the
//! built-in data), so it may use only `pack`'s build files, `dates`, `safe` and `suggest` (and serde,
//! toml, fuzzy-matcher, strsim, postcard, libm); tests/boundary.rs checks it.

use std::collections::HashMap;

use super::checks::{Checker, Known, Seen};
use super::condition::Condition;
use super::diag::SourceText;
use super::model::*;
use super::rules::{Names, conditions};
use super::schema::*;

pub use super::compile_pack::{PackParts, pack, pack_parts};

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
