//! The live weights popup (`W`): the pack's standing as the weights now make it (winner, margin,
//! verdict), then side by side one row per criterion — its weight between ◂ ▸ (click them, or
//! ←→), its share of the total, and the data's weight when changed (marked *) — and the ranking,
//! each alternative's move against the ranking with the data's weights (^1, v2); under them the
//! selected criterion in full, scrolled with PgDn / PgUp when the screen is too small for it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::draw::{draw_lines, popup, popup_area, wrapped};
use crate::engine::PackResult;
use crate::pack::Pack;
use crate::tui::app::App;
use crate::tui::msg::Msg;
use crate::tui::popup::Weights;
use crate::tui::text;

/// What the popup shows of one pack, for the ordinary view and the projector's.
pub struct Model<'a> {
    pub pack: &'a Pack,
    pub result: &'a PackResult,
    /// Per ranked alternative (the result's ranking order): places gained (positive) or lost
    /// against the ranking with the data's weights; all 0 when no weight of the pack changed.
    pub moved: Vec<i32>,
    /// How many of the pack's weights differ from the data's.
    pub changed: usize,
}

impl<'a> Model<'a> {
    pub fn new(app: &'a App, w: &Weights) -> Option<Model<'a>> {
        let pack = app.catalog.packs.get(w.pack)?;
        let result = app.shown_rec().packs.iter().find(|r| r.id == pack.id)?;
        let changed = pack
            .criteria
            .iter()
            .filter(|c| c.weight != c.data_weight)
            .count();
        let moved = if changed == 0 {
            vec![0; result.ranking.len()]
        } else {
            moves(app, pack, result)
        };
        Some(Model {
            pack,
            result,
            moved,
            changed,
        })
    }

    /// "^2" / "v1" and whether it is up, for a ranked alternative (by its place in the ranking).
    pub fn mark(&self, i: usize) -> Option<(String, bool)> {
        match self.moved.get(i).copied().unwrap_or(0) {
            0 => None,
            m if m > 0 => Some((format!("^{m}"), true)),
            m => Some((format!("v{}", -m), false)),
        }
    }
}

/// Each ranked alternative's move against the ranking the data's weights give the same answers
/// (one plain evaluation of a copy of the pack: no analysis).
fn moves(app: &App, pack: &Pack, result: &PackResult) -> Vec<i32> {
    let mut data = pack.clone();
    for c in &mut data.criteria {
        c.weight = c.data_weight;
    }
    let mut answers = match app.whatif() {
        Some(w) => w.answers().choices.clone(),
        None => app.session.answers().choices.clone(),
    };
    app.catalog.normalize(&mut answers);
    let before: Vec<&str> = crate::engine::evaluate(&data, &answers)
        .ranking()
        .into_iter()
        .map(|a| pack.alternatives[a].id.as_str())
        .collect();
    result
        .ranking
        .iter()
        .enumerate()
        .map(
            |(now, a)| match (a.rank, before.iter().position(|b| *b == a.id)) {
                (Some(_), Some(was)) => was as i32 - now as i32,
                _ => 0,
            },
        )
        .collect()
}

/// A weight as the popup writes it: "3", "1.5", "0.75".
pub fn weight_text(w: f64) -> String {
    format!("{}", (w * 100.0).round() / 100.0)
}

/// Draws the popup; returns where clicks land (◂ and ▸ of each criterion, and each criterion's
/// row) and how far the selected criterion's description scrolls.
pub fn render(app: &App, w: &Weights, body: Rect, buf: &mut Buffer) -> (Vec<(Rect, Msg)>, u16) {
    let t = &app.look.theme;
    let Some(m) = Model::new(app, w) else {
        return (Vec::new(), 0);
    };
    let width = 110.min(body.width.saturating_sub(4));
    // The width the popup gets (all of a narrow body), less its borders and margins.
    let inner_w = popup_area(body, width, 1).width.saturating_sub(4) as usize;
    let short = |id: &str| super::overview::short_name(app, m.result, id).to_string();
    let ranked: Vec<_> = m
        .result
        .ranking
        .iter()
        .enumerate()
        .filter(|(_, a)| a.rank.is_some())
        .collect();
    let excluded: Vec<String> = m
        .result
        .ranking
        .iter()
        .filter(|a| a.rank.is_none())
        .map(|a| short(&a.id))
        .collect();
    // Criteria on the left ("› name  ◂ weight ▸ share *"), the ranking on the right. The ranking's
    // names are never cut; a criterion's name that does not fit ends in "…" and is said in full
    // under the table when it is selected.
    let wide = inner_w >= 90;
    let fixed = 2 + 4 + 4 + 2 + if wide { 5 } else { 0 } + 2;
    let short_w = ranked
        .iter()
        .map(|(_, a)| text::width(&short(&a.id)))
        .max()
        .unwrap_or(0);
    // "1 " name " 69.8" " ^1"
    let right_need = 2 + short_w + 6 + 3;
    let longest = m.pack.criteria.iter().map(|c| text::width(&c.name)).max();
    let name_w = longest
        .unwrap_or(0)
        .min(inner_w.saturating_sub(fixed + 2 + right_need))
        .max(8);
    let left_w = name_w + fixed;
    let right_w = inner_w.saturating_sub(left_w + 2);
    let excluded_lines = if excluded.is_empty() {
        Vec::new()
    } else {
        let s = format!("excluded: {}", excluded.join(", "));
        super::draw::wrapped(&s, right_w, "", "  ", t.excluded)
    };
    let n = m.pack.criteria.len();
    let rows = n.max(ranked.len() + excluded_lines.len());
    let (standing, mut parts) = layout_rows(app, &m, w, inner_w, body, rows);
    let detail = selected_detail(&m, w.cursor, inner_w, t);
    let height = parts.height() as u16 + 2;
    let area = popup_area(body, width, height);
    let mut title = vec![Span::styled(
        format!(" Weights · {} ", m.pack.name),
        t.title,
    )];
    if m.changed > 0 {
        title.push(Span::styled(format!("· {} changed ", m.changed), t.warning));
    }
    let inner = popup(t, Line::from(title), area, buf);
    let mut lines = standing;
    lines.resize(parts.standing, Line::default());
    lines.extend((0..parts.gap_after_standing).map(|_| Line::default()));
    let head = format!(
        "  {:name_w$}  weight{}",
        "Criterion",
        if wide { "  share" } else { "" }
    );
    let ranking_head = if m.changed > 0 {
        "Ranking · moves vs the data's"
    } else {
        "Ranking"
    };
    lines.push(Line::from(vec![
        Span::styled(format!("{head:left_w$}  "), t.heading),
        Span::styled(text::fit(ranking_head, right_w), t.heading),
    ]));
    let mut clicks = Vec::new();
    let top = inner.y + lines.len() as u16;
    for r in 0..rows {
        let mut spans: Vec<Span<'static>> = Vec::new();
        match m.pack.criteria.get(r) {
            Some(c) => {
                let changed = c.weight != c.data_weight;
                let name = text::fit(&c.name, name_w);
                let pad = name_w.saturating_sub(text::width(&name));
                let mut crit = vec![
                    Span::raw(if r == w.cursor { "› " } else { "  " }),
                    Span::styled(format!("{name}{}", " ".repeat(pad)), t.text),
                    Span::styled("  ◂ ", t.key),
                    Span::styled(
                        format!("{:>4}", weight_text(c.weight)),
                        if changed { t.warning } else { t.text },
                    ),
                    Span::styled(" ▸", t.key),
                ];
                if wide {
                    let share = m.result.weights.get(r).map_or(0.0, |x| x.share);
                    crit.push(Span::styled(
                        format!("{:>5}", crate::report::pct(share)),
                        t.muted,
                    ));
                }
                crit.push(Span::styled(if changed { " *" } else { "  " }, t.warning));
                let mut crit = Line::from(crit);
                if r == w.cursor {
                    crit = super::draw::selected(crit, t);
                }
                spans.extend(crit.spans);
                let y = top + r as u16;
                if y < inner.bottom() {
                    let minus_x = inner.x + (2 + name_w + 2) as u16;
                    let plus_x = minus_x + 2 + 4 + 1;
                    let set = |v: f64| Msg::SetWeight {
                        pack: w.pack,
                        criterion: r,
                        centi: crate::weights::to_centi(v),
                    };
                    // The arrows first: a click elsewhere on the row selects it.
                    let down = set(crate::weights::step(c.weight, false));
                    let up = set(crate::weights::step(c.weight, true));
                    clicks.push((Rect::new(minus_x, y, 2, 1), down));
                    clicks.push((Rect::new(plus_x, y, 2, 1), up));
                    clicks.push((Rect::new(inner.x, y, left_w as u16, 1), Msg::Click(r)));
                }
            }
            None => spans.push(Span::raw(" ".repeat(left_w))),
        }
        spans.push(Span::raw("  "));
        if let Some(&(i, a)) = ranked.get(r) {
            let name = short(&a.id);
            let rank = a.rank.unwrap_or(0);
            let name_room = right_w.saturating_sub(2 + 6 + 3);
            spans.push(Span::styled(format!("{rank} "), t.muted));
            spans.push(Span::styled(
                format!("{:name_room$}", text::fit(&name, name_room)),
                if rank == 1 { t.winner } else { t.text },
            ));
            spans.push(Span::styled(format!(" {:>5.1}", a.score), t.text));
            if let Some((mv, up)) = m.mark(i) {
                spans.push(Span::styled(
                    format!(" {mv}"),
                    if up { t.up } else { t.down },
                ));
            }
        } else if let Some(l) = r
            .checked_sub(ranked.len())
            .and_then(|k| excluded_lines.get(k))
        {
            spans.extend(l.spans.iter().cloned());
        }
        lines.push(Line::from(spans));
    }
    lines.extend((0..parts.gap_before_detail).map(|_| Line::default()));
    draw_lines(buf, inner, &lines, 0);
    // The description in the rows left, scrolled with PgDn / PgUp when it is longer.
    let at = inner.y + lines.len() as u16;
    parts.detail = parts.detail.min(inner.bottom().saturating_sub(at) as usize);
    let text_area = Rect::new(inner.x, at, inner.width, parts.detail as u16);
    let limit = detail.len().saturating_sub(parts.detail);
    let scroll = (w.detail.offset as usize).min(limit);
    draw_lines(buf, text_area, &detail, scroll);
    super::draw::border_marks(
        t,
        area,
        (detail.len(), parts.detail, scroll),
        ("PgDn", "PgUp"),
        buf,
    );
    (clicks, limit as u16)
}

/// How the popup's rows are shared: the standing's lines, blank lines between the parts when there
/// is room, and the description's rows.
struct Rows {
    standing: usize,
    gap_after_standing: usize,
    table: usize,
    gap_before_detail: usize,
    detail: usize,
}

impl Rows {
    fn height(&self) -> usize {
        self.standing + self.gap_after_standing + self.table + self.gap_before_detail + self.detail
    }
}

/// The standing's lines and how the rows are shared in `body`. The popup keeps one size while the
/// cursor moves (as many description rows as the pack's longest) and the standing three lines
/// while the weights move, so nothing jumps under the mouse; on a small screen the blank lines go
/// first, then the standing's spare lines, then the description scrolls.
fn layout_rows(
    app: &App,
    m: &Model,
    w: &Weights,
    inner_w: usize,
    body: Rect,
    table_rows: usize,
) -> (Vec<Line<'static>>, Rows) {
    let t = &app.look.theme;
    let standing = standing(app, m, inner_w);
    let longest_detail = (0..m.pack.criteria.len())
        .map(|k| selected_detail(m, k, inner_w, t).len())
        .max()
        .unwrap_or(0)
        .max(selected_detail(m, w.cursor, inner_w, t).len());
    let avail = body.height.saturating_sub(2) as usize;
    let mut rows = Rows {
        standing: standing.len().max(3),
        gap_after_standing: 1,
        table: 1 + table_rows,
        gap_before_detail: 1,
        detail: longest_detail,
    };
    if rows.height() > avail {
        rows.gap_after_standing = 0;
    }
    if rows.height() > avail {
        rows.gap_before_detail = 0;
    }
    if rows.height() > avail {
        rows.standing = standing.len();
    }
    if rows.height() > avail {
        let fixed = rows.height() - rows.detail;
        rows.detail = avail.saturating_sub(fixed).max(1);
    }
    // A row or two left above and below would show slivers of the screen behind (its "more
    // below" mark, whose keys the popup takes): the description has them.
    if avail.saturating_sub(rows.height()) <= 2 {
        rows.detail = avail.saturating_sub(rows.height() - rows.detail);
    }
    (standing, rows)
}

/// The winner and its standing (margin, verdict, win share), as the weights make them now.
pub fn standing(app: &App, m: &Model, width: usize) -> Vec<Line<'static>> {
    let t = &app.look.theme;
    match m.result.winner.as_deref() {
        Some(id) => {
            let name = super::overview::short_name(app, m.result, id);
            let s = format!("{name}: {}", crate::report::standing(m.result));
            wrapped(&s, width, "", "  ", t.winner)
        }
        None => wrapped(
            &crate::report::standing(m.result),
            width,
            "",
            "  ",
            t.warning,
        ),
    }
}

/// The selected criterion in full: its name, the weight against the data's, its share after the
/// rules, and its description.
pub fn selected_detail(
    m: &Model,
    cursor: usize,
    width: usize,
    t: &crate::tui::theme::Theme,
) -> Vec<Line<'static>> {
    let Some(c) = m.pack.criteria.get(cursor) else {
        return Vec::new();
    };
    let share = m.result.weights.get(cursor).map_or(0.0, |x| x.share);
    let data = if c.weight != c.data_weight {
        format!(" (the data's: {})", weight_text(c.data_weight))
    } else {
        " (the data's)".to_string()
    };
    let s = format!(
        "{}: weight {}{data}, {} of the total after the rules. {}",
        c.name,
        weight_text(c.weight),
        crate::report::pct(share),
        c.description
    );
    // All of it: the popup scrolls what its rows cannot show.
    wrapped(&s, width, "", "", t.muted)
}
