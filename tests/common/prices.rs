//! What the estimate tests (tests/cost.rs, tests/cost_stack.rs) share: the built-in catalog, answers
//! by id, prices and estimate lines by id, and price tables edited to check `validate`'s problems.
#![allow(dead_code)]

use tradeoff::answers::Answers;
use tradeoff::engine::{PackResult, RankedAlternative, analyze};
use tradeoff::pack::{self, Catalog, DataFile, builtin_files, load};

pub fn catalog() -> Catalog {
    pack::load_builtin().unwrap_or_else(|d| panic!("{d}"))
}

/// Answers from `(question, choice)` pairs; every id must exist.
pub fn answers(c: &Catalog, pairs: &[(&str, &str)]) -> Answers {
    let mut a = Answers::empty(c);
    for (q, ch) in pairs {
        let qi = c
            .question_index(q)
            .unwrap_or_else(|| panic!("question {q}"));
        a.choices[qi] = Some(c.questions[qi].choice_index(ch).expect(ch));
    }
    a
}

/// A price from the tables, by id.
pub fn usd(c: &Catalog, id: &str) -> f64 {
    c.prices
        .as_ref()
        .expect("the built-in data has prices")
        .prices
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("price {id}"))
        .usd
}

/// One pack's result for these answers.
pub fn pack_result(c: &Catalog, pack: &str, a: &Answers) -> PackResult {
    let mut rec = analyze(c, a, &[c.pack_index(pack).unwrap()]);
    rec.packs.remove(0)
}

pub fn alt<'a>(p: &'a PackResult, id: &str) -> &'a RankedAlternative {
    p.ranking.iter().find(|r| r.id == id).unwrap()
}

/// The low and high of one line of an alternative's estimate.
pub fn line(r: &RankedAlternative, id: &str) -> (f64, f64) {
    let l = r.cost.as_ref().unwrap().lines.iter().find(|l| l.id == id);
    let l = l.unwrap_or_else(|| panic!("{} has no line {id}", r.id));
    (l.monthly_usd.low, l.monthly_usd.high)
}

/// Equal to the cent (the estimates are rounded to cents).
pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.006
}

pub fn cents(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The built-in files with prices.toml replaced by `edit` of it.
pub fn with_prices(edit: impl Fn(&str) -> String) -> Vec<DataFile> {
    builtin_files()
        .into_iter()
        .map(|mut f| {
            if f.rel == "prices.toml" {
                f.text = edit(&f.text);
            }
            f
        })
        .collect()
}

/// The problems loading `files` reports, each as `file:line:col: message`.
pub fn problems(files: &[DataFile]) -> Vec<String> {
    match load(files, 0) {
        Ok(_) => Vec::new(),
        Err(d) => d.0.iter().map(|x| x.to_string()).collect(),
    }
}

/// Each `(from, to, expected)`: prices.toml with its first `from` replaced by `to` fails to load
/// with a problem in prices.toml that says `expected`, and every problem points at a line.
pub fn assert_price_problems(cases: &[(&str, &str, &str)]) {
    for (from, to, expected) in cases {
        let files = with_prices(|t| {
            assert!(
                t.contains(from),
                "the test's anchor `{from}` is gone from prices.toml"
            );
            t.replacen(from, to, 1)
        });
        let found = problems(&files);
        assert!(
            found
                .iter()
                .any(|p| p.starts_with("data/prices.toml:") && p.contains(expected)),
            "expected `{expected}`, got:\n{}",
            found.join("\n")
        );
        // Every problem points at a line and a column.
        assert!(found.iter().all(|p| {
            p.split(':')
                .nth(1)
                .is_some_and(|l| l.parse::<usize>().is_ok())
        }));
    }
}
