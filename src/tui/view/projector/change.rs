//! What would change this, for a room: each single answer that makes another alternative win goes
//! big ("Traffic: Spiky or mostly idle -> Lambda"), in the order the panel lists them; the answers
//! that keep the winner and the weights follow as ordinary text.

use super::super::change;
use super::super::overview::short_name;
use super::super::stage::{Part, Row, big_line};
use crate::engine::PackResult;
use crate::tui::app::App;

pub fn parts(app: &App, p: &PackResult, width: u16) -> Vec<Part> {
    let t = &app.look.theme;
    let text = change::text(app, p, width as usize);
    let changing: Vec<_> = p
        .counterfactuals
        .iter()
        .filter(|c| c.changes_winner)
        .collect();
    let mut parts = Vec::new();
    if let Some(h) = text.singles_heading {
        parts.push(Part::tight(vec![Row::text(vec![h])]));
    }
    // Each single change: its ordinary lines, and big "Traffic: Spiky -> Lambda".
    for (i, (c, line)) in changing.iter().zip(text.singles).enumerate() {
        let to = c
            .winner
            .as_deref()
            .map_or("nothing".to_string(), |w| short_name(app, p, w).to_string());
        let answer = (format!("{}: ", c.title), t.muted);
        let label = (c.to_label.to_string(), t.accent);
        let one = big_line(vec![
            answer.clone(),
            (format!("{} ", c.to_label), t.accent),
            ("-> ".to_string(), t.muted),
            (to.clone(), t.winner),
        ]);
        let glyphs = one.as_ref().map_or(usize::MAX, |l| {
            l.spans.iter().map(|s| s.content.chars().count()).sum()
        });
        // On one line when it fits; else the answer, then "-> winner" below it.
        let rows = if glyphs * 4 <= width as usize {
            vec![Row::big(line, one, 1 + i as u16)]
        } else {
            vec![
                Row::big(line, big_line(vec![answer, label]), 1 + i as u16),
                Row::big(
                    Vec::new(),
                    big_line(vec![("  -> ".to_string(), t.muted), (to, t.winner)]),
                    1 + i as u16,
                ),
            ]
        };
        parts.push(Part::tight(rows).uniform());
    }
    // The answers that keep the winner and the weights: each entry big too, after the changes,
    // as the room allows (headings stay ordinary text).
    let others: Vec<Row> = text
        .rest
        .into_iter()
        .enumerate()
        .map(|(i, (l, is_entry))| {
            let plain: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            let style = l
                .spans
                .iter()
                .find(|s| !s.content.trim().is_empty())
                .map_or(t.text, |s| s.style);
            let big = is_entry
                .then(|| big_line(vec![(plain.trim().to_string(), style)]))
                .flatten();
            Row::big(vec![l], big, 20 + i as u16)
        })
        .collect();
    parts.push(Part::tight(others));
    parts
}
