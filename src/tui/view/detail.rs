//! The detail popup of one alternative (Enter on the results): summary, status, standing, what your
//! answers did to it, next steps, and its sources with the dates they were verified.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::draw::{Link, heading, popup, popup_area, popup_text, url_line, wrapped};
use crate::report::{because_text, share};
use crate::tui::app::App;
use crate::tui::popup::Detail;

fn area(body: Rect) -> Rect {
    popup_area(body, 100, body.height)
}

/// The popup's text in its sections, so that the projector can put the summary in big letters
/// without looking for it in the text.
#[derive(Debug, Default)]
pub struct DetailText {
    /// "Rank 1 of 5 · 73.1/100 · …", or why it is excluded.
    pub standing: Vec<Line<'static>>,
    pub summary: Vec<Line<'static>>,
    /// Status, exclusions, adjustments, next steps, sources.
    pub rest: Vec<Line<'static>>,
    /// The sources' links; their lines count from the first of `rest`.
    pub rest_links: Vec<Link>,
}

impl DetailText {
    /// The whole text, and its links.
    pub fn lines(self) -> (Vec<Line<'static>>, Vec<Link>) {
        let at = self.standing.len() + self.summary.len();
        let mut out = self.standing;
        out.extend(self.summary);
        out.extend(self.rest);
        let links = self
            .rest_links
            .into_iter()
            .map(|l| Link {
                line: l.line + at,
                ..l
            })
            .collect();
        (out, links)
    }
}

/// The popup's text, and the links in it (the sources' URLs).
pub fn lines(app: &App, pack: usize, alt: usize, width: u16) -> (Vec<Line<'static>>, Vec<Link>) {
    text(app, pack, alt, width).lines()
}

/// The popup's sections at `width`.
pub fn text(app: &App, pack: usize, alt: usize, width: u16) -> DetailText {
    let t = &app.look.theme;
    let width = width as usize;
    let mut text = DetailText::default();
    let Some(p) = app.shown_rec().packs.get(pack) else {
        return text;
    };
    let Some(a) = p.ranking.get(alt) else {
        return text;
    };
    let ranked = p.ranking.iter().filter(|x| !x.excluded).count();
    let standing = match a.rank {
        Some(r) => format!(
            "Rank {r} of {ranked} · {:.1}/100 · wins {} of the weight samples",
            a.score,
            share(a.win_probability)
        ),
        None => "Excluded by your answers: not ranked".to_string(),
    };
    text.standing = wrapped(
        &standing,
        width,
        "",
        "",
        if a.rank == Some(1) {
            t.winner
        } else {
            t.accent
        },
    );
    text.summary = wrapped(&a.summary, width, "", "", t.text);
    let (out, links) = (&mut text.rest, &mut text.rest_links);
    if let Some(s) = &a.status {
        out.extend(wrapped(&format!("Status: {s}"), width, "", "  ", t.warning));
    }
    for e in &a.exclusions {
        out.push(Line::default());
        out.push(Line::styled("Excluded", t.excluded));
        out.extend(super::draw::exclusion_lines(t, e, width, "  "));
    }
    if !a.adjustments.is_empty() {
        out.push(Line::default());
        out.push(heading(t, "Adjusted by your answers"));
        for adj in &a.adjustments {
            let crit = a
                .contributions
                .iter()
                .find(|c| *c.criterion == *adj.criterion)
                .map_or(adj.criterion.as_str(), |c| &*c.name);
            out.extend(wrapped(
                &format!(
                    "{:+} on {crit}: {} (because {})",
                    adj.delta,
                    adj.reason,
                    because_text(&adj.because)
                ),
                width,
                "  • ",
                "    ",
                t.text,
            ));
        }
    }
    if !a.next_steps.is_empty() {
        out.push(Line::default());
        out.push(heading(t, "Next steps"));
        for (i, s) in a.next_steps.iter().enumerate() {
            out.extend(wrapped(
                s,
                width,
                &format!("  {}. ", i + 1),
                "     ",
                t.text,
            ));
        }
    }
    if !a.sources.is_empty() {
        out.push(Line::default());
        out.push(heading(t, "Sources"));
        for s in &a.sources {
            out.extend(wrapped(&s.title, width, "  • ", "    ", t.text));
            if let Some(url) = s.url.as_deref() {
                out.push(url_line(t, url, width, "    ", out.len(), links));
            } else if let Some(c) = s.citation.as_deref() {
                out.extend(wrapped(c, width, "    ", "    ", t.accent));
            }
            out.push(Line::from(vec![
                Span::raw("    "),
                Span::styled(format!("verified {}", s.verified), t.muted),
            ]));
        }
    }
    text
}

/// Draws the popup from its scroll offset on; returns how far it can scroll.
pub fn render(app: &App, d: &Detail, body: Rect, buf: &mut Buffer) -> u16 {
    let (pack, alt, scroll) = (d.pack, d.alt, d.scroll.offset);
    let t = &app.look.theme;
    let name = app
        .shown_rec()
        .packs
        .get(pack)
        .and_then(|p| p.ranking.get(alt))
        .map_or(String::new(), |a| a.name.to_string());
    let a = area(body);
    let title = Line::from(vec![Span::styled(format!(" {name} "), t.title)]);
    let inner = popup(t, title, a, buf);
    let (lines, links) = lines(app, pack, alt, inner.width);
    popup_text(
        t,
        app.look.hyperlinks,
        (a, inner),
        (&lines, &links),
        scroll,
        buf,
    )
}
