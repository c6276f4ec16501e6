//! Comparing teams: their answers side by side, each team's recommendation per pack, and which of
//! the answers they differ on explain different outcomes, found with the engine's counterfactuals.

use serde::Serialize;

use crate::answers::Answers;
use crate::engine::{evaluate, round1};
use crate::pack::Catalog;

#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub teams: Vec<String>,
    pub answers: Vec<AnswerRow>,
    pub packs: Vec<PackComparison>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AnswerRow {
    pub question: String,
    pub title: String,
    /// One label per team; `None` when skipped.
    pub labels: Vec<Option<String>>,
    pub differs: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct PackComparison {
    pub id: String,
    pub name: String,
    pub results: Vec<TeamResult>,
    pub same_winner: bool,
    /// For every ordered pair of teams with different winners: the answer switches that explain it.
    pub explanations: Vec<Explanation>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TeamResult {
    pub winner: Option<String>,
    pub winner_name: Option<String>,
    pub score: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    pub from_team: String,
    pub to_team: String,
    /// Taking these answers of `to_team` turns `from_team`'s winner into `to_team`'s; the smallest
    /// such sets (one answer, else two), or all differing answers together when no smaller set does.
    pub sets: Vec<Vec<Switch>>,
    /// True when only the full set of differences reproduces the other team's winner (or not even it).
    pub needs_all: bool,
    /// Whether adopting every differing answer gives `to_team`'s winner (false if other data differs).
    pub reproduces: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Switch {
    pub question: String,
    pub title: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

pub fn compare(catalog: &Catalog, teams: &[(String, Answers)]) -> Comparison {
    let names: Vec<String> = teams.iter().map(|(n, _)| n.clone()).collect();
    let label = |qi: usize, a: &Answers| {
        a.choices[qi].map(|c| catalog.questions[qi].choices[c].label.clone())
    };
    let answers = catalog
        .questions
        .iter()
        .enumerate()
        .map(|(qi, q)| {
            let labels: Vec<Option<String>> = teams.iter().map(|(_, a)| label(qi, a)).collect();
            AnswerRow {
                question: q.id.clone(),
                title: q.title.clone(),
                differs: labels.windows(2).any(|w| w[0] != w[1]),
                labels,
            }
        })
        .collect();

    let packs = catalog
        .packs
        .iter()
        .map(|pack| {
            let evs: Vec<_> = teams
                .iter()
                .map(|(_, a)| evaluate(pack, &a.choices))
                .collect();
            let winners: Vec<Option<usize>> = evs.iter().map(|e| e.winner()).collect();
            let results = evs
                .iter()
                .zip(&winners)
                .map(|(e, w)| TeamResult {
                    winner: w.map(|w| pack.alternatives[w].id.clone()),
                    winner_name: w.map(|w| pack.alternatives[w].name.clone()),
                    score: w.map(|w| round1(e.scores[w])),
                })
                .collect();
            let mut explanations = Vec::new();
            for i in 0..teams.len() {
                for j in 0..teams.len() {
                    if i == j || winners[i] == winners[j] {
                        continue;
                    }
                    let (a, b) = (&teams[i].1, &teams[j].1);
                    // Only the questions this pack reads can matter.
                    let diff: Vec<usize> = pack
                        .questions_used
                        .iter()
                        .copied()
                        .filter(|&q| a.choices[q] != b.choices[q])
                        .collect();
                    let switch = |q: usize| Switch {
                        question: catalog.questions[q].id.clone(),
                        title: catalog.questions[q].title.clone(),
                        from: label(q, a),
                        to: label(q, b),
                    };
                    let gives = |qs: &[usize]| {
                        let mut trial = a.choices.clone();
                        for &q in qs {
                            trial[q] = b.choices[q];
                        }
                        evaluate(pack, &trial).winner() == winners[j]
                    };
                    let mut sets: Vec<Vec<Switch>> = diff
                        .iter()
                        .filter(|&&q| gives(&[q]))
                        .map(|&q| vec![switch(q)])
                        .collect();
                    if sets.is_empty() {
                        for (x, &q1) in diff.iter().enumerate() {
                            for &q2 in &diff[x + 1..] {
                                if gives(&[q1, q2]) {
                                    sets.push(vec![switch(q1), switch(q2)]);
                                }
                            }
                        }
                    }
                    let reproduces = gives(&diff);
                    let needs_all = sets.is_empty();
                    if needs_all {
                        sets.push(diff.iter().map(|&q| switch(q)).collect());
                    }
                    explanations.push(Explanation {
                        from_team: names[i].clone(),
                        to_team: names[j].clone(),
                        sets,
                        needs_all,
                        reproduces,
                    });
                }
            }
            PackComparison {
                id: pack.id.clone(),
                name: pack.name.clone(),
                same_winner: winners.windows(2).all(|w| w[0] == w[1]),
                results,
                explanations,
            }
        })
        .collect();
    Comparison {
        teams: names,
        answers,
        packs,
    }
}

fn switch_text(set: &[Switch]) -> String {
    set.iter()
        .map(|s| {
            format!(
                "{} {} → {}",
                s.title,
                s.from.as_deref().unwrap_or("(skipped)"),
                s.to.as_deref().unwrap_or("(skipped)")
            )
        })
        .collect::<Vec<_>>()
        .join(" and ")
}

/// Plain text for a terminal.
pub fn render_text(c: &Comparison) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    let qw = c
        .answers
        .iter()
        .map(|r| r.title.chars().count())
        .max()
        .unwrap_or(8)
        .max(8);
    let cw = 22;
    let cell = |s: &str| -> String {
        let mut t: String = s.chars().take(cw).collect();
        if s.chars().count() > cw {
            t.pop();
            t.push('…');
        }
        format!("{t:cw$}")
    };
    let _ = writeln!(o, "Answers  (* = the teams differ)");
    let _ = write!(o, "  {:qw$}", "");
    for t in &c.teams {
        let _ = write!(o, "  {}", cell(t));
    }
    let _ = writeln!(o);
    for r in &c.answers {
        let _ = write!(o, "{} {:qw$}", if r.differs { '*' } else { ' ' }, r.title);
        for l in &r.labels {
            let _ = write!(o, "  {}", cell(l.as_deref().unwrap_or("—")));
        }
        let _ = writeln!(o);
    }
    for p in &c.packs {
        let _ = writeln!(o, "\n━━ {} ━━", p.name);
        for (t, r) in c.teams.iter().zip(&p.results) {
            let _ = writeln!(
                o,
                "  {}  ▶ {}{}",
                cell(t),
                r.winner_name.as_deref().unwrap_or("no recommendation"),
                r.score.map_or(String::new(), |s| format!("  {s:.1}"))
            );
        }
        if p.same_winner {
            let _ = writeln!(o, "  Same recommendation for every team.");
            continue;
        }
        for e in &p.explanations {
            let target = p.results[c.teams.iter().position(|t| t == &e.to_team).unwrap_or(0)]
                .winner_name
                .as_deref()
                .unwrap_or("no recommendation");
            if e.needs_all {
                let how = if e.reproduces {
                    "only all their differences together"
                } else {
                    "not even all their answers together"
                };
                let _ = writeln!(
                    o,
                    "  {} → {}'s {target}: {how} ({})",
                    e.from_team,
                    e.to_team,
                    switch_text(&e.sets[0])
                );
            } else {
                let alts: Vec<String> = e.sets.iter().map(|s| switch_text(s)).collect();
                let _ = writeln!(
                    o,
                    "  {} → {}'s {target}: {}",
                    e.from_team,
                    e.to_team,
                    alts.join("; or ")
                );
            }
        }
    }
    o
}

/// Markdown tables for a wiki or pull request.
pub fn render_markdown(c: &Comparison) -> String {
    use crate::report::markdown::esc;
    use std::fmt::Write;
    let mut o = String::from("# tradeoff: comparing teams\n\n## Answers\n\n| Question |");
    for t in &c.teams {
        let _ = write!(o, " {} |", esc(t));
    }
    o.push_str("\n|---|");
    o.push_str(&"---|".repeat(c.teams.len()));
    o.push('\n');
    for r in &c.answers {
        let title = if r.differs {
            format!("**{}**", esc(&r.title))
        } else {
            esc(&r.title)
        };
        let _ = write!(o, "| {title} |");
        for l in &r.labels {
            let _ = write!(o, " {} |", l.as_deref().map_or("*skipped*".into(), esc));
        }
        o.push('\n');
    }
    for p in &c.packs {
        let _ = writeln!(
            o,
            "\n## {}\n\n| Team | Recommendation | Score |\n|---|---|---:|",
            esc(&p.name)
        );
        for (t, r) in c.teams.iter().zip(&p.results) {
            let _ = writeln!(
                o,
                "| {} | {} | {} |",
                esc(t),
                esc(r.winner_name.as_deref().unwrap_or("none")),
                r.score.map_or(String::new(), |s| format!("{s:.1}"))
            );
        }
        o.push('\n');
        if p.same_winner {
            o.push_str("Same recommendation for every team.\n");
        }
        for e in &p.explanations {
            let alts: Vec<String> = e.sets.iter().map(|s| esc(&switch_text(s))).collect();
            let lead = if e.needs_all {
                "all differences together: "
            } else {
                ""
            };
            let _ = writeln!(
                o,
                "- {} → {}: {lead}{}",
                esc(&e.from_team),
                esc(&e.to_team),
                alts.join("; or ")
            );
        }
    }
    o
}
