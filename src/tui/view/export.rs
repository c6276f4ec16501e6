//! The export dialog: format, path, and the question before overwriting a file.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::draw::{draw_lines, popup, popup_area, wrapped};
use crate::tui::app::App;
use crate::tui::popup::export::{ExportDialog, FORMATS};
use crate::tui::text;

pub fn lines(app: &App, d: &ExportDialog, width: usize) -> Vec<Line<'static>> {
    let t = &app.look.theme;
    let mut out = vec![Line::default()];
    let mut formats = vec![Span::styled("  Format  ", t.heading)];
    for f in FORMATS {
        if f == d.format {
            formats.push(Span::styled(format!("▶ {} ", f.label()), t.selection));
        } else {
            formats.push(Span::styled(format!("  {} ", f.label()), t.muted));
        }
        formats.push(Span::raw(" "));
    }
    out.push(Line::from(formats));
    out.push(Line::styled("          Tab changes the format", t.muted));
    out.push(Line::default());
    // The end of a long path stays visible: that is where the typing happens.
    let field = width.saturating_sub(12);
    let shown: String = {
        let chars: Vec<char> = d.path.chars().collect();
        let keep = field.saturating_sub(2);
        if chars.len() > keep {
            std::iter::once('…')
                .chain(chars[chars.len() - keep + 1..].iter().copied())
                .collect()
        } else {
            d.path.clone()
        }
    };
    let cursor = if d.confirm_overwrite || d.writing {
        " "
    } else {
        "▏"
    };
    out.push(Line::from(vec![
        Span::styled("  File    ", t.heading),
        Span::styled(format!("{shown}{cursor}"), t.selection),
    ]));
    out.push(Line::styled(
        text::fit(
            "          relative to the folder tradeoff was started in",
            width,
        ),
        t.muted,
    ));
    out.push(Line::default());
    if d.confirm_overwrite {
        out.extend(wrapped(
            &format!("{} already exists. Overwrite it?", d.path.trim()),
            width,
            "  ⚠ ",
            "    ",
            t.error,
        ));
        out.push(Line::from(vec![
            Span::styled("    y", t.key),
            Span::styled(" overwrite   ", t.text),
            Span::styled("n", t.key),
            Span::styled(" choose another name", t.text),
        ]));
    } else if let Some(e) = &d.error {
        out.extend(wrapped(e, width, "  ✗ ", "    ", t.error));
    } else if d.writing {
        out.push(Line::styled("  Writing…", t.muted));
    } else {
        out.push(Line::from(vec![
            Span::styled("  Enter", t.key),
            Span::styled(" write   ", t.text),
            Span::styled("Esc", t.key),
            Span::styled(" cancel", t.text),
        ]));
    }
    out
}

pub fn render(app: &App, d: &ExportDialog, body: Rect, buf: &mut Buffer) {
    let t = &app.look.theme;
    let area = popup_area(body, 64, 14);
    let title = Line::from(Span::styled(" Export the recommendation ", t.title));
    let inner = popup(t, title, area, buf);
    draw_lines(buf, inner, &lines(app, d, inner.width as usize), 0);
}
