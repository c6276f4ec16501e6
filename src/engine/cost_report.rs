//! The estimates as the analysis reports them: per alternative its monthly range, fixed part,
//! priced lines, assumptions and levers; per pack what the figures rest on; and the sentence that
//! explains a computed cost score with its figures.

use super::cost::{self, Estimate, usd, usd_range};
use super::result::{CostBasis, CostLineOut, CostOut, LeverOut, NotPriced, SourceOut, UsdRange};
use crate::pack::SharedStr;
use crate::pack::cost::{PackCost, Qty};
use crate::pack::{Catalog, Pack};

/// A pack's estimates under some answers, with the computed scores.
pub struct Priced<'a> {
    pub pc: &'a PackCost,
    pub estimates: Vec<Estimate>,
    pub scores: Vec<f64>,
    /// The alternative with the lowest midpoint (the first of equals).
    pub cheapest: usize,
}

/// The estimates, when the pack has prices and the footprint is answered.
pub fn priced<'a>(pack: &'a Pack, answers: &[Option<usize>]) -> Option<Priced<'a>> {
    let pc = pack.cost.as_ref()?;
    let estimates = cost::estimates(pc, answers)?;
    let scores = cost::scores(pc, &estimates);
    let cheapest = (0..estimates.len())
        .filter(|&a| pc.alternatives[a].unpriced.is_none())
        .min_by(|&a, &b| {
            estimates[a]
                .mid()
                .total_cmp(&estimates[b].mid())
                .then(a.cmp(&b))
        })?;
    Some(Priced {
        pc,
        estimates,
        scores,
        cheapest,
    })
}

/// The oldest date any price was checked (the file's own date when it has no prices).
pub fn prices_checked(catalog: &Catalog) -> Option<String> {
    let p = catalog.prices.as_ref()?;
    Some(
        p.prices
            .iter()
            .map(|x| x.verified.as_str())
            .chain([p.verified.as_str()])
            .min()
            .unwrap_or_default()
            .to_string(),
    )
}

/// "estimate, us-east-1 on-demand prices checked on 2026-12-07".
pub fn note(catalog: &Catalog) -> Option<String> {
    let p = catalog.prices.as_ref()?;
    Some(format!(
        "estimate, {} on-demand prices checked on {}",
        p.region,
        prices_checked(catalog)?
    ))
}

pub fn basis(catalog: &Catalog, pack: &Pack, p: &Priced) -> Option<CostBasis> {
    let prices = catalog.prices.as_ref()?;
    let k = p.pc.criterion;
    let curve = if p.pc.computed {
        format!(
            "computed from the estimates: 10 for the cheapest of the pack (the midpoint of its range, excluded alternatives included), {} points less for every doubling above it, 0 at the least",
            trim(p.pc.points_per_doubling)
        )
    } else {
        "scored by hand, with the estimates shown beside it: the figures count every minute, metric and user at list price, while free tiers, plan allowances and the seats a team already pays for decide what it costs at a small size".to_string()
    };
    let not_priced =
        p.pc.alternatives
            .iter()
            .enumerate()
            .filter_map(|(a, alt)| {
                Some(NotPriced {
                    alternative: pack.alternatives[a].id.clone(),
                    name: pack.alternatives[a].name.clone(),
                    reason: alt.unpriced.clone()?.into(),
                })
            })
            .collect();
    Some(CostBasis {
        note: note(catalog)?.into(),
        region: prices.region.clone().into(),
        terms: prices.terms.clone().into(),
        prices_checked: prices_checked(catalog)?.into(),
        criterion: pack.criteria[k].id.clone(),
        criterion_name: pack.criteria[k].name.clone(),
        computed: p.pc.computed,
        curve: curve.into(),
        cheapest: pack.alternatives[p.cheapest].id.clone(),
        not_priced,
    })
}

/// Why alternative `a` scores what it does on the computed criterion, with the figures.
pub fn why(pack: &Pack, p: &Priced, a: usize) -> String {
    let e = &p.estimates[a];
    let c = &p.estimates[p.cheapest];
    let range = usd_range(e.low, e.high);
    if a == p.cheapest {
        return format!(
            "Estimated {range} a month, the cheapest of the pack: 10 (computed from the estimates)"
        );
    }
    format!(
        "Estimated {range} a month ({} at the midpoint); the cheapest, {}, {} ({}): 10 − {} × log2({} ÷ {}) = {:.1}",
        usd(e.mid()),
        pack.alternatives[p.cheapest].short,
        usd_range(c.low, c.high),
        usd(c.mid()),
        trim(p.pc.points_per_doubling),
        usd(e.mid()),
        usd(c.mid()),
        p.scores[a]
    )
}

/// Alternative `a`'s estimate in full; `None` for an alternative no price table can estimate.
pub fn cost_out(
    catalog: &Catalog,
    pack: &Pack,
    p: &Priced,
    a: usize,
    answers: &[Option<usize>],
    source: impl Fn(Option<usize>) -> Option<SourceOut>,
) -> Option<CostOut> {
    let e = &p.estimates[a];
    let alt = &p.pc.alternatives[a];
    if alt.unpriced.is_some() {
        return None;
    }
    let prices = catalog.prices.as_ref();
    let mut assumptions = Vec::new();
    let answer = |q: usize| answers.get(q).copied().flatten();
    // The answers this alternative's lines read, each said once in plain words.
    let applied = || e.lines.iter().map(|&(i, _, _)| &alt.lines[i]);
    let reads_size = applied().any(|l| l.qty.reads_footprint());
    let reads_team = applied().any(|l| l.qty == Qty::PerMember);
    if let Some(ci) = answer(p.pc.footprint).filter(|_| reads_size) {
        let q = &catalog.questions[p.pc.footprint];
        let s = p.pc.sizes[ci];
        assumptions.push(
            format!(
                "{}: {} — {}–{} vCPU and {}–{} GB busy on average",
                q.title,
                q.choices[ci].label,
                trim(s.vcpu.0),
                trim(s.vcpu.1),
                trim(s.memory_gb.0),
                trim(s.memory_gb.1)
            )
            .into(),
        );
    }
    if let Some((tq, people)) = &p.pc.team
        && reads_team
        && let Some(ci) = answer(*tq)
    {
        let q = &catalog.questions[*tq];
        let (lo, hi) = people[ci];
        let count = if lo == hi {
            format!(
                "{} {}",
                trim(lo),
                if lo == 1.0 { "person" } else { "people" }
            )
        } else {
            format!("{} to {} people", trim(lo), trim(hi))
        };
        assumptions.push(format!("{}: {} — {count}", q.title, q.choices[ci].label).into());
    }
    let stays_on = e.lines.iter().any(|&(i, _, _)| alt.lines[i].always);
    if stays_on && let Some(h) = cost::headroom(p.pc, answers) {
        assumptions.push(p.pc.capacity[h].text.clone().into());
    }
    assumptions.extend(
        e.lines
            .iter()
            .map(|&(i, _, _)| alt.lines[i].text.clone().into()),
    );
    assumptions.extend(alt.assumptions.iter().map(SharedStr::from));
    let lines = e
        .lines
        .iter()
        .map(|&(i, low, high)| {
            let l = &alt.lines[i];
            let price = prices.and_then(|ps| ps.prices.get(l.price));
            CostLineOut {
                id: l.id.clone().into(),
                text: l.text.clone().into(),
                price: price.map(|x| x.id.clone()).unwrap_or_default().into(),
                price_name: price.map(|x| x.name.clone()).unwrap_or_default().into(),
                unit_usd: l.usd,
                unit: l.unit.id(),
                monthly_usd: UsdRange {
                    low: cents(low),
                    high: cents(high),
                },
                fixed: l.fixed,
                source: source(price.and_then(|x| x.source)),
            }
        })
        .collect();
    let pi = catalog.pack_index(&pack.id);
    let levers = prices
        .map(|ps| {
            ps.levers
                .iter()
                .filter(|l| {
                    l.applies
                        .iter()
                        .any(|(lp, alts)| Some(*lp) == pi && alts.contains(&a))
                })
                .map(|l| LeverOut {
                    id: l.id.clone().into(),
                    name: l.name.clone().into(),
                    up_to: l.up_to,
                    text: l.text.clone().into(),
                    source: source(l.source),
                })
                .collect()
        })
        .unwrap_or_default();
    Some(CostOut {
        monthly_usd: UsdRange {
            low: cents(e.low),
            high: cents(e.high),
        },
        fixed_usd: cents(e.fixed),
        assumptions,
        lines,
        levers,
    })
}

/// Rounded to the cent (JSON never says `-0.0`).
pub fn cents(x: f64) -> f64 {
    (x * 100.0).round() / 100.0 + 0.0
}

/// A number without trailing zeros: 0.25, 2, 1.5.
fn trim(x: f64) -> String {
    let s = format!("{x:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
