//! The popups for a room: nearly the whole body, their headline big (the term, the alternative),
//! the help's keys big with their hint words, the rest as ordinary text that scrolls. The links of
//! a glossary entry and an alternative's sources stay links.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::big;
use super::super::draw::{draw_links, popup, popup_area};
use super::super::stage::{self, Part, Row, big_line};
use super::super::{detail, glossary, help};
use crate::tui::app::App;
use crate::tui::keys::{self, Bar};
use crate::tui::popup::{Detail, Entry};
use crate::tui::text;

/// The width inside a projector popup: the body less a margin, a border and a padding each side.
fn inner_width(body: Rect) -> u16 {
    body.width.saturating_sub(8)
}

/// The popup's area: as wide as the body allows, as tall as its parts take there (so the screen
/// under a short entry stays in view), centred.
fn fitted(parts: &[Part], body: Rect) -> Rect {
    let plan = stage::plan(parts, inner_width(body), body.height.saturating_sub(2));
    popup_area(
        body,
        body.width.saturating_sub(4),
        plan.height.saturating_add(2),
    )
}

/// The help: one row per key, big as "key  word" for the keys of the hint bar; the notes on reading
/// the screen come in with room. Returns how far it scrolls.
pub fn help(app: &App, depth: usize, body: Rect, scroll: u16, buf: &mut Buffer) -> u16 {
    let t = &app.look.theme;
    let ctx = keys::context_at(app, depth);
    let title = Line::from(vec![Span::styled(
        format!(" Keys · {} ", ctx.title()),
        t.title,
    )]);
    let help = help::text(app, depth, inner_width(body));
    let bound = keys::bindings(ctx);
    let key_w = bound
        .iter()
        .filter(|b| b.binding.bar != Bar::No)
        .filter_map(|b| b.keys.first())
        .map(|k| big::glyphs(&keys::key_label(*k)).map_or(0, |g| g.chars().count()))
        .max()
        .unwrap_or(0);
    // `help::text` gives each binding its lines, in the order of the bindings.
    let mut rows = Vec::new();
    for (b, mine) in bound.iter().zip(help.keys) {
        // The keys of the hint bar go big, in the bar's order (the most used first).
        let (word, place) = match b.binding.bar {
            Bar::No => (None, u16::MAX),
            Bar::At(n) | Bar::Pinned(n) => (Some(b.binding.hint), n as u16),
        };
        let big = word.and_then(|w| {
            let k = b
                .keys
                .first()
                .map(|k| keys::key_label(*k))
                .unwrap_or_default();
            let k = big::glyphs(&k)?;
            big_line(vec![
                (format!("{k:key_w$} "), t.key),
                (w.to_string(), t.text),
            ])
        });
        rows.push(Row::big(mine, big, place));
    }
    let notes: Vec<Row> = help
        .notes
        .into_iter()
        .map(|l| Row::text(vec![l]).optional(35))
        .collect();
    let parts = vec![Part::tight(rows), Part::new(notes).whole()];
    let inner = popup(t, title, fitted(&parts, body), buf);
    stage::render(&parts, inner, scroll, t, buf).limit
}

/// A glossary entry: the term, the definition and why it matters in big letters when they fit;
/// then its source (a link) and related terms as in the ordinary view.
pub fn entry(app: &App, e: &Entry, body: Rect, buf: &mut Buffer) -> u16 {
    let t = &app.look.theme;
    let Some(g) = app.catalog.glossary.get(e.term) else {
        return 0;
    };
    let title = Line::from(vec![
        Span::styled(" Glossary · ", t.muted),
        Span::styled(format!("{} ", g.term), t.title),
    ]);
    let w = inner_width(body);
    let text = glossary::entry_text(app, e.term, e.related, w);
    let head = Row::big(
        vec![Line::styled(text::truncate(&g.term, w as usize), t.title)],
        big_line(vec![(g.term.to_string(), t.title)]),
        1,
    );
    // The source and related terms as in the ordinary view.
    let tail: Vec<Row> = text.tail.into_iter().map(|l| Row::text(vec![l])).collect();
    let parts = vec![
        Part::tight(vec![head]),
        stage::paragraph(&g.definition, t.text, w, 2),
        Part::new(vec![Row::text(vec![super::super::draw::heading(
            t,
            glossary::WHY_HEADING,
        )])]),
        stage::paragraph(&g.why, t.text, w, 3),
        Part::new(tail),
    ];
    let inner = popup(t, title, fitted(&parts, body), buf);
    let laid = stage::render(&parts, inner, e.scroll.offset, t, buf);
    links_of(app, &laid, (4, 0), &text.tail_links, inner, buf);
    laid.limit
}

/// An alternative's details: its name and summary big when they fit, then the details as in the
/// ordinary view (standing, adjustments, next steps, sources as links).
pub fn detail(app: &App, d: &Detail, body: Rect, buf: &mut Buffer) -> u16 {
    let t = &app.look.theme;
    let Some((p, alt)) = app
        .shown_rec()
        .packs
        .get(d.pack)
        .and_then(|p| p.ranking.get(d.alt).map(|a| (p, a)))
    else {
        return 0;
    };
    let title = Line::from(vec![Span::styled(format!(" {} ", alt.name), t.title)]);
    let text = detail::text(app, d.pack, d.alt, inner_width(body));
    let short = super::super::overview::short_name(app, p, &alt.id).to_string();
    let style = if alt.rank == Some(1) {
        t.winner
    } else {
        t.heading
    };
    let head = Row::big(Vec::new(), big_line(vec![(short, style)]), 1);
    // The standing, then the summary (which may go big), then the rest as in the ordinary view.
    let rows = |lines: Vec<Line<'static>>| -> Vec<Row> {
        lines.into_iter().map(|l| Row::text(vec![l])).collect()
    };
    let parts = vec![
        Part::tight(vec![head]),
        Part::tight(rows(text.standing)),
        stage::paragraph(&alt.summary, t.text, inner_width(body), 2),
        Part::new(rows(text.rest)),
    ];
    let inner = popup(t, title, fitted(&parts, body), buf);
    let laid = stage::render(&parts, inner, d.scroll.offset, t, buf);
    links_of(app, &laid, (3, 0), &text.rest_links, inner, buf);
    laid.limit
}

/// The links of lines drawn one per row in part `at.0`, whose row `r` is line `at.1 + r` of the
/// text the links were recorded in.
fn links_of(
    app: &App,
    laid: &stage::Laid,
    at: (usize, usize),
    links: &[super::super::draw::Link],
    inner: Rect,
    buf: &mut Buffer,
) {
    if !app.look.hyperlinks {
        return;
    }
    for ((part, row), r) in &laid.rows {
        if *part != at.0 {
            continue;
        }
        let mine: Vec<_> = links
            .iter()
            .filter(|l| l.line == at.1 + *row)
            .map(|l| super::super::draw::Link {
                line: 0,
                ..l.clone()
            })
            .collect();
        draw_links(buf, Rect { height: 1, ..*r }.intersection(inner), &mine, 0);
    }
}
