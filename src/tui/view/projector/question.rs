//! A question for a room: the prompt, the choices (big together when they all fit, the highlighted
//! one in the selection's colours), the highlighted choice's detail; beside it the live ranking,
//! whose leaders go big first. Why the question matters comes in when there is room.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::draw::{heading, panel, selected, wrapped};
use super::super::question::{compact_row, move_mark, notes, ranking_title};
use super::super::stage::{self, Part, Row, big_line};
use crate::tui::app::App;
use crate::tui::msg::Msg;
use crate::tui::session::LivePack;
use crate::tui::text;

/// Draws the question screen (the same frame as the ordinary view, then the question and the live
/// ranking laid out for the room); returns where a click chooses.
pub fn render(app: &App, body: Rect, buf: &mut Buffer) -> Vec<(Rect, Msg)> {
    let Some((a, left)) = super::super::question::frame(app, body, buf) else {
        return Vec::new();
    };
    let right = a.right;
    let t = &app.look.theme;
    let laid = stage::render(&question_parts(app, left.width), left, 0, t, buf);
    let live = app.live();
    let inner = panel(t, ranking_title(app, &live, right), right, buf);
    let mut parts: Vec<Part> = live
        .packs
        .iter()
        .enumerate()
        .map(|(i, p)| pack_part(app, p, i, inner.width))
        .collect();
    parts.push(answers_so_far(app, inner.width));
    stage::render(&parts, inner, 0, t, buf);
    laid.rows
        .into_iter()
        .filter(|((part, _), _)| *part == 1)
        .map(|((_, row), r)| (r, Msg::Click(row)))
        .collect()
}

fn question_parts(app: &App, width: u16) -> Vec<Part> {
    let t = &app.look.theme;
    let w = width as usize;
    let Some(q) = app.catalog.questions.get(app.session.question) else {
        return Vec::new();
    };
    let qi = app.session.question;
    let cursor = app.session.cursor.get(qi).copied().unwrap_or(0);
    let answer = app.session.answers().choices.get(qi).copied().flatten();
    let prompt = stage::paragraph(&q.prompt, t.title, width, 2);
    let choices = q
        .choices
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let chosen = answer == Some(i);
            let number = if i < 9 {
                format!("{}", i + 1)
            } else {
                " ".into()
            };
            let mut spans = vec![
                Span::raw(if i == cursor { "› " } else { "  " }),
                Span::styled(number.clone(), t.key),
                Span::raw(" "),
                Span::styled(
                    if chosen { "●" } else { "○" },
                    if chosen { t.chosen } else { t.muted },
                ),
                Span::raw(" "),
                Span::styled(c.label.to_string(), if chosen { t.chosen } else { t.text }),
            ];
            if chosen {
                spans.push(Span::styled("  (your answer)", t.muted));
            }
            let mut line = Line::from(spans);
            if i == cursor {
                line = selected(line, t);
            }
            // Big: the digit, then a star on the answer given (a space on the others), the label.
            let big = big_line(vec![
                (number, t.key),
                (if chosen { "*" } else { " " }.to_string(), t.chosen),
                (c.label.to_string(), if chosen { t.chosen } else { t.text }),
            ]);
            Row::big(vec![line], big, 1).selected((i == cursor).then_some(t.selection))
        })
        .collect();
    let mut parts = vec![prompt, Part::new(choices).uniform()];
    if let Some(d) = q.choices.get(cursor).and_then(|c| c.detail.as_ref()) {
        let mut detail = stage::paragraph(d, t.muted, width, 3);
        detail.gap = true;
        parts.push(detail);
    }
    // Every choice's detail, with room (the highlighted one's is above already).
    let details: Vec<Row> = q
        .choices
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != cursor)
        .filter_map(|(_, c)| Some((c, c.detail.as_ref()?)))
        // A detail whole or not at all: a sentence never stops mid-way.
        .map(|(c, d)| Row::text(wrapped(&format!("{}: {d}", c.label), w, "", "  ", t.muted)))
        .map(|r| r.optional(37))
        .collect();
    parts.push(Part::new(details).in_order());
    // Why the question matters, with room; big with more room.
    let mut help = stage::paragraph(&q.help, t.text, width, 36);
    help.rows
        .insert(0, Row::text(vec![heading(t, "Why it matters")]));
    help.gap = true;
    parts.push(help.optional(35));
    parts
}

/// One pack of the live ranking: its name, its leaders (big first), more of them with room, and
/// what the preview excludes.
fn pack_part(app: &App, p: &LivePack, index: usize, width: u16) -> Part {
    let t = &app.look.theme;
    let w = width as usize;
    let mut rows = vec![Row::text(vec![Line::styled(
        text::truncate(&p.name, w),
        t.heading,
    )])];
    const SHOWN: usize = 3;
    let name_w = p
        .rows
        .iter()
        .map(|r| text::width(&r.short))
        .max()
        .unwrap_or(0);
    // "1^ ECS on Fargate 74.3": rank and move, short name, score (quadrant letters, 4 cells
    // each; the score's own padding is the gap before it).
    let with_scores = (3 + name_w + 5) * 4 <= w;
    for (pos, r) in p.rows.iter().enumerate() {
        let (arrow, style) = move_mark(t, r);
        let name_style = if pos == 0 { t.winner } else { t.text };
        let line = compact_row(t, pos, r, w);
        // The rank in the colour of its move, and the move as ^ or v in the rank's trailing space
        // (the big font has no ▲ ▼, and colour alone is not enough); the score when every row
        // has room for it.
        let big_arrow = match arrow {
            "▲" => "^",
            "▼" => "v",
            _ => " ",
        };
        let mut pieces = vec![
            (format!("{}{big_arrow} ", pos + 1), style),
            (format!("{:name_w$}", r.short), name_style),
        ];
        if with_scores {
            pieces.push((format!("{:>5.1}", r.score), t.text));
        }
        let big = big_line(pieces);
        // Rows padded alike: those that go big are always the top of the ranking.
        let row = Row::big(vec![line], big, 10 + 10 * index as u16 + pos as u16);
        rows.push(if pos < SHOWN {
            row
        } else {
            row.optional(30 + pos as u16)
        });
    }
    // How many more there are depends on the room the stage finds: the projector shows what fits
    // and says nothing of the rest (the results list every one).
    rows.extend(notes(t, p, w, 0).into_iter().map(|l| Row::text(vec![l])));
    Part::new(rows)
}

/// The answers given so far, one line each, with room: the room sees how the ranking came about.
fn answers_so_far(app: &App, width: u16) -> Part {
    let t = &app.look.theme;
    let given: Vec<Row> = app
        .catalog
        .questions
        .iter()
        .zip(&app.session.answers().choices)
        .filter_map(|(q, c)| Some((q, (*c)?)))
        .map(|(q, c)| {
            let s = format!("{}: {}", q.title, q.choices[c].label);
            Row::text(vec![Line::styled(
                text::truncate(&s, width as usize),
                t.muted,
            )])
        })
        .collect();
    if given.is_empty() {
        return Part::default();
    }
    let mut rows = vec![Row::text(vec![heading(t, "Your answers so far")])];
    rows.extend(given);
    Part::new(rows).optional(38)
}
