//! The result of an analysis: the one value every view renders (TUI, text, Markdown, HTML, JSON).
//! These types are the JSON contract (`docs/json-schema.md`): fields are added, never renamed or
//! removed within a schema version. The computation lives in `analyze`.

use crate::pack::SharedStr;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Recommendation {
    pub schema_version: u32,
    /// The oldest verified date of the data: its facts are at least this fresh.
    pub data_verified: SharedStr,
    /// How old the data is, and whether it is old enough to warn about.
    pub data: Freshness,
    pub answers: Vec<AnswerRecord>,
    pub method: Method,
    /// The winner of every pack of the data (also those not asked for), in pack order: the stack
    /// as a whole.
    pub stack: Vec<StackPart>,
    pub packs: Vec<PackResult>,
    /// Set on an export from the what-if screen: this is a scenario, not the team's answers, and
    /// what it changed. Absent from an ordinary recommendation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scenario: Option<Scenario>,
    /// The weights the user changed from the data's (`--weight`, the TUI's live weights, a demo
    /// step), in pack and criterion order; empty when every weight is the data's. Every format
    /// says them, since they change what the scores mean.
    pub weights_changed: Vec<WeightChange>,
    /// The room's poll (`recommend --poll`, `--poll-dir`, the TUI's poll), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub poll: Option<PollResult>,
}

/// One criterion weight the user changed: from the data's to the user's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeightChange {
    pub pack: SharedStr,
    pub pack_name: SharedStr,
    pub criterion: SharedStr,
    pub name: SharedStr,
    /// The data's weight.
    pub from: f64,
    /// The weight used.
    pub to: f64,
}

/// A what-if scenario: the answers that differ from those it started from (changed weights are
/// said in `weights_changed`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scenario {
    /// One line per change, in question order.
    pub changed: Vec<ScenarioChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioChange {
    /// `answer` (a question's answer); other kinds (a criterion's weight) may follow.
    pub kind: SharedStr,
    /// The question's id.
    pub id: SharedStr,
    /// The question's title.
    pub title: SharedStr,
    /// The labels before and in the scenario; `None`: not answered.
    pub from: Option<SharedStr>,
    pub to: Option<SharedStr>,
}

/// How old the data's facts are on the day of the analysis.
#[derive(Debug, Clone, Serialize)]
pub struct Freshness {
    /// The oldest verified date of the data files.
    pub verified: SharedStr,
    /// The day the analysis was made (the day the data was loaded).
    pub as_of: SharedStr,
    /// Days from `verified` to `as_of`; negative when the clock is behind the data.
    pub age_days: i64,
    /// True when `age_days` is more than `stale_after_days`: every view then warns.
    pub stale: bool,
    pub stale_after_days: i64,
    /// The day the data asks to be checked again (its verified date plus the review interval the
    /// data sets), or `None` when the data sets none.
    pub next_review: Option<SharedStr>,
    /// True when `next_review` is on or before `as_of`: every view then says the review is due.
    pub review_due: bool,
}

/// One pack's winner, as part of the whole stack.
#[derive(Debug, Clone, Serialize)]
pub struct StackPart {
    pub pack: SharedStr,
    pub pack_name: SharedStr,
    /// `None` when every alternative of the pack is excluded.
    pub winner: Option<SharedStr>,
    pub winner_name: Option<SharedStr>,
    /// The winner's short name, for one-line summaries.
    pub winner_short: Option<SharedStr>,
    /// The runner-up when the pack's verdict is a tie (within `TIE_POINTS`): then the stack names
    /// both, since the answers do not separate them.
    pub tied_with: Option<SharedStr>,
    pub tied_with_name: Option<SharedStr>,
    pub tied_with_short: Option<SharedStr>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AnswerRecord {
    pub question: SharedStr,
    pub title: SharedStr,
    /// `None` when skipped or not asked.
    pub choice: Option<SharedStr>,
    pub label: Option<SharedStr>,
    /// False for a follow-up question that does not apply to the other answers (its `when` does
    /// not hold): it was not asked, and an answer given to it counts as none.
    pub asked: bool,
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
    pub id: SharedStr,
    pub name: SharedStr,
    /// Short name for tabs and narrow lines (the name when the data gives none).
    pub short: SharedStr,
    /// The user folder of a user's own pack; `None` for a built-in one.
    pub origin: Option<SharedStr>,
    pub winner: Option<SharedStr>,
    pub runner_up: Option<SharedStr>,
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
    /// "Because you answered": every answer that changed something a reader sees (a weight, a
    /// shown score, an exclusion, an alternative kept eligible, a caveat or a next step of the
    /// winner), grouped by the answers, with what each changed.
    pub because: Vec<BecauseGroup>,
    /// Every other choice of every question the pack depends on.
    pub counterfactuals: Vec<Counterfactual>,
    /// The smallest sets of answer changes (one, else two) that change the winner.
    pub flips: Flips,
    pub sensitivity: Vec<Sensitivity>,
    pub robustness: Robustness,
    /// What the estimates rest on, when the alternatives have them (footprint answered in a priced
    /// pack); `None` otherwise.
    pub cost_basis: Option<CostBasis>,
}

/// What every monthly figure of a pack rests on, and how the cost criterion was computed.
#[derive(Debug, Clone, Serialize)]
pub struct CostBasis {
    /// "estimate, us-east-1 on-demand prices checked on 2026-12-07": shown with every figure.
    pub note: SharedStr,
    pub region: SharedStr,
    pub terms: SharedStr,
    /// The oldest date any price was checked.
    pub prices_checked: SharedStr,
    /// The criterion the estimates compute, or stand beside (its id).
    pub criterion: SharedStr,
    pub criterion_name: SharedStr,
    /// True when the estimates compute that criterion's scores; false when they are shown beside
    /// its hand scores.
    pub computed: bool,
    /// How the criterion is scored, in words (the curve when computed).
    pub curve: SharedStr,
    /// The alternative with the lowest estimate (its midpoint), excluded or not.
    pub cheapest: SharedStr,
    /// The alternatives no price table can estimate, with the reason (`cost` is `null` for them).
    pub not_priced: Vec<NotPriced>,
}

/// An alternative without an estimate, and why.
#[derive(Debug, Clone, Serialize)]
pub struct NotPriced {
    pub alternative: SharedStr,
    pub name: SharedStr,
    pub reason: SharedStr,
}

/// One alternative's monthly estimate in US dollars.
#[derive(Debug, Clone, Serialize)]
pub struct CostOut {
    pub monthly_usd: UsdRange,
    /// Paid with no traffic at all: cluster, load balancer and NAT gateway hours.
    pub fixed_usd: f64,
    /// What the estimate rests on, in plain words.
    pub assumptions: Vec<SharedStr>,
    /// Each priced line that applies, with its price.
    pub lines: Vec<CostLineOut>,
    /// Discounts that may apply, never included in the figures.
    pub levers: Vec<LeverOut>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct UsdRange {
    pub low: f64,
    pub high: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct CostLineOut {
    pub id: SharedStr,
    pub text: SharedStr,
    pub price: SharedStr,
    pub price_name: SharedStr,
    /// The unit price in US dollars, and its unit (`vcpu-hour`, `gb-second`, …).
    pub unit_usd: f64,
    pub unit: &'static str,
    pub monthly_usd: UsdRange,
    pub fixed: bool,
    pub source: Option<SourceOut>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LeverOut {
    pub id: SharedStr,
    pub name: SharedStr,
    /// The largest discount, 0–1.
    pub up_to: f64,
    pub text: SharedStr,
    pub source: Option<SourceOut>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RankedAlternative {
    pub id: SharedStr,
    pub name: SharedStr,
    pub summary: SharedStr,
    pub status: Option<SharedStr>,
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
    pub next_steps: Vec<SharedStr>,
    /// The monthly estimate; `None` when the footprint is skipped or the pack has no prices.
    pub cost: Option<CostOut>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Contribution {
    // Shared strings: a big pack's result holds one contribution per alternative and criterion.
    pub criterion: SharedStr,
    pub name: SharedStr,
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
    pub why: SharedStr,
    /// Why the score has no source, when the data says it is a judgement (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsourced: Option<SharedStr>,
}

/// The answer that made a rule fire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Because {
    pub question: SharedStr,
    pub title: SharedStr,
    /// `None` when the rule fired because the question was not answered.
    pub choice: Option<SharedStr>,
    /// The choice's label, or "not answered".
    pub label: SharedStr,
}

#[derive(Debug, Clone, Serialize)]
pub struct Exclusion {
    pub rule: SharedStr,
    pub reason: SharedStr,
    pub because: Vec<Because>,
    pub source: Option<SourceOut>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Adjustment {
    pub rule: SharedStr,
    pub criterion: SharedStr,
    pub delta: f64,
    pub reason: SharedStr,
    pub because: Vec<Because>,
    pub source: Option<SourceOut>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CaveatOut {
    /// The rule that raised it; `None` for a caveat of the alternative itself (shown whenever it
    /// is recommended).
    pub rule: Option<SharedStr>,
    pub text: SharedStr,
    pub because: Vec<Because>,
    /// The other packs' winners the rule needed (it fits the whole stack).
    pub with: Vec<WithWinner>,
    pub source: Option<SourceOut>,
}

/// Another pack's winner that made a rule fire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WithWinner {
    pub pack: SharedStr,
    pub pack_name: SharedStr,
    pub alternative: SharedStr,
    pub name: SharedStr,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceOut {
    pub id: SharedStr,
    pub title: SharedStr,
    pub url: Option<SharedStr>,
    pub citation: Option<SharedStr>,
    pub verified: SharedStr,
}

#[derive(Debug, Clone, Serialize)]
pub struct WeightOut {
    pub criterion: SharedStr,
    pub name: SharedStr,
    pub base: f64,
    /// The data's weight, when the user changed it (`base` is then the user's); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changed_from: Option<f64>,
    pub effective: f64,
    /// Share of the total effective weight, 0–1.
    pub share: f64,
    pub factors: Vec<WeightFactor>,
}

#[derive(Debug, Clone, Serialize)]
pub struct WeightFactor {
    pub rule: SharedStr,
    pub factor: f64,
    pub reason: Option<SharedStr>,
    pub because: Vec<Because>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FiredRule {
    pub id: SharedStr,
    pub reason: Option<SharedStr>,
    pub because: Vec<Because>,
    /// The other packs' winners the rule needed.
    pub with: Vec<WithWinner>,
    /// Each effect, in words ("weight of Portability ×2", "excludes AWS App Runner: …").
    pub effects: Vec<RuleEffect>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EffectKind {
    Weight,
    Adjust,
    Veto,
    Caveat,
    #[serde(rename = "next_step")]
    NextStep,
    /// A rule's exclusion that an answer kept from firing (the rule's `unless` held).
    Eligible,
    /// Another effect (a weight, a score, the winner's caveat or next step) that an answer kept from
    /// happening.
    Prevented,
}

/// Answers and what they changed, for "Because you answered".
#[derive(Debug, Clone, Serialize)]
pub struct BecauseGroup {
    pub answers: Vec<Because>,
    pub effects: Vec<RuleEffect>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleEffect {
    pub kind: EffectKind,
    /// The alternative it concerns; `None` for a weight change (it concerns all).
    pub alternative: Option<SharedStr>,
    pub text: SharedStr,
}

#[derive(Debug, Clone, Serialize)]
pub struct Counterfactual {
    pub question: SharedStr,
    pub title: SharedStr,
    /// `None` when the question was skipped.
    pub from: Option<SharedStr>,
    pub to: SharedStr,
    pub to_label: SharedStr,
    pub winner: Option<SharedStr>,
    pub winner_name: Option<SharedStr>,
    pub changes_winner: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct AnswerChange {
    pub question: SharedStr,
    pub title: SharedStr,
    pub from: Option<SharedStr>,
    pub to: SharedStr,
    pub to_label: SharedStr,
}

#[derive(Debug, Clone, Serialize)]
pub struct FlipSet {
    pub changes: Vec<AnswerChange>,
    pub winner: Option<SharedStr>,
    pub winner_name: Option<SharedStr>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Flips {
    /// 1 or 2; `None` when no change of one or two answers changes the winner.
    pub size: Option<usize>,
    pub sets: Vec<FlipSet>,
    /// False when a very large pack's pair search stopped before trying every pair: then no set
    /// found does not mean none exists.
    pub complete: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Sensitivity {
    pub criterion: SharedStr,
    pub name: SharedStr,
    /// The relative weight change at which the winner changes (+0.5 = ×1.5), or `None`.
    pub flip_at: Option<f64>,
    pub new_winner: Option<SharedStr>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Robustness {
    pub verdict: Verdict,
    pub winner_probability: f64,
    pub rule: SharedStr,
    pub samples: usize,
    pub weight_noise: f64,
    #[serde(serialize_with = "seed_as_string")]
    pub seed: u64,
}

/// A winner's caveats and next steps under a given stack (see `engine::winner_advice`).
#[derive(Debug, Clone, Serialize)]
pub struct Advice {
    pub winner: SharedStr,
    pub caveats: Vec<CaveatOut>,
    pub next_steps: Vec<SharedStr>,
}

/// What a poll of the room means (computed by `crate::poll::analyze`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PollResult {
    /// The polled questions: the room's spread, and how much each divides the room.
    pub questions: Vec<PolledQuestion>,
    /// Combinations of polled answers scored (those with at least one hand each).
    pub combinations: usize,
    /// Per pack decided: the share of the room's answer combinations each alternative wins.
    pub packs: Vec<PollPack>,
    /// The question that divides the room most (`null` when no polled answer changes the stack).
    pub divides_most: Option<SharedStr>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PolledQuestion {
    pub question: SharedStr,
    pub title: SharedStr,
    pub hands_total: u32,
    pub choices: Vec<PolledChoice>,
    /// How likely two people of the room who agree on every other polled question get a different
    /// stack because of their answers to this one, 0–1.
    pub divides: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PolledChoice {
    pub choice: SharedStr,
    pub label: SharedStr,
    pub hands: u32,
    /// Of the question's hands, 0–1.
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PollPack {
    pub pack: SharedStr,
    pub pack_name: SharedStr,
    /// Best first; alternatives that win no combination are left out.
    pub wins: Vec<PollWin>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PollWin {
    /// `null` when every alternative is excluded in these combinations.
    pub alternative: Option<SharedStr>,
    pub name: SharedStr,
    /// Of the room's answer combinations (weighted by the hands), 0–1.
    pub share: f64,
}
