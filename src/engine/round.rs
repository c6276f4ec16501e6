//! Rounding for display: one decimal, three decimals, and parts that add up to their rounded total.

pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0 + 0.0
}

pub fn round3(x: f64) -> f64 {
    // `+ 0.0` turns −0.0 into 0.0, so JSON never says `-0.0`.
    (x * 1000.0).round() / 1000.0 + 0.0
}

/// Rounds `parts` to one decimal so that they sum exactly to `round1(total)` (largest remainder).
///
/// Total over every input: a part or a total that is not finite, or parts that cannot add up to the
/// total, never make it loop; each part moves by at most one tenth.
pub fn round_parts(parts: &[f64], total: f64) -> Vec<f64> {
    let finite = |x: f64| if x.is_finite() { x } else { 0.0 };
    let tenth = |x: f64| (finite(x) * 10.0).clamp(i64::MIN as f64 / 4.0, i64::MAX as f64 / 4.0);
    let mut tenths: Vec<i64> = parts.iter().map(|&p| tenth(p).floor() as i64).collect();
    let remainder = |i: usize| tenth(parts[i]) - tenths[i] as f64;
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| remainder(b).total_cmp(&remainder(a)).then(a.cmp(&b)));
    let target = tenth(total).round() as i64;
    let missing = target.saturating_sub(tenths.iter().fold(0i64, |s, &t| s.saturating_add(t)));
    // Largest remainders first when adding a tenth, smallest first when taking one away; each part
    // moves once at most, so a total the parts cannot reach is approached, never looped on.
    if missing > 0 {
        for &i in order.iter().take(missing as usize) {
            tenths[i] += 1;
        }
    } else {
        let positive: Vec<usize> = order
            .iter()
            .rev()
            .copied()
            .filter(|&i| tenths[i] > 0)
            .collect();
        for i in positive.into_iter().take(missing.unsigned_abs() as usize) {
            tenths[i] -= 1;
        }
    }
    tenths.into_iter().map(|t| t as f64 / 10.0).collect()
}
