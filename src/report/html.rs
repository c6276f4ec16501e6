//! HTML: one self-contained page (inline CSS, no scripts, no external requests) with score bars in
//! CSS and a print style sheet for handouts. Every piece of data is escaped.

use std::fmt::Write;

use super::*;
use crate::engine::{PackResult, Recommendation};

/// Escapes text for HTML element content and double-quoted attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// Only http(s) links become links; anything else is shown as text.
fn link(title: &str, url: Option<&str>, citation: Option<&str>) -> String {
    match url {
        Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
            format!("<a href=\"{}\">{}</a>", esc(u), esc(title))
        }
        _ => format!("{} ({})", esc(title), esc(citation.or(url).unwrap_or(""))),
    }
}

const CSS: &str = r#"
:root { --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bar: #0a5cad; --bar2: #8c959f; --win: #116329; --bad: #a40e26; --bg: #ffffff; --panel: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .5rem; padding-bottom: .3rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
.meta { color: var(--muted); margin: 0 0 1.5rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.winner { background: var(--panel); border-left: 6px solid var(--win); padding: .75rem 1rem; margin: .75rem 0; }
.winner .name { font-size: 1.3rem; font-weight: 700; }
.verdict { display: inline-block; padding: 0 .5rem; border: 1px solid var(--line); border-radius: 1rem; font-size: .85rem; }
.bar { height: .8rem; background: var(--panel); border: 1px solid var(--line); min-width: 8rem; }
.bar span { display: block; height: 100%; background: var(--bar); }
.bar.alt span { background: var(--bar2); }
.excluded { color: var(--bad); }
.caveat { border-left: 4px solid #bf8700; background: #fff8c5; padding: .5rem .75rem; margin: .5rem 0; }
.status { color: var(--bad); font-weight: 600; }
ul, ol { padding-left: 1.4rem; }
footer { color: var(--muted); font-size: .85rem; margin-top: 3rem; border-top: 1px solid var(--line); padding-top: .75rem; }
a { color: #0550ae; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-before: page; }
  h2:first-of-type { break-before: auto; }
  table, .winner, .caveat { break-inside: avoid; }
  .bar, .bar span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: " (" attr(href) ")"; font-size: 9pt; color: var(--muted); word-break: break-all; }
}
"#;

fn bar_cell(score: f64, class: &str) -> String {
    format!(
        "<div class=\"bar{class}\" role=\"img\" aria-label=\"{:.1} of 100\"><span style=\"width:{:.1}%\"></span></div>",
        score,
        score.clamp(0.0, 100.0)
    )
}

pub fn render(rec: &Recommendation, date: &str) -> String {
    let mut o = String::new();
    o.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    o.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
    let winners: Vec<String> = rec
        .packs
        .iter()
        .filter_map(|p| p.winner.as_deref().map(|w| name_of(p, w).to_string()))
        .collect();
    let _ = writeln!(
        o,
        "<title>tradeoff recommendation: {}</title>",
        esc(&winners.join(" + "))
    );
    let _ = writeln!(o, "<style>{CSS}</style>\n</head>\n<body>\n<main>");
    let _ = writeln!(o, "<h1>tradeoff recommendation</h1>");
    let _ = writeln!(
        o,
        "<p class=\"meta\">Generated {} · data verified {}</p>",
        esc(date),
        esc(&rec.data_verified)
    );
    let _ = writeln!(
        o,
        "<h3>Answers</h3>\n<table><thead><tr><th>Question</th><th>Answer</th></tr></thead><tbody>"
    );
    for a in &rec.answers {
        let answer = a
            .label
            .as_deref()
            .map_or("<em>skipped</em>".to_string(), esc);
        let _ = writeln!(o, "<tr><td>{}</td><td>{answer}</td></tr>", esc(&a.title));
    }
    let _ = writeln!(o, "</tbody></table>");
    for p in &rec.packs {
        pack(&mut o, p);
    }
    let _ = writeln!(
        o,
        "<footer>Scoring: {}. Close call under {} points; {}.</footer>",
        esc(rec.method.scoring),
        rec.method.close_call_points,
        rec.packs
            .first()
            .map_or(String::new(), |p| esc(&p.robustness.rule))
    );
    o.push_str("</main>\n</body>\n</html>\n");
    o
}

fn pack(o: &mut String, p: &PackResult) {
    let _ = writeln!(o, "<section>\n<h2>{}</h2>", esc(&p.name));
    let winner = p.winner.as_deref().and_then(|w| find(p, w));
    match winner {
        Some(w) => {
            let _ = writeln!(
                o,
                "<div class=\"winner\"><div class=\"name\">✓ {}</div><div>{} <span class=\"verdict\">{}</span></div><p>{}</p>{}</div>",
                esc(&w.name),
                esc(&standing(p)),
                esc(p.verdict.as_str()),
                esc(&w.summary),
                w.status.as_deref().map_or(String::new(), |s| format!(
                    "<p class=\"status\">Status: {}</p>",
                    esc(s)
                ))
            );
        }
        None => {
            let _ = writeln!(
                o,
                "<div class=\"winner\"><div class=\"name\">✗ No recommendation</div><p>Every alternative is excluded by the answers.</p></div>"
            );
        }
    }
    for c in &p.caveats {
        let _ = writeln!(
            o,
            "<div class=\"caveat\"><strong>Caveat:</strong> {}</div>",
            esc(&c.text)
        );
    }

    let _ = writeln!(
        o,
        "<h3>Ranking</h3>\n<table><thead><tr><th class=\"num\">#</th><th>Alternative</th><th class=\"num\">Score</th><th>Bar</th><th class=\"num\">Win share</th></tr></thead><tbody>"
    );
    for a in &p.ranking {
        if a.excluded {
            let why = a
                .exclusions
                .iter()
                .map(|e| {
                    format!(
                        "{} (because {})",
                        esc(&e.reason),
                        esc(&because_text(&e.because))
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            let _ = writeln!(
                o,
                "<tr class=\"excluded\"><td class=\"num\">✗</td><td>{}</td><td colspan=\"3\">excluded: {why}</td></tr>",
                esc(&a.name)
            );
        } else {
            let _ = writeln!(
                o,
                "<tr><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{:.1}</td><td>{}</td><td class=\"num\">{}</td></tr>",
                a.rank.unwrap_or(0),
                match &a.status {
                    Some(st) => format!(
                        "{}<br><span class=\"status\">⚠ {}</span>",
                        esc(&a.name),
                        esc(st)
                    ),
                    None => esc(&a.name),
                },
                a.score,
                bar_cell(a.score, ""),
                pct(a.win_probability)
            );
        }
    }
    let _ = writeln!(o, "</tbody></table>");

    if let Some(w) = winner {
        let ru = p.runner_up.as_deref().and_then(|r| find(p, r));
        let _ = writeln!(o, "<h3>Why {}</h3>", esc(&w.name));
        let vs = ru.map_or(String::new(), |r| {
            format!("<th class=\"num\">{}</th>", esc(&r.name))
        });
        let _ = writeln!(
            o,
            "<table><thead><tr><th>Criterion</th><th class=\"num\">Weight</th><th class=\"num\">Score</th><th class=\"num\">Points</th><th>Bar</th>{vs}<th>Rationale</th></tr></thead><tbody>"
        );
        for (i, c) in w.contributions.iter().enumerate() {
            let vs = ru.map_or(String::new(), |r| {
                format!("<td class=\"num\">{:.1}</td>", r.contributions[i].points)
            });
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{:.1}</td><td class=\"num\">{:.1}</td><td>{}</td>{vs}<td>{}</td></tr>",
                esc(&c.name),
                pct(c.weight_share),
                c.score,
                c.points,
                bar_cell(c.score * 10.0, ""),
                esc(&c.why)
            );
        }
        let _ = writeln!(o, "</tbody></table>");
        if !p.rules_fired.is_empty() {
            let _ = writeln!(o, "<h3>Because you answered</h3>\n<ul>");
            for r in &p.rules_fired {
                let Some(effects) = effects_line(p, r) else {
                    continue;
                };
                let _ = writeln!(
                    o,
                    "<li><strong>{}</strong>: {}</li>",
                    esc(&because_text(&r.because)),
                    esc(&effects)
                );
            }
            let _ = writeln!(o, "</ul>");
        }
    }

    let _ = writeln!(o, "<h3>What would change it</h3>\n<ul>");
    if p.flips.sets.is_empty() {
        let _ = writeln!(
            o,
            "<li>No change of one or two answers changes the winner.</li>"
        );
    }
    for f in &p.flips.sets {
        let changes = changes_text(f);
        let _ = writeln!(
            o,
            "<li>{} → <strong>{}</strong></li>",
            esc(&changes),
            esc(flip_winner(f))
        );
    }
    for f in weight_flips(p, usize::MAX) {
        let _ = writeln!(o, "<li>{}</li>", esc(&f));
    }
    let _ = writeln!(o, "</ul>");

    if let Some(w) = winner {
        if !w.next_steps.is_empty() {
            let _ = writeln!(o, "<h3>Next steps</h3>\n<ol>");
            for s in &w.next_steps {
                let _ = writeln!(o, "<li>{}</li>", esc(s));
            }
            let _ = writeln!(o, "</ol>");
        }
        let _ = writeln!(o, "<h3>Sources</h3>\n<ul>");
        for s in &w.sources {
            let _ = writeln!(
                o,
                "<li>{} (verified {})</li>",
                link(&s.title, s.url.as_deref(), s.citation.as_deref()),
                esc(&s.verified)
            );
        }
        let _ = writeln!(o, "</ul>");
    }
    let _ = writeln!(o, "</section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_that_matters() {
        assert_eq!(
            esc("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
        assert_eq!(
            link("t", Some("javascript:alert(1)"), None),
            "t (javascript:alert(1))"
        );
    }
}
