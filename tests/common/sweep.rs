//! The sweeps of the principle tests: every combination of the answers a pack reads (skipped
//! included), each pack's winner under each, and the assertion that names the principle, the answers
//! and the winner that break it.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use tradeoff::engine::evaluate;
use tradeoff::pack::{self, Catalog, Pack};

pub fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| pack::load_builtin().expect("built-in data loads"))
}

pub fn q(id: &str) -> usize {
    catalog()
        .question_index(id)
        .unwrap_or_else(|| panic!("question {id}"))
}

pub fn choice(question: &str, id: &str) -> Option<usize> {
    Some(catalog().questions[q(question)].choice_index(id).unwrap())
}

/// Every combination of answers to `questions` (each choice, and skipped when `skips`), as full
/// answer vectors (other questions skipped). A follow-up question is answered only where it is asked
/// (its `when`), as a team would answer it, so each combination appears once. A question added to a
/// pack later is swept the same way, skipped included: the principles must hold under its answers.
pub fn combinations(questions: &[usize], skips: bool) -> Vec<Vec<Option<usize>>> {
    let mut seen = BTreeSet::new();
    every_combination(questions, skips)
        .into_iter()
        .map(|mut a| {
            catalog().normalize(&mut a);
            a
        })
        .filter(|a| seen.insert(a.clone()))
        .collect()
}

fn every_combination(questions: &[usize], skips: bool) -> Vec<Vec<Option<usize>>> {
    let c = catalog();
    let mut out = vec![vec![None; c.questions.len()]];
    for &qi in questions {
        let n = c.questions[qi].choices.len();
        let values: Vec<Option<usize>> = (0..n).map(Some).chain(skips.then_some(None)).collect();
        out = out
            .into_iter()
            .flat_map(|a| {
                values.iter().map(move |&v| {
                    let mut a = a.clone();
                    a[qi] = v;
                    a
                })
            })
            .collect();
    }
    out
}

/// One pack's winner (its id, `-` when every alternative is excluded) under every combination of
/// the questions it reads, skipped included.
pub struct Sweep {
    pub pack: &'static Pack,
    pub rows: Vec<(Vec<Option<usize>>, String)>,
}

/// The sweep of pack `pack_id`, computed once per test binary.
pub fn sweep(pack_id: &str) -> &'static Sweep {
    static SWEEPS: OnceLock<BTreeMap<String, Sweep>> = OnceLock::new();
    let all = SWEEPS.get_or_init(|| {
        catalog()
            .packs
            .iter()
            .map(|p| {
                let rows = combinations(&p.questions_used, true)
                    .into_iter()
                    .map(|a| {
                        let w = evaluate(p, &a)
                            .winner()
                            .map_or("-".to_string(), |w| p.alternatives[w].id.to_string());
                        (a, w)
                    })
                    .collect();
                (p.id.to_string(), Sweep { pack: p, rows })
            })
            .collect()
    });
    &all[pack_id]
}

/// The answers in words, for failure messages.
pub fn describe(a: &[Option<usize>]) -> String {
    let c = catalog();
    let words: Vec<String> = c
        .questions
        .iter()
        .zip(a)
        .filter_map(|(q, x)| x.map(|x| format!("{}={}", q.id, q.choices[x].id)))
        .collect();
    if words.is_empty() {
        "(nothing answered)".to_string()
    } else {
        words.join(" ")
    }
}

/// Asserts `ok(answers, winner)` for every combination of the pack's sweep, naming the principle
/// when it fails.
pub fn holds(pack: &str, principle: &str, ok: impl Fn(&[Option<usize>], &str) -> bool) {
    let s = sweep(pack);
    let broken: Vec<String> = s
        .rows
        .iter()
        .filter(|(a, w)| !ok(a, w))
        .map(|(a, w)| format!("{} -> {w}", describe(a)))
        .collect();
    assert!(
        broken.is_empty(),
        "{principle}: broken by {} of {} combinations, e.g.\n{}",
        broken.len(),
        s.rows.len(),
        broken[..broken.len().min(8)].join("\n")
    );
}

pub fn is(a: &[Option<usize>], question: &str, id: &str) -> bool {
    a[q(question)] == choice(question, id)
}

pub fn skipped(a: &[Option<usize>], question: &str) -> bool {
    a[q(question)].is_none()
}
