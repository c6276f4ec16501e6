//! Loading decision data: parse every file through the serde schema, compile it into the checked,
//! index-based [`Catalog`], and report every problem found, not just the first, each as
//! `file:line:col: message`.
//!
//! Build-script boundary: build.rs compiles this file into a crate of its own (to snapshot the
//! built-in data), so it may use only `pack`'s build files, `dates`, `safe` and `suggest` (and serde,
//! toml, fuzzy-matcher, strsim, postcard, libm); tests/boundary.rs checks it.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::checks::{Checker, Known, Seen};
use super::compile;
use super::condition::Condition;
use super::diag::{Diagnostic, Diagnostics, SourceText};
use super::model::*;
use super::rules::Names;
use super::schema::*;
use crate::dates;

/// The files of the data, parsed (those that did not parse are left out): the built-in data's or a
/// `--data` folder's first, then each user folder's.
struct Parsed<'a> {
    sources: Vec<(SourceText<'a>, SourcesFile)>,
    questions: Vec<(SourceText<'a>, QuestionsFile)>,
    glossary: Vec<(SourceText<'a>, GlossaryFile)>,
    /// `prices.toml`: the built-in data's or a `--data` folder's (a user folder's packs are priced
    /// only by its own data folder).
    prices: Option<(SourceText<'a>, super::cost::PricesFile)>,
    /// In display order: by `order`, then id; with the user folder each came from.
    packs: Vec<ParsedPack<'a>>,
}

/// A pack file parsed: its text, its schema, the user folder it comes from, and the byte ranges of
/// the `[[alternative]]` tables left out of the schema, to parse one by one.
type ParsedPack<'a> = (SourceText<'a>, PackFile, Option<&'a str>, Vec<Range<usize>>);

/// One data file: the name shown in messages, its path relative to its data folder, and the user
/// folder it comes from (`None` for the built-in data or a `--data` folder).
#[derive(Debug, Clone)]
pub struct DataFile {
    pub name: String,
    pub rel: String,
    pub text: String,
    pub origin: Option<String>,
}

impl DataFile {
    pub fn new(name: impl Into<String>, rel: impl Into<String>, text: impl Into<String>) -> Self {
        DataFile {
            name: name.into(),
            rel: rel.into(),
            text: text.into(),
            origin: None,
        }
    }
}

/// Parses and checks a set of data files. `today` (days since the epoch) is only recorded, for
/// outputs to say how old the data is: no check depends on the clock.
pub fn load(files: &[DataFile], today: i64) -> Result<Catalog, Diagnostics> {
    load_with(files, today, true)
}

/// Like [`load`], parsing each pack file as one TOML document rather than its `[[alternative]]`
/// tables one by one: the reference the tests hold the faster way to.
pub fn load_whole(files: &[DataFile], today: i64) -> Result<Catalog, Diagnostics> {
    load_with(files, today, false)
}

fn load_with(files: &[DataFile], today: i64, split: bool) -> Result<Catalog, Diagnostics> {
    let mut cx = Checker::default();
    let parsed = parse(&mut cx, files, split);
    missing_files(&mut cx, files);

    let sources = compile::sources(&mut cx, &pairs(&parsed.sources));
    let source_ids: HashMap<&str, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let source_known = Known {
        ids: &source_ids,
        what: "source",
        from: ": it must be an id from sources.toml",
        report: !parsed.sources.is_empty(),
    };

    let questions = questions(&mut cx, &parsed, &source_known);
    // Every pack's criteria and alternatives first: a rule may name another pack's alternatives.
    // A pack whose [[alternative]] tables turn out not to be valid TOML is left out, as one that
    // does not parse whole.
    let parts: Vec<(&ParsedPack, compile::PackParts)> = parsed
        .packs
        .iter()
        .filter_map(|pack| {
            let (src, p, _, tables) = pack;
            compile::pack_parts(&mut cx, *src, p, tables, &source_known).map(|parts| (pack, parts))
        })
        .collect();
    let pack_names: HashMap<&str, (usize, HashMap<String, usize>)> = parts
        .iter()
        .enumerate()
        .map(|(i, ((_, p, _, _), parts))| {
            let alts = parts
                .alternative_ids()
                .into_iter()
                .map(|(id, a)| (id.to_string(), a))
                .collect();
            (p.id.get_ref().as_str(), (i, alts))
        })
        .collect();
    let names = Names {
        questions: &questions,
        questions_known: !parsed.questions.is_empty(),
        sources: source_known,
        packs: &pack_names,
    };
    let mut packs: Vec<Pack> = parts
        .into_iter()
        .map(|((src, p, origin, _), parts)| compile::pack(&mut cx, *src, p, parts, *origin, &names))
        .collect();
    let prices = parsed
        .prices
        .as_ref()
        .and_then(|(src, f)| super::cost_check::prices(&mut cx, *src, f, &names, &mut packs));
    let glossary = compile::glossary(&mut cx, &pairs(&parsed.glossary), &names.sources);

    if !cx.diags.is_empty() {
        let texts: HashMap<&str, &str> = files
            .iter()
            .map(|f| (f.name.as_str(), f.text.as_str()))
            .collect();
        cx.locate(&texts);
        return Err(cx.diags.sorted());
    }
    Ok(Catalog {
        sources,
        questions,
        packs,
        glossary,
        prices,
        verified: cx.oldest.map(dates::format_days).unwrap_or_default().into(),
        next_review: cx.next_review.map(|d| dates::format_days(d).into()),
        today,
    })
}

/// `(source, &parsed)` pairs, as the compile functions take them.
fn pairs<'p, 'a, T>(v: &'p [(SourceText<'a>, T)]) -> Vec<(SourceText<'a>, &'p T)> {
    v.iter().map(|(src, f)| (*src, f)).collect()
}

fn parse<'a>(cx: &mut Checker, files: &'a [DataFile], split: bool) -> Parsed<'a> {
    let mut parsed = Parsed {
        sources: Vec::new(),
        questions: Vec::new(),
        glossary: Vec::new(),
        prices: None,
        packs: Vec::new(),
    };
    // Parsing TOML is most of start-up. The files are independent: the packs parse on a second
    // thread while this one parses the rest, which halves the wait on two cores.
    let (packs, others): (Vec<&DataFile>, Vec<&DataFile>) =
        files.iter().partition(|f| f.rel.starts_with("packs/"));
    let pack_results = std::thread::scope(|scope| {
        let worker = scope.spawn(|| {
            packs
                .iter()
                .map(|f| {
                    let src = SourceText::new(&f.name, &f.text);
                    let (result, tables) = parse_pack(&f.text, split);
                    (src, result, f.origin.as_deref(), tables)
                })
                .collect::<Vec<_>>()
        });
        for f in &others {
            let src = SourceText::new(&f.name, &f.text);
            match f.rel.as_str() {
                "sources.toml" => parsed.sources.extend(cx.parse(src).map(|p| (src, p))),
                "questions.toml" => parsed.questions.extend(cx.parse(src).map(|p| (src, p))),
                "glossary.toml" => parsed.glossary.extend(cx.parse(src).map(|p| (src, p))),
                "prices.toml" if parsed.prices.is_none() => {
                    parsed.prices = cx.parse(src).map(|p| (src, p));
                }
                // Other files (notes, a README in TOML) belong to other readers.
                _ => {}
            }
        }
        worker.join()
    });
    // The parser does not panic; if it ever did, the panic goes on as if it had happened here.
    let pack_results = pack_results.unwrap_or_else(|e| std::panic::resume_unwind(e));
    for (src, result, origin, tables) in pack_results {
        match result {
            Ok(p) => parsed.packs.push((src, p, origin, tables)),
            Err(e) => cx.diags.push(src.toml_error(&e)),
        }
    }
    parsed
        .packs
        .sort_by_key(|(_, p, _, _)| (p.order.unwrap_or(i64::MAX), p.id.get_ref().clone()));
    let mut seen = HashSet::new();
    for (src, p, _, _) in &parsed.packs {
        if !seen.insert(p.id.get_ref().as_str()) {
            cx.err(
                *src,
                &p.id,
                format!("pack id `{}` is used by another pack file", p.id.get_ref()),
            );
        }
    }
    parsed
}

/// A pack file's schema and, when they are parsed apart (`split`), the byte ranges of its
/// `[[alternative]]` tables, which the schema then leaves out. The rest of the file is parsed with
/// those tables blanked out (every byte but newlines turned into a space), so every offset still
/// points into the file; any doubt, and the file is parsed whole.
fn parse_pack(text: &str, split: bool) -> (Result<PackFile, toml::de::Error>, Vec<Range<usize>>) {
    if let Some(tables) = split
        .then(|| super::split::alternative_tables(text))
        .flatten()
        .filter(|t| !t.is_empty())
    {
        let mut rest = text.as_bytes().to_vec();
        for range in &tables {
            for b in &mut rest[range.clone()] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        }
        // Only ASCII spaces replaced whole characters' bytes: still UTF-8.
        if let Ok(rest) = String::from_utf8(rest)
            && let Ok(p) = toml::from_str::<PackFile>(&rest)
            && p.alternatives.is_none()
        {
            return (Ok(p), tables);
        }
    }
    (toml::from_str::<PackFile>(text), Vec::new())
}

/// Every data folder needs sources, questions and at least one pack (a user folder adds to the
/// built-in data, which has them).
fn missing_files(cx: &mut Checker, files: &[DataFile]) {
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
            cx.diags.push(Diagnostic::whole_file(
                format!("{dir}{what}"),
                format!("missing: the data folder needs {what} (see data/README.md)"),
            ));
        }
    }
}

/// The shared questions first, then each pack's own, in pack order; then what each follow-up
/// question depends on (`when`), once every question is known.
fn questions(cx: &mut Checker, parsed: &Parsed, sources: &Known) -> Vec<Question> {
    let mut seen = Seen::new("question", "");
    let mut out = Vec::new();
    // Each compiled question with its definition and file, for its `when` below.
    let mut defs: Vec<(SourceText, &QuestionDef)> = Vec::new();
    for (src, f) in &parsed.questions {
        cx.date(*src, &f.verified);
        cx.review(*src, &f.verified, f.review_days.as_ref());
        for q in &f.questions {
            if let Some(question) = compile::question(cx, *src, q, None, sources, &mut seen) {
                out.push(question);
                defs.push((*src, q));
            }
        }
    }
    for (src, p, _, _) in &parsed.packs {
        for q in &p.questions {
            let pack = Some(p.id.get_ref());
            if let Some(question) = compile::question(cx, *src, q, pack, sources, &mut seen) {
                out.push(question);
                defs.push((*src, q));
            }
        }
    }
    let no_packs = HashMap::new();
    let names = Names {
        questions: &out,
        questions_known: true,
        sources: Known {
            ids: sources.ids,
            what: sources.what,
            from: sources.from,
            report: sources.report,
        },
        packs: &no_packs,
    };
    let conditions: Vec<Vec<Condition>> = defs
        .iter()
        .enumerate()
        .map(|(qi, (src, q))| compile::asked_when(cx, *src, q, qi, &names))
        .collect();
    for (q, c) in out.iter_mut().zip(conditions) {
        q.asked_when = c;
    }
    out
}
