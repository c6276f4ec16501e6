//! What each alternative will cost, as every report says it: the monthly range beside the ranking,
//! a "What it will cost" part (figures, fixed part, the difference against the winner, what the
//! winner's estimate assumes and the discounts it leaves out), and the difference in dollars between
//! the top two. Every figure comes with the basis note ("estimate, us-east-1 on-demand prices
//! checked on …"): an estimate is never shown as a quote.

use super::outline::{Block, Cell, Column, ColumnKind, Row, Table, Text};
use crate::engine::cost::{usd, usd_range};
use crate::engine::{CostOut, PackResult, RankedAlternative};

/// "$61–$95", or "not priced" for an alternative of a priced pack that no price can estimate.
pub fn monthly(a: &RankedAlternative) -> String {
    a.cost.as_ref().map_or_else(
        || "not priced".to_string(),
        |c| usd_range(c.monthly_usd.low, c.monthly_usd.high),
    )
}

/// The midpoint of an estimate.
pub fn mid(c: &CostOut) -> f64 {
    (c.monthly_usd.low + c.monthly_usd.high) / 2.0
}

/// "$40 a month more than X" / "$40 a month less than X" / "about the same as X", by midpoints.
pub fn against(a: &CostOut, b: &CostOut, b_name: &str) -> String {
    let d = mid(a) - mid(b);
    if d.abs() < 0.5 {
        return format!("about the same as {b_name}");
    }
    let dir = if d > 0.0 { "more" } else { "less" };
    format!("{} a month {dir} than {b_name}", usd(d.abs()))
}

/// "+$34", "−$15": a difference of midpoints, a month.
pub fn signed(d: f64) -> String {
    if d.abs() < 0.5 {
        return "±$0".to_string();
    }
    format!("{}{}", if d > 0.0 { "+" } else { "−" }, usd(d.abs()))
}

/// The sentence under the top two in "Why": their ranges and the difference in dollars.
pub fn top_two(p: &PackResult, w: &RankedAlternative) -> Option<Text> {
    let basis = p.cost_basis.as_ref()?;
    let wc = w.cost.as_ref()?;
    let ru = p.runner_up.as_deref().and_then(|r| super::find(p, r))?;
    let rc = ru.cost.as_ref()?;
    Some(Text::strong("Cost: ").and(format!(
        "{} {} a month, {}; {} {} ({}).",
        w.name,
        usd_range(wc.monthly_usd.low, wc.monthly_usd.high),
        against(wc, rc, &ru.name),
        ru.name,
        usd_range(rc.monthly_usd.low, rc.monthly_usd.high),
        basis.note
    )))
}

/// "What it will cost": nothing without estimates.
pub fn blocks(p: &PackResult) -> Vec<Block> {
    let Some(basis) = &p.cost_basis else {
        return Vec::new();
    };
    let winner = p.winner.as_deref().and_then(|w| super::find(p, w));
    let wc = winner.and_then(|w| w.cost.as_ref());
    let mut out = vec![
        Block::heading(3, "What it will cost"),
        Block::paragraph(Text::plain(format!(
            "Monthly {} ({}); differences compare the midpoints of the ranges. The {} criterion is {}.",
            basis.note, basis.terms, basis.criterion_name, basis.curve
        ))),
    ];
    let mut columns = vec![
        Column::new("Alternative", ColumnKind::Label),
        Column::new("Monthly", ColumnKind::Number),
        Column::new("Fixed", ColumnKind::Number),
    ];
    if let Some(w) = winner {
        columns.push(Column::new(
            format!("Against {}", w.name),
            ColumnKind::Number,
        ));
    }
    let rows = p
        .ranking
        .iter()
        .filter(|a| !a.excluded)
        .filter_map(|a| {
            let c = a.cost.as_ref()?;
            let mut cells = vec![
                Cell::text(a.name.clone()),
                Cell::text(usd_range(c.monthly_usd.low, c.monthly_usd.high)),
                Cell::text(usd(c.fixed_usd)),
            ];
            if let (Some(w), Some(wc)) = (winner, wc) {
                cells.push(Cell::text(if w.id == a.id {
                    "—".to_string()
                } else {
                    signed(mid(c) - mid(wc))
                }));
            }
            Some(Row {
                cells,
                highlight: false,
            })
        })
        .collect();
    out.push(Block::Table(Table { columns, rows }));
    let not_priced: Vec<&crate::engine::NotPriced> = basis
        .not_priced
        .iter()
        .filter(|n| super::find(p, &n.alternative).is_some_and(|a| !a.excluded))
        .collect();
    if !not_priced.is_empty() {
        out.push(Block::paragraph(
            Text::strong("Not priced: ").and(
                not_priced
                    .iter()
                    .map(|n| format!("{} — {}", n.name, n.reason))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        ));
    }
    if let (Some(w), Some(c)) = (winner, wc) {
        out.push(Block::heading(
            4,
            format!("What the estimate for {} assumes", w.name),
        ));
        let mut items: Vec<Text> = c.assumptions.iter().cloned().map(Text::plain).collect();
        // One item per price: lines that pay the same price (traces sampled and the reservoir's)
        // add up, in the order the prices first appear.
        let mut by_price: Vec<(&crate::engine::CostLineOut, f64, f64)> = Vec::new();
        for l in &c.lines {
            match by_price.iter_mut().find(|(p, _, _)| p.price == l.price) {
                Some((_, lo, hi)) => {
                    *lo += l.monthly_usd.low;
                    *hi += l.monthly_usd.high;
                }
                None => by_price.push((l, l.monthly_usd.low, l.monthly_usd.high)),
            }
        }
        items.extend(by_price.into_iter().map(|(l, lo, hi)| {
            Text::plain(format!(
                "{}: {} ({} {})",
                l.price_name,
                usd_range(lo, hi),
                unit_price(l.unit_usd),
                unit_words(l.unit)
            ))
        }));
        out.push(Block::list(items));
        if !c.levers.is_empty() {
            out.push(Block::paragraph(
                Text::strong("Not in these figures: ").and(
                    c.levers
                        .iter()
                        .map(|l| {
                            format!("{} (up to {:.0}% off: {})", l.name, l.up_to * 100.0, l.text)
                        })
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            ));
        }
    }
    out
}

/// A unit price with as many decimals as it needs ($0.0000166667, $0.04048, $0.10).
fn unit_price(x: f64) -> String {
    let s = format!("{x:.10}");
    let s = s.trim_end_matches('0');
    let s = if s.ends_with('.') {
        format!("{s}00")
    } else {
        s.to_string()
    };
    // At least cents.
    match s.split_once('.') {
        Some((_, frac)) if frac.len() < 2 => format!("${s}0"),
        _ => format!("${s}"),
    }
}

fn unit_words(unit: &str) -> &'static str {
    crate::pack::cost::Unit::ALL
        .iter()
        .find(|(id, _)| *id == unit)
        .map_or("", |(_, u)| u.per())
}

#[cfg(test)]
mod tests {
    use super::unit_price;

    #[test]
    fn unit_prices_keep_their_digits() {
        assert_eq!(unit_price(0.0000166667), "$0.0000166667");
        assert_eq!(unit_price(0.04048), "$0.04048");
        assert_eq!(unit_price(0.1), "$0.10");
        assert_eq!(unit_price(0.5), "$0.50");
        assert_eq!(unit_price(2.0), "$2.00");
    }
}
