//! The user's session in the TUI: the answers, the question on screen and the highlighted choice of
//! each question; and what the engine makes of answers, computed here and nowhere else in the TUI —
//! the recommendation (on first use after a change, so a burst of answers or a replayed demo costs
//! one analysis) and the live ranking beside a question.

use std::cell::OnceCell;
use std::rc::Rc;

use crate::answers::Answers;
use crate::engine::{self, Recommendation, round1};
use crate::pack::Catalog;

/// Answers and their recommendation. Every change of the answers goes through here and drops the
/// recommendation, so it can never be stale.
#[derive(Debug, Clone)]
pub struct Scored {
    answers: Answers,
    /// The packs decided (catalog indexes; every pack when empty).
    packs: Rc<[usize]>,
    /// Shared, so that a copy of the same answers (a what-if before its first change) costs no
    /// second analysis and no second copy of a big pack's result.
    rec: OnceCell<Rc<Recommendation>>,
}

impl Scored {
    pub fn new(answers: Answers) -> Scored {
        Scored {
            answers,
            packs: Rc::from([]),
            rec: OnceCell::new(),
        }
    }

    /// Decides packs `packs` only (catalog indexes; every pack when empty).
    pub fn set_packs(&mut self, packs: &[usize]) {
        if *self.packs != *packs {
            self.packs = Rc::from(packs);
            self.rec = OnceCell::new();
        }
    }

    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The recommendation for the answers: the engine runs on the first call after a change.
    pub fn rec(&self, catalog: &Catalog) -> &Recommendation {
        self.rec
            .get_or_init(|| Rc::new(engine::analyze(catalog, &self.answers, &self.packs)))
    }

    /// Answers question `q` (`None`: skipped); out of range is ignored.
    pub fn set(&mut self, q: usize, choice: Option<usize>) {
        if let Some(slot) = self.answers.choices.get_mut(q)
            && *slot != choice
        {
            *slot = choice;
            self.rec = OnceCell::new();
        }
    }

    /// Takes `earlier`'s recommendation when it is for the same answers (a demo step rebuilt from
    /// the start of its script usually ends on the answers it had).
    pub fn reuse(&mut self, earlier: Scored) {
        if earlier.answers == self.answers
            && earlier.packs == self.packs
            && earlier.rec.get().is_some()
        {
            *self = earlier;
        }
    }

    /// Drops the recommendation: the catalog's weights changed (the live weights), so it is
    /// computed again on first use.
    pub fn rescore(&mut self) {
        self.rec = OnceCell::new();
    }

    pub fn replace(&mut self, answers: Answers) {
        if answers != self.answers {
            self.answers = answers;
            self.rec = OnceCell::new();
        }
    }
}

/// The answers, where the user is, what is highlighted, and which decisions are made.
#[derive(Debug, Clone)]
pub struct Session {
    scored: Scored,
    /// The question on screen (index in the catalog).
    pub question: usize,
    /// Per question: the highlighted choice.
    pub cursor: Vec<usize>,
    /// The packs decided, ascending catalog indexes (every pack at first; never none).
    packs: Vec<usize>,
    /// The questions those packs read, in catalog order: the ones asked, shared ones once.
    asked: Vec<usize>,
}

impl Session {
    /// A new session: nothing answered, the first choice of each question highlighted.
    pub fn new(catalog: &Catalog) -> Session {
        Session {
            scored: Scored::new(Answers::empty(catalog)),
            question: 0,
            cursor: vec![0; catalog.questions.len()],
            packs: (0..catalog.packs.len()).collect(),
            asked: catalog.questions_for(&[]),
        }
    }

    /// The packs decided (ascending catalog indexes).
    pub fn packs(&self) -> &[usize] {
        &self.packs
    }

    /// The questions asked, in catalog order: those the decided packs read.
    pub fn asked(&self) -> &[usize] {
        &self.asked
    }

    /// Where question `q` (a catalog index) stands among the questions asked, if it is asked.
    pub fn position(&self, q: usize) -> Option<usize> {
        self.asked.iter().position(|&a| a == q)
    }

    /// Decides pack `p` or not; the last pack decided stays (there is always a decision). Answers
    /// to questions no longer asked are kept: they count again if the pack comes back, and only
    /// the decided packs are scored.
    pub fn toggle_pack(&mut self, catalog: &Catalog, p: usize) {
        if p >= catalog.packs.len() {
            return;
        }
        match self.packs.iter().position(|&x| x == p) {
            Some(i) if self.packs.len() > 1 => {
                self.packs.remove(i);
            }
            Some(_) => return,
            None => {
                self.packs.push(p);
                self.packs.sort_unstable();
            }
        }
        self.set_packs(catalog, self.packs.clone());
    }

    /// Decides exactly `packs` (catalog indexes; every pack when empty).
    pub fn set_packs(&mut self, catalog: &Catalog, packs: Vec<usize>) {
        self.packs = if packs.is_empty() {
            (0..catalog.packs.len()).collect()
        } else {
            packs
        };
        self.asked = catalog.questions_for(&self.packs);
        let all = self.packs.len() == catalog.packs.len();
        // Every pack: the recommendation is the whole catalog's, as `recommend` gives it.
        self.scored.set_packs(if all { &[] } else { &self.packs });
        if !self.asked.contains(&self.question) {
            self.question = self.asked.first().copied().unwrap_or(0);
        }
    }

    pub fn answers(&self) -> &Answers {
        self.scored.answers()
    }

    pub fn rec(&self, catalog: &Catalog) -> &Recommendation {
        self.scored.rec(catalog)
    }

    /// Drops the recommendation after a weight change (see [`Scored::rescore`]).
    pub fn rescore(&mut self) {
        self.scored.rescore();
    }

    /// Takes `earlier`'s recommendation if it is for the same answers (see [`Scored::reuse`]).
    pub fn reuse(&mut self, earlier: Scored) {
        self.scored.reuse(earlier);
    }

    /// The answers and their recommendation: a copy shares the analysis (an `Rc`) until it changes.
    pub fn scored(&self) -> Scored {
        self.scored.clone()
    }

    /// Answers question `q` with `choice` (`None`: skipped) and highlights it.
    pub fn answer(&mut self, q: usize, choice: Option<usize>) {
        self.scored.set(q, choice);
        if let (Some(c), Some(cur)) = (choice, self.cursor.get_mut(q)) {
            *cur = c;
        }
    }

    /// Clears the answers of follow-up questions that the other answers no longer ask (IaC migration
    /// once the team says it runs no IaC): what is not asked is not answered.
    pub fn settle(&mut self, catalog: &Catalog) {
        let mut answers = self.scored.answers().clone();
        catalog.normalize(&mut answers.choices);
        self.scored.replace(answers);
    }

    /// The next question after `q` that the answers ask, if any.
    /// Only the questions of the packs decided count.
    pub fn next_asked(&self, catalog: &Catalog, q: usize) -> Option<usize> {
        let a = &self.answers().choices;
        (q + 1..catalog.questions.len()).find(|&i| self.asked.contains(&i) && catalog.asked(i, a))
    }

    /// The question before `q` that the answers ask, if any.
    pub fn prev_asked(&self, catalog: &Catalog, q: usize) -> Option<usize> {
        let a = &self.answers().choices;
        (0..q.min(catalog.questions.len()))
            .rev()
            .find(|&i| self.asked.contains(&i) && catalog.asked(i, a))
    }

    /// Takes these answers; the highlights follow them.
    pub fn set_answers(&mut self, answers: Answers) {
        for (c, a) in self.cursor.iter_mut().zip(&answers.choices) {
            *c = a.unwrap_or(0);
        }
        self.scored.replace(answers);
    }

    /// The highlighted choice of the question on screen.
    pub fn highlighted(&self) -> usize {
        self.cursor.get(self.question).copied().unwrap_or(0)
    }

    /// Highlights choice `c` of the question on screen.
    pub fn highlight(&mut self, c: usize) {
        if let Some(cur) = self.cursor.get_mut(self.question) {
            *cur = c;
        }
    }

    /// The ranking beside the question on screen. With `preview`, a highlighted choice that is not
    /// the answer is applied (and named). The arrows compare with the ranking without the preview,
    /// or, when `before` is given (a demo step), with the answers before the step.
    pub fn live(&self, catalog: &Catalog, preview: bool, before: Option<&[Option<usize>]>) -> Live {
        let q = self.question;
        let answers = &self.answers().choices;
        let mut preview_choices = answers.clone();
        let mut shown = None;
        if preview
            && let (Some(question), Some(&c)) = (catalog.questions.get(q), self.cursor.get(q))
            && answers[q] != Some(c)
            && c < question.choices.len()
        {
            preview_choices[q] = Some(c);
            shown = Some(question.choices[c].label.to_string());
        }
        let packs = self
            .packs
            .iter()
            .filter_map(|&p| catalog.packs.get(p))
            .map(|pack| {
                // In a demo, the arrows show what the step moved; else what the preview would.
                let base = match before {
                    Some(b) if shown.is_none() => engine::evaluate(pack, b),
                    _ => engine::evaluate(pack, answers),
                };
                let now = if shown.is_some() || before.is_some() {
                    engine::evaluate(pack, &preview_choices)
                } else {
                    base.clone()
                };
                live_pack(pack, &base, &now)
            })
            .collect();
        Live {
            packs,
            preview: shown,
        }
    }
}

/// One pack of the live ranking: `now` ranked, with moves against `base`.
fn live_pack(
    pack: &crate::pack::Pack,
    base: &engine::Evaluation,
    now: &engine::Evaluation,
) -> LivePack {
    let base_rank = base.ranking();
    let rows = now
        .ranking()
        .iter()
        .enumerate()
        .map(|(pos, &a)| {
            let was = base_rank.iter().position(|&b| b == a);
            let alt = &pack.alternatives[a];
            // ⚠: a status such as "closed to new customers" (the detail says which).
            let warn = |s: &str| match alt.status {
                Some(_) => format!("{s} ⚠"),
                None => s.to_string(),
            };
            LiveRow {
                name: warn(&alt.name),
                short: warn(&alt.short),
                score: round1(now.scores[a]),
                moved: was.map_or(0, |w| w as i32 - pos as i32),
                returned: was.is_none(),
            }
        })
        .collect();
    let names = |only_new: bool| {
        (0..pack.alternatives.len())
            .filter(|&a| now.excluded[a] && !(only_new && base.excluded[a]))
            .map(|a| pack.alternatives[a].short.to_string())
            .collect::<Vec<_>>()
    };
    LivePack {
        name: pack.name.to_string(),
        rows,
        excluded: names(false),
        newly_excluded: names(true),
    }
}

/// One row of the live ranking beside a question.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveRow {
    pub name: String,
    /// The short name, for when the full one does not fit.
    pub short: String,
    /// Rounded like the JSON `score`.
    pub score: f64,
    /// Places gained (positive) or lost against the ranking without the previewed answer.
    pub moved: i32,
    /// Excluded before the preview, ranked with it.
    pub returned: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LivePack {
    pub name: String,
    /// Ranked alternatives, best first.
    pub rows: Vec<LiveRow>,
    /// Short names of the excluded alternatives (they share one line).
    pub excluded: Vec<String>,
    /// Short names of those excluded by the previewed answer only.
    pub newly_excluded: Vec<String>,
}

/// The ranking beside a question: with the highlighted choice applied when it is not the answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Live {
    pub packs: Vec<LivePack>,
    /// The label of the previewed choice, when the ranking is a preview.
    pub preview: Option<String>,
}
