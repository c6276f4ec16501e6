//! From a pack's `[[rule]]` tables to compiled rules: conditions on answers and on other packs'
//! winners, weights, score adjustments, vetoes, caveats and next steps, each reference resolved and
//! each value checked. Split from `compile`, which compiles the rest of a pack and calls [`rule`].
//!
//! Build-script boundary: build.rs compiles this file into a crate of its own (to snapshot the
//! built-in data), so it may use only `pack`'s build files, `dates`, `safe` and `suggest` (and serde,
//! toml, fuzzy-matcher, strsim, postcard, libm); tests/boundary.rs checks it.

use std::collections::HashMap;

use toml::Spanned;

use super::checks::{Checker, Known, MAX_FACTOR, MAX_SCORE, Seen};
use super::condition::{Condition, StackCondition};
use super::diag::SourceText;
use super::model::*;
use super::schema::*;

/// What a pack's references may name besides its own ids.
pub struct Names<'a> {
    pub questions: &'a [Question],
    /// False when questions.toml could not be read (references into it are then not reported).
    pub questions_known: bool,
    pub sources: Known<'a>,
    /// Every pack's id → its index in the catalog and its alternatives' ids (for `stack`).
    pub packs: &'a HashMap<&'a str, (usize, HashMap<String, usize>)>,
}

/// The ids a rule of this pack may name.
pub(super) struct PackNames<'a> {
    pub(super) criteria: Known<'a>,
    pub(super) alternatives: Known<'a>,
}

pub(super) fn rule(
    cx: &mut Checker,
    src: SourceText,
    r: &RuleDef,
    seen: &mut Seen,
    own: &PackNames,
    names: &Names,
) -> Rule {
    cx.new_id(src, &r.id, seen);
    let when = r
        .when
        .as_ref()
        .map(|w| conditions(cx, src, w.get_ref(), names))
        .unwrap_or_default();
    let unless: Vec<Vec<Condition>> = r.unless.as_ref().map_or_else(Vec::new, |list| {
        list.get_ref()
            .iter()
            .map(|c| conditions(cx, src, c.get_ref(), names))
            .collect()
    });
    let stack = r
        .stack
        .as_ref()
        .map(|s| stack_conditions(cx, src, s, names))
        .unwrap_or_default();
    let empty = |c: &Option<Spanned<Conditions>>| c.as_ref().is_none_or(|w| w.get_ref().is_empty());
    if empty(&r.when) && unless.iter().all(Vec::is_empty) && empty(&r.stack) {
        cx.err(
            src,
            &r.id,
            format!(
                "rule `{}` has no condition: give `when` (questions and their choices), `unless`, or `stack` (another pack's winner)",
                r.id.get_ref()
            ),
        );
    }
    let out = Rule {
        id: r.id.get_ref().clone().into(),
        reason: r.reason.clone().map(SharedStr::from),
        when,
        unless,
        stack,
        weights: weights(cx, src, r, &own.criteria),
        adjusts: adjusts(cx, src, r, own, &names.sources),
        vetoes: r
            .veto
            .iter()
            .filter_map(|v| {
                let v = v.get_ref();
                let reason = cx.text(src, &v.reason, "reason");
                let source = v
                    .source
                    .as_ref()
                    .and_then(|s| cx.resolve(src, s, &names.sources));
                cx.resolve(src, &v.alternative, &own.alternatives)
                    .map(|alternative| Veto {
                        alternative,
                        reason: reason.into(),
                        source,
                    })
            })
            .collect(),
        caveats: notes(
            cx,
            src,
            &r.caveat,
            own,
            names,
            |_, _, alternative, text, source| Caveat {
                alternative,
                text: text.into(),
                source,
            },
        ),
        next_steps: notes(
            cx,
            src,
            &r.next_step,
            own,
            names,
            |cx, step, alternative, text, source| {
                let at = step.at.as_ref().and_then(|at| match *at.get_ref() {
                n if n >= 1 => Some(n as usize - 1),
                n => {
                    cx.err(
                        src,
                        at,
                        format!("at = {n} is not a position: use 1 for the first step, 2 for the second, …"),
                    );
                    None
                }
            });
                Step {
                    alternative,
                    text: text.into(),
                    source,
                    at,
                }
            },
        ),
    };
    rule_shape(cx, src, r, &out);
    out
}

/// What a rule's caveat and next step both have: the alternative it is about, its text and its
/// source.
trait RuleNote {
    fn parts(&self) -> (&Spanned<String>, &Spanned<String>, &Option<Spanned<String>>);
}

impl RuleNote for CaveatDef {
    fn parts(&self) -> (&Spanned<String>, &Spanned<String>, &Option<Spanned<String>>) {
        (&self.alternative, &self.text, &self.source)
    }
}

impl RuleNote for StepDef {
    fn parts(&self) -> (&Spanned<String>, &Spanned<String>, &Option<Spanned<String>>) {
        (&self.alternative, &self.text, &self.source)
    }
}

/// A rule's caveats or next steps: each one's text checked and its source and alternative
/// resolved, then `make` builds it from them (and checks what else it has). One whose alternative
/// does not resolve is left out, its problem reported.
fn notes<D: RuleNote, T>(
    cx: &mut Checker,
    src: SourceText,
    list: &[Spanned<D>],
    own: &PackNames,
    names: &Names,
    mut make: impl FnMut(&mut Checker, &D, usize, String, Option<usize>) -> T,
) -> Vec<T> {
    list.iter()
        .filter_map(|d| {
            let d = d.get_ref();
            let (alternative, text, source) = d.parts();
            let text = cx.text(src, text, "text");
            let source = source
                .as_ref()
                .and_then(|s| cx.resolve(src, s, &names.sources));
            let alternative = cx.resolve(src, alternative, &own.alternatives)?;
            Some(make(cx, d, alternative, text, source))
        })
        .collect()
}

/// A rule must do something, say why it changes weights, and, when it reads another pack's
/// winner, only add caveats and next steps: scores never depend on another pack's result, so the
/// packs can be scored one by one and never in a loop.
fn rule_shape(cx: &mut Checker, src: SourceText, r: &RuleDef, out: &Rule) {
    let id = r.id.get_ref();
    let scoring = r.weights.is_some() || !r.adjust.is_empty() || !r.veto.is_empty();
    if !scoring && r.caveat.is_empty() && r.next_step.is_empty() {
        cx.err(
            src,
            &r.id,
            format!(
                "rule `{id}` has no effect: give it weights, adjust, veto, caveat or next_step"
            ),
        );
    }
    if let Some(stack) = &r.stack
        && scoring
    {
        cx.err(
            src,
            stack,
            format!(
                "rule `{id}` reads another pack's winner, so it may only add `caveat` and `next_step`: move its weights, adjust and veto to a rule with `when` alone"
            ),
        );
    }
    if !out.weights.is_empty() && r.reason.as_deref().is_none_or(|s| s.trim().is_empty()) {
        cx.err(
            src,
            &r.id,
            format!("rule `{id}` changes weights but gives no `reason`"),
        );
    }
}

fn weights(cx: &mut Checker, src: SourceText, r: &RuleDef, criteria: &Known) -> Vec<(usize, f64)> {
    let Some(ws) = &r.weights else {
        return Vec::new();
    };
    let known = Known {
        from: " in weights",
        ..*criteria
    };
    ws.get_ref()
        .iter()
        .filter_map(|(k, f)| {
            let ci = cx.resolve(src, k, &known)?;
            let factor = cx.bounded(
                src,
                f,
                (0.0, MAX_FACTOR),
                (
                    "weight factor",
                    "out of bounds",
                    " (it multiplies the criterion's weight)",
                ),
            );
            Some((ci, factor))
        })
        .collect()
}

fn adjusts(
    cx: &mut Checker,
    src: SourceText,
    r: &RuleDef,
    own: &PackNames,
    sources: &Known,
) -> Vec<Adjust> {
    r.adjust
        .iter()
        .filter_map(|a| {
            let a = a.get_ref();
            let alternative = cx.resolve(src, &a.alternative, &own.alternatives);
            let criterion = cx.resolve(src, &a.criterion, &own.criteria);
            let delta = cx.bounded(
                src,
                &a.delta,
                (-MAX_SCORE, MAX_SCORE),
                ("delta", "out of bounds", " (a change on the 0–10 scale)"),
            );
            let reason = cx.text(src, &a.reason, "reason");
            let source = a.source.as_ref().and_then(|s| cx.resolve(src, s, sources));
            Some(Adjust {
                alternative: alternative?,
                criterion: criterion?,
                delta,
                reason: reason.into(),
                source,
            })
        })
        .collect()
}

pub(super) fn conditions(
    cx: &mut Checker,
    src: SourceText,
    when: &Conditions,
    names: &Names,
) -> Vec<Condition> {
    let ids: HashMap<&str, usize> = names
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    let questions = Known {
        ids: &ids,
        what: "question",
        from: " in `when`",
        report: names.questions_known,
    };
    let mut out = Vec::new();
    for (k, v) in when {
        let Some(qi) = cx.resolve(src, k, &questions) else {
            continue;
        };
        let q = &names.questions[qi];
        let choice_ids: HashMap<&str, usize> = q
            .choices
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let from = format!(
            ": not a choice of `{}` (choices: {})",
            q.id,
            ids_list(&q.choices, |c| &c.id)
        );
        let choices = Known {
            ids: &choice_ids,
            what: "choice",
            from: &from,
            report: true,
        };
        out.push(Condition {
            question: qi,
            choices: one_or_many(cx, src, k, v, &choices),
        });
    }
    out
}

fn stack_conditions(
    cx: &mut Checker,
    src: SourceText,
    stack: &Spanned<Conditions>,
    names: &Names,
) -> Vec<StackCondition> {
    let pack_ids: HashMap<&str, usize> = names.packs.iter().map(|(id, (i, _))| (*id, *i)).collect();
    let packs = Known {
        ids: &pack_ids,
        what: "pack",
        from: " in `stack`",
        report: true,
    };
    let mut out = Vec::new();
    for (k, v) in stack.get_ref() {
        let Some(pi) = cx.resolve(src, k, &packs) else {
            continue;
        };
        let alt_ids: HashMap<&str, usize> = names.packs[k.get_ref().as_str()]
            .1
            .iter()
            .map(|(id, &i)| (id.as_str(), i))
            .collect();
        let from = format!(" in pack `{}`", k.get_ref());
        let alternatives = Known {
            ids: &alt_ids,
            what: "alternative",
            from: &from,
            report: true,
        };
        out.push(StackCondition {
            pack: pi,
            alternatives: one_or_many(cx, src, k, v, &alternatives),
        });
    }
    out
}

/// The ids of a `when` or `stack` entry, each resolved.
fn one_or_many(
    cx: &mut Checker,
    src: SourceText,
    key: &Spanned<String>,
    v: &Spanned<OneOrMany>,
    known: &Known,
) -> Vec<usize> {
    if v.get_ref().as_slice().is_empty() {
        cx.err(src, v, format!("nothing listed for `{}`", key.get_ref()));
    }
    v.get_ref()
        .as_slice()
        .iter()
        .filter_map(|id| {
            // The list's items carry no spans of their own: point at the value.
            cx.resolve(src, &Spanned::new(v.span(), id.clone()), known)
        })
        .collect()
}

fn ids_list<T>(items: &[T], id: impl Fn(&T) -> &str) -> String {
    items.iter().map(id).collect::<Vec<_>>().join(", ")
}
