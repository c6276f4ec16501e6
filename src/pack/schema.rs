//! The on-disk TOML schema of decision data, as serde types.
//!
//! These types mirror the files one to one and keep the source spans of every value that a later
//! check may need to point at. Nothing here knows about the engine: `pack::compile` turns them into
//! the index-based model the engine scores.
//!
//! Build-script boundary: build.rs compiles this file into a crate of its own (to snapshot the
//! built-in data), so it may use only `pack`'s build files, `dates`, `safe` and `suggest` (and serde,
//! toml, fuzzy-matcher, strsim, postcard, libm); tests/boundary.rs checks it.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// `data/sources.toml`: every reference the other files cite, by id.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    #[serde(default, rename = "source")]
    pub sources: Vec<SourceDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDef {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    /// An https URL. Only a source that has none (the seed report) may leave it out, and then it
    /// must say where it can be found in `citation`.
    #[serde(default)]
    pub url: Option<Spanned<String>>,
    #[serde(default)]
    pub citation: Option<String>,
    /// When someone last opened the source and checked what the data says about it (YYYY-MM-DD).
    pub verified: Spanned<String>,
    /// What was checked there, in a sentence: the facts this source backs.
    #[serde(default)]
    pub checked: Option<String>,
}

/// `data/questions.toml` (shared questions) and the `[[question]]` tables of a pack.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionsFile {
    pub verified: Spanned<String>,
    /// Days after `verified` when the file's facts are due to be checked again.
    #[serde(default)]
    pub review_days: Option<Spanned<i64>>,
    #[serde(default, rename = "question")]
    pub questions: Vec<QuestionDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionDef {
    pub id: Spanned<String>,
    /// A short label for tables and summaries ("Team size").
    pub title: Spanned<String>,
    pub prompt: Spanned<String>,
    /// Why the question matters for the decision.
    pub help: Spanned<String>,
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
    #[serde(rename = "choice")]
    pub choices: Spanned<Vec<ChoiceDef>>,
    /// The question is asked only when these answers hold (the form of a rule's `when`; each key
    /// an earlier question): a follow-up question.
    #[serde(default)]
    pub when: Option<Spanned<Conditions>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceDef {
    pub id: Spanned<String>,
    pub label: Spanned<String>,
    #[serde(default)]
    pub detail: Option<String>,
}

/// `data/packs/<id>.toml`: one decision.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    /// A short name (at most 16 characters) for tabs and the stack line when the name does not fit.
    #[serde(default)]
    pub short: Option<Spanned<String>>,
    pub description: Spanned<String>,
    pub verified: Spanned<String>,
    /// Days after `verified` when the pack's facts are due to be checked again.
    #[serde(default)]
    pub review_days: Option<Spanned<i64>>,
    /// Lower numbers are scored and shown first.
    #[serde(default)]
    pub order: Option<i64>,
    #[serde(default, rename = "question")]
    pub questions: Vec<QuestionDef>,
    #[serde(rename = "criterion")]
    pub criteria: Spanned<Vec<CriterionDef>>,
    /// `None` when the file has none, or when its `[[alternative]]` tables are parsed one by one
    /// (see `pack::split`).
    #[serde(default, rename = "alternative")]
    pub alternatives: Option<Spanned<Vec<AlternativeDef>>>,
    #[serde(default, rename = "rule")]
    pub rules: Vec<RuleDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionDef {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub description: Spanned<String>,
    /// Base weight before any rule changes it; any number ≥ 0.
    pub weight: Spanned<f64>,
    /// What a score means on this criterion: keys "0", "5" and "10" at least.
    pub scale: Spanned<BTreeMap<Spanned<String>, String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlternativeDef {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub summary: Spanned<String>,
    /// A short name (at most 21 characters) for narrow columns and the projector view: the name as
    /// AWS writes it, less words (Amazon, AWS), never a word of its own.
    #[serde(default)]
    pub short: Option<Spanned<String>>,
    #[serde(default)]
    pub status: Option<Spanned<String>>,
    /// Criterion id → score with its rationale.
    pub scores: Spanned<BTreeMap<Spanned<String>, Spanned<ScoreDef>>>,
    pub sources: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    pub next_steps: Vec<String>,
    /// Warnings an expert raises whenever this alternative is recommended, under any answers.
    #[serde(default)]
    pub caveats: Vec<Spanned<NoteDef>>,
}

/// A caveat that belongs to the alternative itself.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteDef {
    pub text: Spanned<String>,
    #[serde(default)]
    pub source: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreDef {
    pub score: Spanned<f64>,
    pub why: Spanned<String>,
    #[serde(default)]
    pub source: Option<Spanned<String>>,
    /// Why no source supports this score (a judgement, or the neutral middle the rules move), in
    /// place of `source`: the built-in data gives every score one or the other.
    #[serde(default)]
    pub unsourced: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    pub id: Spanned<String>,
    /// Question id → one choice id or a list of them; every entry must hold (AND), a list means any of
    /// its choices (OR). A rule on a skipped question never fires.
    #[serde(default)]
    pub when: Option<Spanned<Conditions>>,
    /// A list of tables of the same form as `when`: the rule does not fire when all the entries of
    /// any one table hold. A skipped question does not hold, so `unless = [{ q = "yes" }]` means
    /// "unless the team answered yes".
    #[serde(default)]
    pub unless: Option<Spanned<Vec<Spanned<Conditions>>>>,
    /// Another pack's id → the alternative(s) that must win it for this rule to fire: how a caveat
    /// or a next step fits the whole stack. Such a rule may only add caveats and next steps, so
    /// that no score depends on another pack's result.
    #[serde(default)]
    pub stack: Option<Spanned<Conditions>>,
    /// Criterion id → factor that multiplies its weight.
    #[serde(default)]
    pub weights: Option<Spanned<BTreeMap<Spanned<String>, Spanned<f64>>>>,
    #[serde(default)]
    pub adjust: Vec<Spanned<AdjustDef>>,
    #[serde(default)]
    pub veto: Vec<Spanned<VetoDef>>,
    #[serde(default)]
    pub caveat: Vec<Spanned<CaveatDef>>,
    /// Next steps added to an alternative's own when the rule fires.
    #[serde(default)]
    pub next_step: Vec<Spanned<StepDef>>,
    /// Why the weights change (shown with the weight change).
    #[serde(default)]
    pub reason: Option<String>,
}

/// Id → one id or a list of them, as in `when` and `stack`.
pub type Conditions = BTreeMap<Spanned<String>, Spanned<OneOrMany>>;

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn as_slice(&self) -> &[String] {
        match self {
            OneOrMany::One(s) => std::slice::from_ref(s),
            OneOrMany::Many(v) => v,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdjustDef {
    pub alternative: Spanned<String>,
    pub criterion: Spanned<String>,
    /// Added to the alternative's score on the criterion. The checks make sure that the deltas of
    /// rules that can fire together never take a score off the 0–10 scale.
    pub delta: Spanned<f64>,
    pub reason: Spanned<String>,
    #[serde(default)]
    pub source: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VetoDef {
    pub alternative: Spanned<String>,
    pub reason: Spanned<String>,
    #[serde(default)]
    pub source: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaveatDef {
    pub alternative: Spanned<String>,
    pub text: Spanned<String>,
    #[serde(default)]
    pub source: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepDef {
    pub alternative: Spanned<String>,
    pub text: Spanned<String>,
    /// Where the step goes among the alternative's next steps, from 1; after them when absent.
    #[serde(default)]
    pub at: Option<Spanned<i64>>,
    #[serde(default)]
    pub source: Option<Spanned<String>>,
}

/// `data/glossary.toml`: the concepts behind the decision, each with its source.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    pub verified: Spanned<String>,
    /// Days after `verified` when the glossary is due to be checked again.
    #[serde(default)]
    pub review_days: Option<Spanned<i64>>,
    #[serde(default, rename = "term")]
    pub terms: Vec<TermDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermDef {
    pub id: Spanned<String>,
    pub term: Spanned<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub definition: Spanned<String>,
    /// Why the concept matters for this decision.
    pub why: Spanned<String>,
    pub source: Spanned<String>,
    #[serde(default)]
    pub related: Vec<Spanned<String>>,
}
