//! The team comparison (not the comparison of alternatives, which is `tui::view::compare`): teams'
//! answers side by side, each team's recommendation per pack, and which of
//! the answers they differ on explain different outcomes, found with the engine's counterfactuals.
//! Teams are told apart by position (and their answers file), never by name: two files may well
//! name the same team. `report::teams` writes the result.

use serde::Serialize;

use crate::answers::Answers;
use crate::engine::{evaluate, round1};
use crate::pack::{Catalog, Pack};

#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// The JSON output's version (docs/json-schema.md), as the recommendation's.
    pub schema_version: u32,
    /// One label per team, all different: the team's name, followed by the shortest part of its
    /// file's path that tells it apart when another team has the same name.
    pub teams: Vec<String>,
    /// Each team's answers file as given on the command line; `None` when it came from elsewhere.
    pub files: Vec<Option<String>>,
    /// The oldest verified date of the data compared with.
    pub data_verified: String,
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
    /// "estimate, us-east-1 on-demand prices checked on …" when any team's result has a figure.
    pub cost_note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TeamResult {
    pub winner: Option<String>,
    pub winner_name: Option<String>,
    pub score: Option<f64>,
    /// The winner's monthly estimate, when the team answered the footprint (and the pack is
    /// priced): what each team's recommendation would cost, side by side.
    pub monthly_usd: Option<crate::engine::UsdRange>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    pub from_team: String,
    pub to_team: String,
    /// Positions of the two teams in `teams` (and in every `results`).
    pub from_index: usize,
    pub to_index: usize,
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

/// One team to compare: its name, where its answers came from, and the answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Team {
    pub name: String,
    pub file: Option<String>,
    pub answers: Answers,
}

impl Team {
    /// A team read from `file`: its `team` name, else the file's stem.
    pub fn from_file(file: &std::path::Path, answers: Answers) -> Team {
        let name = answers.team.clone().unwrap_or_else(|| {
            file.file_stem()
                .map_or("team".into(), |s| s.to_string_lossy().into_owned())
        });
        Team {
            name,
            file: Some(file.display().to_string()),
            answers,
        }
    }
}

/// Compares teams known by name only (equal names are told apart by their position).
pub fn compare(catalog: &Catalog, teams: &[(String, Answers)]) -> Comparison {
    let teams: Vec<Team> = teams
        .iter()
        .map(|(name, answers)| Team {
            name: name.clone(),
            file: None,
            answers: answers.clone(),
        })
        .collect();
    compare_teams(catalog, &teams)
}

/// A label per team, all different: the name alone when it is unique, else the name and the
/// shortest end of its file's path that no other team of that name shares
/// (`Platform (team-a/answers.toml)`), else the name and its position (`Platform (#2)`).
pub fn labels(names: &[String], files: &[Option<String>]) -> Vec<String> {
    let mut out: Vec<String> = names.to_vec();
    for (i, name) in names.iter().enumerate() {
        let same: Vec<usize> = (0..names.len()).filter(|&j| &names[j] == name).collect();
        if same.len() < 2 {
            continue;
        }
        out[i] = match path_suffix(i, &same, files) {
            Some(suffix) => format!("{name} ({suffix})"),
            None => format!("{name} (#{})", i + 1),
        };
    }
    // Still equal (one file given twice, or a label that is another team's name): number them.
    let taken = out.clone();
    for (i, label) in out.iter_mut().enumerate() {
        if taken.iter().filter(|t| *t == label).count() > 1 {
            label.push_str(&format!(" #{}", i + 1));
        }
    }
    out
}

/// The last path components of team `i`'s file that no other team in `same` ends with.
fn path_suffix(i: usize, same: &[usize], files: &[Option<String>]) -> Option<String> {
    let parts = |j: usize| -> Option<Vec<&str>> {
        let f = files.get(j)?.as_deref()?;
        Some(f.split(['/', '\\']).filter(|p| !p.is_empty()).collect())
    };
    let mine = parts(i)?;
    let others: Vec<Vec<&str>> = same
        .iter()
        .filter(|&&j| j != i)
        .map(|&j| parts(j).unwrap_or_default())
        .collect();
    let tail = |p: &[&str], k: usize| p[p.len().saturating_sub(k)..].join("/");
    (1..=mine.len())
        .map(|k| (k, tail(&mine, k)))
        .find(|(k, t)| others.iter().all(|o| tail(o, *k) != *t))
        .map(|(_, t)| t)
}

/// Compares teams: answers side by side, each team's winner per pack, and the answer switches that
/// explain different winners.
pub fn compare_teams(catalog: &Catalog, teams: &[Team]) -> Comparison {
    let teams_files: Vec<Option<String>> = teams.iter().map(|t| t.file.clone()).collect();
    let names = labels(
        &teams.iter().map(|t| t.name.clone()).collect::<Vec<_>>(),
        &teams_files,
    );
    let all: Vec<&Answers> = teams.iter().map(|t| &t.answers).collect();
    let answers = catalog
        .questions
        .iter()
        .enumerate()
        .map(|(qi, q)| {
            let labels: Vec<Option<String>> = all.iter().map(|a| label(catalog, qi, a)).collect();
            AnswerRow {
                question: q.id.to_string(),
                title: q.title.to_string(),
                differs: labels.windows(2).any(|w| w[0] != w[1]),
                labels,
            }
        })
        .collect();
    let packs = catalog
        .packs
        .iter()
        .map(|pack| pack_comparison(catalog, pack, &all, &names))
        .collect();
    Comparison {
        schema_version: crate::engine::SCHEMA_VERSION,
        files: teams_files,
        teams: names,
        data_verified: catalog.verified.to_string(),
        answers,
        packs,
    }
}

/// The label of a team's answer to question `qi`; `None` when skipped.
fn label(catalog: &Catalog, qi: usize, a: &Answers) -> Option<String> {
    a.choices[qi].map(|c| catalog.questions[qi].choices[c].label.to_string())
}

fn pack_comparison(
    catalog: &Catalog,
    pack: &Pack,
    teams: &[&Answers],
    names: &[String],
) -> PackComparison {
    let evs: Vec<_> = teams.iter().map(|a| evaluate(pack, &a.choices)).collect();
    let winners: Vec<Option<usize>> = evs.iter().map(|e| e.winner()).collect();
    let results: Vec<TeamResult> = evs
        .iter()
        .zip(&winners)
        .zip(teams)
        .map(|((e, w), a)| TeamResult {
            winner: w.map(|w| pack.alternatives[w].id.to_string()),
            winner_name: w.map(|w| pack.alternatives[w].name.to_string()),
            score: w.map(|w| round1(e.scores[w])),
            monthly_usd: w.and_then(|w| {
                let priced = crate::engine::cost_report::priced(pack, &a.choices)?;
                // An alternative no price can estimate has no figure (not a zero).
                if priced.pc.alternatives[w].unpriced.is_some() {
                    return None;
                }
                let e = &priced.estimates[w];
                Some(crate::engine::UsdRange {
                    low: crate::engine::cost_report::cents(e.low),
                    high: crate::engine::cost_report::cents(e.high),
                })
            }),
        })
        .collect();
    let cost_note = results
        .iter()
        .any(|r| r.monthly_usd.is_some())
        .then(|| crate::engine::cost_report::note(catalog))
        .flatten();
    let mut explanations = Vec::new();
    for i in 0..teams.len() {
        for j in 0..teams.len() {
            if i == j || winners[i] == winners[j] {
                continue;
            }
            let (sets, needs_all, reproduces) =
                explain(catalog, pack, teams[i], teams[j], winners[j]);
            explanations.push(Explanation {
                from_team: names[i].clone(),
                to_team: names[j].clone(),
                from_index: i,
                to_index: j,
                sets,
                needs_all,
                reproduces,
            });
        }
    }
    PackComparison {
        id: pack.id.to_string(),
        name: pack.name.to_string(),
        same_winner: winners.windows(2).all(|w| w[0] == w[1]),
        results,
        explanations,
        cost_note,
    }
}

/// The smallest sets of `b`'s answers (one, else two) that turn `a`'s winner into `target`, or
/// all differing answers together; whether only all of them do; whether even they do.
fn explain(
    catalog: &Catalog,
    pack: &Pack,
    a: &Answers,
    b: &Answers,
    target: Option<usize>,
) -> (Vec<Vec<Switch>>, bool, bool) {
    // Only the questions this pack reads can matter.
    let diff: Vec<usize> = pack
        .questions_used
        .iter()
        .copied()
        .filter(|&q| a.choices[q] != b.choices[q])
        .collect();
    let switch = |q: usize| Switch {
        question: catalog.questions[q].id.to_string(),
        title: catalog.questions[q].title.to_string(),
        from: label(catalog, q, a),
        to: label(catalog, q, b),
    };
    let gives = |qs: &[usize]| {
        let mut trial = a.choices.clone();
        for &q in qs {
            trial[q] = b.choices[q];
        }
        evaluate(pack, &trial).winner() == target
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
    (sets, needs_all, reproduces)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn equal_names_are_told_apart_by_the_end_of_their_path() {
        let names = s(&["answers", "answers", "Ops"]);
        let files = vec![
            Some("/tmp/x/team-a/answers.toml".to_string()),
            Some("/tmp/x/team-b/answers.toml".to_string()),
            Some("/tmp/x/ops.toml".to_string()),
        ];
        assert_eq!(
            labels(&names, &files),
            s(&[
                "answers (team-a/answers.toml)",
                "answers (team-b/answers.toml)",
                "Ops"
            ])
        );
    }

    #[test]
    fn the_same_file_twice_or_no_file_is_numbered() {
        let names = s(&["A", "A"]);
        let same = vec![Some("a.toml".to_string()), Some("a.toml".to_string())];
        let l = labels(&names, &same);
        assert_ne!(l[0], l[1]);
        assert_eq!(labels(&names, &[None, None]), s(&["A (#1)", "A (#2)"]));
        // A label that happens to be another team's name is still unique.
        let names = s(&["A", "A", "A (#2)"]);
        let l = labels(&names, &[None, None, None]);
        assert!(
            l.iter().all(|x| l.iter().filter(|y| *y == x).count() == 1),
            "{l:?}"
        );
    }
}
