//! `tradeoff glossary [WORDS]`: every term, or the entries that match WORDS (fuzzy); exit 1 when
//! nothing matches.

use std::process::ExitCode;

use serde::Serialize;
use tradeoff::pack::{Catalog, SharedStr, Use};
use tradeoff::report;

use super::job::Data;
use super::out::{Failure, fail, print_json, print_out};
use crate::cli::ListFormat;

/// The JSON listing (docs/json-schema.md).
#[derive(Serialize)]
struct Listing<'a> {
    schema_version: u32,
    query: &'a str,
    terms: Vec<Term<'a>>,
}

#[derive(Serialize)]
struct Term<'a> {
    id: &'a str,
    term: &'a str,
    aliases: &'a [SharedStr],
    definition: &'a str,
    why: &'a str,
    source: Option<Source<'a>>,
    /// The ids of related terms.
    related: Vec<&'a str>,
}

#[derive(Serialize)]
struct Source<'a> {
    id: &'a str,
    title: &'a str,
    url: Option<&'a str>,
    citation: Option<&'a str>,
    verified: &'a str,
}

pub fn run(
    data: &Data,
    words: &[String],
    format: ListFormat,
    cols: usize,
) -> Result<ExitCode, Failure> {
    let catalog = data.load(Use::Show)?;
    let query = words.join(" ");
    let hits = report::glossary::search(&catalog, &query);
    match format {
        ListFormat::Text if !hits.is_empty() => {
            let outline = report::glossary::outline(&catalog, &hits);
            print_out(&report::text::write_at(
                &outline,
                report::text::Decor::Rich,
                cols,
            ))?;
        }
        ListFormat::Text => {}
        // JSON is written even when nothing matches: an empty list is an answer too.
        ListFormat::Json => {
            print_json(&listing(&catalog, &query, &hits))?;
        }
    }
    if hits.is_empty() {
        return Err(fail(
            1,
            format!(
                "error: no glossary term matches `{query}`\ntip: `tradeoff glossary` lists them all"
            ),
        ));
    }
    Ok(ExitCode::SUCCESS)
}

fn listing<'a>(c: &'a Catalog, query: &'a str, hits: &[usize]) -> Listing<'a> {
    let terms = hits.iter().map(|&i| {
        let t = &c.glossary[i];
        Term {
            id: &t.id,
            term: &t.term,
            aliases: &t.aliases,
            definition: &t.definition,
            why: &t.why,
            source: t.source.map(|s| {
                let s = &c.sources[s];
                Source {
                    id: &s.id,
                    title: &s.title,
                    url: s.url.as_deref(),
                    citation: s.citation.as_deref(),
                    verified: &s.verified,
                }
            }),
            related: t
                .related
                .iter()
                .map(|&r| c.glossary[r].id.as_str())
                .collect(),
        }
    });
    Listing {
        schema_version: 1,
        query,
        terms: terms.collect(),
    }
}
