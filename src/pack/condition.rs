//! Conditions on answers and on other packs' winners: what rules, follow-up questions and cost
//! lines hold under. Its own file so that `model` (which holds the cost model) and `cost` (which
//! reads conditions) both import it and not each other.
//!
//! Build-script boundary: build.rs compiles this file into a crate of its own (to snapshot the
//! built-in data), so it may use only `pack`'s build files, `dates`, `safe` and `suggest`;
//! tests/boundary.rs checks it.

/// Holds when the question is answered with one of `choices`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Condition {
    pub question: usize,
    pub choices: Vec<usize>,
}

/// Holds when pack `pack` (an index into `Catalog::packs`) is won by one of `alternatives`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct StackCondition {
    pub pack: usize,
    pub alternatives: Vec<usize>,
}

impl Condition {
    /// True when the question is answered with one of the choices.
    pub fn holds(&self, answers: &[Option<usize>]) -> bool {
        answers
            .get(self.question)
            .copied()
            .flatten()
            .is_some_and(|a| self.choices.contains(&a))
    }
}

impl StackCondition {
    /// True when the pack is won by one of the alternatives (`winners` has one entry per pack).
    pub fn holds(&self, winners: &[Option<usize>]) -> bool {
        winners
            .get(self.pack)
            .copied()
            .flatten()
            .is_some_and(|w| self.alternatives.contains(&w))
    }
}

/// True when every condition of `when` holds and no non-empty `unless` group does: the logic of
/// rules and cost lines alike.
pub fn holds(when: &[Condition], unless: &[Vec<Condition>], answers: &[Option<usize>]) -> bool {
    when.iter().all(|c| c.holds(answers))
        && !unless
            .iter()
            .any(|g| !g.is_empty() && g.iter().all(|c| c.holds(answers)))
}
