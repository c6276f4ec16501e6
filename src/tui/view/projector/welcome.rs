//! The welcome screen for a room: the name, what it does, the decisions it scores (big), how the
//! questions work, and with room the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::draw::heading;
use super::super::stage::{self, Part, Row, big_line};
use super::super::welcome;
use crate::tui::app::App;

pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let area = Rect {
        x: body.x + 2,
        width: body.width.saturating_sub(4),
        ..body
    };
    // The introduction in half-height letters when the screen has room for them, else quadrant.
    let (parts, intro) = parts(app, area.width, 8);
    let plan = stage::plan(&parts, area.width, area.height);
    let parts = if plan.rows[intro].contains(&stage::Shown::Big) {
        parts
    } else {
        self::parts(app, area.width, 4).0
    };
    stage::render(&parts, area, 0, &app.look.theme, buf);
}

/// The welcome's parts with paragraphs of letters `cells` wide, and the intro's part index.
fn parts(app: &App, w: u16, cells: u16) -> (Vec<Part>, usize) {
    let t = &app.look.theme;
    let mut parts = Vec::new();
    if let Some(offer) = welcome::resume_lines(app) {
        parts.push(Part::tight(vec![Row::text(offer)]));
    }
    parts.push(Part::tight(vec![
        Row::big(
            Vec::new(),
            big_line(vec![("tradeoff".to_string(), t.title)]),
            1,
        ),
        Row::text(vec![heading(t, "Welcome to tradeoff")]),
    ]));
    let intro = parts.len();
    parts.push(stage::paragraph_in(welcome::INTRO, t.text, w, 4, cells));
    let mut packs = vec![Row::text(vec![heading(t, welcome::decisions_heading(app))])];
    packs.extend(app.catalog.packs.iter().enumerate().map(|(i, p)| {
        let yours = if p.origin.is_some() {
            " (your pack)"
        } else {
            ""
        };
        // Chosen or not (1–9 toggle), said in words as well as colours.
        let on = app.session.packs().contains(&i);
        let (mark, style) = if on {
            ("[x]", t.accent)
        } else {
            ("[ ]", t.muted)
        };
        Row::big(
            vec![Line::from(vec![
                Span::styled(format!("  {} ", i + 1), t.key),
                Span::styled(format!("{mark} {}", p.name), style),
                Span::styled(yours, t.muted),
            ])],
            big_line(vec![
                (format!("{} ", i + 1), t.key),
                (format!("{mark} {}", p.name), style),
                (yours.to_string(), t.muted),
            ]),
            2,
        )
    }));
    parts.push(Part::new(packs).uniform());
    // What each pack decides, with room.
    let about: Vec<Row> = app
        .catalog
        .packs
        .iter()
        .flat_map(|p| {
            super::super::draw::wrapped(
                &format!("{}: {}", p.name, p.description),
                w as usize,
                "  ",
                "    ",
                t.muted,
            )
        })
        .map(|l| Row::text(vec![l]).optional(36))
        .collect();
    // Every pack's or none: one pack described reads as if the other had nothing to say.
    parts.push(Part::tight(about).uniform());
    let mut questions = stage::paragraph(&welcome::questions_text(app), t.text, w, 5);
    questions.gap = true;
    parts.push(questions);
    // The keys come in line by line as the room allows, from the top: the heading always with
    // the first line (a heading alone says there is something it does not show), never a line
    // from the middle alone.
    let mut lines = welcome::key_lines(app, w as usize).into_iter();
    let first: Vec<Line<'static>> = lines.by_ref().take(2).collect();
    let mut keys = vec![Row::text(first).optional(35)];
    keys.extend(lines.map(|l| Row::text(vec![l]).optional(35)));
    parts.push(Part::new(keys).in_order());
    parts.push(Part::new(vec![Row::text(vec![Line::styled(
        welcome::data_line(app),
        t.muted,
    )])]));
    (parts, intro)
}
