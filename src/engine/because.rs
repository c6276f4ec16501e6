//! "Because you answered": the answers behind each rule that fired or was kept from firing, and
//! every effect of a rule in words (weights, exclusions, scores, caveats, next steps), for the
//! explanations of one pack's analysis.

use super::context::Ctx;
use super::result::*;
use crate::pack::Rule;

impl Ctx<'_> {
    /// The answers that made rule `r` fire: those its `when` names, then those that kept its
    /// `unless` from holding (an answer outside the exception, or no answer at all).
    pub(super) fn because(&self, r: usize) -> Vec<Because> {
        let rule = &self.pack.rules[r];
        let answer = |question: usize| self.answer(question);
        let mut out: Vec<Because> = rule
            .when
            .iter()
            .filter(|c| self.answers[c.question].is_some())
            .map(|c| answer(c.question))
            .collect();
        // An exception that did not apply is part of why the rule fired only when the rule has no
        // `when` of its own, or when the exception is "answered at all" (every choice): then the
        // skip is the cause. "Unless the team runs CDK" is no reason for TypeScript's credit.
        for c in rule.unless.iter().flatten() {
            let holds = self.answers[c.question].is_some_and(|a| c.choices.contains(&a));
            let every_choice = c.choices.len() == self.catalog.questions[c.question].choices.len();
            if !holds
                && (rule.when.is_empty() || every_choice)
                && !out
                    .iter()
                    .any(|b| b.question == self.catalog.questions[c.question].id)
            {
                out.push(answer(c.question));
            }
        }
        out
    }

    /// Question `question` and its answer, as a cause.
    pub(super) fn answer(&self, question: usize) -> Because {
        let q = &self.catalog.questions[question];
        let choice = self.answers[question];
        Because {
            question: q.id.clone(),
            title: q.title.clone(),
            choice: choice.map(|ci| q.choices[ci].id.clone()),
            label: choice
                .map_or_else(
                    || "not answered".to_string(),
                    |ci| q.choices[ci].label.to_string(),
                )
                .into(),
        }
    }

    /// The exception of rule `r` that kept it from firing, as answers worth naming: those of an
    /// `unless` group that holds, when the rule has no `when` of its own or the group is "answered
    /// at all" (the same test as [`Ctx::because`]); `None` otherwise. A rule that reads another
    /// pack's winner counts only when that winner is there.
    pub(super) fn kept_from_firing(&self, r: usize) -> Option<Vec<Because>> {
        let rule = &self.pack.rules[r];
        if self.fired.contains(&r) || !rule.stack_holds(self.winners) {
            return None;
        }
        let group = rule.excepted_by(self.answers)?;
        let every_choice = group
            .iter()
            .all(|c| c.choices.len() == self.catalog.questions[c.question].choices.len());
        (rule.when.is_empty() || every_choice)
            .then(|| group.iter().map(|c| self.answer(c.question)).collect())
    }

    /// The other packs' winners that rule `r` needed.
    pub(super) fn with(&self, r: usize) -> Vec<WithWinner> {
        self.pack.rules[r]
            .stack
            .iter()
            .filter_map(|s| {
                let p = &self.catalog.packs[s.pack];
                self.winners[s.pack].map(|w| WithWinner {
                    pack: p.id.clone(),
                    pack_name: p.name.clone(),
                    alternative: p.alternatives[w].id.clone(),
                    name: p.alternatives[w].name.clone(),
                })
            })
            .collect()
    }

    pub(super) fn fired_rules(&self) -> impl Iterator<Item = (usize, &Rule)> + '_ {
        self.fired.iter().map(|&r| (r, &self.pack.rules[r]))
    }
}

fn fmt_factor(f: f64) -> String {
    let s = super::round::Fixed(f, 2).to_string();
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A fired rule with each of its effects in words.
pub(super) fn fired_rule(cx: &Ctx, r: usize) -> FiredRule {
    let rule = &cx.pack.rules[r];
    FiredRule {
        id: rule.id.clone(),
        reason: rule.reason.clone(),
        because: cx.because(r),
        with: cx.with(r),
        effects: effects_of(cx, r).into_iter().map(|(_, e)| e).collect(),
    }
}

/// Every effect of rule `r` in words, with the alternative it concerns (by index).
pub(super) fn effects_of(cx: &Ctx, r: usize) -> Vec<(Option<usize>, RuleEffect)> {
    let rule = &cx.pack.rules[r];
    let name = |a: usize| &cx.pack.alternatives[a].name;
    let effect = |kind, a: Option<usize>, text: String| {
        let alternative = a.map(|a| cx.pack.alternatives[a].id.clone());
        let text = text.into();
        (
            a,
            RuleEffect {
                kind,
                alternative,
                text,
            },
        )
    };
    let mut effects = Vec::new();
    for &(k, f) in &rule.weights {
        let text = format!("weight of {} ×{}", cx.pack.criteria[k].name, fmt_factor(f));
        effects.push(effect(EffectKind::Weight, None, text));
    }
    for adj in &rule.adjusts {
        let mut text = format!(
            "{} {:+} on {}: {}",
            name(adj.alternative),
            adj.delta,
            cx.pack.criteria[adj.criterion].name,
            adj.reason
        );
        if Some(adj.criterion) == cx.computed() {
            text.push_str(" (not applied: the monthly estimates compute this criterion)");
        }
        effects.push(effect(EffectKind::Adjust, Some(adj.alternative), text));
    }
    for v in &rule.vetoes {
        let text = format!("excludes {}: {}", name(v.alternative), v.reason);
        effects.push(effect(EffectKind::Veto, Some(v.alternative), text));
    }
    for c in &rule.caveats {
        let text = format!("caveat for {}: {}", name(c.alternative), c.text);
        effects.push(effect(EffectKind::Caveat, Some(c.alternative), text));
    }
    for s in &rule.next_steps {
        let text = format!("next step for {}: {}", name(s.alternative), s.text);
        effects.push(effect(EffectKind::NextStep, Some(s.alternative), text));
    }
    effects
}

/// What rule `r` would have done that a reader would see, said as kept from happening by the
/// answers that kept the rule from firing: an exclusion as the alternative kept eligible (unless it
/// is excluded anyway), a weight, a score of an alternative in the running, a caveat or next step of
/// the winner.
pub(super) fn kept_off(cx: &Ctx, r: usize, winner: Option<usize>) -> Vec<RuleEffect> {
    let rule = &cx.pack.rules[r];
    let alt = |a: usize| &cx.pack.alternatives[a];
    let in_running = |a: usize| !cx.ev.excluded[a];
    let effect = |kind, a: Option<usize>, text: String| RuleEffect {
        kind,
        alternative: a.map(|a| alt(a).id.clone()),
        text: text.into(),
    };
    let mut out = Vec::new();
    for &(k, f) in &rule.weights {
        let text = format!(
            "keeps the weight of {} from ×{}: {}",
            cx.pack.criteria[k].name,
            fmt_factor(f),
            rule.reason.as_deref().unwrap_or("")
        );
        out.push(effect(
            EffectKind::Prevented,
            None,
            text.trim_end_matches([':', ' ']).to_string(),
        ));
    }
    // With the cost criterion computed, no rule's adjustment of it would have counted either.
    let counts =
        |x: &&crate::pack::Adjust| in_running(x.alternative) && Some(x.criterion) != cx.computed();
    for adj in rule.adjusts.iter().filter(counts) {
        let text = format!(
            "spares {} {:+} on {}: {}",
            alt(adj.alternative).name,
            adj.delta,
            cx.pack.criteria[adj.criterion].name,
            adj.reason
        );
        out.push(effect(EffectKind::Prevented, Some(adj.alternative), text));
    }
    for v in rule.vetoes.iter().filter(|v| in_running(v.alternative)) {
        let text = format!(
            "keeps {} eligible, which would otherwise be excluded: {}",
            alt(v.alternative).name,
            v.reason
        );
        out.push(effect(EffectKind::Eligible, Some(v.alternative), text));
    }
    for c in rule
        .caveats
        .iter()
        .filter(|c| Some(c.alternative) == winner)
    {
        let text = format!("spares {} the caveat: {}", alt(c.alternative).name, c.text);
        out.push(effect(EffectKind::Prevented, Some(c.alternative), text));
    }
    for s in rule
        .next_steps
        .iter()
        .filter(|s| Some(s.alternative) == winner)
    {
        let text = format!(
            "leaves out of {}'s next steps: {}",
            alt(s.alternative).name,
            s.text
        );
        out.push(effect(EffectKind::Prevented, Some(s.alternative), text));
    }
    out
}

/// "Because you answered": every answer that changed something a reader sees, grouped by the
/// answers (in the order of the rules), each with what it changed. Of a rule that fired: every
/// weight and exclusion, the scores of alternatives still in the running, and the winner's caveats
/// and next steps. Of a rule an answer kept from firing (its `unless` held): the same effects,
/// said as kept from happening, an exclusion as the alternative kept eligible. A rule that fired on
/// another pack's winner alone is no answer's doing, and is left out.
pub(super) fn because_groups(cx: &Ctx, winner: Option<usize>) -> Vec<BecauseGroup> {
    let seen = |kind: EffectKind, a: Option<usize>| match kind {
        EffectKind::Weight | EffectKind::Veto => true,
        EffectKind::Adjust => a.is_some_and(|a| !cx.ev.excluded[a]),
        EffectKind::Caveat | EffectKind::NextStep => a.is_some() && a == winner,
        EffectKind::Eligible | EffectKind::Prevented => false,
    };
    let mut groups: Vec<BecauseGroup> = Vec::new();
    for r in 0..cx.pack.rules.len() {
        let (answers, effects): (Vec<Because>, Vec<RuleEffect>) = if cx.fired.contains(&r) {
            let effects = effects_of(cx, r)
                .into_iter()
                .filter(|(a, e)| seen(e.kind, *a))
                .map(|(_, e)| e)
                .collect();
            (cx.because(r), effects)
        } else if let Some(answers) = cx.kept_from_firing(r) {
            (answers, kept_off(cx, r, winner))
        } else {
            continue;
        };
        if answers.is_empty() || effects.is_empty() {
            continue;
        }
        match groups.iter_mut().find(|g| g.answers == answers) {
            Some(g) => g.effects.extend(effects),
            None => groups.push(BecauseGroup { answers, effects }),
        }
    }
    if let Some(group) = priced_because(cx) {
        groups.push(group);
    }
    groups
}

/// With the cost criterion computed from the monthly estimates, the answers the estimates read
/// (the footprint, and every question a priced line or the capacity depends on) changed its
/// scores: they are listed with that effect, so "did my answer matter?" has its answer there too.
pub(super) fn priced_because(cx: &Ctx) -> Option<BecauseGroup> {
    // Estimates shown beside hand scores change no score.
    let p = cx.priced.as_ref().filter(|p| p.pc.computed)?;
    let pc = p.pc;
    let mut questions: Vec<usize> = vec![pc.footprint];
    let conditions =
        pc.capacity
            .iter()
            .flat_map(|c| c.when.iter())
            .chain(pc.alternatives.iter().flat_map(|a| {
                a.lines
                    .iter()
                    .flat_map(|l| l.when.iter().chain(l.unless.iter().flatten()))
            }));
    for c in conditions {
        if !questions.contains(&c.question) {
            questions.push(c.question);
        }
    }
    questions.sort_unstable();
    let answers: Vec<Because> = questions
        .into_iter()
        .filter(|&q| cx.answers.get(q).copied().flatten().is_some())
        .map(|q| cx.answer(q))
        .collect();
    if answers.is_empty() {
        return None;
    }
    let criterion = &cx.pack.criteria[pc.criterion].name;
    Some(BecauseGroup {
        answers,
        effects: vec![RuleEffect {
            kind: EffectKind::Adjust,
            alternative: None,
            text: format!("{criterion}: every score computed from the monthly estimates").into(),
        }],
    })
}
