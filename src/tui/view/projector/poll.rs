//! The poll popup for a room: the answers with their hands in big letters (the highlighted one
//! first), then what the hands mean, each pack's outcome big ("ECS Express Mode 64%"), and which
//! question divides the room most. Clicks select an answer.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::draw::{popup, popup_area, wrapped};
use super::super::poll::{hands, meaning, pack_short};
use super::super::stage::{self, Part, Row, big_line};
use crate::tui::app::App;
use crate::tui::msg::Msg;
use crate::tui::popup::PollPopup;
use crate::tui::text;

/// Draws the popup; returns where clicks land.
pub fn render(app: &App, p: &PollPopup, body: Rect, buf: &mut Buffer) -> Vec<(Rect, Msg)> {
    let t = &app.look.theme;
    let Some(q) = app.catalog.questions.get(p.question) else {
        return Vec::new();
    };
    let width = body.width.saturating_sub(8);
    let w = width as usize;
    let (hands, total) = hands(app, p);
    let label_w = q
        .choices
        .iter()
        .map(|c| text::width(&c.label))
        .max()
        .unwrap_or(0)
        .min(w / 2);
    // The question, big when the room allows (what the hands answer); whole, as the view wraps it.
    let prompt = wrapped(&q.prompt, w, "", "", t.heading);
    let head = Row::big(
        prompt,
        big_line(vec![(q.prompt.to_string(), t.heading)]),
        30,
    );
    // The answers: "Steady  12  29%", big with room, the highlighted one first.
    let choices: Vec<Row> = q
        .choices
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let n = hands.get(i).copied().unwrap_or(0);
            let share = if total > 0 {
                crate::report::pct(f64::from(n) / f64::from(total))
            } else {
                String::new()
            };
            let sel = i == p.cursor;
            let label = text::fit(&c.label, label_w);
            let pad = label_w.saturating_sub(text::width(&label));
            let count_style = if n > 0 { t.accent } else { t.muted };
            let line = Line::from(vec![
                Span::raw(if sel { "› " } else { "  " }),
                Span::styled(format!("{label}{}", " ".repeat(pad)), t.text),
                Span::styled(
                    format!(" {n:>5}{} ", if sel { "▏" } else { " " }),
                    count_style,
                ),
                Span::styled(format!("{share:>4}"), t.muted),
            ]);
            let big = big_line(vec![
                (format!("{:label_w$}", c.label), t.text),
                (format!(" {n:>4}"), count_style),
                (format!(" {share:>4}"), t.muted),
            ]);
            let grow = if sel { 2 } else { 20 + i as u16 };
            Row::big(vec![line], big, grow).selected(sel.then_some(t.selection))
        })
        .collect();
    // What it means: each pack's leader big, the whole line as ordinary text.
    let mut result_rows = Vec::new();
    let result = app.poll_result();
    let mut divides = None;
    if let Ok(r) = &*result {
        let what = "What it means: the share of the room's answers each alternative wins";
        result_rows.push(Row::big(
            vec![Line::styled(what, t.heading)],
            big_line(vec![(
                "What it means: share of the room's answers won".to_string(),
                t.heading,
            )]),
            31,
        ));
        // The room's split is the headline: big when there is room.
        divides = Some(stage::paragraph(
            &crate::report::poll_divides(r),
            t.text,
            width,
            5,
        ));
        for (k, pk) in r.packs.iter().enumerate() {
            let line = Line::from(vec![
                Span::styled(format!("{} ", pack_short(app, &pk.pack)), t.muted),
                Span::styled(
                    text::fit(&super::super::poll::wins_line(app, r, k), w),
                    t.text,
                ),
            ]);
            // Every alternative that wins a share, the leader in the winner's colour: big only
            // when the whole line fits, so no share is left out.
            let mut pieces = Vec::new();
            for (i, win) in pk.wins.iter().enumerate() {
                let name = win
                    .alternative
                    .as_deref()
                    .and_then(|id| super::super::overview::short_of(app, &pk.pack, id))
                    .unwrap_or(&win.name);
                let sep = if i == 0 { "" } else { " - " };
                pieces.push((
                    format!("{sep}{name}"),
                    if i == 0 { t.winner } else { t.text },
                ));
                pieces.push((format!(" {}", crate::report::pct(win.share)), t.text));
            }
            let big = big_line(pieces);
            result_rows.push(Row::big(vec![line], big, 10 + k as u16));
        }
    }
    // The divides sentence and the other questions polled, as the ordinary view writes them.
    // Before the result: how to start; after it: the other questions polled.
    let tail: Vec<Row> = match &*result {
        Ok(_) => super::super::poll::others(app, p)
            .map(|o| wrapped(&o, w, "", "  ", t.muted))
            .unwrap_or_default(),
        Err(_) => meaning(app, p, w),
    }
    .into_iter()
    .map(|l| Row::text(vec![l]))
    .collect();
    // How many hands were counted, big when the room has the rows (the title says it small).
    let counted = Row::big(
        Vec::new(),
        big_line(vec![(
            format!("{total} hand{} counted", if total == 1 { "" } else { "s" }),
            t.muted,
        )]),
        32,
    );
    let mut parts = vec![
        Part::tight(vec![head, counted]),
        Part::new(choices),
        Part::new(result_rows),
    ];
    parts.extend(divides);
    parts.push(Part::new(tail));
    // The whole body: blank rows rather than slices of the big letters behind.
    let area = popup_area(body, body.width.saturating_sub(4), body.height);
    let title = Line::from(vec![
        Span::styled(format!(" Poll the room · {} ", q.title), t.title),
        Span::styled(format!("· {total} hands "), t.muted),
    ]);
    let inner = popup(t, title, area, buf);
    let laid = stage::render(&parts, inner, 0, t, buf);
    laid.rows
        .iter()
        .filter(|((part, _), _)| *part == 1)
        .map(|&((_, i), r)| (r.intersection(inner), Msg::Click(i)))
        .collect()
}
