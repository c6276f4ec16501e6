//! Reports of a [`Recommendation`], a team comparison and a glossary lookup. Each is first built
//! as one [`outline::Outline`] (what it says), then written by a thin writer per format: `text`
//! for a terminal, `markdown` for a wiki page or pull request, `html` for a handout; `adr` is an
//! outline of its own, written as Markdown. JSON is the engine's value itself. Every number comes
//! from the engine; every value from a file goes through [`crate::safe`].

pub mod adr;
pub mod cost;
pub mod glossary;
pub mod html;
pub mod json;
pub mod markdown;
pub mod outline;
pub mod recommendation;
pub mod teams;
pub mod text;
pub mod width;

use crate::engine::{Because, Fixed, PackResult, RankedAlternative, Recommendation};

/// The formats a recommendation can be written in, for the command line and the TUI's export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Markdown,
    Html,
    /// An Architecture Decision Record (MADR 4.0) for the whole stack, in Markdown.
    Adr,
}

impl Format {
    /// Every format, in the order the command line lists them.
    pub const ALL: [Format; 5] = [
        Format::Text,
        Format::Json,
        Format::Markdown,
        Format::Html,
        Format::Adr,
    ];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Adr => "adr",
        }
    }

    /// The format a file name's extension names (`.json`, `.md`/`.markdown`, `.html`/`.htm`,
    /// `.txt`), for `--output` without `--format`. An ADR is Markdown too: it is asked for by name.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "json" => Format::Json,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" => Format::Html,
            "txt" | "text" => Format::Text,
            _ => return None,
        })
    }

    /// The usual file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Json => "json",
            Format::Markdown | Format::Adr => "md",
            Format::Html => "html",
        }
    }

    /// What a person calls it ("Markdown", "ADR (MADR 4.0)").
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "Text",
            Format::Json => "JSON",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Adr => "ADR (MADR 4.0)",
        }
    }
}

/// `rec` written in `format`; `date` is the day shown as "Generated" (and the ADR's date).
pub fn render(rec: &Recommendation, format: Format, date: &str) -> String {
    match format {
        Format::Text => text::render(rec),
        Format::Json => json::render(rec),
        Format::Markdown => markdown::render(rec, date),
        Format::Html => html::render(rec, date),
        Format::Adr => adr::render(rec, date),
    }
}

/// A bar of `width` cells for a 0–100 score, in eighths.
pub fn bar(score: f64, width: usize) -> String {
    const PARTS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let eighths = ((score.clamp(0.0, 100.0) / 100.0) * (width * 8) as f64).round() as usize;
    let mut s = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        s.push(PARTS[eighths % 8]);
    }
    let used = s.chars().count();
    s.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    s
}

/// "Team size = Small (2–5)" joined with " and ".
pub fn because_text(b: &[Because]) -> String {
    b.iter()
        .map(|b| format!("{} = {}", b.title, b.label))
        .collect::<Vec<_>>()
        .join(" and ")
}

/// "Reason (because Question = Answer)", or the reason alone when no answer caused it.
pub fn with_because(reason: &str, b: &[Because]) -> String {
    match because_text(b) {
        t if t.is_empty() => reason.to_string(),
        t => format!("{reason} (because {t})"),
    }
}

/// The winner's name, or both names when the verdict is a tie ("A or B"): a tie is said as a tie
/// wherever a winner is named. `None` when everything is excluded.
pub fn winner_label(p: &PackResult) -> Option<String> {
    let w = name_of(p, p.winner.as_deref()?);
    Some(match (&p.runner_up, p.verdict) {
        (Some(r), crate::engine::Verdict::Tie) => format!("{w} or {}", name_of(p, r)),
        _ => w.to_string(),
    })
}

/// What stale data or a passed review date means for the reader, in one paragraph; `None` when the
/// data is neither. Every output says it (the TUI's header in short).
pub fn freshness_warning(d: &crate::engine::Freshness) -> Option<String> {
    let review = d
        .next_review
        .as_deref()
        .filter(|_| d.review_due)
        .map(|r| format!("the data was due for its next review on {r}"));
    let age = d.stale.then(|| {
        format!(
            "the facts behind this advice were last checked on {}, {} days ago (more than {})",
            d.verified, d.age_days, d.stale_after_days
        )
    });
    let said: Vec<String> = age.into_iter().chain(review).collect();
    if said.is_empty() {
        return None;
    }
    let mut text = said.join(", and ");
    if let Some(first) = text.get(..1) {
        text = first.to_uppercase() + &text[1..];
    }
    Some(format!(
        "{text}: AWS's container and IaC offerings change several times a year, so check the sources before you rely on it."
    ))
}

pub fn find<'a>(p: &'a PackResult, id: &str) -> Option<&'a RankedAlternative> {
    p.ranking.iter().find(|a| a.id == id)
}

pub fn name_of<'a>(p: &'a PackResult, id: &'a str) -> &'a str {
    find(p, id).map_or(id, |a| a.name.as_str())
}

/// A share as a whole percentage, never rounded to a certainty it is not: 0.999 is "> 99%" and
/// 0.001 is "< 1%"; only exactly 1 and 0 read "100%" and "0%".
pub fn pct(x: f64) -> String {
    percent(x, |p| format!("{}%", Fixed(p, 0)))
}

/// A share of the robustness samples (a win share) as a whole percentage, rounded down: it sits next
/// to a verdict with a threshold ("robust if the winner wins at least 80%"), and 79.5% rounded up
/// would read as the threshold it missed. Otherwise as [`pct`].
pub fn share(x: f64) -> String {
    // The samples are counted, so a share is a multiple of 1/samples; the epsilon keeps 0.29
    // (28.999… in floating point) at 29%.
    percent(x, |p| format!("{}%", Fixed((p + 1e-9).floor(), 0)))
}

/// `x` as a percentage: "> 99%" and "< 1%" near the ends, `whole` (a rounding) in between.
fn percent(x: f64, whole: impl Fn(f64) -> String) -> String {
    let p = x * 100.0;
    if p > 99.0 && p < 100.0 {
        "> 99%".into()
    } else if p > 0.0 && p < 1.0 {
        "< 1%".into()
    } else {
        whole(p)
    }
}

/// "+85%" / "−40%" for a relative weight change.
pub fn signed_pct(x: f64) -> String {
    let v = (x * 100.0).round();
    if v == 0.0 {
        return "±0% (tied now)".into();
    }
    if v < 0.0 {
        format!("−{:.0}%", -v)
    } else {
        format!("+{v:.0}%")
    }
}

/// The weight changes that flip the winner, smallest first, as "Name weight +85% → Alternative".
pub fn weight_flips(p: &PackResult, most: usize) -> Vec<String> {
    let mut flips: Vec<(f64, String)> = p
        .sensitivity
        .iter()
        .filter_map(|s| {
            let (d, w) = (s.flip_at?, s.new_winner.as_deref()?);
            Some((
                d.abs(),
                format!("{} weight {} → {}", s.name, signed_pct(d), name_of(p, w)),
            ))
        })
        .collect();
    flips.sort_by(|a, b| a.0.total_cmp(&b.0));
    flips.into_iter().take(most).map(|(_, s)| s).collect()
}

/// "Workload = Background jobs and Team size = Large (21+)": the answer changes of a flip.
pub fn changes_text(f: &crate::engine::FlipSet) -> String {
    f.changes
        .iter()
        .map(|c| format!("{} = {}", c.title, c.to_label))
        .collect::<Vec<_>>()
        .join(" and ")
}

/// The winner a flip leads to, or what happens when it excludes everything.
pub fn flip_winner(f: &crate::engine::FlipSet) -> &str {
    f.winner_name.as_deref().unwrap_or("nothing (all excluded)")
}

/// A criterion's rationale; where rules moved the score, what moved it, so that the words never
/// contradict the number beside them.
pub fn rationale(w: &RankedAlternative, c: &crate::engine::Contribution) -> String {
    let moved: Vec<String> = w
        .adjustments
        .iter()
        .filter(|a| *a.criterion == *c.criterion)
        .map(|a| format!("{:+} {}", a.delta, a.reason))
        .collect();
    // A score the data marks as a judgement says so (its reason is in the JSON's `unsourced`).
    let judgement = if c.unsourced.is_some() {
        " (a judgement; no source)"
    } else {
        ""
    };
    if moved.is_empty() {
        format!("{}{judgement}", c.why)
    } else {
        format!(
            "{} ({} before: {}{judgement})",
            moved.join("; "),
            c.base_score,
            c.why
        )
    }
}

/// What to say when no answer change found changes the winner: the pair search may have stopped at
/// its budget on a big pack (`flips.complete`), and then only single changes were all tried.
pub fn no_flip(p: &PackResult) -> &'static str {
    if p.flips.complete {
        "No change of one or two answers changes the winner."
    } else {
        "No change of one answer changes the winner; this pack is too large to try every pair of changes."
    }
}

/// "Because you answered": for each set of answers (as text) what it changed, in the order the
/// engine lists them (`PackResult::because`). Every format and the TUI list these groups.
pub fn because_groups(p: &PackResult) -> Vec<(String, Vec<&str>)> {
    p.because
        .iter()
        .map(|g| {
            (
                because_text(&g.answers),
                g.effects.iter().map(|e| e.text.as_str()).collect(),
            )
        })
        .collect()
}

/// One sentence on the winner's standing: margin, close call and verdict.
pub fn standing(p: &PackResult) -> String {
    let Some(w) = p.winner.as_deref().and_then(|w| find(p, w)) else {
        return "every alternative is excluded by your answers".into();
    };
    // When most alternatives are excluded, the samples only compare the few left: say so.
    let left = p.ranking.iter().filter(|r| !r.excluded).count();
    let among = if p.ranking.len() - left > left {
        format!(" among the {left} alternatives your answers leave")
    } else {
        String::new()
    };
    match (&p.runner_up, p.margin) {
        (Some(r), Some(_)) if p.verdict == crate::engine::Verdict::Tie => format!(
            "{}/100, tied with {} (within {} points): your answers do not separate them; {} of weight samples{among}",
            Fixed(w.score, 1),
            name_of(p, r),
            crate::engine::TIE_POINTS,
            share(p.robustness.winner_probability)
        ),
        (Some(r), Some(m)) if p.close_call && p.verdict == crate::engine::Verdict::Robust => {
            format!(
                "{}/100, {} points ahead of {}: close on points, yet robust, it still wins {} of weight samples{among}",
                Fixed(w.score, 1),
                Fixed(m, 1),
                name_of(p, r),
                share(p.robustness.winner_probability)
            )
        }
        (Some(r), Some(m)) => format!(
            "{}/100, {} points ahead of {}{}; {} ({} of weight samples{among})",
            Fixed(w.score, 1),
            Fixed(m, 1),
            name_of(p, r),
            if p.close_call { " (a close call)" } else { "" },
            p.verdict.as_str(),
            share(p.robustness.winner_probability)
        ),
        _ => format!("{}/100; the only alternative left", Fixed(w.score, 1)),
    }
}

/// The weights the user changed, one line each: "Compute platform · Simplicity: 3 → 6" (the
/// pack's name only when the recommendation decides several packs).
pub fn weights_changed(rec: &Recommendation) -> Vec<String> {
    let several = rec.packs.len() > 1;
    rec.weights_changed
        .iter()
        .map(|c| {
            let pack = if several {
                format!("{} · ", c.pack_name)
            } else {
                String::new()
            };
            format!("{pack}{}: {} → {}", c.name, c.from, c.to)
        })
        .collect()
}

/// The sentence before the changed weights, in every format.
pub const WEIGHTS_CHANGED: &str =
    "Weights changed from the data's (the scores and verdicts below use these):";

/// Which polled question divides the room most, in one sentence.
pub fn poll_divides(p: &crate::engine::PollResult) -> String {
    let most = p
        .divides_most
        .as_deref()
        .and_then(|id| p.questions.iter().find(|q| q.question == id));
    match most {
        Some(q) => format!(
            "Divides the room most: {} — two people who agree on everything else get a different stack {} of the time.",
            q.title,
            pct(q.divides)
        ),
        None => {
            "No polled answer changes the recommended stack: the room agrees on the outcome.".into()
        }
    }
}

/// Answered questions as "Title: Label" and skipped ones by title.
pub fn answered_and_skipped(rec: &Recommendation) -> (Vec<String>, Vec<String>) {
    let answered = rec
        .answers
        .iter()
        .filter_map(|a| a.label.as_ref().map(|l| format!("{}: {l}", a.title)))
        .collect();
    let skipped = rec
        .answers
        .iter()
        .filter(|a| a.choice.is_none() && a.asked)
        .map(|a| a.title.to_string())
        .collect();
    (answered, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_in_eighths() {
        assert_eq!(bar(0.0, 4), "    ");
        assert_eq!(bar(100.0, 4), "████");
        assert_eq!(bar(50.0, 4), "██  ");
        assert_eq!(bar(53.125, 4).chars().count(), 4);
        assert_eq!(bar(150.0, 2), "██");
    }

    #[test]
    fn win_shares_never_round_up_to_a_threshold() {
        // 1,590 of 2,000 samples: fragile, and it must not read "80%" (robust is at least 80%).
        assert_eq!(share(0.795), "79%");
        assert_eq!(share(0.8), "80%");
        assert_eq!(share(0.813), "81%");
        assert_eq!(share(0.29), "29%");
        assert_eq!(share(0.9995), "> 99%");
        assert_eq!(share(0.0005), "< 1%");
        assert_eq!(share(1.0), "100%");
        assert_eq!(share(0.0), "0%");
    }

    #[test]
    fn signed_percentages() {
        assert_eq!(signed_pct(0.854), "+85%");
        assert_eq!(signed_pct(-0.4), "−40%");
    }
}
