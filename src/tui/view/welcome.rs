//! The welcome screen: what tradeoff does, which packs it will score, how many questions, the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::draw::{draw_lines, heading, panel, wrapped};
use crate::tui::app::App;
use crate::tui::text;

/// The welcome text; pack descriptions are left out when `height` is too small for them.
pub fn lines(app: &App, width: usize, height: usize) -> Vec<Line<'static>> {
    let full = build(app, width, true, true);
    if full.len() <= height {
        return full;
    }
    let short = build(app, width, false, true);
    if short.len() <= height {
        short
    } else {
        // The hint bar still shows the main keys.
        build(app, width, false, false)
    }
}

/// What tradeoff does, in one sentence.
pub const INTRO: &str = "Answer a few questions about your team and workload: tradeoff scores every \
     option and explains each number, why one wins and which answers would change it.";

/// The offer to continue an unfinished session, if there is one.
pub fn resume_lines(app: &App) -> Option<Vec<Line<'static>>> {
    let t = &app.look.theme;
    let (answers, progress) = app.resume.as_ref()?;
    // Counted as the progress bar counts: among the questions these answers ask.
    let asked = |q: &usize| app.catalog.asked(*q, &answers.choices);
    let total = (0..app.catalog.questions.len()).filter(asked).count();
    let at = if progress.finished {
        "at the results".to_string()
    } else {
        let pos = (0..=progress.position)
            .filter(asked)
            .count()
            .clamp(1, total.max(1));
        format!("at question {pos} of {total}")
    };
    Some(vec![
        heading(
            t,
            format!(
                "▶ An unfinished session is saved: {} of {total} answered, {at}.",
                answers.answered()
            ),
        ),
        Line::from(vec![
            Span::styled("  c", t.key),
            Span::styled(" continue it   ", t.text),
            Span::styled("Enter", t.key),
            Span::styled(
                if app.session_note.shared {
                    // A second window saves to a file of its own: the saved session stays.
                    " start again (it stays saved)"
                } else {
                    " start again (it is replaced)"
                },
                t.text,
            ),
        ]),
    ])
}

/// How the questions work.
pub fn questions_text(app: &App) -> String {
    // Counted as the progress bar counts: a follow-up that the answers do not ask is no step, and
    // is named apart so that "14 questions" never meets "1/13" on the next screen.
    let choices = &app.session.answers().choices;
    let decided = app.session.asked();
    let q = decided
        .iter()
        .filter(|&&i| app.catalog.asked(i, choices))
        .count();
    let follow = decided.len() - q;
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let more = if follow == 0 {
        String::new()
    } else {
        format!(
            " (and {follow} follow-up{} when an answer calls for it)",
            plural(follow)
        )
    };
    format!(
        "{q} question{}{more}, one per screen. Skip any you are unsure of: a skipped question is \
         not taken as any particular answer. The ranking beside each question previews the answer \
         you highlight.",
        plural(q)
    )
}

/// The heading over the pack list: how many decisions are chosen, and the keys that choose them.
pub fn decisions_heading(app: &App) -> String {
    let (n, all) = (app.session.packs().len(), app.catalog.packs.len());
    let keys = match all {
        0 | 1 => String::new(),
        _ => format!(" (1–{} choose)", all.min(9)),
    };
    if n == all {
        format!(
            "It will score {n} decision{}{keys}:",
            if n == 1 { "" } else { "s" }
        )
    } else {
        format!("It will score {n} of {all} decisions{keys}:")
    }
}

/// The main keys, two to a line.
pub fn key_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = &app.look.theme;
    let mut out = vec![heading(t, "Keys")];
    let keys: [(&str, &str); 8] = [
        ("Enter", "start, then choose"),
        ("↑ ↓", "highlight an answer"),
        ("← →", "previous / next question"),
        ("s", "skip a question"),
        ("p", "projector view for a room"),
        // Hard-to-read text on a light terminal is fixed by one key, said where it is first seen.
        ("t", "theme: dark, light, mono"),
        ("?", "every key of a screen"),
        ("q", "quit (also Ctrl-C)"),
    ];
    let col = width / 2;
    for pair in keys.chunks(2) {
        let mut spans = Vec::new();
        for (i, (k, a)) in pair.iter().enumerate() {
            spans.push(Span::styled(format!("  {k:<6}"), t.key));
            let a = if i == 0 {
                text::fit(a, col.saturating_sub(8))
            } else {
                a.to_string()
            };
            spans.push(Span::styled(a, t.text));
        }
        out.push(Line::from(spans));
    }
    out
}

/// Where the data comes from and how to script it.
pub fn data_line(app: &App) -> String {
    format!(
        "Data verified {} · for scripts: tradeoff recommend --format json",
        app.catalog.verified
    )
}

fn build(app: &App, width: usize, descriptions: bool, key_list: bool) -> Vec<Line<'static>> {
    let t = &app.look.theme;
    let mut out = Vec::new();
    if let Some(offer) = resume_lines(app) {
        out.extend(offer);
        out.push(Line::default());
    }
    out.extend(wrapped(INTRO, width, "", "", t.text));
    out.push(Line::default());
    out.push(heading(t, decisions_heading(app)));
    for (i, p) in app.catalog.packs.iter().enumerate() {
        let on = app.session.packs().contains(&i);
        let (mark, style) = if on {
            ("[x]", t.accent)
        } else {
            ("[ ]", t.muted)
        };
        out.push(Line::from(vec![
            Span::styled(format!("  {} ", i + 1), t.key),
            Span::styled(format!("{mark} "), style),
            Span::styled(p.name.to_string(), style),
            Span::styled(
                if p.origin.is_some() {
                    " (your pack)"
                } else {
                    ""
                },
                t.muted,
            ),
        ]));
        if descriptions {
            out.extend(wrapped(
                &p.description,
                width,
                "        ",
                "        ",
                t.muted,
            ));
        }
    }
    out.push(Line::default());
    out.extend(wrapped(&questions_text(app), width, "", "", t.text));
    if key_list {
        out.push(Line::default());
        out.extend(key_lines(app, width));
    }
    out.push(Line::default());
    out.extend(wrapped(&data_line(app), width, "", "", t.muted));
    out
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.look.theme;
    // A readable column: about 76 cells, centred.
    let w = area.width.min(80);
    let probe = lines(
        app,
        w.saturating_sub(4) as usize,
        area.height.saturating_sub(2) as usize,
    );
    let h = (probe.len() as u16 + 2).min(area.height);
    let boxed = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + area.height.saturating_sub(h) / 2,
        w,
        h,
    );
    let title = Line::from(vec![Span::styled(" Welcome to tradeoff ", t.title)]);
    let inner = panel(t, title, boxed, buf);
    draw_lines(
        buf,
        inner,
        &lines(app, inner.width as usize, inner.height as usize),
        0,
    );
}
