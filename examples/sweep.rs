//! Sweeps every answered combination of one pack's questions and prints how often each alternative
//! wins: the quickest way to read the advice as a whole after changing the data.
//!
//! ```sh
//! cargo run --release --example sweep compute                 # winner counts
//! cargo run --release --example sweep iac existing_iac=cdk    # only combinations with these answers
//! ROWS=1 cargo run --release --example sweep compute          # every row: winner, runner-up, margin, answers
//! SKIP=kubernetes_wanted cargo run --release --example sweep compute   # leave questions unanswered
//! ```
//!
//! A follow-up question (IaC migration) is answered only where it is asked.

use std::collections::BTreeMap;

use tradeoff::engine::evaluate;
use tradeoff::pack::{self, Catalog};

fn main() {
    let catalog = pack::load_builtin().unwrap_or_else(|d| panic!("{d}"));
    let mut args = std::env::args().skip(1);
    let pack_id = args.next().unwrap_or_else(|| "compute".into());
    let fixed: Vec<(usize, usize)> = args
        .filter_map(|a| {
            let (q, c) = a.split_once('=')?;
            let qi = catalog.question_index(q)?;
            Some((qi, catalog.questions[qi].choice_index(c)?))
        })
        .collect();
    let skip: Vec<usize> = std::env::var("SKIP")
        .unwrap_or_default()
        .split(',')
        .filter_map(|q| catalog.question_index(q))
        .collect();
    let pack = catalog
        .pack(&pack_id)
        .unwrap_or_else(|| panic!("no pack `{pack_id}`"));
    let questions: Vec<usize> = pack
        .questions_used
        .iter()
        .copied()
        .filter(|q| !skip.contains(q))
        .collect();

    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut rows = Vec::new();
    for answers in combinations(&catalog, &questions) {
        if fixed.iter().any(|&(q, c)| answers[q] != Some(c)) {
            continue;
        }
        let ev = evaluate(pack, &answers);
        let ranking = ev.ranking();
        let id = |i: usize| {
            ranking
                .get(i)
                .map_or("-".to_string(), |&a| pack.alternatives[a].id.to_string())
        };
        let margin = match ranking[..] {
            [w, r, ..] => ev.scores[w] - ev.scores[r],
            _ => f64::NAN,
        };
        *counts.entry(id(0)).or_default() += 1;
        let said: Vec<&str> = questions
            .iter()
            .filter_map(|&q| answers[q].map(|c| catalog.questions[q].choices[c].id.as_str()))
            .collect();
        rows.push(format!(
            "{:<24} {:<24} {margin:5.1}  {}",
            id(0),
            id(1),
            said.join(" ")
        ));
    }
    for (winner, n) in &counts {
        println!("{winner}: {n}");
    }
    if std::env::var_os("ROWS").is_some() {
        for row in rows {
            println!("{row}");
        }
    }
}

/// Every combination of answers to `questions` (the others skipped); a follow-up question is answered
/// only where it is asked (`when`), so each combination a team can give appears once.
fn combinations(catalog: &Catalog, questions: &[usize]) -> Vec<Vec<Option<usize>>> {
    let mut seen = std::collections::BTreeSet::new();
    all_answered(catalog, questions)
        .into_iter()
        .map(|mut a| {
            catalog.normalize(&mut a);
            a
        })
        .filter(|a| seen.insert(a.clone()))
        .collect()
}

fn all_answered(catalog: &Catalog, questions: &[usize]) -> Vec<Vec<Option<usize>>> {
    let mut out = vec![vec![None; catalog.questions.len()]];
    for &q in questions {
        out = out
            .into_iter()
            .flat_map(|a| {
                (0..catalog.questions[q].choices.len()).map(move |c| {
                    let mut a = a.clone();
                    a[q] = Some(c);
                    a
                })
            })
            .collect();
    }
    out
}
