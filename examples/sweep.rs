//! Throwaway: sweep every answered combination of a pack's questions and print winner stats.
use std::collections::BTreeMap;
use tradeoff::engine::evaluate;
use tradeoff::pack;

fn main() {
    let c = pack::load_builtin().unwrap();
    let which = std::env::args().nth(1).unwrap_or("compute".into());
    let filter: Vec<(String, String)> = std::env::args()
        .skip(2)
        .filter_map(|a| {
            a.split_once('=')
                .map(|(a, b)| (a.to_string(), b.to_string()))
        })
        .collect();
    let p = c.pack(&which).unwrap();
    let skip: Vec<usize> = std::env::var("SKIP")
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|q| c.question_index(q).unwrap())
        .collect();
    let qs: Vec<usize> = p
        .questions_used
        .iter()
        .copied()
        .filter(|q| !skip.contains(q))
        .collect();
    let qs = &qs;
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut idx = vec![0usize; qs.len()];
    let mut rows = Vec::new();
    loop {
        let mut ans = vec![None; c.questions.len()];
        for (i, &q) in qs.iter().enumerate() {
            ans[q] = Some(idx[i]);
        }
        let ok = filter.iter().all(|(q, ch)| {
            let qi = c.question_index(q).unwrap();
            ans[qi]
                .map(|a| c.questions[qi].choices[a].id == *ch)
                .unwrap_or(false)
        });
        if ok {
            let ev = evaluate(p, &ans);
            let r = ev.ranking();
            let w = r
                .first()
                .map(|&a| p.alternatives[a].id.clone())
                .unwrap_or("-".into());
            let ru = r
                .get(1)
                .map(|&a| p.alternatives[a].id.clone())
                .unwrap_or("-".into());
            let m = if r.len() > 1 {
                ev.scores[r[0]] - ev.scores[r[1]]
            } else {
                99.0
            };
            *counts.entry(w.clone()).or_default() += 1;
            let desc: Vec<String> = qs
                .iter()
                .enumerate()
                .map(|(i, &q)| c.questions[q].choices[idx[i]].id.clone())
                .collect();
            rows.push(format!(
                "{:<24} {:<22} {:5.1}  {}",
                w,
                ru,
                m,
                desc.join(" ")
            ));
        }
        let mut i = 0;
        loop {
            if i == qs.len() {
                for (k, v) in &counts {
                    println!("{k}: {v}");
                }
                if std::env::var("ROWS").is_ok() {
                    for r in &rows {
                        println!("{r}");
                    }
                }
                return;
            }
            idx[i] += 1;
            if idx[i] < c.questions[qs[i]].choices.len() {
                break;
            }
            idx[i] = 0;
            i += 1;
        }
    }
}
