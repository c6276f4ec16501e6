//! HTML: writes an [`Outline`] as one self-contained page (inline CSS, no scripts, no external
//! requests) with score bars in CSS and a print style sheet for handouts. Every value goes through
//! [`crate::safe::line`] and then HTML escaping; only http(s) addresses become links.

use std::fmt::Write;

use super::outline::{Block, Callout, CalloutKind, Cell, ColumnKind, Outline, Span, Table, Text};
use super::recommendation;
use crate::engine::Recommendation;
use crate::safe;

/// Escapes text for HTML element content and double-quoted attributes, after showing control
/// characters as escapes.
pub fn esc(s: &str) -> String {
    let s = safe::line(s);
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

/// Prose from the data: its backtick pairs as `<code>` (see [`super::outline::code_spans`]), all
/// of it escaped.
fn prose(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (code, part) in super::outline::code_spans(s) {
        if code {
            out.push_str("<code>");
            out.push_str(&esc(part));
            out.push_str("</code>");
        } else {
            out.push_str(&esc(part));
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

/// The style of every page tradeoff writes: the recommendation and the team comparison handout.
pub const CSS: &str = r#"
:root { --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bar: #0a5cad; --bar2: #8c959f; --win: #116329; --bad: #a40e26; --bg: #ffffff; --panel: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); margin: 0; }
code { font: 0.9em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--panel); padding: 0 .2em; border-radius: 3px; }
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
tr.highlight td:first-child { font-weight: 700; }
tr.highlight td { background: #fff8c5; }
ul, ol { padding-left: 1.4rem; }
footer { color: var(--muted); font-size: .85rem; margin-top: 3rem; border-top: 1px solid var(--line); padding-top: .75rem; }
a { color: #0550ae; }
@media (max-width: 40rem) {
  body { font-size: 14px; }
  main { padding: 1rem .75rem 2rem; }
  h1 { font-size: 1.45rem; }
  h2 { font-size: 1.2rem; margin-top: 1.75rem; }
  th, td { padding: .3rem .35rem; overflow-wrap: anywhere; }
  th.barcol, td.barcol, table.cards td.barcol { display: none; }
  table.cards thead { display: none; }
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
  table.cards tr { border-bottom: 1px solid var(--line); padding: .35rem 0; }
  table.cards td { border: 0; padding: .1rem 0; text-align: left; white-space: normal; }
  table.cards td:first-child { font-weight: 700; }
  table.cards td + td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
}
@page { margin: 12mm 14mm; }
@media print {
  body { font-size: 8.5pt; line-height: 1.35; }
  li, th, td { font-size: 8pt; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 16pt; }
  h2 { font-size: 12.5pt; margin: 1.1rem 0 .3rem; break-after: avoid; }
  h3, h4 { margin: .7rem 0 .25rem; break-after: avoid; }
  p, ul, ol { margin: .3rem 0; }
  th, td { padding: .15rem .35rem; }
  tr, .winner, .caveat { break-inside: avoid; }
  .winner { padding: .4rem .7rem; margin: .4rem 0; }
  .winner .name { font-size: 12pt; }
  .bar { min-width: 4rem; height: .6rem; }
  .bar, .bar span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  footer { margin-top: 1rem; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: " (" attr(href) ")"; font-size: 6.5pt; color: var(--muted); word-break: break-all; }
}"#;

fn bar_cell(score: f64) -> String {
    format!(
        "<div class=\"bar\" role=\"img\" aria-label=\"{:.1} of 100\"><span style=\"width:{:.1}%\"></span></div>",
        score,
        score.clamp(0.0, 100.0)
    )
}

pub fn render(rec: &Recommendation, date: &str) -> String {
    write(&recommendation::outline(rec, Some(date)))
}

/// Writes any outline as a page.
pub fn write(o: &Outline) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
    let title = match o.subject.is_empty() {
        true => esc(&o.title),
        false => format!("{}: {}", esc(&o.title), esc(&o.subject)),
    };
    let _ = writeln!(out, "<title>{title}</title>");
    let _ = writeln!(out, "<style>{CSS}</style>\n</head>\n<body>\n<main>");
    if !o.title.is_empty() {
        let _ = writeln!(out, "<h1>{}</h1>", esc(&o.title));
    }
    if !o.meta.is_empty() {
        let meta: Vec<String> = o.meta.iter().map(|m| esc(m)).collect();
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", meta.join(" · "));
    }
    for b in &o.summary {
        block(&mut out, b);
    }
    for s in &o.sections {
        let _ = writeln!(out, "<section>\n<h2>{}</h2>", inline(&s.heading));
        for b in &s.blocks {
            block(&mut out, b);
        }
        out.push_str("</section>\n");
    }
    if !o.footer.is_empty() {
        let lines: Vec<String> = o.footer.iter().map(inline).collect();
        let _ = writeln!(out, "<footer>{}</footer>", lines.join("<br>"));
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Heading { level, text } => {
            let n = (*level).clamp(1, 6);
            let _ = writeln!(out, "<h{n}>{}</h{n}>", inline(text));
        }
        Block::Paragraph(t) => {
            let _ = writeln!(out, "<p>{}</p>", inline(t));
        }
        Block::Callout(c) => callout(out, c),
        Block::Table(t) => table(out, t),
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            let _ = writeln!(out, "<{tag}>");
            for t in items {
                let _ = writeln!(out, "<li>{}</li>", inline(t));
            }
            let _ = writeln!(out, "</{tag}>");
        }
        Block::Facts(facts) => {
            for (k, v) in facts {
                let _ = writeln!(out, "<p><strong>{}:</strong> {}</p>", esc(k), inline(v));
            }
        }
    }
}

fn callout(out: &mut String, c: &Callout) {
    let title = c.title.as_ref().map(inline).unwrap_or_default();
    match c.kind {
        CalloutKind::Winner | CalloutKind::NoWinner => {
            let mark = if c.kind == CalloutKind::Winner {
                "✓"
            } else {
                "✗"
            };
            let _ = write!(
                out,
                "<div class=\"winner\"><div class=\"name\">{mark} {title}</div>"
            );
            for (i, t) in c.body.iter().enumerate() {
                match (&c.badge, i) {
                    (Some(badge), 0) => {
                        let _ = write!(
                            out,
                            "<div>{} <span class=\"verdict\">{}</span></div>",
                            inline(t),
                            esc(badge)
                        );
                    }
                    _ => {
                        let _ = write!(out, "<p>{}</p>", inline(t));
                    }
                }
            }
            out.push_str("</div>\n");
        }
        CalloutKind::Caveat | CalloutKind::Warning => {
            let lead = if title.is_empty() {
                String::new()
            } else {
                format!("{title}: ")
            };
            let body: Vec<String> = c.body.iter().map(inline).collect();
            let _ = writeln!(
                out,
                "<div class=\"caveat\"><strong>{}:</strong> {lead}{}</div>",
                c.kind.label(),
                body.join(" ")
            );
        }
    }
}

/// The class of a column's cells: figures right-aligned, bars left out on a phone.
fn column_class(kind: ColumnKind) -> &'static str {
    match kind {
        ColumnKind::Number => " class=\"num\"",
        ColumnKind::Bar => " class=\"barcol\"",
        ColumnKind::Label | ColumnKind::Prose => "",
    }
}

/// A table too wide for a phone (sentences beside figures, or many columns) is drawn there as
/// one card per row, each value with its column's name (`data-label`).
fn is_wide(t: &Table) -> bool {
    let shown = t
        .columns
        .iter()
        .filter(|c| c.kind != ColumnKind::Bar)
        .count();
    let prose = t.columns.iter().any(|c| c.kind == ColumnKind::Prose);
    shown > 3 || (prose && shown > 2)
}

fn table(out: &mut String, t: &Table) {
    out.push_str(if is_wide(t) {
        "<table class=\"cards\"><thead><tr>"
    } else {
        "<table><thead><tr>"
    });
    for c in &t.columns {
        let class = column_class(c.kind);
        let _ = write!(out, "<th{class}>{}</th>", esc(&c.header));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in &t.rows {
        out.push_str(if row.highlight {
            "<tr class=\"highlight\">"
        } else {
            "<tr>"
        });
        for (i, c) in t.columns.iter().enumerate() {
            let class = column_class(c.kind);
            let mark = match (row.highlight, i) {
                (true, 0) => format!("{} ", super::outline::HIGHLIGHT),
                _ => String::new(),
            };
            let cell = match row.cells.get(i) {
                Some(Cell::Text(x)) => mark + &inline(x),
                Some(Cell::Bar(v)) => bar_cell(*v),
                None => String::new(),
            };
            let _ = write!(
                out,
                "<td{class} data-label=\"{}\">{cell}</td>",
                esc(&c.header)
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

fn inline(t: &Text) -> String {
    let mut out = String::new();
    for span in &t.0 {
        match span {
            Span::Plain(s) => out.push_str(&prose(s)),
            Span::Strong(s) => {
                let _ = write!(out, "<strong>{}</strong>", prose(s));
            }
            Span::Emphasis(s) => {
                let _ = write!(out, "<em>{}</em>", prose(s));
            }
            Span::Status(s) => {
                let _ = write!(out, "<span class=\"status\">Status: {}</span>", prose(s));
            }
            Span::Source(s) => {
                out.push_str(&link(&s.title, s.url.as_deref(), s.citation.as_deref()));
                let _ = write!(out, " (verified {})", esc(&s.verified));
            }
        }
    }
    out
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
        assert_eq!(esc("\x1b]0;x\x07\u{202e}"), "\\x1b]0;x\\x07\\u{202e}");
    }
}
