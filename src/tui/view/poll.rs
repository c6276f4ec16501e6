//! The poll popup (`H`): the question, one row per answer with the hands typed (the highlighted
//! one takes the digits), a bar of its share of the room; then what the hands mean — per pack the
//! share of the room's answers each alternative wins — and which question divides the room most.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::draw::{draw_lines, popup, popup_area, wrapped};
use crate::engine::PollResult;
use crate::tui::app::App;
use crate::tui::msg::Msg;
use crate::tui::popup::PollPopup;
use crate::tui::text;

/// The hands of each answer of the polled question, and their total.
pub fn hands(app: &App, p: &PollPopup) -> (Vec<u32>, u32) {
    let n = app
        .catalog
        .questions
        .get(p.question)
        .map_or(0, |q| q.choices.len());
    let hands = app
        .room
        .poll
        .hands(p.question)
        .map_or(vec![0; n], <[u32]>::to_vec);
    let total = hands.iter().sum();
    (hands, total)
}

/// A pack's outcome in one line: "ECS Express Mode 64% · Lambda 36%" (short names).
pub fn wins_line(app: &App, r: &PollResult, k: usize) -> String {
    let Some(pk) = r.packs.get(k) else {
        return String::new();
    };
    pk.wins
        .iter()
        .map(|w| {
            let name = w
                .alternative
                .as_deref()
                .and_then(|id| super::overview::short_of(app, &pk.pack, id))
                .unwrap_or(&w.name);
            format!("{name} {}", crate::report::pct(w.share))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The short name of a pack of the catalog.
pub fn pack_short(app: &App, id: &str) -> String {
    app.catalog
        .pack(id)
        .map_or(id.to_string(), |p| p.short.to_string())
}

/// The other questions polled, with their hands: "Also polled: Team size (20 hands)".
pub fn others(app: &App, p: &PollPopup) -> Option<String> {
    let others: Vec<String> = app
        .room
        .poll
        .polled()
        .filter(|(q, _)| *q != p.question)
        .filter_map(|(q, h)| {
            let title = &app.catalog.questions.get(*q)?.title;
            Some(format!("{title} ({} hands)", h.iter().sum::<u32>()))
        })
        .collect();
    (!others.is_empty()).then(|| format!("Also polled: {}", others.join(", ")))
}

/// Draws the popup; returns where clicks land (each answer's row).
pub fn render(app: &App, p: &PollPopup, body: Rect, buf: &mut Buffer) -> Vec<(Rect, Msg)> {
    let t = &app.look.theme;
    let Some(q) = app.catalog.questions.get(p.question) else {
        return Vec::new();
    };
    let width = 104.min(body.width.saturating_sub(4));
    let inner_w = width.saturating_sub(4) as usize;
    let (hands, total) = hands(app, p);
    let mut lines = wrapped(&q.prompt, inner_w, "", "", t.heading);
    lines.truncate(2);
    lines.push(Line::default());
    let label_w = q
        .choices
        .iter()
        .map(|c| text::width(&c.label))
        .max()
        .unwrap_or(0)
        .min(inner_w / 2);
    let bar_w = inner_w.saturating_sub(2 + label_w + 8 + 6).min(30);
    let first_choice = lines.len();
    for (i, c) in q.choices.iter().enumerate() {
        let n = hands.get(i).copied().unwrap_or(0);
        let share = if total > 0 {
            f64::from(n) / f64::from(total)
        } else {
            0.0
        };
        let sel = i == p.cursor;
        let label = text::fit(&c.label, label_w);
        let pad = label_w.saturating_sub(text::width(&label));
        // The highlighted answer's count is where the digits go: a cursor after it.
        let count = if sel {
            format!("{n:>5}▏")
        } else {
            format!("{n:>5} ")
        };
        let mut line = Line::from(vec![
            Span::raw(if sel { "› " } else { "  " }),
            Span::styled(format!("{label}{}", " ".repeat(pad)), t.text),
            Span::styled(format!(" {count} "), if n > 0 { t.accent } else { t.muted }),
            Span::styled(crate::report::bar(share * 100.0, bar_w), t.bar),
            Span::styled(format!(" {:>4}", crate::report::pct(share)), t.muted),
        ]);
        if sel {
            line = super::draw::selected(line, t);
        }
        lines.push(line);
    }
    lines.push(Line::default());
    lines.extend(meaning(app, p, inner_w));
    let height = lines.len() as u16 + 2;
    let area = popup_area(body, width, height);
    let title = Line::from(vec![
        Span::styled(format!(" Poll the room · {} ", q.title), t.title),
        Span::styled(format!("· {total} hands "), t.muted),
    ]);
    let inner = popup(t, title, area, buf);
    draw_lines(buf, inner, &lines, 0);
    (0..q.choices.len())
        .filter_map(|i| {
            let y = inner.y + (first_choice + i) as u16;
            (y < inner.bottom()).then(|| (Rect::new(inner.x, y, inner.width, 1), Msg::Click(i)))
        })
        .collect()
}

/// What the hands mean, or how to start: a line per pack decided, then the question that divides
/// the room most, and the other questions polled.
pub fn meaning(app: &App, p: &PollPopup, width: usize) -> Vec<Line<'static>> {
    let t = &app.look.theme;
    let result = app.poll_result();
    let r = match &*result {
        Ok(r) => r,
        Err(_) => {
            return wrapped(
                "Type how many hands went up for each answer (Enter or ↓ to the next one): what the room's answers mean shows here.",
                width,
                "",
                "",
                t.muted,
            );
        }
    };
    let mut out = vec![Line::styled(
        "What it means: the share of the room's answers each alternative wins",
        t.heading,
    )];
    let name_w = r
        .packs
        .iter()
        .map(|pk| text::width(&pack_short(app, &pk.pack)))
        .max()
        .unwrap_or(0);
    for (k, pk) in r.packs.iter().enumerate() {
        let name = pack_short(app, &pk.pack);
        let pad = name_w.saturating_sub(text::width(&name));
        let wins = wins_line(app, r, k);
        out.push(Line::from(vec![
            Span::styled(format!("  {name}{}  ", " ".repeat(pad)), t.muted),
            Span::styled(
                text::fit(&wins, width.saturating_sub(name_w + 4)),
                if pk.wins.len() > 1 {
                    t.warning
                } else {
                    t.winner
                },
            ),
        ]));
    }
    out.extend(wrapped(
        &crate::report::poll_divides(r),
        width,
        "",
        "  ",
        t.text,
    ));
    if let Some(o) = others(app, p) {
        out.extend(wrapped(&o, width, "", "  ", t.muted));
    }
    out
}
