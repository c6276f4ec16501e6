//! `tradeoff glossary [WORDS]`: finding the entries that match some words, and their outline (one
//! section per term: definition, why it matters, source with its verified date, related terms).

use super::outline::{Block, Outline, Section, SourceRef, Span, Text};
use crate::pack::Catalog;
use crate::pack::SharedStr;
use crate::suggest;

/// How many entries a search shows at most (every term is shown when there are no words).
pub const MOST: usize = 5;

/// The terms matching `query`, best first; every term, alphabetically, for an empty query.
pub fn search(c: &Catalog, query: &str) -> Vec<usize> {
    let query = query.trim();
    if query.is_empty() {
        let mut all: Vec<usize> = (0..c.glossary.len()).collect();
        all.sort_by_cached_key(|&i| c.glossary[i].term.to_lowercase());
        return all;
    }
    let mut hits: Vec<(i64, usize)> = c
        .glossary
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            std::iter::once(t.term.as_str())
                .chain(t.aliases.iter().map(SharedStr::as_str))
                .chain(std::iter::once(t.id.as_str()))
                .filter_map(|name| suggest::relevance(name, query).map(|(s, _)| s))
                .max()
                .map(|s| (s, i))
        })
        .collect();
    hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    hits.truncate(MOST);
    hits.into_iter().map(|(_, i)| i).collect()
}

/// The entries `terms` of the glossary, one section each.
pub fn outline(c: &Catalog, terms: &[usize]) -> Outline {
    let sections = terms
        .iter()
        .filter_map(|&i| c.glossary.get(i))
        .map(|t| {
            let mut facts = vec![("Why it matters".to_string(), Text::plain(t.why.clone()))];
            if let Some(s) = t.source.and_then(|s| c.sources.get(s)) {
                let source = SourceRef {
                    title: s.title.to_string(),
                    url: s.url.clone().map(String::from),
                    citation: s.citation.clone().map(String::from),
                    verified: s.verified.to_string(),
                };
                facts.push(("Source".into(), Text(vec![Span::Source(source)])));
            }
            let related: Vec<&str> = t
                .related
                .iter()
                .filter_map(|&r| c.glossary.get(r).map(|g| g.term.as_str()))
                .collect();
            if !related.is_empty() {
                facts.push(("See also".into(), Text::plain(related.join(", "))));
            }
            Section {
                heading: Text::plain(t.term.clone()),
                blocks: vec![Block::paragraph(t.definition.clone()), Block::Facts(facts)],
            }
        })
        .collect();
    Outline {
        sections,
        ..Outline::default()
    }
}
