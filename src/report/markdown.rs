//! Markdown (GitHub-flavoured): a summary that renders cleanly on a wiki page or in a pull request.

use std::fmt::Write;

use super::*;
use crate::engine::{PackResult, Recommendation};

/// Escapes text for a Markdown table cell or paragraph.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

fn link(title: &str, url: Option<&str>, citation: Option<&str>) -> String {
    match url {
        Some(u) => format!("[{}](<{}>)", esc(title), u.replace(['<', '>', ' '], "")),
        None => format!("{} ({})", esc(title), esc(citation.unwrap_or(""))),
    }
}

pub fn render(rec: &Recommendation, date: &str) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# tradeoff recommendation\n");
    let _ = writeln!(
        o,
        "Generated {date} · data verified {}\n",
        rec.data_verified
    );
    let _ = writeln!(o, "## Answers\n");
    let _ = writeln!(o, "| Question | Answer |\n|---|---|");
    for a in &rec.answers {
        let answer = a.label.as_deref().map_or("*skipped*".to_string(), esc);
        let _ = writeln!(o, "| {} | {answer} |", esc(&a.title));
    }
    for p in &rec.packs {
        pack(&mut o, p);
    }
    let _ = writeln!(
        o,
        "\n---\n\nScoring: {}. Close call under {} points; {}.",
        esc(rec.method.scoring),
        rec.method.close_call_points,
        rec.packs
            .first()
            .map_or(String::new(), |p| esc(&p.robustness.rule))
    );
    o
}

fn pack(o: &mut String, p: &PackResult) {
    let _ = writeln!(o, "\n## {}\n", esc(&p.name));
    let winner = p.winner.as_deref().and_then(|w| find(p, w));
    match winner {
        Some(w) => {
            let _ = writeln!(
                o,
                "**Recommendation: {}** — {}\n",
                esc(&w.name),
                esc(&standing(p))
            );
            let _ = writeln!(o, "{}\n", esc(&w.summary));
            if let Some(s) = &w.status {
                let _ = writeln!(o, "Status: {}\n", esc(s));
            }
        }
        None => {
            let _ = writeln!(
                o,
                "**No recommendation**: every alternative is excluded by the answers.\n"
            );
        }
    }
    for c in &p.caveats {
        let _ = writeln!(o, "> **Caveat:** {}\n", esc(&c.text));
    }

    let _ = writeln!(o, "### Ranking\n");
    let _ = writeln!(
        o,
        "| # | Alternative | Score | Win share |\n|---|---|---:|---:|"
    );
    for a in p.ranking.iter().filter(|a| !a.excluded) {
        let _ = writeln!(
            o,
            "| {} | {} | {:.1} | {} |",
            a.rank.unwrap_or(0),
            match &a.status {
                Some(st) => format!("{} (⚠ {})", esc(&a.name), esc(st)),
                None => esc(&a.name),
            },
            a.score,
            pct(a.win_probability)
        );
    }
    let excluded: Vec<_> = p.ranking.iter().filter(|a| a.excluded).collect();
    if !excluded.is_empty() {
        let _ = writeln!(o, "\n### Excluded\n");
        for a in excluded {
            for e in &a.exclusions {
                let _ = writeln!(
                    o,
                    "- **{}**: {} (because {})",
                    esc(&a.name),
                    esc(&e.reason),
                    esc(&because_text(&e.because))
                );
            }
        }
    }

    if let Some(w) = winner {
        let ru = p.runner_up.as_deref().and_then(|r| find(p, r));
        let _ = writeln!(o, "\n### Why {}\n", esc(&w.name));
        match ru {
            Some(r) => {
                let _ = writeln!(
                    o,
                    "| Criterion | Weight | Score | Points | {} | Rationale |\n|---|---:|---:|---:|---:|---|",
                    esc(&r.name)
                );
            }
            None => {
                let _ = writeln!(
                    o,
                    "| Criterion | Weight | Score | Points | Rationale |\n|---|---:|---:|---:|---|"
                );
            }
        }
        for (i, c) in w.contributions.iter().enumerate() {
            let vs = ru.map_or(String::new(), |r| {
                format!(" {:.1} |", r.contributions[i].points)
            });
            let _ = writeln!(
                o,
                "| {} | {} | {:.1} | {:.1} |{vs} {} |",
                esc(&c.name),
                pct(c.weight_share),
                c.score,
                c.points,
                esc(&c.why)
            );
        }
        if !p.rules_fired.is_empty() {
            let _ = writeln!(o, "\n**Because you answered**\n");
            for r in &p.rules_fired {
                let Some(effects) = effects_line(p, r) else {
                    continue;
                };
                let _ = writeln!(o, "- {}: {}", esc(&because_text(&r.because)), esc(&effects));
            }
        }
    }

    let _ = writeln!(o, "\n### What would change it\n");
    if p.flips.sets.is_empty() {
        let _ = writeln!(o, "- No change of one or two answers changes the winner.");
    }
    for f in &p.flips.sets {
        let changes = changes_text(f);
        let _ = writeln!(o, "- {} → **{}**", esc(&changes), esc(flip_winner(f)));
    }
    for f in weight_flips(p, usize::MAX) {
        let _ = writeln!(o, "- {}", esc(&f));
    }

    if let Some(w) = winner {
        if !w.next_steps.is_empty() {
            let _ = writeln!(o, "\n### Next steps\n");
            for (i, s) in w.next_steps.iter().enumerate() {
                let _ = writeln!(o, "{}. {}", i + 1, esc(s));
            }
        }
        let _ = writeln!(o, "\n### Sources\n");
        for s in &w.sources {
            let _ = writeln!(
                o,
                "- {} (verified {})",
                link(&s.title, s.url.as_deref(), s.citation.as_deref()),
                s.verified
            );
        }
    }
}
