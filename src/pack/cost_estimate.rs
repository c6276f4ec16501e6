//! The parts of `data/prices.toml` an estimate is computed from, checked and compiled: the workload
//! it scales with (the footprint question's sizes, the team-size question's people, the headroom)
//! and each estimate's lines, checked against their prices. `cost_check` puts them together.
//!
//! Build-script boundary: build.rs compiles this file into a crate of its own (to snapshot the
//! built-in data), so it may use only `pack`'s build files, `dates`, `safe` and `suggest` (and serde,
//! toml, fuzzy-matcher, strsim, postcard, libm); tests/boundary.rs checks it.

use std::collections::HashMap;

use toml::Spanned;

use super::checks::{Checker, Known, Seen};
use super::cost::*;
use super::diag::SourceText;
use super::rules::Names;
use super::rules::conditions;

/// The largest count, factor or size: far beyond any workload the question describes.
pub(super) const MAX_AMOUNT: f64 = 1_000_000.0;

pub(super) fn index<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    ids.enumerate().map(|(i, id)| (id, i)).collect()
}

pub(super) fn known<'a>(
    ids: &'a HashMap<&'a str, usize>,
    what: &'a str,
    from: &'a str,
) -> Known<'a> {
    Known {
        ids,
        what,
        from,
        report: true,
    }
}

/// A `[low, high]` pair: finite, at least `min`, low ≤ high, within `MAX_AMOUNT`.
pub(super) fn range(
    cx: &mut Checker,
    src: SourceText,
    v: &Spanned<[f64; 2]>,
    what: &str,
    min: f64,
) -> (f64, f64) {
    let [lo, hi] = *v.get_ref();
    let ok = |x: f64| x.is_finite() && x >= min && x <= MAX_AMOUNT;
    if !(ok(lo) && ok(hi) && lo <= hi) {
        cx.err(
            src,
            v,
            format!("{what} [{lo}, {hi}] is not a range: write [low, high] with {min} ≤ low ≤ high ≤ {MAX_AMOUNT}"),
        );
        return (min.max(0.0), min.max(0.0));
    }
    (lo, hi)
}

/// A compiled price with the instance size an instance-hour price is for.
pub(super) struct Priced {
    pub(super) price: Price,
    pub(super) instance: (f64, f64),
}

/// The footprint question and the size of each of its choices (in choice order); `None` when the
/// question is unknown or a choice has no size.
pub(super) fn footprint(
    cx: &mut Checker,
    src: SourceText,
    f: &FootprintDef,
    names: &Names,
) -> Option<(usize, Vec<Size>)> {
    let ids = index(names.questions.iter().map(|q| q.id.as_str()));
    let mut questions = known(&ids, "question", ": it must be a question id");
    questions.report = names.questions_known;
    let qi = cx.resolve(src, &f.question, &questions)?;
    let q = &names.questions[qi];
    let choice_ids = index(q.choices.iter().map(|c| c.id.as_str()));
    let from = format!(" of question `{}`", q.id);
    let mut sizes: Vec<Option<Size>> = vec![None; q.choices.len()];
    for s in f.sizes.get_ref() {
        let vcpu = range(cx, src, &s.vcpu, "vcpu", 0.0);
        let memory_gb = range(cx, src, &s.memory_gb, "memory_gb", 0.0);
        let Some(ci) = cx.resolve(src, &s.choice, &known(&choice_ids, "choice", &from)) else {
            continue;
        };
        if sizes[ci].is_some() {
            cx.err(
                src,
                &s.choice,
                format!("choice `{}` has two sizes: keep one", s.choice.get_ref()),
            );
        }
        sizes[ci] = Some(Size { vcpu, memory_gb });
    }
    let missing: Vec<&str> = sizes
        .iter()
        .zip(&q.choices)
        .filter(|(s, _)| s.is_none())
        .map(|(_, c)| c.id.as_str())
        .collect();
    if !missing.is_empty() {
        cx.err(
            src,
            &f.sizes,
            format!(
                "no size for {} of question `{}`: every choice needs one",
                missing.join(", "),
                q.id
            ),
        );
        return None;
    }
    Some((qi, sizes.into_iter().flatten().collect()))
}

/// The team-size question and the people each of its choices stands for (in choice order); `None`
/// when the question is unknown or a choice has no people.
pub(super) fn team(
    cx: &mut Checker,
    src: SourceText,
    t: &TeamDef,
    names: &Names,
) -> Option<(usize, Vec<(f64, f64)>)> {
    let ids = index(names.questions.iter().map(|q| q.id.as_str()));
    let mut questions = known(&ids, "question", ": it must be a question id");
    questions.report = names.questions_known;
    let qi = cx.resolve(src, &t.question, &questions)?;
    let q = &names.questions[qi];
    let choice_ids = index(q.choices.iter().map(|c| c.id.as_str()));
    let from = format!(" of question `{}`", q.id);
    let mut people: Vec<Option<(f64, f64)>> = vec![None; q.choices.len()];
    for s in t.sizes.get_ref() {
        let range = range(cx, src, &s.people, "people", 0.0);
        let Some(ci) = cx.resolve(src, &s.choice, &known(&choice_ids, "choice", &from)) else {
            continue;
        };
        if people[ci].is_some() {
            cx.err(
                src,
                &s.choice,
                format!(
                    "choice `{}` has two team sizes: keep one",
                    s.choice.get_ref()
                ),
            );
        }
        people[ci] = Some(range);
    }
    let missing: Vec<&str> = people
        .iter()
        .zip(&q.choices)
        .filter(|(p, _)| p.is_none())
        .map(|(_, c)| c.id.as_str())
        .collect();
    if !missing.is_empty() {
        cx.err(
            src,
            &t.sizes,
            format!(
                "no people for {} of question `{}`: every choice needs people = [low, high]",
                missing.join(", "),
                q.id
            ),
        );
        return None;
    }
    Some((qi, people.into_iter().flatten().collect()))
}

/// The headroom entries; the last must apply whatever the answers (no `when`).
pub(super) fn capacity(
    cx: &mut Checker,
    src: SourceText,
    defs: &[CapacityDef],
    names: &Names,
) -> Vec<Capacity> {
    let out: Vec<Capacity> = defs
        .iter()
        .map(|c| Capacity {
            when: c
                .when
                .as_ref()
                .map_or_else(Vec::new, |w| conditions(cx, src, w.get_ref(), names)),
            headroom: range(cx, src, &c.headroom, "headroom", 0.0),
            text: cx.text(src, &c.text, "text"),
        })
        .collect();
    match defs.last() {
        None => cx.at(src, 0, "no [[capacity]]: add one without `when`, the headroom that applies whatever the answers"),
        Some(last) if last.when.is_some() => cx.err(
            src,
            &last.headroom,
            "the last [[capacity]] must have no `when`: it is the headroom when no other applies",
        ),
        _ => {}
    }
    out
}

/// One estimate's lines, each checked against its price.
pub(super) fn lines(
    cx: &mut Checker,
    src: SourceText,
    e: &EstimateDef,
    prices: &[Priced],
    price_known: &Known,
    names: &Names,
) -> Vec<CostLine> {
    let mut seen = Seen::new("line", " in this estimate");
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for l in e.lines.get_ref() {
        cx.new_id(src, &l.id, &mut seen);
        let qty = Qty::ALL
            .iter()
            .find(|(id, _)| id == l.qty.get_ref())
            .map(|(_, q)| *q);
        let Some(qty) = qty else {
            let all: Vec<&str> = Qty::ALL.iter().map(|(id, _)| *id).collect();
            cx.err(
                src,
                &l.qty,
                format!(
                    "unknown qty `{}`: use one of {}",
                    l.qty.get_ref(),
                    all.join(", ")
                ),
            );
            continue;
        };
        let Some(pi) = cx.resolve(src, &l.price, price_known) else {
            continue;
        };
        let price = &prices[pi].price;
        if !qty.units().contains(&price.unit) {
            let units: Vec<&str> = qty.units().iter().map(|u| u.id()).collect();
            cx.err(
                src,
                &l.price,
                format!(
                    "price `{}` is per {}, but qty `{}` needs a price per {}",
                    price.id,
                    price.unit.id(),
                    l.qty.get_ref(),
                    units.join(" or ")
                ),
            );
        }
        let always = match l.runs.as_ref().map(|r| r.get_ref().as_str()) {
            Some("always") => true,
            Some("busy") => false,
            Some(other) => {
                let r = l.runs.as_ref().expect("matched Some");
                cx.err(
                    src,
                    r,
                    format!("runs `{other}` is not valid: use \"always\" or \"busy\""),
                );
                true
            }
            None if qty.needs_runs() => {
                cx.err(src, &l.qty, format!("qty `{}` needs runs = \"always\" (capacity that stays on) or \"busy\" (billed only while busy)", l.qty.get_ref()));
                true
            }
            None => false,
        };
        let counted = matches!(qty, Qty::Count | Qty::PerMember | Qty::PerVcpu);
        let count = match (&l.count, counted) {
            (Some(c), true) => range(cx, src, c, "count", 0.0),
            (None, true) => {
                cx.err(
                    src,
                    &l.qty,
                    format!("qty `{}` needs count = [low, high]", l.qty.get_ref()),
                );
                (0.0, 0.0)
            }
            (Some(c), false) => {
                cx.err(
                    src,
                    c,
                    "count is only for qty `count`, `per-member` or `per-vcpu`",
                );
                (0.0, 0.0)
            }
            (None, false) => (0.0, 0.0),
        };
        let factor = match &l.factor {
            Some(f) => range(cx, src, f, "factor", 0.0),
            None if matches!(qty, Qty::LambdaRequests | Qty::PerVcpuSecond) => {
                cx.err(
                    src,
                    &l.qty,
                    format!(
                        "qty `{}` needs factor = [low, high] per busy vCPU-second",
                        l.qty.get_ref()
                    ),
                );
                (0.0, 0.0)
            }
            None => (1.0, 1.0),
        };
        let (instance, fee_vcpu) = match qty {
            Qty::Instances => (prices[pi].instance, 0.0),
            Qty::InstanceVcpus => {
                let holder = l
                    .instance
                    .as_ref()
                    .and_then(|i| cx.resolve(src, i, price_known));
                if l.instance.is_none() {
                    cx.err(src, &l.qty, "qty `instance-vcpus` needs instance = the id of the instance-hour price whose instances it counts");
                }
                (
                    holder.map_or((1.0, 1.0), |h| prices[h].instance),
                    prices[pi].instance.0,
                )
            }
            _ => ((1.0, 1.0), 0.0),
        };
        let of = match (&l.of, qty) {
            (Some(o), Qty::Share) => {
                let found = ids.get(o.get_ref()).copied();
                if found.is_none() {
                    cx.err(
                        src,
                        o,
                        format!(
                            "`of` names no earlier line `{}` of this estimate",
                            o.get_ref()
                        ),
                    );
                }
                found
            }
            (None, Qty::Share) => {
                cx.err(
                    src,
                    &l.qty,
                    "qty `share` needs of = the id of an earlier line",
                );
                None
            }
            (Some(o), _) => {
                cx.err(src, o, "`of` is only for qty `share`");
                None
            }
            (None, _) => None,
        };
        let when = l
            .when
            .as_ref()
            .map_or_else(Vec::new, |w| conditions(cx, src, w.get_ref(), names));
        let unless = l.unless.as_ref().map_or_else(Vec::new, |u| {
            u.get_ref()
                .iter()
                .map(|g| conditions(cx, src, g.get_ref(), names))
                .collect()
        });
        ids.insert(l.id.get_ref().clone(), out.len());
        out.push(CostLine {
            id: l.id.get_ref().clone(),
            text: cx.text(src, &l.text, "text"),
            price: pi,
            usd: price.usd,
            unit: price.unit,
            qty,
            always,
            fixed: l.fixed,
            count,
            factor,
            instance,
            fee_vcpu,
            of,
            when,
            unless,
        });
    }
    if e.lines.get_ref().is_empty() {
        cx.err(src, &e.lines, "an estimate needs at least one line");
    }
    if e.lines.get_ref().len() > MAX_LINES {
        cx.err(
            src,
            &e.lines,
            format!("an estimate has at most {MAX_LINES} lines: split what it counts differently"),
        );
    }
    out
}
