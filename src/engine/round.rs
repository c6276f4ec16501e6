//! Rounding for display: one decimal, three decimals, and parts that add up to their rounded total.

/// `x` with `.0` decimals as `format!("{x:.p$}")` writes it (`Fixed(x, p)` in a format string),
/// without the exact-decimal algorithm when `x` is not near a rounding tie: a report writes a few
/// hundred scores, points and shares, and that algorithm took a twentieth of its work.
#[derive(Debug, Clone, Copy)]
pub struct Fixed(pub f64, pub u8);

impl std::fmt::Display for Fixed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Fixed(x, decimals) = *self;
        let scale = 10_f64.powi(i32::from(decimals));
        let scaled = x * scale;
        let n = scaled.round();
        // `scaled` is within a few units in the last place of x·10^decimals; away from a tie
        // (n ± 0.5) by more than that, the exact decimal rounds to `n` as well.
        if decimals > 3
            || !scaled.is_finite()
            || scaled.abs() >= 1e9
            || (scaled - n).abs() > 0.5 - 1e-6
        {
            return write!(f, "{x:.p$}", p = usize::from(decimals));
        }
        if n == 0.0 && x.is_sign_negative() {
            // "-0.0", as the standard formatting writes a negative that rounds to zero.
            f.write_str("-")?;
        }
        let n = n as i64;
        let sign = if n < 0 { "-" } else { "" };
        let unit = 10_i64.pow(u32::from(decimals));
        let (whole, part) = (
            n.unsigned_abs() / unit as u64,
            n.unsigned_abs() % unit as u64,
        );
        match decimals {
            0 => write!(f, "{sign}{whole}"),
            d => write!(f, "{sign}{whole}.{part:0w$}", w = usize::from(d)),
        }
    }
}

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

#[cfg(test)]
mod tests {
    use super::Fixed;

    #[test]
    fn fixed_writes_what_the_standard_formatting_writes() {
        let mut values = vec![
            0.0,
            -0.0,
            0.05,
            0.15,
            0.25,
            2.5,
            -2.5,
            0.35,
            1.005,
            76.3,
            99.95,
            -0.04,
            1e12,
            -7.25,
            f64::NAN,
            f64::INFINITY,
            12.345,
            0.125,
            1234.5678,
        ];
        let mut x = 0.123_456_789_f64;
        for _ in 0..20_000 {
            x = (x * 7919.0 + 0.3171).fract() * 200.0 - 100.0;
            values.push(x);
            values.push((x * 10.0).round() / 10.0);
            values.push((x * 1000.0).round() / 1000.0);
        }
        for &v in &values {
            for p in 0..=3u8 {
                assert_eq!(
                    Fixed(v, p).to_string(),
                    format!("{v:.p$}", p = usize::from(p)),
                    "{v:e} with {p} decimals"
                );
            }
        }
    }
}
