//! Weights the user changed: `recommend --weight PACK.CRITERION=VALUE`, the TUI's live weights and
//! a demo step's `weights`. A change is checked against the catalog (pack, criterion, a number from
//! 0 to [`MAX`]) and written into the catalog's criterion, whose `data_weight` keeps the data's, so
//! the engine, the exports and the views all read one value and can say what was changed.

use crate::pack::Catalog;
use crate::suggest::did_you_mean;

/// The largest weight a user may give: ten times the data's usual largest (3), enough to make one
/// criterion decide alone.
pub const MAX: f64 = 30.0;

/// One weight to set: criterion `criterion` of pack `pack` (catalog indices) to `value`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    pub pack: usize,
    pub criterion: usize,
    pub value: f64,
}

/// Finds `PACK.CRITERION` (`compute.simplicity`) in the catalog; an unknown pack or criterion is
/// named with the ones there are and the closest one: inline ("did you mean") for a file's
/// diagnostic, as a `tip:` line of its own for the command line (`tips`).
pub fn find(catalog: &Catalog, key: &str, tips: bool) -> Result<(usize, usize), String> {
    let (pack_id, crit_id) = key.trim().split_once('.').ok_or_else(|| {
        let tip = if tips { "\ntip: " } else { ": " };
        format!("`{key}` is not PACK.CRITERION{tip}for example compute.simplicity (`tradeoff packs` lists them)")
    })?;
    let closest = |what: &str, typed: &str, ids: Vec<&str>| {
        if tips {
            crate::suggest::similar(what, typed, ids.iter().copied())
                .map_or(String::new(), |t| format!("\n{t}"))
        } else {
            did_you_mean(typed, ids.iter().copied())
        }
    };
    let pack = catalog.pack_index(pack_id).ok_or_else(|| {
        let ids: Vec<&str> = catalog.packs.iter().map(|p| p.id.as_str()).collect();
        let near = closest("pack", pack_id, ids.clone());
        let list = ids.join(", ");
        match tips {
            true => format!("unknown pack `{pack_id}` in `{key}`; the packs: {list}{near}"),
            false => format!("unknown pack `{pack_id}`{near}; valid packs: {list}"),
        }
    })?;
    let p = &catalog.packs[pack];
    let criterion = p
        .criteria
        .iter()
        .position(|c| c.id == crit_id)
        .ok_or_else(|| {
            let ids: Vec<&str> = p.criteria.iter().map(|c| c.id.as_str()).collect();
            let near = closest("criterion", crit_id, ids.clone());
            let list = ids.join(", ");
            match tips {
                true => format!(
                    "pack `{pack_id}` has no criterion `{crit_id}`; its criteria: {list}{near}"
                ),
                false => format!(
                    "pack `{pack_id}` has no criterion `{crit_id}`{near}; its criteria: {list}"
                ),
            }
        })?;
    Ok((pack, criterion))
}

/// Checks a weight's value: a number from 0 to [`MAX`].
pub fn value(v: f64) -> Result<f64, String> {
    if v.is_finite() && (0.0..=MAX).contains(&v) {
        Ok(v)
    } else {
        Err(format!("`{v}`: a weight is a number from 0 to {MAX}"))
    }
}

/// Reads `PACK.CRITERION=VALUE` (`compute.simplicity=4.5`), as `--weight` gives it: problems in the
/// command line's shape (a `tip:` line for the closest id).
pub fn parse(catalog: &Catalog, spec: &str) -> Result<Change, String> {
    let (key, v) = spec.split_once('=').ok_or_else(|| {
        format!("`--weight {spec}` is not PACK.CRITERION=VALUE\ntip: for example `--weight compute.simplicity=4.5`")
    })?;
    let (pack, criterion) = find(catalog, key, true)?;
    let v = v.trim();
    let value = v
        .parse::<f64>()
        .map_err(|_| format!("`{v}`: a weight is a number from 0 to {MAX}"))
        .and_then(value)
        .map_err(|e| format!("{e}, in `--weight {spec}`"))?;
    Ok(Change {
        pack,
        criterion,
        value,
    })
}

/// Sets the weight (clamped to 0–[`MAX`]): `Ok(true)` when it changed, `Ok(false)` when it already
/// was that or `change` names nothing in `catalog`. A change that would leave every weight of the
/// pack at 0 is refused: every score would be undefined.
pub fn set(catalog: &mut Catalog, change: Change) -> Result<bool, String> {
    let Some(p) = catalog.packs.get_mut(change.pack) else {
        return Ok(false);
    };
    let others: f64 = p
        .criteria
        .iter()
        .enumerate()
        .filter(|(k, _)| *k != change.criterion)
        .map(|(_, c)| c.weight)
        .sum();
    let pack_name = p.name.clone();
    let Some(c) = p.criteria.get_mut(change.criterion) else {
        return Ok(false);
    };
    let value = change.value.clamp(0.0, MAX);
    if value <= 0.0 && others <= 0.0 {
        return Err(format!(
            "`{}` is the last weight of {pack_name} above 0: a pack needs at least one",
            c.id
        ));
    }
    if value == c.weight {
        return Ok(false);
    }
    c.weight = value;
    Ok(true)
}

/// Every weight back to the data's; true when one was changed.
pub fn reset(catalog: &mut Catalog) -> bool {
    let mut any = false;
    for c in catalog.packs.iter_mut().flat_map(|p| p.criteria.iter_mut()) {
        any |= c.weight != c.data_weight;
        c.weight = c.data_weight;
    }
    any
}

/// Every weight of pack `pack` back to the data's; true when one was changed.
pub fn reset_pack(catalog: &mut Catalog, pack: usize) -> bool {
    let mut any = false;
    for c in catalog
        .packs
        .iter_mut()
        .skip(pack)
        .take(1)
        .flat_map(|p| p.criteria.iter_mut())
    {
        any |= c.weight != c.data_weight;
        c.weight = c.data_weight;
    }
    any
}

/// The weights that differ from the data's, in catalog order.
pub fn changed(catalog: &Catalog) -> Vec<Change> {
    let mut out = Vec::new();
    for (pack, p) in catalog.packs.iter().enumerate() {
        for (criterion, c) in p.criteria.iter().enumerate() {
            if c.weight != c.data_weight {
                out.push(Change {
                    pack,
                    criterion,
                    value: c.weight,
                });
            }
        }
    }
    out
}

/// The next weight up or down from `w` in steps of 0.5 (a quarter below 1, so small weights can
/// be fine-tuned), within 0 and [`MAX`].
pub fn step(w: f64, up: bool) -> f64 {
    let s = if w < 1.0 || (!up && w <= 1.0) {
        0.25
    } else {
        0.5
    };
    // The next point of the step's grid (a data weight of 1.3 goes up to 1.5, not 1.8).
    let next = if up {
        ((w / s).floor() + 1.0) * s
    } else {
        ((w / s).ceil() - 1.0) * s
    };
    next.clamp(0.0, MAX)
}

/// A weight in hundredths, as a message carries it (messages compare exactly, so no `f64`).
pub fn to_centi(w: f64) -> u32 {
    (w.clamp(0.0, MAX) * 100.0).round() as u32
}

pub fn from_centi(c: u32) -> f64 {
    f64::from(c) / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sets_and_resets() {
        let mut c = crate::pack::load_builtin().unwrap();
        let ch = parse(&c, "compute.simplicity=6").unwrap();
        assert_eq!(c.packs[ch.pack].criteria[ch.criterion].id, "simplicity");
        assert_eq!(set(&mut c, ch), Ok(true));
        assert_eq!(set(&mut c, ch), Ok(false));
        assert_eq!(changed(&c), [ch]);
        assert!(reset(&mut c));
        assert!(changed(&c).is_empty());
        let e = parse(&c, "compute.simplicty=2").unwrap_err();
        assert!(
            e.contains("\ntip: a similar criterion exists: `simplicity`"),
            "{e}"
        );
        assert!(e.contains("its criteria: simplicity,"), "{e}");
        let e = parse(&c, "compte.simplicity=2").unwrap_err();
        assert!(e.contains("tip: a similar pack exists: `compute`"), "{e}");
        let e = find(&c, "compte.simplicity", false).unwrap_err();
        assert!(e.contains("did you mean `compute`?"), "{e}");
        let e = parse(&c, "compute.simplicity=-1").unwrap_err();
        assert!(e.contains("a number from 0 to 30"), "{e}");
        assert!(parse(&c, "compute.simplicity=lots").is_err());
        assert!(parse(&c, "compute.simplicity=NaN").is_err());
        assert!(parse(&c, "compute.simplicity").is_err());
        assert!(parse(&c, "simplicity=2").is_err());
    }

    #[test]
    fn a_pack_keeps_one_weight_above_zero() {
        let mut c = crate::pack::load_builtin().unwrap();
        let p = c.pack_index("compute").unwrap();
        let n = c.packs[p].criteria.len();
        for k in 0..n - 1 {
            let ch = Change {
                pack: p,
                criterion: k,
                value: 0.0,
            };
            assert_eq!(set(&mut c, ch), Ok(true));
        }
        let last = Change {
            pack: p,
            criterion: n - 1,
            value: 0.0,
        };
        assert!(set(&mut c, last).unwrap_err().contains("at least one"));
        assert!(reset_pack(&mut c, p));
        assert!(changed(&c).is_empty());
    }

    #[test]
    fn steps_stay_on_the_grid() {
        assert_eq!(step(3.0, true), 3.5);
        assert_eq!(step(1.0, false), 0.75);
        assert_eq!(step(0.0, false), 0.0);
        assert_eq!(step(1.3, true), 1.5);
        assert_eq!(step(MAX, true), MAX);
        assert_eq!(from_centi(to_centi(1.25)), 1.25);
    }
}
