//! Markdown (GitHub-flavoured): writes an [`Outline`] that renders cleanly on a wiki page or in a
//! pull request, and renders what the data says. Every value goes through [`crate::safe::line`] and
//! then Markdown's own escaping, so no value can start a line, a list, a quote or a code block,
//! break a table row, open a link, an HTML tag, emphasis or strikethrough, turn into an entity
//! (`&copy;`) or an autolink (`https://…`, `www.…`, `a@b.c`). The data's backtick pairs are code
//! spans (see [`super::outline::code_spans`]).

use super::outline::{
    Block, Callout, CalloutKind, Cell, ColumnKind, Outline, Span, Table, Text, code_spans,
};
use super::recommendation;
use crate::engine::Recommendation;
use crate::safe;

/// Escapes text for a Markdown table cell or paragraph: control characters shown as escapes, then
/// every character with a meaning in Markdown backslash-escaped, and what would make a block of
/// its own at the start of a line (indentation, list and quote markers) neutralised.
pub fn esc(s: &str) -> String {
    esc_at(s, true)
}

/// [`esc`]; `start`: the text may begin a line (else it follows other text on its line, where no
/// block marker can take effect).
fn esc_at(s: &str, start: bool) -> String {
    let s = safe::line(s);
    let mut out = String::with_capacity(s.len() + 8);
    let chars: Vec<char> = s.chars().collect();
    // Leading blanks would make an indented code block (or vanish): kept, as entities.
    let lead = if start {
        chars.iter().take_while(|c| matches!(c, ' ' | '\t')).count()
    } else {
        0
    };
    for &c in &chars[..lead] {
        out.push_str(if c == ' ' { "&#32;" } else { "&#9;" });
    }
    let digits = chars[lead..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    // What follows position `i` ends a marker: a blank or the end of the value.
    let blank_after = |i: usize| chars.get(i + 1).is_none_or(|c| matches!(c, ' ' | '\t'));
    // A value that is only `-`/`=` and blanks would be a rule or a heading underline.
    let rule = chars[lead..]
        .iter()
        .all(|c| matches!(c, '-' | '=' | ' ' | '\t'));
    for (i, &ch) in chars.iter().enumerate().skip(lead) {
        let first = start && i == lead;
        let escape = match ch {
            // `$` too: GitHub reads "$32–$60" as inline math.
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '~' | '@' | '$' => true,
            // Only an entity (`&copy;`, `&#x202E;`) needs it; `R&D` reads the same without.
            '&' => entity_at(&chars, i),
            // Block markers where a value starts a line: `- x`, `+ x`, `1. x`, `1) x`, and a
            // value of `-` or `=` alone (a rule or a setext underline).
            '-' | '+' | '=' => first && (blank_after(i) || rule),
            '.' | ')' if start && digits > 0 && i == lead + digits => blank_after(i),
            // `www.…` is an autolink unless interrupted.
            '.' => i >= 3 && chars[i - 3..i].iter().all(|c| c.eq_ignore_ascii_case(&'w')),
            // And so is `scheme://…`.
            ':' => chars.get(i + 1) == Some(&'/') && chars.get(i + 2) == Some(&'/'),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// Whether `chars[i]` (an `&`) starts an entity reference: `&name;`, `&#123;` or `&#x1F;`.
fn entity_at(chars: &[char], i: usize) -> bool {
    let body = chars[i + 1..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    body > 0 && chars.get(i + 1 + body) == Some(&';')
}

/// Prose from the data: its backtick pairs as code spans, the rest escaped. In a table cell a `|`
/// inside code is still escaped (GFM splits cells before it reads code spans).
fn prose(s: &str, in_table: bool, start: bool) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (code, part) in code_spans(s) {
        if code {
            let part = safe::line(part);
            let part = if in_table {
                part.replace('|', "\\|")
            } else {
                part.into_owned()
            };
            // CommonMark strips one space inside each end when both ends have one: pad so that
            // what is left is the code as written.
            let pad = if part.starts_with(' ') && part.ends_with(' ') {
                " "
            } else {
                ""
            };
            out.push_str(&format!("`{pad}{part}{pad}`"));
        } else {
            out.push_str(&esc_at(part, start && out.is_empty()));
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
        // After `# ` no block marker takes effect: an ADR's `2. Title` stays as adr-tools reads it.
        parts.push(format!("# {}", esc_at(&o.title, false)));
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
                    Some(Cell::Text(x)) => inline_in(x, true),
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
    inline_in(t, false)
}

fn inline_in(t: &Text, in_table: bool) -> String {
    let mut out = String::new();
    for span in &t.0 {
        match span {
            Span::Plain(s) => out.push_str(&prose(s, in_table, out.is_empty())),
            Span::Strong(s) if !s.is_empty() => {
                out.push_str(&format!("**{}**", prose(s, in_table, false)))
            }
            Span::Emphasis(s) if !s.is_empty() => {
                out.push_str(&format!("*{}*", prose(s, in_table, false)))
            }
            Span::Strong(_) | Span::Emphasis(_) => {}
            Span::Status(s) => out.push_str(&format!("Status: {}", prose(s, in_table, false))),
            Span::Source(s) => {
                match (&s.url, &s.citation) {
                    (Some(u), _) => out.push_str(&format!(
                        "[{}](<{}>)",
                        esc_at(&s.title, false),
                        destination(u)
                    )),
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
