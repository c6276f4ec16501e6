//! Loading decision data: from the copy embedded in the binary or from a folder, through the serde
//! schema, into the checked, index-based [`Catalog`]. Every problem found is reported, not just the
//! first, each as `file:line:col: message`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use toml::Spanned;

use super::diag::{Diagnostic, Diagnostics, SourceText};
use super::model::*;
use super::schema::*;
use crate::dates;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// One data file: the name shown in messages and its path relative to the data folder.
#[derive(Debug, Clone)]
pub struct DataFile {
    pub name: String,
    pub rel: String,
    pub text: String,
}

/// The data built into the binary.
pub fn builtin_files() -> Vec<DataFile> {
    embedded::EMBEDDED_DATA
        .iter()
        .map(|(rel, text)| DataFile {
            name: format!("data/{rel}"),
            rel: rel.to_string(),
            text: text.to_string(),
        })
        .collect()
}

/// Embedded assets (themes, demo scripts), by path relative to `assets/`.
pub fn builtin_asset(rel: &str) -> Option<&'static str> {
    embedded::EMBEDDED_ASSETS
        .iter()
        .find(|(r, _)| *r == rel)
        .map(|(_, t)| *t)
}

pub fn builtin_assets() -> &'static [(&'static str, &'static str)] {
    embedded::EMBEDDED_ASSETS
}

/// Every `*.toml` under `dir`, sorted by path.
pub fn dir_files(dir: &Path) -> Result<Vec<DataFile>, Diagnostics> {
    let mut out = Vec::new();
    let mut diags = Diagnostics::default();
    walk(dir, dir, &mut out, &mut diags);
    if !diags.is_empty() {
        return Err(diags);
    }
    if out.is_empty() {
        diags.push(Diagnostic {
            file: dir.display().to_string(),
            line: 1,
            col: 1,
            message:
                "no decision data here: expected sources.toml, questions.toml and packs/*.toml"
                    .into(),
        });
        return Err(diags);
    }
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(out)
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<DataFile>, diags: &mut Diagnostics) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            diags.push(Diagnostic {
                file: dir.display().to_string(),
                line: 1,
                col: 1,
                message: format!("cannot read the data folder: {e}"),
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(root, &path, out, diags);
        } else if path.extension().is_some_and(|e| e == "toml") {
            let rel = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            match std::fs::read(&path) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => out.push(DataFile {
                        name: path.display().to_string(),
                        rel,
                        text,
                    }),
                    Err(e) => diags.push(Diagnostic {
                        file: path.display().to_string(),
                        line: 1,
                        col: 1,
                        message: format!(
                            "not UTF-8 text (invalid byte at offset {}): save the file as UTF-8",
                            e.utf8_error().valid_up_to()
                        ),
                    }),
                },
                Err(e) => diags.push(Diagnostic {
                    file: path.display().to_string(),
                    line: 1,
                    col: 1,
                    message: format!("cannot read: {e}"),
                }),
            }
        }
    }
}

/// Loads and checks the built-in data.
pub fn load_builtin() -> Result<Catalog, Diagnostics> {
    load(&builtin_files(), dates::today_days())
}

/// Loads the data in `dir` (`--data DIR`), or the built-in data when `dir` is `None`.
pub fn load_from(dir: Option<&Path>) -> Result<Catalog, Diagnostics> {
    match dir {
        None => load_builtin(),
        Some(d) => load(&dir_files(d)?, dates::today_days()),
    }
}

/// Like [`load_from`] without the glossary: what scoring needs, and a quarter less to parse for
/// one-shot commands such as `recommend` (`validate` and the TUI load everything).
pub fn load_for_scoring(dir: Option<&Path>) -> Result<Catalog, Diagnostics> {
    let mut files = match dir {
        None => builtin_files(),
        Some(d) => dir_files(d)?,
    };
    files.retain(|f| f.rel != "glossary.toml");
    load(&files, dates::today_days())
}

/// Parses and checks a set of data files. `today` (days since the epoch) bounds the dates.
pub fn load(files: &[DataFile], today: i64) -> Result<Catalog, Diagnostics> {
    let mut cx = Ctx {
        diags: Diagnostics::default(),
        today,
        oldest: None,
        sources_known: true,
        questions_known: true,
    };

    let mut sources_file = None;
    let mut questions_file = None;
    let mut glossary_file = None;
    let mut pack_files = Vec::new();
    for f in files {
        let src = SourceText::new(&f.name, &f.text);
        match f.rel.as_str() {
            "sources.toml" => sources_file = cx.parse::<SourcesFile>(src).map(|p| (src, p)),
            "questions.toml" => questions_file = cx.parse::<QuestionsFile>(src).map(|p| (src, p)),
            "glossary.toml" => glossary_file = cx.parse::<GlossaryFile>(src).map(|p| (src, p)),
            rel if rel.starts_with("packs/") => {
                if let Some(p) = cx.parse::<PackFile>(src) {
                    pack_files.push((src, p));
                }
            }
            // Other files (the glossary, notes) belong to other readers.
            _ => {}
        }
    }
    let any_name = files.first().map_or("data", |f| f.name.as_str());
    let dir = any_name
        .rsplit_once('/')
        .map_or(String::new(), |(d, _)| format!("{d}/"));
    let dir = dir.trim_end_matches("packs/").to_string();
    for (present, what) in [
        (
            files.iter().any(|f| f.rel == "sources.toml"),
            "sources.toml",
        ),
        (
            files.iter().any(|f| f.rel == "questions.toml"),
            "questions.toml",
        ),
        (
            files.iter().any(|f| f.rel.starts_with("packs/")),
            "packs/*.toml",
        ),
    ] {
        if !present {
            cx.diags.push(Diagnostic {
                file: format!("{dir}{what}"),
                line: 1,
                col: 1,
                message: format!("missing: the data folder needs {what} (see data/README.md)"),
            });
        }
    }

    cx.sources_known = sources_file.is_some();
    cx.questions_known = questions_file.is_some();
    let sources = match &sources_file {
        Some((src, f)) => cx.sources(*src, f),
        None => Vec::new(),
    };
    let source_ids: HashMap<&str, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();

    let mut questions = Vec::new();
    let mut question_names: HashSet<String> = HashSet::new();
    if let Some((src, f)) = &questions_file {
        cx.date(*src, &f.verified);
        for q in &f.questions {
            if let Some(q) = cx.question(*src, q, None, &source_ids, &mut question_names) {
                questions.push(q);
            }
        }
    }

    pack_files.sort_by_key(|(_, p)| (p.order.unwrap_or(i64::MAX), p.id.get_ref().clone()));
    let mut packs = Vec::new();
    let mut pack_ids: HashSet<String> = HashSet::new();
    for (src, p) in &pack_files {
        for q in &p.questions {
            if let Some(q) = cx.question(
                *src,
                q,
                Some(p.id.get_ref()),
                &source_ids,
                &mut question_names,
            ) {
                questions.push(q);
            }
        }
        if !pack_ids.insert(p.id.get_ref().clone()) {
            cx.err(
                *src,
                &p.id,
                format!("pack id `{}` is used by another pack file", p.id.get_ref()),
            );
        }
    }
    for (src, p) in &pack_files {
        if let Some(pack) = cx.pack(*src, p, &questions, &source_ids) {
            packs.push(pack);
        }
    }

    let glossary = match &glossary_file {
        Some((src, f)) => cx.glossary(*src, f, &source_ids),
        None => Vec::new(),
    };

    if !cx.diags.is_empty() {
        return Err(cx.diags.sorted());
    }
    Ok(Catalog {
        sources,
        questions,
        packs,
        glossary,
        verified: cx.oldest.map(dates::format_days).unwrap_or_default(),
    })
}

struct Ctx {
    diags: Diagnostics,
    today: i64,
    oldest: Option<i64>,
    /// False when sources.toml (or questions.toml) could not be read: references into it are then
    /// not reported, since every one would be a false alarm.
    sources_known: bool,
    questions_known: bool,
}

fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

impl Ctx {
    fn parse<T: serde::de::DeserializeOwned>(&mut self, src: SourceText) -> Option<T> {
        match toml::from_str::<T>(src.text) {
            Ok(v) => Some(v),
            Err(e) => {
                self.diags.push(src.toml_error(&e));
                None
            }
        }
    }

    fn err<T>(&mut self, src: SourceText, at: &Spanned<T>, message: impl Into<String>) {
        self.diags.push(src.at(at.span(), message));
    }

    fn id(&mut self, src: SourceText, id: &Spanned<String>, what: &str) -> bool {
        if is_valid_id(id.get_ref()) {
            true
        } else {
            self.err(
                src,
                id,
                format!(
                    "{what} id `{}` is not valid: use lowercase letters, digits, `-` and `_` (at most 64)",
                    id.get_ref()
                ),
            );
            false
        }
    }

    fn text(&mut self, src: SourceText, s: &Spanned<String>, what: &str) -> String {
        if s.get_ref().trim().is_empty() {
            self.err(src, s, format!("{what} is empty: write a sentence here"));
        }
        s.get_ref().clone()
    }

    fn date(&mut self, src: SourceText, s: &Spanned<String>) -> String {
        match dates::parse_ymd(s.get_ref()) {
            None => self.err(
                src,
                s,
                format!(
                    "`{}` is not a date: write YYYY-MM-DD, e.g. \"2026-11-26\"",
                    s.get_ref()
                ),
            ),
            Some(d) if d > self.today => self.err(
                src,
                s,
                format!(
                    "verified date {} is in the future (today is {})",
                    s.get_ref(),
                    dates::format_days(self.today)
                ),
            ),
            Some(d) => self.oldest = Some(self.oldest.map_or(d, |o| o.min(d))),
        }
        s.get_ref().clone()
    }

    fn source_ref(
        &mut self,
        src: SourceText,
        s: &Spanned<String>,
        ids: &HashMap<&str, usize>,
    ) -> Option<usize> {
        let found = ids.get(s.get_ref().as_str()).copied();
        if found.is_none() && self.sources_known {
            let known = crate::suggest::did_you_mean(s.get_ref(), ids.keys().copied());
            self.err(
                src,
                s,
                format!(
                    "unknown source `{}`: it must be an id from sources.toml{known}",
                    s.get_ref()
                ),
            );
        }
        found
    }

    fn sources(&mut self, src: SourceText, f: &SourcesFile) -> Vec<Source> {
        let mut out: Vec<Source> = Vec::new();
        for s in &f.sources {
            self.id(src, &s.id, "source");
            if out.iter().any(|o| &o.id == s.id.get_ref()) {
                self.err(
                    src,
                    &s.id,
                    format!("source id `{}` is defined twice", s.id.get_ref()),
                );
            }
            let title = self.text(src, &s.title, "title");
            let verified = self.date(src, &s.verified);
            match (&s.url, &s.citation) {
                (Some(u), _) => {
                    let ok = u.get_ref().starts_with("https://")
                        && u.get_ref().len() > "https://".len()
                        && !u.get_ref().contains(char::is_whitespace);
                    if !ok {
                        self.err(src, u, format!("url `{}` is not an https:// address", u.get_ref()));
                    }
                }
                (None, Some(c)) if !c.trim().is_empty() => {}
                _ => self.err(
                    src,
                    &s.id,
                    format!(
                        "source `{}` has no url: give an https:// url, or a citation that says where it is found",
                        s.id.get_ref()
                    ),
                ),
            }
            out.push(Source {
                id: s.id.get_ref().clone(),
                title,
                url: s.url.as_ref().map(|u| u.get_ref().clone()),
                citation: s.citation.clone(),
                verified,
                checked: s.checked.clone(),
            });
        }
        out
    }

    fn glossary(
        &mut self,
        src: SourceText,
        f: &GlossaryFile,
        source_ids: &HashMap<&str, usize>,
    ) -> Vec<Term> {
        self.date(src, &f.verified);
        let ids: HashMap<&str, usize> = f
            .terms
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.get_ref().as_str(), i))
            .collect();
        let mut out: Vec<Term> = Vec::new();
        for t in &f.terms {
            self.id(src, &t.id, "term");
            if out.iter().any(|o| &o.id == t.id.get_ref()) {
                self.err(
                    src,
                    &t.id,
                    format!("term id `{}` is defined twice", t.id.get_ref()),
                );
            }
            let source = self.source_ref(src, &t.source, source_ids);
            let mut related = Vec::new();
            for r in &t.related {
                match ids.get(r.get_ref().as_str()) {
                    Some(&i) => related.push(i),
                    None => {
                        let hint = crate::suggest::did_you_mean(r.get_ref(), ids.keys().copied());
                        self.err(
                            src,
                            r,
                            format!("unknown term `{}` in related{hint}", r.get_ref()),
                        );
                    }
                }
            }
            out.push(Term {
                id: t.id.get_ref().clone(),
                term: self.text(src, &t.term, "term"),
                aliases: t.aliases.clone(),
                definition: self.text(src, &t.definition, "definition"),
                why: self.text(src, &t.why, "why"),
                source,
                related,
            });
        }
        out
    }

    fn question(
        &mut self,
        src: SourceText,
        q: &QuestionDef,
        pack: Option<&String>,
        source_ids: &HashMap<&str, usize>,
        seen: &mut HashSet<String>,
    ) -> Option<Question> {
        let mut ok = self.id(src, &q.id, "question");
        if !seen.insert(q.id.get_ref().clone()) {
            self.err(
                src,
                &q.id,
                format!("question id `{}` is defined twice", q.id.get_ref()),
            );
            ok = false;
        }
        let sources = q
            .sources
            .iter()
            .filter_map(|s| self.source_ref(src, s, source_ids))
            .collect();
        let mut choices: Vec<Choice> = Vec::new();
        for c in q.choices.get_ref() {
            self.id(src, &c.id, "choice");
            if choices.iter().any(|o| &o.id == c.id.get_ref()) {
                self.err(
                    src,
                    &c.id,
                    format!(
                        "choice id `{}` is used twice in this question",
                        c.id.get_ref()
                    ),
                );
            }
            let label = self.text(src, &c.label, "label");
            choices.push(Choice {
                id: c.id.get_ref().clone(),
                label,
                detail: c.detail.clone(),
            });
        }
        if choices.len() < 2 {
            self.err(src, &q.choices, "a question needs at least two choices");
        }
        let question = Question {
            id: q.id.get_ref().clone(),
            title: self.text(src, &q.title, "title"),
            prompt: self.text(src, &q.prompt, "prompt"),
            help: self.text(src, &q.help, "help"),
            sources,
            choices,
            pack: pack.cloned(),
        };
        ok.then_some(question)
    }

    fn pack(
        &mut self,
        src: SourceText,
        p: &PackFile,
        questions: &[Question],
        source_ids: &HashMap<&str, usize>,
    ) -> Option<Pack> {
        self.id(src, &p.id, "pack");
        let verified = self.date(src, &p.verified);

        let mut criteria: Vec<Criterion> = Vec::new();
        for c in p.criteria.get_ref() {
            self.id(src, &c.id, "criterion");
            if criteria.iter().any(|o| &o.id == c.id.get_ref()) {
                self.err(
                    src,
                    &c.id,
                    format!("criterion id `{}` is defined twice", c.id.get_ref()),
                );
            }
            let w = *c.weight.get_ref();
            if !w.is_finite() || w < 0.0 {
                self.err(
                    src,
                    &c.weight,
                    format!("weight {w} is not allowed: use a number ≥ 0"),
                );
            }
            let mut scale = Vec::new();
            for (k, v) in c.scale.get_ref() {
                match k.get_ref().parse::<u8>() {
                    Ok(n) if n <= 10 && k.get_ref() == &n.to_string() => scale.push((n, v.clone())),
                    _ => self.err(
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
                    self.err(
                        src,
                        &c.scale,
                        format!(
                            "the scale of `{}` has no anchor for {need}: say what a {need} means",
                            c.id.get_ref()
                        ),
                    );
                }
            }
            criteria.push(Criterion {
                id: c.id.get_ref().clone(),
                name: self.text(src, &c.name, "name"),
                description: self.text(src, &c.description, "description"),
                weight: if w.is_finite() { w.max(0.0) } else { 0.0 },
                scale,
            });
        }
        if criteria.is_empty() {
            self.err(src, &p.criteria, "a pack needs at least one criterion");
        } else if criteria.iter().all(|c| c.weight <= 0.0) {
            self.err(
                src,
                &p.criteria,
                "every criterion weighs 0: give at least one a weight > 0",
            );
        }
        let crit_ids: HashMap<&str, usize> = criteria
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();

        let mut alternatives: Vec<Alternative> = Vec::new();
        for a in p.alternatives.get_ref() {
            self.id(src, &a.id, "alternative");
            if alternatives.iter().any(|o| &o.id == a.id.get_ref()) {
                self.err(
                    src,
                    &a.id,
                    format!("alternative id `{}` is defined twice", a.id.get_ref()),
                );
            }
            let mut scores: Vec<Option<Score>> = vec![None; criteria.len()];
            for (k, s) in a.scores.get_ref() {
                let Some(&ci) = crit_ids.get(k.get_ref().as_str()) else {
                    let hint = crate::suggest::did_you_mean(k.get_ref(), crit_ids.keys().copied());
                    self.err(
                        src,
                        k,
                        format!("unknown criterion `{}` in scores{hint}", k.get_ref()),
                    );
                    continue;
                };
                let v = *s.get_ref().score.get_ref();
                if !v.is_finite() || !(0.0..=10.0).contains(&v) {
                    self.err(
                        src,
                        &s.get_ref().score,
                        format!("score {v} is off the scale: use 0 to 10"),
                    );
                }
                let why = self.text(src, &s.get_ref().why, "why");
                let source = s
                    .get_ref()
                    .source
                    .as_ref()
                    .and_then(|r| self.source_ref(src, r, source_ids));
                scores[ci] = Some(Score {
                    value: if v.is_finite() {
                        v.clamp(0.0, 10.0)
                    } else {
                        0.0
                    },
                    why,
                    source,
                });
            }
            let missing: Vec<&str> = criteria
                .iter()
                .zip(&scores)
                .filter(|(_, s)| s.is_none())
                .map(|(c, _)| c.id.as_str())
                .collect();
            if !missing.is_empty() {
                self.err(
                    src,
                    &a.scores,
                    format!(
                        "alternative `{}` has no score for {}: every alternative scores every criterion",
                        a.id.get_ref(),
                        missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ")
                    ),
                );
            }
            let sources: Vec<usize> = a
                .sources
                .get_ref()
                .iter()
                .filter_map(|s| self.source_ref(src, s, source_ids))
                .collect();
            if a.sources.get_ref().is_empty() {
                self.err(
                    src,
                    &a.sources,
                    format!("alternative `{}` cites no source", a.id.get_ref()),
                );
            }
            let status = a.status.as_ref().map(|s| self.text(src, s, "status"));
            let short = match &a.short {
                Some(s) if s.get_ref().chars().count() > 16 || s.get_ref().trim().is_empty() => {
                    self.err(
                        src,
                        s,
                        format!("short name `{}` must be 1 to 16 characters", s.get_ref()),
                    );
                    a.name.get_ref().clone()
                }
                Some(s) => s.get_ref().clone(),
                None => a.name.get_ref().clone(),
            };
            alternatives.push(Alternative {
                id: a.id.get_ref().clone(),
                name: self.text(src, &a.name, "name"),
                summary: self.text(src, &a.summary, "summary"),
                short,
                status,
                scores: scores
                    .into_iter()
                    .map(|s| {
                        s.unwrap_or(Score {
                            value: 0.0,
                            why: String::new(),
                            source: None,
                        })
                    })
                    .collect(),
                sources,
                next_steps: a.next_steps.clone(),
            });
        }
        if alternatives.is_empty() {
            self.err(
                src,
                &p.alternatives,
                "a pack needs at least one alternative",
            );
        }
        let alt_ids: HashMap<&str, usize> = alternatives
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();

        let mut rules: Vec<Rule> = Vec::new();
        for r in &p.rules {
            self.id(src, &r.id, "rule");
            if rules.iter().any(|o| &o.id == r.id.get_ref()) {
                self.err(
                    src,
                    &r.id,
                    format!("rule id `{}` is defined twice", r.id.get_ref()),
                );
            }
            let when = self.conditions(src, &r.when, questions);
            if r.when.get_ref().is_empty() {
                self.err(
                    src,
                    &r.when,
                    "`when` is empty: name at least one question and its choices",
                );
            }
            let mut weights = Vec::new();
            if let Some(ws) = &r.weights {
                for (k, f) in ws.get_ref() {
                    let Some(&ci) = crit_ids.get(k.get_ref().as_str()) else {
                        let hint =
                            crate::suggest::did_you_mean(k.get_ref(), crit_ids.keys().copied());
                        self.err(
                            src,
                            k,
                            format!("unknown criterion `{}` in weights{hint}", k.get_ref()),
                        );
                        continue;
                    };
                    let v = *f.get_ref();
                    if !v.is_finite() || v < 0.0 {
                        self.err(
                            src,
                            f,
                            format!("weight factor {v} is not allowed: use a number ≥ 0"),
                        );
                        continue;
                    }
                    weights.push((ci, v));
                }
            }
            let alt = |cx: &mut Ctx, s: &Spanned<String>| -> Option<usize> {
                let found = alt_ids.get(s.get_ref().as_str()).copied();
                if found.is_none() {
                    let hint = crate::suggest::did_you_mean(s.get_ref(), alt_ids.keys().copied());
                    cx.err(
                        src,
                        s,
                        format!("unknown alternative `{}`{hint}", s.get_ref()),
                    );
                }
                found
            };
            let mut adjusts = Vec::new();
            for a in &r.adjust {
                let a = a.get_ref();
                let ai = alt(self, &a.alternative);
                let ci = crit_ids.get(a.criterion.get_ref().as_str()).copied();
                if ci.is_none() {
                    let hint = crate::suggest::did_you_mean(
                        a.criterion.get_ref(),
                        crit_ids.keys().copied(),
                    );
                    self.err(
                        src,
                        &a.criterion,
                        format!("unknown criterion `{}`{hint}", a.criterion.get_ref()),
                    );
                }
                let d = *a.delta.get_ref();
                if !d.is_finite() || d.abs() > 10.0 {
                    self.err(
                        src,
                        &a.delta,
                        format!("delta {d} is not allowed: use a number from -10 to 10"),
                    );
                }
                let reason = self.text(src, &a.reason, "reason");
                let source = a
                    .source
                    .as_ref()
                    .and_then(|s| self.source_ref(src, s, source_ids));
                if let (Some(alternative), Some(criterion)) = (ai, ci) {
                    adjusts.push(Adjust {
                        alternative,
                        criterion,
                        delta: if d.is_finite() {
                            d.clamp(-10.0, 10.0)
                        } else {
                            0.0
                        },
                        reason,
                        source,
                    });
                }
            }
            let mut vetoes = Vec::new();
            for v in &r.veto {
                let v = v.get_ref();
                let ai = alt(self, &v.alternative);
                let reason = self.text(src, &v.reason, "reason");
                let source = v
                    .source
                    .as_ref()
                    .and_then(|s| self.source_ref(src, s, source_ids));
                if let Some(alternative) = ai {
                    vetoes.push(Veto {
                        alternative,
                        reason,
                        source,
                    });
                }
            }
            let mut caveats = Vec::new();
            for c in &r.caveat {
                let c = c.get_ref();
                let ai = alt(self, &c.alternative);
                let text = self.text(src, &c.text, "text");
                let source = c
                    .source
                    .as_ref()
                    .and_then(|s| self.source_ref(src, s, source_ids));
                if let Some(alternative) = ai {
                    caveats.push(Caveat {
                        alternative,
                        text,
                        source,
                    });
                }
            }
            if r.weights.is_none()
                && r.adjust.is_empty()
                && r.veto.is_empty()
                && r.caveat.is_empty()
            {
                self.err(
                    src,
                    &r.id,
                    format!(
                        "rule `{}` has no effect: give it weights, adjust, veto or caveat",
                        r.id.get_ref()
                    ),
                );
            }
            if !weights.is_empty() && r.reason.as_deref().is_none_or(|s| s.trim().is_empty()) {
                self.err(
                    src,
                    &r.id,
                    format!(
                        "rule `{}` changes weights but gives no `reason`",
                        r.id.get_ref()
                    ),
                );
            }
            rules.push(Rule {
                id: r.id.get_ref().clone(),
                reason: r.reason.clone(),
                when,
                weights,
                adjusts,
                vetoes,
                caveats,
            });
        }

        let matrix = alternatives
            .iter()
            .flat_map(|a| a.scores.iter().map(|s| s.value))
            .collect();
        let mut questions_used: Vec<usize> = rules
            .iter()
            .flat_map(|r| r.when.iter().map(|c| c.question))
            .collect();
        questions_used.sort_unstable();
        questions_used.dedup();
        Some(Pack {
            matrix,
            questions_used,
            id: p.id.get_ref().clone(),
            name: self.text(src, &p.name, "name"),
            description: self.text(src, &p.description, "description"),
            verified,
            order: p.order.unwrap_or(i64::MAX),
            criteria,
            alternatives,
            rules,
        })
    }

    fn conditions(
        &mut self,
        src: SourceText,
        when: &Spanned<BTreeMap<Spanned<String>, Spanned<OneOrMany>>>,
        questions: &[Question],
    ) -> Vec<Condition> {
        let mut out = Vec::new();
        for (k, v) in when.get_ref() {
            let Some(qi) = questions.iter().position(|q| &q.id == k.get_ref()) else {
                if !self.questions_known {
                    continue;
                }
                let hint = crate::suggest::did_you_mean(
                    k.get_ref(),
                    questions.iter().map(|q| q.id.as_str()),
                );
                self.err(
                    src,
                    k,
                    format!("unknown question `{}` in `when`{hint}", k.get_ref()),
                );
                continue;
            };
            let q = &questions[qi];
            let mut choices = Vec::new();
            for c in v.get_ref().as_slice() {
                match q.choice_index(c) {
                    Some(ci) => choices.push(ci),
                    None => {
                        let hint = crate::suggest::did_you_mean(
                            c,
                            q.choices.iter().map(|c| c.id.as_str()),
                        );
                        self.err(
                            src,
                            v,
                            format!(
                                "`{}` is not a choice of `{}`{hint} (choices: {})",
                                c,
                                q.id,
                                q.choices
                                    .iter()
                                    .map(|c| c.id.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        );
                    }
                }
            }
            if v.get_ref().as_slice().is_empty() {
                self.err(src, v, format!("no choices listed for `{}`", q.id));
            }
            out.push(Condition {
                question: qi,
                choices,
            });
        }
        out
    }
}
