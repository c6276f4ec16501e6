//! Personas for the scenario tests: the built-in catalog, one persona analysed after checking its
//! sources exist, and the pack results a persona test reads.
#![allow(dead_code)]

use tradeoff::answers::Answers;
use tradeoff::engine::{PackResult, Recommendation, analyze};
use tradeoff::pack::{self, Catalog};

pub fn catalog() -> Catalog {
    pack::load_builtin().expect("built-in data loads")
}

/// Analyses a persona after checking that every source it cites exists.
pub fn persona(sources: &[&str], answers: &[(&str, &str)]) -> Recommendation {
    let c = catalog();
    for s in sources {
        assert!(
            c.sources.iter().any(|x| x.id == *s),
            "the persona cites `{s}`, which data/sources.toml does not have"
        );
    }
    let mut a = Answers::empty(&c);
    for (q, ch) in answers {
        a.set_by_id(&c, q, ch).unwrap();
    }
    analyze(&c, &a, &[])
}

pub fn pack<'a>(rec: &'a Recommendation, id: &str) -> &'a PackResult {
    rec.packs.iter().find(|p| p.id == id).unwrap()
}

pub fn winner<'a>(rec: &'a Recommendation, id: &str) -> &'a str {
    pack(rec, id).winner.as_deref().unwrap_or("-")
}
