//! The glossary popups: one entry (term, definition, why it matters, source with its verified date,
//! related terms to follow with ← → and Enter), and the list of terms named in a question or an
//! alternative (`g`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::draw::{
    Link, draw_lines, follow, heading, popup, popup_area, popup_text, url_line, wrapped,
};
use crate::tui::app::App;
use crate::tui::popup::{Entry, Terms, TermsFrom};
use crate::tui::text;

const WIDTH: u16 = 84;

/// An entry's text in its sections, so that the projector lays out the same sections its own way
/// (the definition and the reason big) without looking for headings in the text.
#[derive(Debug, Default)]
pub struct EntryText {
    /// "Also called: …" (the ordinary view only).
    pub aliases: Vec<Line<'static>>,
    pub definition: Vec<Line<'static>>,
    /// Why it matters, without its heading.
    pub why: Vec<Line<'static>>,
    /// The source and the related terms, each under its heading.
    pub tail: Vec<Line<'static>>,
    /// The source's link; its line counts from the tail's first.
    pub tail_links: Vec<Link>,
}

impl EntryText {
    /// The whole text as the ordinary popup shows it, with its links.
    pub fn lines(self, t: &crate::tui::theme::Theme) -> (Vec<Line<'static>>, Vec<Link>) {
        let mut out = Vec::new();
        if !self.aliases.is_empty() {
            out.extend(self.aliases);
            out.push(Line::default());
        }
        out.extend(self.definition);
        out.push(Line::default());
        out.push(heading(t, WHY_HEADING));
        out.extend(self.why);
        if !self.tail.is_empty() {
            out.push(Line::default());
        }
        let at = out.len();
        out.extend(self.tail);
        let links = self
            .tail_links
            .into_iter()
            .map(|l| Link {
                line: l.line + at,
                ..l
            })
            .collect();
        (out, links)
    }
}

/// The heading of an entry's reason, in both views.
pub const WHY_HEADING: &str = "Why it matters";

/// The entry's text, and its links (the source's URL).
pub fn entry_lines(
    app: &App,
    term: usize,
    related: usize,
    width: u16,
) -> (Vec<Line<'static>>, Vec<Link>) {
    entry_text(app, term, related, width).lines(&app.look.theme)
}

/// The entry's sections at `width`.
pub fn entry_text(app: &App, term: usize, related: usize, width: u16) -> EntryText {
    let t = &app.look.theme;
    let width = width as usize;
    let mut text = EntryText::default();
    let Some(g) = app.catalog.glossary.get(term) else {
        return text;
    };
    // The projector view leaves the aliases out: the definition and the reason matter more.
    if !g.aliases.is_empty() && !app.look.projector {
        text.aliases = wrapped(
            &format!("Also called: {}", g.aliases.join(", ")),
            width,
            "",
            "  ",
            t.muted,
        );
    }
    text.definition = wrapped(&g.definition, width, "", "", t.text);
    text.why = wrapped(&g.why, width, "", "", t.text);
    let (out, links) = (&mut text.tail, &mut text.tail_links);
    if let Some(s) = g.source.and_then(|s| app.catalog.sources.get(s)) {
        out.push(heading(t, "Source"));
        out.extend(wrapped(&s.title, width, "  ", "  ", t.text));
        if let Some(url) = s.url.as_deref() {
            out.push(url_line(t, url, width, "  ", out.len(), links));
        } else if let Some(c) = s.citation.as_deref() {
            out.extend(wrapped(c, width, "  ", "  ", t.accent));
        }
        out.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(format!("verified {}", s.verified), t.muted),
        ]));
    }
    if !g.related.is_empty() {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(vec![
            Span::styled("Related", t.heading),
            Span::styled("  ← → choose · Enter open", t.muted),
        ]));
        let sel = related.min(g.related.len() - 1);
        // Chips on as few lines as fit; the chosen one marked with › and the selection style.
        let mut line: Vec<Span<'static>> = Vec::new();
        let mut used = 0;
        for (i, &r) in g.related.iter().enumerate() {
            let name = app
                .catalog
                .glossary
                .get(r)
                .map_or(String::new(), |x| x.term.to_string());
            let chip = format!("{} {name} ", if i == sel { "›" } else { " " });
            let w = text::width(&chip) + 1;
            if used > 0 && used + w > width {
                out.push(Line::from(std::mem::take(&mut line)));
                used = 0;
            }
            let style = if i == sel { t.selection } else { t.accent };
            line.push(Span::styled(text::truncate(&chip, width), style));
            line.push(Span::raw(" "));
            used += w;
        }
        if !line.is_empty() {
            out.push(Line::from(line));
        }
    }
    text
}

/// The entry popup and its text area.
pub fn entry_areas(app: &App, term: usize, related: usize, body: Rect) -> (Rect, Rect) {
    let w = WIDTH.min(body.width.saturating_sub(4));
    let n = entry_lines(app, term, related, w.saturating_sub(4)).0.len() as u16;
    let a = popup_area(body, w, n + 2);
    (a, inner_of(a))
}

fn inner_of(a: Rect) -> Rect {
    Rect::new(
        a.x + 2,
        a.y + 1,
        a.width.saturating_sub(4),
        a.height.saturating_sub(2),
    )
}

/// Draws the entry from its scroll offset on; returns how far it can scroll.
pub fn render_entry(app: &App, e: &Entry, body: Rect, buf: &mut Buffer) -> u16 {
    let (term, scroll, related) = (e.term, e.scroll.offset, e.related);
    let t = &app.look.theme;
    let (a, _) = entry_areas(app, term, related, body);
    let name = app
        .catalog
        .glossary
        .get(term)
        .map_or(String::new(), |g| g.term.to_string());
    let title = Line::from(vec![
        Span::styled(" Glossary · ", t.muted),
        Span::styled(format!("{name} "), t.title),
    ]);
    let inner = popup(t, title, a, buf);
    let (lines, links) = entry_lines(app, term, related, inner.width);
    popup_text(
        t,
        app.look.hyperlinks,
        (a, inner),
        (&lines, &links),
        scroll,
        buf,
    )
}

fn terms_title(app: &App, from: TermsFrom) -> String {
    match from {
        TermsFrom::Question(q) => format!(
            " Glossary terms in “{}” ",
            app.catalog
                .questions
                .get(q)
                .map_or("", |q| q.title.as_str())
        ),
        TermsFrom::Alternative { pack, alt } => format!(
            " Glossary terms about {} ",
            app.shown_rec()
                .packs
                .get(pack)
                .and_then(|p| p.ranking.get(alt))
                .map_or("", |a| a.name.as_str())
        ),
    }
}

pub fn terms_lines(app: &App, list: &Terms, width: u16) -> Vec<Line<'static>> {
    let t = &app.look.theme;
    let width = width as usize;
    let (terms, cursor) = (&list.terms, list.cursor);
    if terms.is_empty() {
        return wrapped(
            "No glossary term is named here. / searches the whole glossary.",
            width,
            "",
            "",
            t.muted,
        );
    }
    let name_w = terms
        .iter()
        .map(|&i| text::width(&app.catalog.glossary[i].term))
        .max()
        .unwrap_or(0)
        .min(width / 2);
    terms
        .iter()
        .enumerate()
        .map(|(i, &ti)| {
            let g = &app.catalog.glossary[ti];
            let selected = i == cursor;
            let number = if i < 9 {
                format!("{}", i + 1)
            } else {
                " ".into()
            };
            let rest = width.saturating_sub(4 + name_w + 2);
            let mut line = Line::from(vec![
                Span::raw(if selected { "› " } else { "  " }),
                Span::styled(number, t.key),
                Span::raw(" "),
                Span::styled(text::fit(&g.term, name_w), t.text),
                Span::raw("  "),
                Span::styled(text::truncate(&g.definition, rest), t.muted),
            ]);
            if selected {
                line = super::draw::selected(line, t);
            }
            line
        })
        .collect()
}

pub fn render_terms(app: &App, list: &Terms, body: Rect, buf: &mut Buffer) {
    let t = &app.look.theme;
    let w = 96.min(body.width.saturating_sub(4));
    let n = terms_lines(app, list, w.saturating_sub(4)).len() as u16;
    let a = popup_area(body, w, n + 2);
    let title = Line::from(vec![Span::styled(terms_title(app, list.from), t.title)]);
    let inner = popup(t, title, a, buf);
    let lines = terms_lines(app, list, inner.width);
    let scroll = follow(list.cursor, list.cursor + 1, inner.height as usize);
    draw_lines(buf, inner, &lines, scroll);
}
