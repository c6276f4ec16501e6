//! `tradeoff packs`: the decision packs, built-in and the user's, with their criteria and
//! alternatives.

use std::process::ExitCode;

use serde::Serialize;
use tradeoff::pack::Catalog;
use tradeoff::safe;

use super::job::Data;
use super::out::{Failure, print_json};
use crate::cli::ListFormat;

/// The JSON listing (docs/json-schema.md).
#[derive(Serialize)]
struct Listing<'a> {
    schema_version: u32,
    packs: Vec<Pack<'a>>,
}

#[derive(Serialize)]
struct Pack<'a> {
    id: &'a str,
    name: &'a str,
    description: &'a str,
    verified: &'a str,
    /// The user folder the pack comes from; `null` for a built-in pack.
    origin: Option<&'a str>,
    criteria: Vec<Criterion<'a>>,
    alternatives: Vec<Alternative<'a>>,
}

#[derive(Serialize)]
struct Criterion<'a> {
    id: &'a str,
    name: &'a str,
    description: &'a str,
    weight: f64,
}

#[derive(Serialize)]
struct Alternative<'a> {
    id: &'a str,
    name: &'a str,
    short: &'a str,
    summary: &'a str,
    status: Option<&'a str>,
}

pub fn run(data: &Data, format: ListFormat) -> Result<ExitCode, Failure> {
    super::list::run(data, format, text, |c| print_json(&listing(c)))
}

fn listing(c: &Catalog) -> Listing<'_> {
    let packs = c.packs.iter().map(|p| Pack {
        id: &p.id,
        name: &p.name,
        description: &p.description,
        verified: &p.verified,
        origin: p.origin.as_deref(),
        criteria: p
            .criteria
            .iter()
            .map(|k| Criterion {
                id: &k.id,
                name: &k.name,
                description: &k.description,
                weight: k.weight,
            })
            .collect(),
        alternatives: p
            .alternatives
            .iter()
            .map(|a| Alternative {
                id: &a.id,
                name: &a.name,
                short: &a.short,
                summary: &a.summary,
                status: a.status.as_deref(),
            })
            .collect(),
    });
    Listing {
        schema_version: 1,
        packs: packs.collect(),
    }
}

fn text(c: &Catalog) -> String {
    let mut o = String::new();
    let ids = |it: &mut dyn Iterator<Item = &str>| it.collect::<Vec<_>>().join(", ");
    for p in &c.packs {
        let mark = p.origin.as_ref().map_or(String::new(), |f| {
            format!("  [your pack: {}]", safe::line(f))
        });
        o.push_str(&format!(
            "{}{mark}  {} — {} (verified {})\n   criteria: {}\n   alternatives: {}\n",
            p.id,
            safe::line(&p.name),
            safe::line(&p.description),
            p.verified,
            ids(&mut p.criteria.iter().map(|k| k.id.as_str())),
            ids(&mut p.alternatives.iter().map(|a| a.id.as_str())),
        ));
    }
    o
}
