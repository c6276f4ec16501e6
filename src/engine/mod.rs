//! The decision engine: scoring, vetoes, explanations, counterfactuals, weight sensitivity and
//! robustness. No terminal, no files: `analyze` turns a catalog and answers into a
//! [`Recommendation`], the one value every view (TUI, CLI text, JSON, Markdown) renders.

pub mod counterfactual;
pub mod robustness;
pub mod score;
pub mod sensitivity;

use serde::Serialize;

use crate::answers::Answers;
use crate::pack::{Catalog, Pack};
pub use score::{Evaluation, evaluate};

/// Version of the JSON schema (`docs/json-schema.md`); bumped on any breaking change.
pub const SCHEMA_VERSION: u32 = 1;
/// A margin below this many points (of 100) is a close call.
pub const CLOSE_CALL_POINTS: f64 = 5.0;
/// A margin below this many points is a tie.
pub const TIE_POINTS: f64 = 0.5;
/// The winner is robust when it wins at least this share of the weight samples.
pub const ROBUST_SHARE: f64 = 0.8;

#[derive(Debug, Clone, Serialize)]
pub struct Recommendation {
    pub schema_version: u32,
    /// The oldest verified date of the data: its facts are at least this fresh.
    pub data_verified: String,
    pub answers: Vec<AnswerRecord>,
    pub method: Method,
    pub packs: Vec<PackResult>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AnswerRecord {
    pub question: String,
    pub title: String,
    /// `None` when skipped.
    pub choice: Option<String>,
    pub label: Option<String>,
}

/// The constants of the method, so every output documents how it was computed.
#[derive(Debug, Clone, Serialize)]
pub struct Method {
    pub scoring: &'static str,
    pub close_call_points: f64,
    pub tie_points: f64,
    pub robust_share: f64,
    pub samples: usize,
    pub weight_noise: f64,
    #[serde(serialize_with = "seed_as_string")]
    pub seed: u64,
}

/// The seed goes into JSON as a string: as a number it is above 2^53, which jq 1.6 and
/// JavaScript would read as a different number.
fn seed_as_string<S: serde::Serializer>(seed: &u64, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(seed)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The winner wins at least `ROBUST_SHARE` of the weight samples and is not tied.
    Robust,
    /// The winner is ahead but loses too often when the weights move.
    Fragile,
    /// The top two are within `TIE_POINTS`.
    Tie,
    /// Only one alternative is left after vetoes: nothing to compare it with.
    Unopposed,
    /// Every alternative is excluded.
    None,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Robust => "robust",
            Verdict::Fragile => "fragile",
            Verdict::Tie => "tie",
            Verdict::Unopposed => "unopposed",
            Verdict::None => "none",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PackResult {
    pub id: String,
    pub name: String,
    pub winner: Option<String>,
    pub runner_up: Option<String>,
    /// Winner's score minus runner-up's, in points of 100 (rounded like the scores).
    pub margin: Option<f64>,
    pub close_call: bool,
    pub verdict: Verdict,
    /// Caveats of the winner under these answers.
    pub caveats: Vec<CaveatOut>,
    /// Best first; excluded alternatives last, in data order.
    pub ranking: Vec<RankedAlternative>,
    pub weights: Vec<WeightOut>,
    pub rules_fired: Vec<FiredRule>,
    /// Every other choice of every question the pack depends on.
    pub counterfactuals: Vec<Counterfactual>,
    /// The smallest sets of answer changes (one, else two) that change the winner.
    pub flips: Flips,
    pub sensitivity: Vec<Sensitivity>,
    pub robustness: Robustness,
}

#[derive(Debug, Clone, Serialize)]
pub struct RankedAlternative {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub status: Option<String>,
    /// 1-based; `None` when excluded.
    pub rank: Option<usize>,
    /// 0–100, one decimal.
    pub score: f64,
    #[serde(skip)]
    pub exact_score: f64,
    pub excluded: bool,
    pub exclusions: Vec<Exclusion>,
    /// One per criterion; the points sum exactly to `score`.
    pub contributions: Vec<Contribution>,
    pub adjustments: Vec<Adjustment>,
    /// Share of weight samples this alternative wins.
    pub win_probability: f64,
    pub sources: Vec<SourceOut>,
    pub next_steps: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Contribution {
    pub criterion: String,
    pub name: String,
    /// This criterion's share of the total weight, 0–1.
    pub weight_share: f64,
    /// The 0–10 score used (after adjustments).
    pub score: f64,
    /// The data's score before adjustments.
    pub base_score: f64,
    /// weight share × score × 10, one decimal; the points of one alternative sum to its score.
    pub points: f64,
    #[serde(skip)]
    pub exact_points: f64,
    pub why: String,
}

/// The answer that made a rule fire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Because {
    pub question: String,
    pub title: String,
    pub choice: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Exclusion {
    pub rule: String,
    pub reason: String,
    pub because: Vec<Because>,
    pub source: Option<SourceOut>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Adjustment {
    pub rule: String,
    pub criterion: String,
    pub delta: f64,
    pub reason: String,
    pub because: Vec<Because>,
    pub source: Option<SourceOut>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CaveatOut {
    pub rule: String,
    pub text: String,
    pub because: Vec<Because>,
    pub source: Option<SourceOut>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceOut {
    pub id: String,
    pub title: String,
    pub url: Option<String>,
    pub citation: Option<String>,
    pub verified: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct WeightOut {
    pub criterion: String,
    pub name: String,
    pub base: f64,
    pub effective: f64,
    /// Share of the total effective weight, 0–1.
    pub share: f64,
    pub factors: Vec<WeightFactor>,
}

#[derive(Debug, Clone, Serialize)]
pub struct WeightFactor {
    pub rule: String,
    pub factor: f64,
    pub reason: Option<String>,
    pub because: Vec<Because>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FiredRule {
    pub id: String,
    pub reason: Option<String>,
    pub because: Vec<Because>,
    /// Each effect, in words ("weight of Portability ×2", "excludes AWS App Runner: …").
    pub effects: Vec<RuleEffect>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EffectKind {
    Weight,
    Adjust,
    Veto,
    Caveat,
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleEffect {
    pub kind: EffectKind,
    /// The alternative it concerns; `None` for a weight change (it concerns all).
    pub alternative: Option<String>,
    pub text: String,
}

impl FiredRule {
    /// The effects worth reading next to a comparison of `alternatives`: every weight change and
    /// exclusion, and the score changes of those alternatives. Caveats show under the winner instead.
    pub fn effects_about<'a>(
        &'a self,
        alternatives: &'a [&str],
    ) -> impl Iterator<Item = &'a str> + 'a {
        self.effects
            .iter()
            .filter(move |e| match e.kind {
                EffectKind::Weight | EffectKind::Veto => true,
                EffectKind::Adjust => e
                    .alternative
                    .as_deref()
                    .is_some_and(|a| alternatives.contains(&a)),
                EffectKind::Caveat => false,
            })
            .map(|e| e.text.as_str())
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Counterfactual {
    pub question: String,
    pub title: String,
    /// `None` when the question was skipped.
    pub from: Option<String>,
    pub to: String,
    pub to_label: String,
    pub winner: Option<String>,
    pub winner_name: Option<String>,
    pub changes_winner: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct AnswerChange {
    pub question: String,
    pub title: String,
    pub from: Option<String>,
    pub to: String,
    pub to_label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FlipSet {
    pub changes: Vec<AnswerChange>,
    pub winner: Option<String>,
    pub winner_name: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Flips {
    /// 1 or 2; `None` when no change of one or two answers changes the winner.
    pub size: Option<usize>,
    pub sets: Vec<FlipSet>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Sensitivity {
    pub criterion: String,
    pub name: String,
    /// The relative weight change at which the winner changes (+0.5 = ×1.5), or `None`.
    pub flip_at: Option<f64>,
    pub new_winner: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Robustness {
    pub verdict: Verdict,
    pub winner_probability: f64,
    pub rule: String,
    pub samples: usize,
    pub weight_noise: f64,
    #[serde(serialize_with = "seed_as_string")]
    pub seed: u64,
}

pub fn method() -> Method {
    Method {
        scoring: "vetoes first, then score = 100 × Σ(w·s) / (10 × Σw) over fixed 0–10 scales",
        close_call_points: CLOSE_CALL_POINTS,
        tie_points: TIE_POINTS,
        robust_share: ROBUST_SHARE,
        samples: robustness::SAMPLES,
        weight_noise: robustness::NOISE,
        seed: robustness::SEED,
    }
}

pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0 + 0.0
}
pub fn round3(x: f64) -> f64 {
    // `+ 0.0` turns −0.0 into 0.0, so JSON never says `-0.0`.
    (x * 1000.0).round() / 1000.0 + 0.0
}

/// Rounds `parts` to one decimal so that they sum exactly to `round1(total)` (largest remainder).
pub fn round_parts(parts: &[f64], total: f64) -> Vec<f64> {
    let target = (total * 10.0).round() as i64;
    let mut tenths: Vec<i64> = parts.iter().map(|p| (p * 10.0).floor() as i64).collect();
    let mut missing = target - tenths.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| {
        let ra = parts[a] * 10.0 - tenths[a] as f64;
        let rb = parts[b] * 10.0 - tenths[b] as f64;
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    let mut i = 0;
    while missing > 0 && !order.is_empty() {
        tenths[order[i % order.len()]] += 1;
        missing -= 1;
        i += 1;
    }
    while missing < 0 && !order.is_empty() {
        let j = order[order.len() - 1 - (i % order.len())];
        if tenths[j] > 0 {
            tenths[j] -= 1;
            missing += 1;
        }
        i += 1;
    }
    tenths.into_iter().map(|t| t as f64 / 10.0).collect()
}

/// Everything about the answers, for the packs given (all packs when `packs` is empty).
pub fn analyze(catalog: &Catalog, answers: &Answers, packs: &[usize]) -> Recommendation {
    let answer_records = catalog
        .questions
        .iter()
        .zip(&answers.choices)
        .map(|(q, c)| AnswerRecord {
            question: q.id.clone(),
            title: q.title.clone(),
            choice: c.map(|ci| q.choices[ci].id.clone()),
            label: c.map(|ci| q.choices[ci].label.clone()),
        })
        .collect();
    let all: Vec<usize> = (0..catalog.packs.len()).collect();
    let packs = if packs.is_empty() { &all[..] } else { packs };
    Recommendation {
        schema_version: SCHEMA_VERSION,
        data_verified: catalog.verified.clone(),
        answers: answer_records,
        method: method(),
        packs: packs
            .iter()
            .map(|&p| analyze_pack(catalog, &catalog.packs[p], &answers.choices))
            .collect(),
    }
}

fn source_out(catalog: &Catalog, s: usize) -> SourceOut {
    let s = &catalog.sources[s];
    SourceOut {
        id: s.id.clone(),
        title: s.title.clone(),
        url: s.url.clone(),
        citation: s.citation.clone(),
        verified: s.verified.clone(),
    }
}

fn because(catalog: &Catalog, pack: &Pack, rule: usize, answers: &[Option<usize>]) -> Vec<Because> {
    pack.rules[rule]
        .when
        .iter()
        .filter_map(|c| {
            let q = &catalog.questions[c.question];
            answers[c.question].map(|ci| Because {
                question: q.id.clone(),
                title: q.title.clone(),
                choice: q.choices[ci].id.clone(),
                label: q.choices[ci].label.clone(),
            })
        })
        .collect()
}

fn fmt_factor(f: f64) -> String {
    let s = format!("{f:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The full analysis of one pack.
pub fn analyze_pack(catalog: &Catalog, pack: &Pack, answers: &[Option<usize>]) -> PackResult {
    let ev = evaluate(pack, answers);
    let ranking = ev.ranking();
    let winner = ranking.first().copied();
    let runner_up = ranking.get(1).copied();
    let n_choices: Vec<usize> = catalog.questions.iter().map(|q| q.choices.len()).collect();

    // Robustness first: every ranked alternative carries its win probability.
    let counts = robustness::win_counts(pack, &ev);
    let prob = |a: usize| round3(counts[a] as f64 / robustness::SAMPLES as f64);

    let mut out_rank = Vec::with_capacity(pack.alternatives.len());
    let listed: Vec<usize> = ranking
        .iter()
        .copied()
        .chain((0..pack.alternatives.len()).filter(|&a| ev.excluded[a]))
        .collect();
    for (pos, &a) in listed.iter().enumerate() {
        let alt = &pack.alternatives[a];
        let exact: Vec<f64> = (0..pack.criteria.len())
            .map(|k| {
                if ev.total_weight > 0.0 {
                    10.0 * ev.weights[k] * ev.cell(pack, a, k) / ev.total_weight
                } else {
                    0.0
                }
            })
            .collect();
        let rounded = round_parts(&exact, ev.scores[a]);
        let contributions = pack
            .criteria
            .iter()
            .enumerate()
            .map(|(k, c)| Contribution {
                criterion: c.id.clone(),
                name: c.name.clone(),
                weight_share: if ev.total_weight > 0.0 {
                    round3(ev.weights[k] / ev.total_weight)
                } else {
                    0.0
                },
                score: round1(ev.cell(pack, a, k)),
                base_score: alt.scores[k].value,
                points: rounded[k],
                exact_points: exact[k],
                why: alt.scores[k].why.clone(),
            })
            .collect();
        let mut exclusions = Vec::new();
        let mut adjustments = Vec::new();
        for &ri in &ev.fired {
            let rule = &pack.rules[ri];
            for v in rule.vetoes.iter().filter(|v| v.alternative == a) {
                exclusions.push(Exclusion {
                    rule: rule.id.clone(),
                    reason: v.reason.clone(),
                    because: because(catalog, pack, ri, answers),
                    source: v.source.map(|s| source_out(catalog, s)),
                });
            }
            for adj in rule.adjusts.iter().filter(|x| x.alternative == a) {
                adjustments.push(Adjustment {
                    rule: rule.id.clone(),
                    criterion: pack.criteria[adj.criterion].id.clone(),
                    delta: adj.delta,
                    reason: adj.reason.clone(),
                    because: because(catalog, pack, ri, answers),
                    source: adj.source.map(|s| source_out(catalog, s)),
                });
            }
        }
        let excluded = ev.excluded[a];
        out_rank.push(RankedAlternative {
            id: alt.id.clone(),
            name: alt.name.clone(),
            summary: alt.summary.clone(),
            status: alt.status.clone(),
            rank: (!excluded).then_some(pos + 1),
            score: round1(ev.scores[a]),
            exact_score: ev.scores[a],
            excluded,
            exclusions,
            contributions,
            adjustments,
            win_probability: prob(a),
            sources: alt
                .sources
                .iter()
                .map(|&s| source_out(catalog, s))
                .collect(),
            next_steps: alt.next_steps.clone(),
        });
    }

    let mut caveats = Vec::new();
    let mut rules_fired = Vec::new();
    let mut factors: Vec<Vec<WeightFactor>> = vec![Vec::new(); pack.criteria.len()];
    for &ri in &ev.fired {
        let rule = &pack.rules[ri];
        let b = because(catalog, pack, ri, answers);
        let mut effects = Vec::new();
        for &(k, f) in &rule.weights {
            effects.push(RuleEffect {
                kind: EffectKind::Weight,
                alternative: None,
                text: format!("weight of {} ×{}", pack.criteria[k].name, fmt_factor(f)),
            });
            factors[k].push(WeightFactor {
                rule: rule.id.clone(),
                factor: f,
                reason: rule.reason.clone(),
                because: b.clone(),
            });
        }
        for adj in &rule.adjusts {
            effects.push(RuleEffect {
                kind: EffectKind::Adjust,
                alternative: Some(pack.alternatives[adj.alternative].id.clone()),
                text: format!(
                    "{} {:+} on {}: {}",
                    pack.alternatives[adj.alternative].name,
                    adj.delta,
                    pack.criteria[adj.criterion].name,
                    adj.reason
                ),
            });
        }
        for v in &rule.vetoes {
            effects.push(RuleEffect {
                kind: EffectKind::Veto,
                alternative: Some(pack.alternatives[v.alternative].id.clone()),
                text: format!(
                    "excludes {}: {}",
                    pack.alternatives[v.alternative].name, v.reason
                ),
            });
        }
        for c in &rule.caveats {
            effects.push(RuleEffect {
                kind: EffectKind::Caveat,
                alternative: Some(pack.alternatives[c.alternative].id.clone()),
                text: format!(
                    "caveat for {}: {}",
                    pack.alternatives[c.alternative].name, c.text
                ),
            });
            if Some(c.alternative) == winner {
                caveats.push(CaveatOut {
                    rule: rule.id.clone(),
                    text: c.text.clone(),
                    because: b.clone(),
                    source: c.source.map(|s| source_out(catalog, s)),
                });
            }
        }
        rules_fired.push(FiredRule {
            id: rule.id.clone(),
            reason: rule.reason.clone(),
            because: b,
            effects,
        });
    }
    let weights = pack
        .criteria
        .iter()
        .enumerate()
        .zip(factors)
        .map(|((k, c), factors)| WeightOut {
            criterion: c.id.clone(),
            name: c.name.clone(),
            base: c.weight,
            effective: round3(ev.weights[k]),
            share: if ev.total_weight > 0.0 {
                round3(ev.weights[k] / ev.total_weight)
            } else {
                0.0
            },
            factors,
        })
        .collect();

    let alt_id = |a: Option<usize>| a.map(|a| pack.alternatives[a].id.clone());
    let alt_name = |a: Option<usize>| a.map(|a| pack.alternatives[a].name.clone());
    let change = |q: usize, c: usize| {
        let question = &catalog.questions[q];
        AnswerChange {
            question: question.id.clone(),
            title: question.title.clone(),
            from: answers[q].map(|ci| question.choices[ci].id.clone()),
            to: question.choices[c].id.clone(),
            to_label: question.choices[c].label.clone(),
        }
    };
    let singles = counterfactual::single_changes(pack, &n_choices, answers);
    let counterfactuals: Vec<Counterfactual> = singles
        .iter()
        .map(|s| {
            let q = &catalog.questions[s.question];
            Counterfactual {
                question: q.id.clone(),
                title: q.title.clone(),
                from: s.from.map(|ci| q.choices[ci].id.clone()),
                to: q.choices[s.to].id.clone(),
                to_label: q.choices[s.to].label.clone(),
                winner: alt_id(s.winner),
                winner_name: alt_name(s.winner),
                changes_winner: s.winner != winner,
            }
        })
        .collect();
    let single_flips: Vec<FlipSet> = singles
        .iter()
        .filter(|s| s.winner != winner)
        .map(|s| FlipSet {
            changes: vec![change(s.question, s.to)],
            winner: alt_id(s.winner),
            winner_name: alt_name(s.winner),
        })
        .collect();
    let flips = if !single_flips.is_empty() {
        Flips {
            size: Some(1),
            sets: single_flips,
        }
    } else {
        let pairs = counterfactual::pair_flips(pack, &n_choices, answers, winner);
        Flips {
            size: (!pairs.is_empty()).then_some(2),
            sets: pairs
                .into_iter()
                .map(|((q1, c1), (q2, c2), w)| FlipSet {
                    changes: vec![change(q1, c1), change(q2, c2)],
                    winner: alt_id(w),
                    winner_name: alt_name(w),
                })
                .collect(),
        }
    };

    let flips_w = winner.map(|w| sensitivity::weight_flips(pack, &ev, w));
    let sensitivity = pack
        .criteria
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let f = flips_w.as_ref().and_then(|v| v[k]);
            Sensitivity {
                criterion: c.id.clone(),
                name: c.name.clone(),
                flip_at: f.map(|f| round3(f.relative_change)),
                new_winner: f.map(|f| pack.alternatives[f.new_winner].id.clone()),
            }
        })
        .collect();

    let margin_exact = match (winner, runner_up) {
        (Some(w), Some(r)) => Some(ev.scores[w] - ev.scores[r]),
        _ => None,
    };
    let margin = match (winner, runner_up) {
        (Some(w), Some(r)) => Some(round1(round1(ev.scores[w]) - round1(ev.scores[r]))),
        _ => None,
    };
    let winner_probability = winner.map_or(0.0, prob);
    let verdict = match (winner, margin_exact) {
        (None, _) => Verdict::None,
        (Some(_), None) => Verdict::Unopposed,
        (Some(_), Some(m)) if m < TIE_POINTS => Verdict::Tie,
        (Some(_), Some(_)) if winner_probability >= ROBUST_SHARE => Verdict::Robust,
        _ => Verdict::Fragile,
    };
    PackResult {
        id: pack.id.clone(),
        name: pack.name.clone(),
        winner: alt_id(winner),
        runner_up: alt_id(runner_up),
        margin,
        close_call: margin_exact.is_some_and(|m| m < CLOSE_CALL_POINTS),
        verdict,
        caveats,
        ranking: out_rank,
        weights,
        rules_fired,
        counterfactuals,
        flips,
        sensitivity,
        robustness: Robustness {
            verdict,
            winner_probability,
            rule: format!(
                "tie if the margin is under {TIE_POINTS} points; robust if the winner wins at least {:.0}% of {} samples with every weight scaled by U[{}, {}]; fragile otherwise",
                ROBUST_SHARE * 100.0,
                robustness::SAMPLES,
                1.0 - robustness::NOISE,
                1.0 + robustness::NOISE
            ),
            samples: robustness::SAMPLES,
            weight_noise: robustness::NOISE,
            seed: robustness::SEED,
        },
    }
}
