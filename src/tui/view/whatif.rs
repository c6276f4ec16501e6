//! The what-if screen: every question with its answer, changeable on the spot, and for each pack the
//! new ranking next to the original one, with arrows for what moved.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::draw::{draw_lines, follow, panel, wrapped};
use crate::engine::PackResult;
use crate::report::{find, name_of};
use crate::tui::app::App;
use crate::tui::text;
use crate::tui::theme::Theme;

/// The answers on the left (narrower in the projector view, where the rankings go big), the
/// rankings on the right.
fn areas(body: Rect, projector: bool) -> [Rect; 2] {
    let most = if projector { 29 } else { 44 };
    let lw = (body.width / 3).clamp(29.min(body.width), most);
    Layout::horizontal([Constraint::Length(lw), Constraint::Fill(1)]).areas(body)
}

fn answer_label(app: &App, q: usize, c: Option<usize>) -> String {
    match c {
        Some(c) => app.catalog.questions[q].choices[c].label.to_string(),
        None => "(skipped)".into(),
    }
}

/// The question list: the title, then the answer between ◂ ▸; returns the lines and the selected
/// question's line range.
fn question_lines(app: &App, width: usize) -> (Vec<Line<'static>>, (usize, usize)) {
    let t = &app.look.theme;
    let mut out = Vec::new();
    let mut range = (0, 0);
    let Some(w) = app.whatif() else {
        return (out, range);
    };
    for &q in app.session.asked() {
        let question = &app.catalog.questions[q];
        let start = out.len();
        let now = w.answers().choices[q];
        let was = app.session.answers().choices[q];
        let changed = now != was;
        let sel = q == w.cursor;
        let mut title = Line::from(vec![
            Span::raw(if sel { "› " } else { "  " }),
            Span::styled(
                text::truncate(&question.title, width.saturating_sub(4)),
                if changed { t.preview } else { t.text },
            ),
            Span::styled(if changed { " *" } else { "" }, t.preview),
        ]);
        if sel {
            title = super::draw::selected(title, t);
        }
        out.push(title);
        let label = text::truncate(&answer_label(app, q, now), width.saturating_sub(8));
        out.push(Line::from(vec![
            Span::raw("    "),
            Span::styled(if sel { "◂ " } else { "  " }, t.key),
            Span::styled(label, if changed { t.preview } else { t.muted }),
            Span::styled(if sel { " ▸" } else { "" }, t.key),
        ]));
        if changed {
            out.push(Line::styled(
                text::truncate(&format!("      was {}", answer_label(app, q, was)), width),
                t.muted,
            ));
        }
        if sel {
            range = (start, out.len());
        }
    }
    (out, range)
}

/// One pack of the what-if in its sections, so that the projector lays out the same parts big.
#[derive(Debug)]
pub struct PackLines {
    pub name: Line<'static>,
    /// "winner unchanged: …" or "winner changes: A → B", wrapped.
    pub verdict: Vec<Line<'static>>,
    /// The columns' heading ("what-if … original").
    pub heading: Line<'static>,
    /// One line per alternative, in the what-if's ranking order.
    pub rows: Vec<Line<'static>>,
}

impl PackLines {
    pub fn lines(self) -> Vec<Line<'static>> {
        let mut out = vec![self.name];
        out.extend(self.verdict);
        out.push(self.heading);
        out.extend(self.rows);
        out
    }
}

/// True when the what-if moved something in this pack: the winner or any rank.
pub fn changed(now: &PackResult, orig: &PackResult) -> bool {
    now.winner != orig.winner
        || now.ranking.iter().any(|a| {
            orig.ranking
                .iter()
                .find(|o| o.id == a.id)
                .is_none_or(|o| o.rank != a.rank)
        })
}

/// One pack: a title with the verdict on the winner, then one row per alternative: the what-if rank,
/// its move, the name and score, and the original rank and score beside it.
pub fn pack_lines(
    t: &Theme,
    now: &PackResult,
    orig: &PackResult,
    width: usize,
    name_w: usize,
) -> PackLines {
    let name = Line::styled(text::truncate(&now.name, width), t.heading);
    let verdict = match (&now.winner, &orig.winner) {
        (a, b) if a == b => format!(
            "winner unchanged: {}",
            a.as_deref()
                .map_or("none (all excluded)", |w| name_of(now, w))
        ),
        (a, b) => format!(
            "winner changes: {} → {}",
            b.as_deref().map_or("none", |w| name_of(orig, w)),
            a.as_deref()
                .map_or("none (all excluded)", |w| name_of(now, w))
        ),
    };
    let verdict_style = if now.winner == orig.winner {
        t.muted
    } else {
        t.preview
    };
    let mut verdict = wrapped(&verdict, width, "", "", verdict_style);
    if let Some(line) = cost_change(now, orig) {
        verdict.extend(wrapped(&line, width, "", "  ", t.muted));
    }
    // rank(2) move(4) name score(6) gap(2) rank(2) score(6)
    let name_w = name_w
        .min(width.saturating_sub(2 + 4 + 6 + 2 + 2 + 6))
        .max(6);
    let heading = Line::from(vec![
        Span::styled(text::fit("  what-if", 6 + name_w + 6), t.muted),
        Span::styled("  original", t.muted),
    ]);
    let mut out = Vec::new();
    for a in &now.ranking {
        let before = orig.ranking.iter().find(|o| o.id == a.id);
        let (rank, score) = match a.rank {
            Some(r) => (format!("{r:>2}"), format!("{:>6.1}", a.score)),
            None => (" ✗".to_string(), "     —".to_string()),
        };
        let (orank, oscore) = match before.and_then(|b| b.rank.map(|r| (r, b.score))) {
            Some((r, s)) => (format!("{r:>2}"), format!("{s:>6.1}")),
            None => (" ✗".to_string(), "     —".to_string()),
        };
        let was = before.and_then(|b| b.rank);
        let (arrow, style) = match (a.rank, was) {
            (Some(n), Some(o)) if n < o => (format!("▲{}", o - n), t.up),
            (Some(n), Some(o)) if n > o => (format!("▼{}", n - o), t.down),
            (Some(_), None) => ("▲".to_string(), t.up),
            (None, Some(_)) => ("▼".to_string(), t.down),
            _ => (String::new(), t.muted),
        };
        let name_style = if a.excluded {
            t.excluded
        } else if a.rank == Some(1) {
            t.winner
        } else {
            t.text
        };
        out.push(Line::from(vec![
            Span::styled(rank, t.muted),
            Span::styled(text::fit(&format!(" {arrow}"), 4), style),
            Span::styled(text::fit(&a.name, name_w), name_style),
            Span::styled(score, t.text),
            Span::raw("  "),
            Span::styled(orank, t.muted),
            Span::styled(oscore, t.muted),
        ]));
    }
    PackLines {
        name,
        verdict,
        heading,
        rows: out,
    }
}

/// "$ a month: $32–$60 (was $65–$94: $34 less), estimate, us-east-1 …": the recommendation's
/// estimate under the what-if against the original's, in dollars.
pub fn cost_change(now: &PackResult, orig: &PackResult) -> Option<String> {
    use crate::engine::cost::{usd, usd_range};
    use crate::report::cost::mid;
    let basis = now.cost_basis.as_ref()?;
    fn winner(p: &PackResult) -> Option<&crate::engine::RankedAlternative> {
        p.winner.as_deref().and_then(|w| find(p, w))
    }
    let nc = winner(now)?.cost.as_ref()?;
    let range = |c: &crate::engine::CostOut| usd_range(c.monthly_usd.low, c.monthly_usd.high);
    let was = match winner(orig).and_then(|w| w.cost.as_ref()) {
        Some(oc) => {
            let d = mid(nc) - mid(oc);
            let change = if d.abs() < 0.5 {
                "about the same".to_string()
            } else {
                format!("{} {}", usd(d.abs()), if d > 0.0 { "more" } else { "less" })
            };
            format!(" (was {}: {change})", range(oc))
        }
        None => String::new(),
    };
    Some(format!("$ a month: {}{was}; {}", range(nc), basis.note))
}

/// Both views' frame: the answers panel on the left, drawn, and the rankings' panel on the right,
/// titled by whether an answer changed. The rankings' inner area and the widest alternative name
/// (one width for every pack, so that the columns line up from one pack to the next).
pub fn frame(app: &App, body: Rect, buf: &mut Buffer, projector: bool) -> Option<(Rect, usize)> {
    let t = &app.look.theme;
    let w = app.whatif()?;
    let [left, right] = areas(body, projector);
    let title = Line::from(vec![Span::styled(" Your answers ", t.title)]);
    let inner = panel(t, title, left, buf);
    let (lines, (start, end)) = question_lines(app, inner.width as usize);
    draw_lines(
        buf,
        inner,
        &lines,
        follow(start, end, inner.height as usize),
    );
    let title = if w.answers() != app.session.answers() {
        Line::from(vec![Span::styled(" What-if  vs  original ", t.preview)])
    } else {
        Line::from(vec![Span::styled(
            " Rankings (no answer changed yet) ",
            t.title,
        )])
    };
    let inner = panel(t, title, right, buf);
    let name_w = w
        .scored
        .rec(&app.catalog)
        .packs
        .iter()
        .flat_map(|p| p.ranking.iter().map(|a| text::width(&a.name)))
        .max()
        .unwrap_or(0);
    Some((inner, name_w))
}

/// Draws the screen; returns how far the rankings scroll.
pub fn render(app: &App, body: Rect, buf: &mut Buffer) -> Option<u16> {
    let t = &app.look.theme;
    let w = app.whatif()?;
    let (inner, name_w) = frame(app, body, buf, false)?;
    let width = inner.width as usize;
    let rec = w.scored.rec(&app.catalog);
    let n = rec.packs.len();
    let mut out = Vec::new();
    // Start with the current tab's pack; the others follow as far as they fit.
    for i in 0..n {
        let k = (app.results.tab + i) % n;
        let (Some(now), Some(orig)) = (rec.packs.get(k), app.rec().packs.get(k)) else {
            continue;
        };
        if i > 0 {
            out.push(Line::default());
        }
        out.extend(pack_lines(t, now, orig, width, name_w).lines());
    }
    // What does not fit is said, not cut silently, and PgDn shows it.
    let offset = w.scroll.offset as usize;
    super::draw::draw_scrolled(t, inner, &out, offset, buf);
    let rows = super::draw::text_rows(out.len(), inner.height);
    Some(out.len().saturating_sub(rows).min(u16::MAX as usize) as u16)
}
