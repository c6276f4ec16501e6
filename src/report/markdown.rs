//! Markdown (GitHub-flavoured): writes an [`Outline`] that renders cleanly on a wiki page or in a
//! pull request. Every value goes through [`crate::safe::line`] and then Markdown's own escaping,
//! so no value can start a line, break a table row or open a link or an HTML tag.

use super::outline::{Block, Callout, CalloutKind, Cell, ColumnKind, Outline, Span, Table, Text};
use super::recommendation;
use crate::engine::Recommendation;
use crate::safe;

/// Escapes text for a Markdown table cell or paragraph: control characters shown as escapes, then
/// every character with a meaning in Markdown backslash-escaped.
pub fn esc(s: &str) -> String {
    let s = safe::line(s);
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            // `$` too: GitHub reads "$32–$60" as inline math.
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '$' => {
                out.push('\\');
                out.push(ch);
            }
            _ => out.push(ch),
        }
    }
    out
}

/// A link target inside `<…>`: nothing that could end it early or escape its closing bracket.
fn destination(url: &str) -> String {
    safe::line(url)
        .chars()
        .filter(|c| !matches!(c, '<' | '>') && !c.is_whitespace())
        .map(|c| match c {
            '\\' => "%5C".to_string(),
            c => c.to_string(),
        })
        .collect()
}

pub fn render(rec: &Recommendation, date: &str) -> String {
    write(&recommendation::outline(rec, Some(date)))
}

/// Writes any outline as Markdown: blocks separated by blank lines, front matter first when the
/// outline has properties.
pub fn write(o: &Outline) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !o.properties.is_empty() {
        let mut fm = String::from("---\n");
        for (k, v) in &o.properties {
            fm.push_str(&format!("{}: {}\n", safe::line(k), yaml_value(v)));
        }
        fm.push_str("---");
        parts.push(fm);
    }
    if !o.title.is_empty() {
        parts.push(format!("# {}", esc(&o.title)));
    }
    if !o.meta.is_empty() {
        let meta: Vec<String> = o.meta.iter().map(|m| esc(m)).collect();
        parts.push(meta.join(" · "));
    }
    parts.extend(o.summary.iter().map(block));
    for s in &o.sections {
        parts.push(format!("## {}", inline(&s.heading)));
        parts.extend(s.blocks.iter().map(block));
    }
    if !o.footer.is_empty() {
        parts.push("---".into());
        parts.extend(o.footer.iter().map(inline));
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

/// A front matter value: plain words as they are, anything else as a quoted (JSON) string, which
/// YAML reads the same way.
fn yaml_value(v: &str) -> String {
    let plain = !v.is_empty()
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '.' | '/'))
        && !v.starts_with([' ', '-'])
        && !v.ends_with(' ');
    if plain {
        v.to_string()
    } else {
        super::json::to_json(&v).trim_end().to_string()
    }
}

fn block(b: &Block) -> String {
    match b {
        Block::Heading { level, text } => {
            format!(
                "{} {}",
                "#".repeat((*level).clamp(1, 6) as usize),
                inline(text)
            )
        }
        Block::Paragraph(t) => inline(t),
        Block::Callout(c) => callout(c),
        Block::Table(t) => table(t),
        Block::List { ordered, items } => items
            .iter()
            .enumerate()
            .map(|(i, t)| match ordered {
                true => format!("{}. {}", i + 1, inline(t)),
                false => format!("- {}", inline(t)),
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Facts(facts) => facts
            .iter()
            .map(|(k, v)| format!("- **{}:** {}", esc(k), inline(v)))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

fn callout(c: &Callout) -> String {
    let title = c.title.as_ref().map(inline).unwrap_or_default();
    let body: Vec<String> = c.body.iter().map(inline).collect();
    match c.kind {
        CalloutKind::Winner | CalloutKind::NoWinner => {
            let lead = match c.kind {
                CalloutKind::Winner => format!("**{}: {title}**", c.kind.label()),
                _ => format!("**{title}**"),
            };
            let mut paras = vec![match body.first() {
                Some(first) => format!("{lead} — {first}"),
                None => lead,
            }];
            paras.extend(body.into_iter().skip(1));
            paras.join("\n\n")
        }
        CalloutKind::Caveat | CalloutKind::Warning => {
            let lead = if title.is_empty() {
                String::new()
            } else {
                format!("{title}: ")
            };
            format!("> **{}:** {lead}{}", c.kind.label(), body.join(" "))
        }
    }
}

/// A GFM table; bar columns are left out (Markdown cannot draw them) and a highlighted row's first
/// cell starts with the highlight mark.
fn table(t: &Table) -> String {
    let shown: Vec<usize> = (0..t.columns.len())
        .filter(|&i| t.columns[i].kind != ColumnKind::Bar)
        .collect();
    let mut lines = Vec::with_capacity(t.rows.len() + 2);
    // Inside a cell `#` cannot start a heading, so the "#" column needs no backslash.
    let header: Vec<String> = shown
        .iter()
        .map(|&i| esc(&t.columns[i].header).replace("\\#", "#"))
        .collect();
    lines.push(format!("| {} |", header.join(" | ")));
    let rule: Vec<&str> = shown
        .iter()
        .map(|&i| match t.columns[i].kind {
            ColumnKind::Number => "---:",
            _ => "---",
        })
        .collect();
    lines.push(format!("|{}|", rule.join("|")));
    for row in &t.rows {
        let cells: Vec<String> = shown
            .iter()
            .enumerate()
            .map(|(n, &i)| {
                let text = match row.cells.get(i) {
                    Some(Cell::Text(x)) => inline(x),
                    _ => String::new(),
                };
                if n == 0 && row.highlight {
                    format!("{} {text}", super::outline::HIGHLIGHT)
                } else {
                    text
                }
            })
            .collect();
        lines.push(format!("| {} |", cells.join(" | ")));
    }
    lines.join("\n")
}

fn inline(t: &Text) -> String {
    let mut out = String::new();
    for span in &t.0 {
        match span {
            Span::Plain(s) => out.push_str(&esc(s)),
            Span::Strong(s) if !s.is_empty() => out.push_str(&format!("**{}**", esc(s))),
            Span::Emphasis(s) if !s.is_empty() => out.push_str(&format!("*{}*", esc(s))),
            Span::Strong(_) | Span::Emphasis(_) => {}
            Span::Status(s) => out.push_str(&format!("Status: {}", esc(s))),
            Span::Source(s) => {
                match (&s.url, &s.citation) {
                    (Some(u), _) => {
                        out.push_str(&format!("[{}](<{}>)", esc(&s.title), destination(u)))
                    }
                    (None, c) => out.push_str(&format!(
                        "{} ({})",
                        esc(&s.title),
                        esc(c.as_deref().unwrap_or(""))
                    )),
                }
                out.push_str(&format!(" (verified {})", esc(&s.verified)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_never_breaks_a_row_or_a_line() {
        assert_eq!(esc("a|b\r\nc"), "a\\|b\\\\r\\\\nc");
        assert_eq!(esc("\x1b]52;c;x\x07"), "\\\\x1b\\]52;c;x\\\\x07");
        assert_eq!(destination("https://x/\\\x1b>y z"), "https://x/%5C%5Cx1byz");
    }

    #[test]
    fn front_matter_values_are_plain_or_quoted() {
        assert_eq!(yaml_value("proposed"), "proposed");
        assert_eq!(yaml_value("2026-11-26"), "2026-11-26");
        assert_eq!(yaml_value("a: b"), "\"a: b\"");
    }
}
