//! The compiled decision data the engine scores: every reference resolved to an index.
//!
//! Build-script boundary: build.rs compiles this file into a crate of its own (to snapshot the
//! built-in data), so it may use only `pack`'s build files, `dates`, `safe` and `suggest` (and serde,
//! toml, fuzzy-matcher, strsim, postcard, libm); tests/boundary.rs checks it.

use super::condition::{Condition, StackCondition};
pub use super::shared_str::SharedStr;

/// Everything loaded from a data folder: sources, questions (shared first, then each pack's own)
/// and the packs in display order.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Catalog {
    pub sources: Vec<Source>,
    pub questions: Vec<Question>,
    pub packs: Vec<Pack>,
    /// Concepts from the seed report and the sources (empty when the data has no glossary).
    pub glossary: Vec<Term>,
    /// The price tables behind the estimates (`None` when the data has no prices.toml).
    pub prices: Option<super::cost::Prices>,
    /// The oldest `verified` date of any file: the facts are at least this fresh.
    pub verified: SharedStr,
    /// The earliest date (YYYY-MM-DD) a file asks to be checked again: its `verified` date plus its
    /// `review_days`. `None` when no file sets an interval.
    pub next_review: Option<SharedStr>,
    /// The day the data was loaded (days since 1970-01-01): outputs say how old the facts are on
    /// that day. Loading itself never depends on the clock.
    pub today: i64,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Term {
    pub id: SharedStr,
    pub term: SharedStr,
    pub aliases: Vec<SharedStr>,
    pub definition: SharedStr,
    pub why: SharedStr,
    pub source: Option<usize>,
    pub related: Vec<usize>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Source {
    pub id: SharedStr,
    pub title: SharedStr,
    pub url: Option<SharedStr>,
    pub citation: Option<SharedStr>,
    pub verified: SharedStr,
    pub checked: Option<SharedStr>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Question {
    pub id: SharedStr,
    pub title: SharedStr,
    pub prompt: SharedStr,
    pub help: SharedStr,
    pub sources: Vec<usize>,
    pub choices: Vec<Choice>,
    /// The pack that brought the question, or `None` for a shared one.
    pub pack: Option<SharedStr>,
    /// The question is asked only when all of these hold (each names an earlier question); empty:
    /// always asked. An answer to a question that is not asked counts as no answer.
    pub asked_when: Vec<Condition>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Choice {
    pub id: SharedStr,
    pub label: SharedStr,
    pub detail: Option<SharedStr>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Pack {
    pub id: SharedStr,
    pub name: SharedStr,
    /// Short name for tabs and narrow lines; the full name when the data gives none.
    pub short: SharedStr,
    pub description: SharedStr,
    pub verified: SharedStr,
    pub order: i64,
    /// The user folder a user pack came from; `None` for the built-in packs (or a `--data` folder).
    pub origin: Option<SharedStr>,
    pub criteria: Vec<Criterion>,
    pub alternatives: Vec<Alternative>,
    pub rules: Vec<Rule>,
    /// Base scores, row-major: `matrix[a * criteria.len() + k]`, for the engine's inner loops.
    pub matrix: Vec<f64>,
    /// The questions any rule of this pack reads, ascending: only these can change its result
    /// (with its estimates, the questions they read too).
    pub questions_used: Vec<usize>,
    /// The monthly estimates of its alternatives and the criterion they compute (prices.toml);
    /// `None` for a pack without.
    pub cost: Option<super::cost::PackCost>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Criterion {
    pub id: SharedStr,
    pub name: SharedStr,
    pub description: SharedStr,
    /// The weight the scoring uses: the data's, unless the user changed it (`--weight`, the TUI's
    /// live weights, a demo step).
    pub weight: f64,
    /// The weight the data gives, kept to say what a user changed and to go back to it.
    pub data_weight: f64,
    /// Anchors of the 0–10 scale, ascending.
    pub scale: Vec<(u8, SharedStr)>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Alternative {
    pub id: SharedStr,
    pub name: SharedStr,
    pub summary: SharedStr,
    /// Short name for narrow columns; the full name when the data gives none.
    pub short: SharedStr,
    pub status: Option<SharedStr>,
    /// One per criterion, in the pack's criterion order.
    pub scores: Vec<Score>,
    pub sources: Vec<usize>,
    pub next_steps: Vec<SharedStr>,
    /// Shown whenever this alternative is recommended.
    pub caveats: Vec<Note>,
}

/// A sentence with the source that backs it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Note {
    pub text: SharedStr,
    pub source: Option<usize>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Score {
    pub value: f64,
    /// Shared with every result that shows it (a big pack has one per alternative and criterion).
    pub why: SharedStr,
    pub source: Option<usize>,
    /// Why a score without a source has none (the data's `unsourced`): a judgement, said as such.
    pub unsourced: Option<SharedStr>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Rule {
    pub id: SharedStr,
    pub reason: Option<SharedStr>,
    pub when: Vec<Condition>,
    /// The rule does not fire when all the conditions of any one group hold.
    pub unless: Vec<Vec<Condition>>,
    /// Winners of other packs this rule needs; a rule with any only adds caveats and next steps.
    pub stack: Vec<StackCondition>,
    /// (criterion, factor)
    pub weights: Vec<(usize, f64)>,
    pub adjusts: Vec<Adjust>,
    pub vetoes: Vec<Veto>,
    pub caveats: Vec<Caveat>,
    pub next_steps: Vec<Step>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Adjust {
    pub alternative: usize,
    pub criterion: usize,
    pub delta: f64,
    pub reason: SharedStr,
    pub source: Option<usize>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Veto {
    pub alternative: usize,
    pub reason: SharedStr,
    pub source: Option<usize>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Caveat {
    pub alternative: usize,
    pub text: SharedStr,
    pub source: Option<usize>,
}

/// A next step added to an alternative's own when a rule fires.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Step {
    pub alternative: usize,
    pub text: SharedStr,
    /// 0-based position among the alternative's next steps; `None` appends.
    pub at: Option<usize>,
    pub source: Option<usize>,
}

impl Catalog {
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }
    pub fn pack_index(&self, id: &str) -> Option<usize> {
        self.packs.iter().position(|p| p.id == id)
    }
    pub fn pack(&self, id: &str) -> Option<&Pack> {
        self.packs.iter().find(|p| p.id == id)
    }

    /// The questions that packs `packs` (indexes; every pack when empty) read, in catalog order:
    /// what is asked when only those decisions are made, a question shared by several once.
    pub fn questions_for(&self, packs: &[usize]) -> Vec<usize> {
        let mut asked = vec![false; self.questions.len()];
        for (i, p) in self.packs.iter().enumerate() {
            if packs.is_empty() || packs.contains(&i) {
                // With the questions its estimates need (a pack whose estimates stand beside its
                // hand scores reads them for the figures only).
                let needs = p.cost.iter().flat_map(|c| c.needs.iter());
                for &q in p.questions_used.iter().chain(needs) {
                    asked[q] = true;
                }
            }
        }
        (0..self.questions.len()).filter(|&q| asked[q]).collect()
    }

    pub fn term_index(&self, id: &str) -> Option<usize> {
        self.glossary.iter().position(|t| t.id == id)
    }

    /// Glossary terms named in `text` (by name or alias, whole words, any case), in order of first
    /// appearance, each once.
    pub fn terms_in(&self, text: &str) -> Vec<usize> {
        let lower = text.to_lowercase();
        let mut found: Vec<(usize, usize)> = Vec::new();
        for (ti, t) in self.glossary.iter().enumerate() {
            let first = std::iter::once(t.term.as_str())
                .chain(t.aliases.iter().map(SharedStr::as_str))
                .filter_map(|name| find_word(&lower, &name.to_lowercase()))
                .min();
            if let Some(pos) = first {
                found.push((pos, ti));
            }
        }
        found.sort();
        found.into_iter().map(|(_, t)| t).collect()
    }
}

/// Byte position of `word` in `text` where it stands as a whole word.
fn find_word(text: &str, word: &str) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut start = 0;
    while let Some(i) = text[start..].find(word) {
        let at = start + i;
        let end = at + word.len();
        let before_ok = text[..at].chars().next_back().is_none_or(|c| !is_word(c));
        let after_ok = text[end..].chars().next().is_none_or(|c| !is_word(c));
        if before_ok && after_ok {
            return Some(at);
        }
        start = at + word.chars().next().map_or(1, char::len_utf8);
    }
    None
}

impl Question {
    pub fn choice_index(&self, id: &str) -> Option<usize> {
        self.choices.iter().position(|c| c.id == id)
    }

    /// True when the question is asked under `answers`: every condition of `asked_when` holds.
    pub fn applies(&self, answers: &[Option<usize>]) -> bool {
        self.asked_when.iter().all(|c| c.holds(answers))
    }
}

/// [`Catalog::normalize`] over `questions`.
pub fn normalize(questions: &[Question], answers: &mut [Option<usize>]) {
    for (qi, q) in questions.iter().enumerate() {
        if qi < answers.len() && answers[qi].is_some() && !q.applies(answers) {
            answers[qi] = None;
        }
    }
}

impl Catalog {
    /// Clears the answers of questions that are not asked under the other answers (a follow-up
    /// whose question was answered otherwise). A condition names only earlier questions, so one
    /// pass in question order settles every chain.
    pub fn normalize(&self, answers: &mut [Option<usize>]) {
        normalize(&self.questions, answers);
    }

    /// True when question `q` is asked under `answers`.
    pub fn asked(&self, q: usize, answers: &[Option<usize>]) -> bool {
        self.questions.get(q).is_some_and(|q| q.applies(answers))
    }
}

impl Pack {
    pub fn alternative_index(&self, id: &str) -> Option<usize> {
        self.alternatives.iter().position(|a| a.id == id)
    }
    pub fn criterion_index(&self, id: &str) -> Option<usize> {
        self.criteria.iter().position(|c| c.id == id)
    }
}

impl Rule {
    /// True when every condition holds under `answers` (indexed by question) and the rule reads no
    /// other pack: the rules that scoring applies.
    pub fn fires(&self, answers: &[Option<usize>]) -> bool {
        self.stack.is_empty() && self.answers_hold(answers)
    }

    /// True when the answers hold and every other pack named in `stack` is won as it requires;
    /// `winners` has one entry per pack of the catalog.
    pub fn fires_in_stack(&self, answers: &[Option<usize>], winners: &[Option<usize>]) -> bool {
        self.answers_hold(answers) && self.stack_holds(winners)
    }

    /// True when every other pack named in `stack` is won as it requires (true with no `stack`).
    pub fn stack_holds(&self, winners: &[Option<usize>]) -> bool {
        self.stack.iter().all(|s| s.holds(winners))
    }

    fn answers_hold(&self, answers: &[Option<usize>]) -> bool {
        super::condition::holds(&self.when, &self.unless, answers)
    }

    /// The first `unless` group that holds under `answers` (the exception that kept the rule from
    /// firing), when its `when` holds.
    pub fn excepted_by(&self, answers: &[Option<usize>]) -> Option<&[Condition]> {
        if !self.when.iter().all(|c| c.holds(answers)) {
            return None;
        }
        self.unless
            .iter()
            .find(|g| !g.is_empty() && g.iter().all(|c| c.holds(answers)))
            .map(Vec::as_slice)
    }

    /// Every question the rule reads, in `when` and `unless`.
    pub fn questions(&self) -> impl Iterator<Item = usize> + '_ {
        self.when
            .iter()
            .chain(self.unless.iter().flatten())
            .map(|c| c.question)
    }
}
