//! Checks `data/prices.toml` and compiles it: prices with a known unit, a source and a date;
//! footprint sizes for every choice of the footprint question; estimate lines whose quantity fits
//! their price's unit; every reference (question, choice, pack, criterion, alternative, price, line,
//! source) resolved, with the closest valid id when one is wrong. The estimates are attached to the
//! packs they compute (`Pack::cost`), which then also read the questions the estimates depend on.
//!
//! This file holds the prices, the levers and putting it all together; the workload and the
//! estimates' lines are checked in `cost_estimate`.
//!
//! Build-script boundary: build.rs compiles this file into a crate of its own (to snapshot the
//! built-in data), so it may use only `pack`'s build files, `dates`, `safe` and `suggest` (and serde,
//! toml, fuzzy-matcher, strsim, postcard, libm); tests/boundary.rs checks it.

use std::collections::HashMap;

use toml::Spanned;

use super::checks::{Checker, Known, Seen};
use super::cost::*;
use super::cost_estimate::{MAX_AMOUNT, Priced, capacity, footprint, index, known, lines, team};
use super::diag::SourceText;
use super::model::Pack;
use super::rules::Names;

/// An alternative's estimate (or its reason for having none) as read, before its lines compile:
/// (pack, alternative, the [[estimate]], the [[unpriced]] reason).
type Placed<'a> = (usize, usize, Option<&'a EstimateDef>, Option<String>);

/// The largest unit price accepted: no AWS price per unit comes near it, and the bound keeps every
/// sum finite.
const MAX_USD: f64 = 1_000_000.0;

/// The price tables and, attached to `packs`, the estimates; `None` when the file is unusable.
pub fn prices(
    cx: &mut Checker,
    src: SourceText,
    f: &PricesFile,
    names: &Names,
    packs: &mut [Pack],
) -> Option<Prices> {
    let verified = cx.date(src, &f.verified);
    let region = cx.text(src, &f.region, "region");
    let terms = cx.text(src, &f.terms, "terms");
    let hours = positive(cx, src, &f.hours_per_month, "hours_per_month", 24.0 * 31.0);
    let per_doubling = positive(cx, src, &f.points_per_doubling, "points_per_doubling", 10.0);
    let mb_per_vcpu = positive(
        cx,
        src,
        &f.lambda_mb_per_vcpu,
        "lambda_mb_per_vcpu",
        10_240.0,
    );

    let prices = price_table(cx, src, f, names);
    let price_ids: HashMap<&str, usize> = prices
        .iter()
        .enumerate()
        .map(|(i, p)| (p.price.id.as_str(), i))
        .collect();
    let price_known = Known {
        ids: &price_ids,
        what: "price",
        from: ": it must be the id of a [[price]] in this file",
        report: true,
    };
    let footprint = footprint(cx, src, &f.footprint, names);
    let capacity = capacity(cx, src, &f.capacity, names);

    let pack_ids: HashMap<&str, usize> = packs
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let pack_known = Known {
        ids: &pack_ids,
        what: "pack",
        from: "",
        report: true,
    };
    let mut estimates: Vec<Option<Vec<Option<AltCost>>>> = vec![None; packs.len()];
    // Per pack: the criterion, and whether the estimates compute it (or stand beside it).
    let mut criteria: Vec<Option<(usize, bool)>> = vec![None; packs.len()];
    // Where each priced pack is named, to point at when one of its alternatives has no estimate.
    let mut named: Vec<Option<&Spanned<String>>> = vec![None; packs.len()];
    let priced = f
        .computes
        .iter()
        .map(|c| (&c.pack, &c.criterion, true))
        .chain(f.shows.iter().map(|s| (&s.pack, &s.beside, false)));
    for (pack, criterion, computed) in priced {
        let Some(pi) = cx.resolve(src, pack, &pack_known) else {
            continue;
        };
        if named[pi].is_some() {
            cx.err(
                src,
                pack,
                format!(
                    "pack `{}` is priced twice: keep one [[computes]] or [[shows]]",
                    pack.get_ref()
                ),
            );
        }
        let ids = index(packs[pi].criteria.iter().map(|c| c.id.as_str()));
        criteria[pi] = cx
            .resolve(src, criterion, &known(&ids, "criterion", ""))
            .map(|k| (k, computed));
        named[pi] = Some(pack);
        estimates[pi] = Some(vec![None; packs[pi].alternatives.len()]);
    }
    let place = |cx: &mut Checker,
                 pack: &Spanned<String>,
                 alternative: &Spanned<String>,
                 unpriced: bool|
     -> Option<(usize, usize)> {
        let pi = cx.resolve(src, pack, &pack_known)?;
        let ids = index(packs[pi].alternatives.iter().map(|a| a.id.as_str()));
        let from = format!(" in pack `{}`", packs[pi].id);
        let ai = cx.resolve(src, alternative, &known(&ids, "alternative", &from))?;
        let Some(slots) = estimates[pi].as_ref() else {
            cx.err(src, pack, format!("pack `{}` has no [[computes]] or [[shows]] entry: add one naming the criterion its estimates compute or stand beside", packs[pi].id));
            return None;
        };
        if unpriced && criteria[pi].is_some_and(|(_, computed)| computed) {
            cx.err(src, alternative, format!("pack `{}` is computed from its estimates, so every alternative needs one: write an [[estimate]], or show the pack's estimates beside its hand scores with [[shows]]", packs[pi].id));
            return None;
        }
        debug_assert!(ai < slots.len());
        Some((pi, ai))
    };
    let mut placed: Vec<Placed> = Vec::new();
    let twice = |cx: &mut Checker, placed: &[Placed], at: (usize, usize), alt: &Spanned<String>| {
        if placed.iter().any(|p| (p.0, p.1) == at) {
            cx.err(
                src,
                alt,
                format!(
                    "alternative `{}` has two estimates (an [[estimate]] or an [[unpriced]] each): keep one",
                    alt.get_ref()
                ),
            );
        }
    };
    for e in &f.estimates {
        if let Some(at) = place(cx, &e.pack, &e.alternative, false) {
            twice(cx, &placed, at, &e.alternative);
            placed.push((at.0, at.1, Some(e), None));
        }
    }
    for u in &f.unpriced {
        if let Some(at) = place(cx, &u.pack, &u.alternative, true) {
            twice(cx, &placed, at, &u.alternative);
            placed.push((at.0, at.1, None, Some(cx.text(src, &u.reason, "reason"))));
        }
    }
    for (pi, ai, e, reason) in placed {
        let alt = match (e, reason) {
            (Some(e), _) => AltCost {
                lines: lines(cx, src, e, &prices, &price_known, names),
                assumptions: e.assumptions.clone(),
                unpriced: None,
            },
            (None, reason) => AltCost {
                lines: Vec::new(),
                assumptions: Vec::new(),
                unpriced: reason,
            },
        };
        if let Some(slot) = estimates[pi].as_mut().and_then(|s| s.get_mut(ai)) {
            *slot = Some(alt);
        }
    }
    let team = f.team.as_ref().and_then(|t| team(cx, src, t, names));
    let levers = levers(cx, src, f, packs, &pack_known, names);

    for (pi, slots) in estimates.into_iter().enumerate() {
        let (Some(slots), Some((criterion, computed)), Some((question, sizes))) =
            (slots, criteria[pi], footprint.clone())
        else {
            continue;
        };
        let missing: Vec<&str> = slots
            .iter()
            .zip(&packs[pi].alternatives)
            .filter(|(s, _)| s.is_none())
            .map(|(_, a)| a.id.as_str())
            .collect();
        if !missing.is_empty() {
            cx.err(
                src,
                named[pi].unwrap_or(&f.verified),
                format!(
                    "pack `{}` is priced but has no [[estimate]] for {}: every alternative needs one{}",
                    packs[pi].id,
                    missing.join(", "),
                    if computed { "" } else { " (or an [[unpriced]] entry saying why not)" }
                ),
            );
            continue;
        }
        let alternatives: Vec<AltCost> = slots.into_iter().flatten().collect();
        let all_lines = || alternatives.iter().flat_map(|a| &a.lines);
        // An estimate waits for the footprint, always: skipping it means no estimate anywhere, as
        // the question says. It also waits for the team size when a line counts per person.
        let mut needs = vec![question];
        if all_lines().any(|l| l.qty == Qty::PerMember) {
            match &team {
                Some((tq, _)) => needs.push(*tq),
                None => cx.err(
                    src,
                    named[pi].unwrap_or(&f.verified),
                    format!("pack `{}` has `per-member` lines but the file has no [team]: add one with the people each choice of the team-size question stands for", packs[pi].id),
                ),
            }
        }
        needs.sort_unstable();
        needs.dedup();
        let cost = PackCost {
            criterion,
            computed,
            footprint: question,
            sizes,
            team: team.clone(),
            needs,
            capacity: capacity.clone(),
            hours,
            points_per_doubling: per_doubling,
            lambda_gb_per_vcpu: mb_per_vcpu / 1024.0,
            alternatives,
        };
        if computed {
            // The estimates read these questions too: they are part of what the pack's scores
            // depend on. Estimates shown beside hand scores change no score, so the questions
            // they read are asked (`Catalog::questions_for`) but not swept.
            let read = cost
                .needs
                .iter()
                .copied()
                .chain(
                    cost.capacity
                        .iter()
                        .flat_map(|c| c.when.iter().map(|w| w.question)),
                )
                .chain(cost.alternatives.iter().flat_map(|a| {
                    a.lines.iter().flat_map(|l| {
                        l.when
                            .iter()
                            .chain(l.unless.iter().flatten())
                            .map(|c| c.question)
                    })
                }));
            let used = &mut packs[pi].questions_used;
            used.extend(read);
            used.sort_unstable();
            used.dedup();
        }
        packs[pi].cost = Some(cost);
    }
    Some(Prices {
        verified,
        region,
        terms,
        prices: prices.into_iter().map(|p| p.price).collect(),
        levers,
    })
}

/// A number above zero and at most `max`.
fn positive(cx: &mut Checker, src: SourceText, v: &Spanned<f64>, what: &str, max: f64) -> f64 {
    let x = *v.get_ref();
    if x.is_finite() && x > 0.0 && x <= max {
        return x;
    }
    cx.err(
        src,
        v,
        format!("{what} {x} is out of bounds: use a number above 0 and at most {max}"),
    );
    1.0
}

fn price_table(cx: &mut Checker, src: SourceText, f: &PricesFile, names: &Names) -> Vec<Priced> {
    let mut seen = Seen::new("price", "");
    f.prices
        .iter()
        .map(|p| {
            cx.new_id(src, &p.id, &mut seen);
            let unit = Unit::ALL
                .iter()
                .find(|(id, _)| id == p.unit.get_ref())
                .map(|(_, u)| *u);
            if unit.is_none() {
                let all: Vec<&str> = Unit::ALL.iter().map(|(id, _)| *id).collect();
                cx.err(
                    src,
                    &p.unit,
                    format!(
                        "unknown unit `{}`: use one of {}",
                        p.unit.get_ref(),
                        all.join(", ")
                    ),
                );
            }
            let unit = unit.unwrap_or(Unit::Hour);
            let usd = *p.usd.get_ref();
            let max = if unit == Unit::Share { 10.0 } else { MAX_USD };
            if !(usd.is_finite() && (0.0..=max).contains(&usd)) {
                cx.err(
                    src,
                    &p.usd,
                    format!(
                        "price {usd} is out of bounds: use a number of US dollars from 0 to {max}"
                    ),
                );
            }
            let instance = match (&p.vcpu, &p.memory_gb) {
                (Some(v), Some(m)) => (
                    positive(cx, src, v, "vcpu", MAX_AMOUNT),
                    positive(cx, src, m, "memory_gb", MAX_AMOUNT),
                ),
                _ if unit == Unit::InstanceHour => {
                    cx.err(
                        src,
                        &p.unit,
                        "an instance-hour price needs the instance's vcpu and memory_gb",
                    );
                    (1.0, 1.0)
                }
                (Some(v), _) => {
                    cx.err(
                        src,
                        v,
                        "vcpu is only for an instance-hour price (with memory_gb)",
                    );
                    (1.0, 1.0)
                }
                (_, Some(m)) => {
                    cx.err(
                        src,
                        m,
                        "memory_gb is only for an instance-hour price (with vcpu)",
                    );
                    (1.0, 1.0)
                }
                (None, None) => (1.0, 1.0),
            };
            Priced {
                price: Price {
                    id: p.id.get_ref().clone(),
                    name: cx.text(src, &p.name, "name"),
                    usd: if usd.is_finite() {
                        usd.clamp(0.0, max)
                    } else {
                        0.0
                    },
                    unit,
                    source: cx.resolve(src, &p.source, &names.sources),
                    verified: cx.date(src, &p.verified),
                },
                instance,
            }
        })
        .collect()
}

fn levers(
    cx: &mut Checker,
    src: SourceText,
    f: &PricesFile,
    packs: &[Pack],
    pack_known: &Known,
    names: &Names,
) -> Vec<Lever> {
    let mut seen = Seen::new("lever", "");
    f.levers
        .iter()
        .map(|l| {
            cx.new_id(src, &l.id, &mut seen);
            let up_to = *l.up_to.get_ref();
            if !(up_to.is_finite() && up_to > 0.0 && up_to < 1.0) {
                cx.err(src, &l.up_to, format!("up_to {up_to} is not a discount: write a fraction above 0 and below 1 (0.66 = 66%)"));
            }
            let mut applies = Vec::new();
            for (pack, alts) in l.applies.get_ref() {
                let Some(pi) = cx.resolve(src, pack, pack_known) else {
                    continue;
                };
                let ids = index(packs[pi].alternatives.iter().map(|a| a.id.as_str()));
                let from = format!(" in pack `{}`", packs[pi].id);
                let found = alts
                    .get_ref()
                    .iter()
                    .filter_map(|a| {
                        cx.resolve(src, &Spanned::new(alts.span(), a.clone()), &known(&ids, "alternative", &from))
                    })
                    .collect();
                applies.push((pi, found));
            }
            Lever {
                id: l.id.get_ref().clone(),
                name: cx.text(src, &l.name, "name"),
                up_to: up_to.clamp(0.0, 1.0),
                text: cx.text(src, &l.text, "text"),
                source: cx.resolve(src, &l.source, &names.sources),
                applies,
            }
        })
        .collect()
}
