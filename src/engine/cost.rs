//! Monthly estimates from the price tables (`data/prices.toml`), and the cost criterion they
//! compute: with the footprint answered, every alternative of a priced pack gets a low–high range
//! in US dollars, and the pack's cost criterion scores those ranges on a fixed curve, so that
//! scoring, what-ifs, sensitivity and robustness all see the same computed scores.
//!
//! The curve: the cheapest estimate of the pack (the midpoint of its range, excluded alternatives
//! included so that an exclusion never moves another score) gets 10, and every doubling above it
//! costs `points_per_doubling` points (2.5 in the built-in data: twice the cheapest scores 7.5, four
//! times 5, sixteen times or more 0).

use crate::pack::condition::holds;
use crate::pack::cost::{AltCost, MAX_LINES, PackCost, Qty, Size};

/// Seconds in an hour, for prices per GB-second.
const SECONDS_PER_HOUR: f64 = 3600.0;

/// One alternative's estimate under some answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    pub low: f64,
    pub high: f64,
    /// Paid with no traffic at all (the lines marked fixed, at their low count).
    pub fixed: f64,
    /// (line index, low, high) of every line that applies, in data order.
    pub lines: Vec<(usize, f64, f64)>,
}

impl Estimate {
    pub fn mid(&self) -> f64 {
        (self.low + self.high) / 2.0
    }
}

/// The headroom on capacity that stays on under these answers, and the entry that gave it.
pub fn headroom(pc: &PackCost, answers: &[Option<usize>]) -> Option<usize> {
    pc.capacity
        .iter()
        .position(|c| holds(&c.when, &[], answers))
}

/// Every alternative's estimate, or `None` when a question the estimates need (the footprint,
/// the team size) is not answered. An unpriced alternative's is empty (no line).
pub fn estimates(pc: &PackCost, answers: &[Option<usize>]) -> Option<Vec<Estimate>> {
    let sized = sized(pc, answers)?;
    Some(
        pc.alternatives
            .iter()
            .map(|alt| {
                let mut lines = Vec::with_capacity(alt.lines.len());
                let (low, high, fixed) = totals(pc, alt, &sized, answers, |i, lo, hi| {
                    lines.push((i, lo, hi))
                });
                Estimate {
                    low,
                    high,
                    fixed,
                    lines,
                }
            })
            .collect(),
    )
}

/// Only the computed scores, as scoring needs them: no line is kept. `None` for estimates shown
/// beside hand scores, which never score.
pub fn computed_scores(pc: &PackCost, answers: &[Option<usize>]) -> Option<Vec<f64>> {
    if !pc.computed {
        return None;
    }
    let sized = sized(pc, answers)?;
    let mids: Vec<f64> = pc
        .alternatives
        .iter()
        .map(|alt| {
            let (low, high, _) = totals(pc, alt, &sized, answers, |_, _, _| {});
            (low + high) / 2.0
        })
        .collect();
    Some(scores_of(pc.points_per_doubling, &mids))
}

/// What the answers say the estimates rest on.
struct Sized {
    /// The footprint's size (zero when the estimates do not read it).
    size: Size,
    /// The headroom on capacity that stays on.
    head: (f64, f64),
    /// The team's people, low and high (zero when the estimates do not read it).
    people: (f64, f64),
}

/// The footprint's size, the headroom and the team's people under these answers; `None` when a
/// question the estimates need is not answered.
fn sized(pc: &PackCost, answers: &[Option<usize>]) -> Option<Sized> {
    let answer = |q: usize| answers.get(q).copied().flatten();
    if pc.needs.iter().any(|&q| answer(q).is_none()) {
        return None;
    }
    let zero = Size {
        vcpu: (0.0, 0.0),
        memory_gb: (0.0, 0.0),
    };
    let size = answer(pc.footprint)
        .and_then(|c| pc.sizes.get(c).copied())
        .unwrap_or(zero);
    let people = pc
        .team
        .as_ref()
        .and_then(|(q, people)| people.get(answer(*q)?).copied())
        .unwrap_or((0.0, 0.0));
    let head = headroom(pc, answers).map_or((1.0, 1.0), |i| pc.capacity[i].headroom);
    Some(Sized { size, head, people })
}

/// Low, high and fixed monthly totals of one alternative; `each` sees every line that applies.
fn totals(
    pc: &PackCost,
    alt: &AltCost,
    sized: &Sized,
    answers: &[Option<usize>],
    mut each: impl FnMut(usize, f64, f64),
) -> (f64, f64, f64) {
    let Sized { size, head, people } = *sized;
    let mut seen = [(0.0, 0.0); MAX_LINES];
    let (mut low, mut high, mut fixed) = (0.0, 0.0, 0.0);
    for (i, l) in alt.lines.iter().enumerate().take(MAX_LINES) {
        if !holds(&l.when, &l.unless, answers) {
            continue;
        }
        let (hl, hh) = if l.always { head } else { (1.0, 1.0) };
        let hours = pc.hours;
        let instances = |v: f64, m: f64| {
            let (iv, im) = l.instance;
            (v / iv).ceil().max((m / im).ceil()).max(1.0)
        };
        // Per end of the range: the capacity (vCPU, GB) and the line's factor.
        let one = |v: f64, m: f64, f: f64| match l.qty {
            Qty::Vcpu => v * f * hours * l.usd,
            Qty::Memory => m * f * hours * l.usd,
            Qty::Instances => instances(v * f, m * f) * hours * l.usd,
            Qty::InstanceVcpus => {
                instances(v * f, m * f) * l.instance.0 / l.fee_vcpu * hours * l.usd
            }
            Qty::LambdaDuration => v * pc.lambda_gb_per_vcpu * hours * SECONDS_PER_HOUR * f * l.usd,
            Qty::LambdaRequests | Qty::PerVcpuSecond => {
                v * hours * SECONDS_PER_HOUR * f / 1e6 * l.usd
            }
            Qty::PerVcpu => v * f * l.usd,
            Qty::Count | Qty::Share | Qty::PerMember => 0.0,
        };
        // A count of an hourly price is paid every hour; of any other, it is the month's amount.
        let per = if l.unit.hourly() { hours } else { 1.0 };
        let (lo, hi) = match l.qty {
            Qty::Count => (
                l.count.0 * l.factor.0 * per * l.usd,
                l.count.1 * l.factor.1 * per * l.usd,
            ),
            Qty::PerMember => (
                people.0 * l.count.0 * l.factor.0 * per * l.usd,
                people.1 * l.count.1 * l.factor.1 * per * l.usd,
            ),
            Qty::PerVcpu => (
                one(size.vcpu.0, 0.0, l.count.0 * l.factor.0),
                one(size.vcpu.1, 0.0, l.count.1 * l.factor.1),
            ),
            Qty::Share => {
                l.of.filter(|&o| o < i)
                    .map_or((0.0, 0.0), |o| (seen[o].0 * l.usd, seen[o].1 * l.usd))
            }
            _ => (
                one(size.vcpu.0 * hl, size.memory_gb.0 * hl, l.factor.0),
                one(size.vcpu.1 * hh, size.memory_gb.1 * hh, l.factor.1),
            ),
        };
        seen[i] = (lo, hi);
        low += lo;
        high += hi;
        if l.fixed {
            fixed += lo;
        }
        each(i, lo, hi);
    }
    (low, high, fixed)
}

/// The computed cost scores (0–10) for the estimates' midpoints.
pub fn scores(pc: &PackCost, estimates: &[Estimate]) -> Vec<f64> {
    let mids: Vec<f64> = estimates.iter().map(Estimate::mid).collect();
    scores_of(pc.points_per_doubling, &mids)
}

fn scores_of(per_doubling: f64, mids: &[f64]) -> Vec<f64> {
    let cheapest = mids.iter().copied().fold(f64::INFINITY, f64::min);
    mids.iter()
        .map(|&m| score(per_doubling, m, cheapest))
        .collect()
}

/// 10 for the cheapest, `per_doubling` less for every doubling above it, never below 0.
pub fn score(per_doubling: f64, mid: f64, cheapest: f64) -> f64 {
    // NaN never reaches here (prices and sizes are checked finite); a midpoint at or below the
    // cheapest is the cheapest, and nothing can double a free cheapest.
    if mid.partial_cmp(&cheapest) != Some(std::cmp::Ordering::Greater) {
        return 10.0;
    }
    if cheapest <= 0.0 {
        return 0.0;
    }
    // libm's log2 (a port of musl's), not the system's: the same bits on every machine, and no
    // libm.so for the loader to find and map at every start (README, "Performance").
    (10.0 - per_doubling * libm::log2(mid / cheapest)).clamp(0.0, 10.0)
}

/// US dollars as people read them: cents under $10, whole dollars with thousands separators above.
pub fn usd(x: f64) -> String {
    let x = if x.is_finite() { x.max(0.0) } else { 0.0 };
    if x < 10.0 {
        return format!("${x:.2}");
    }
    let whole = format!("{:.0}", x.round());
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("${out}")
}

/// A monthly range, "$61–$95" (one figure when both ends round alike).
pub fn usd_range(low: f64, high: f64) -> String {
    let (a, b) = (usd(low), usd(high));
    if a == b { a } else { format!("{a}–{b}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_curve_loses_points_per_doubling() {
        assert_eq!(score(2.5, 10.0, 10.0), 10.0);
        assert_eq!(score(2.5, 20.0, 10.0), 7.5);
        assert_eq!(score(2.5, 40.0, 10.0), 5.0);
        assert_eq!(score(2.5, 160.0, 10.0), 0.0);
        assert_eq!(score(2.5, 1e9, 10.0), 0.0);
        assert_eq!(score(2.5, 5.0, 0.0), 0.0);
        assert_eq!(score(2.5, 0.0, 0.0), 10.0);
    }

    #[test]
    fn dollars_read_like_dollars() {
        assert_eq!(usd(4.5), "$4.50");
        assert_eq!(usd(61.4), "$61");
        assert_eq!(usd(1234.5), "$1,235");
        assert_eq!(usd(1_234_567.0), "$1,234,567");
        assert_eq!(usd(f64::NAN), "$0.00");
        assert_eq!(usd_range(61.0, 95.2), "$61–$95");
        assert_eq!(usd_range(61.0, 61.2), "$61");
    }
}
