//! The what-if screen for a room: the answers on the left as in the ordinary view (the changed ones
//! marked * with what they were); on the right, the packs the change moved come first and get the
//! big letters: the verdict when the winner changes ("ECS Express Mode -> ECS on Fargate") and the
//! new ranking with each move (^1, v2), under a heading that names the big columns. A pack the
//! change did not move comes after them, big only with the room they leave.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::stage::{self, Label, Part, Row, big_line};
use super::super::whatif::{changed, frame, pack_lines};
use crate::engine::PackResult;
use crate::tui::app::App;
use crate::tui::text;

/// Draws the screen; returns how far the rankings scroll.
pub fn render(app: &App, body: Rect, buf: &mut Buffer) -> Option<u16> {
    let t = &app.look.theme;
    let w = app.whatif()?;
    let (inner, name_w) = frame(app, body, buf, true)?;
    let rec = w.scored.rec(&app.catalog);
    let n = rec.packs.len();
    // The current tab's pack first, as in the ordinary view; then the packs that moved before
    // the ones that did not.
    let mut order: Vec<(usize, bool)> = (0..n)
        .map(|i| (app.results.tab + i) % n)
        .filter_map(|k| Some((k, changed(rec.packs.get(k)?, app.rec().packs.get(k)?))))
        .collect();
    order.sort_by_key(|&(_, moved)| !moved);
    let mut parts = Vec::new();
    for (i, &(k, moved)) in order.iter().enumerate() {
        if let (Some(now), Some(orig)) = (rec.packs.get(k), app.rec().packs.get(k)) {
            parts.extend(pack_part(
                app,
                now,
                orig,
                inner.width,
                name_w,
                i as u16,
                moved,
            ));
        }
    }
    Some(stage::render(&parts, inner, w.scroll.offset, t, buf).limit)
}

/// One pack: its ordinary lines (name, verdict, the two rankings side by side), with the verdict
/// and the ranked rows big when they fit and the change moved this pack.
fn pack_part(
    app: &App,
    now: &PackResult,
    orig: &PackResult,
    width: u16,
    name_w: usize,
    index: u16,
    moved: bool,
) -> Vec<Part> {
    let t = &app.look.theme;
    let lines = pack_lines(t, now, orig, width as usize, name_w);
    let short =
        |p: &PackResult, id: &str| super::super::overview::short_name(app, p, id).to_string();
    let big = match (&orig.winner, &now.winner) {
        (Some(a), Some(b)) if a != b => big_line(vec![
            (short(orig, a), t.muted),
            (" -> ".into(), t.preview),
            (short(now, b), t.winner),
        ]),
        _ => None,
    };
    let widths: Vec<usize> = now
        .ranking
        .iter()
        .filter(|a| !a.excluded)
        .map(|a| text::width(&short(now, &a.id)))
        .collect();
    // "1 ECS on Fargate 75.4 ^1" in quadrant letters when the scores fit, else without them; the
    // names are padded to the longest that fits, so a long name lower down (which stays ordinary
    // text) does not keep the top of the ranking small.
    let glyphs = width as usize / 4;
    let longest = widths.iter().copied().max().unwrap_or(0);
    let with_scores = 2 + longest + 6 + 3 <= glyphs;
    let room = glyphs.saturating_sub(2 + 3 + if with_scores { 6 } else { 0 });
    let short_w = widths.into_iter().filter(|w| *w <= room).max().unwrap_or(0);
    // Over big rows the heading names their columns: the what-if's ranking and how each moved
    // (the original column is the ordinary view's).
    let mut labels = vec![Label::left(2, short_w, "what-if ranking", t.muted)];
    let move_at = 2 + short_w + if with_scores { 6 } else { 0 };
    if with_scores {
        labels.push(Label::right(2 + short_w + 1, 5, "score", t.muted));
    }
    labels.push(Label::left(move_at, 3, "moved", t.muted));
    // The big letters go to what changed first; a pack the change did not move gets them only
    // with the room left.
    let grow_base = if moved { 10 } else { 100 };
    let head = vec![
        Row::text(vec![lines.name]),
        Row::big(lines.verdict, big, 1 + index),
    ];
    let heading = Row::text(vec![lines.heading]).over_big(labels);
    let ranking: Vec<Row> = now
        .ranking
        .iter()
        .zip(lines.rows)
        .map(|(a, line)| {
            let was = orig
                .ranking
                .iter()
                .find(|o| o.id == a.id)
                .and_then(|o| o.rank);
            let (mv, style) = match (a.rank, was) {
                (Some(r), Some(o)) if r < o => (format!(" ^{}", o - r), t.up),
                (Some(r), Some(o)) if r > o => (format!(" v{}", r - o), t.down),
                (Some(_), None) => (" ^".into(), t.up),
                (None, Some(_)) => (" v".into(), t.down),
                _ => (String::new(), t.muted),
            };
            let big = a.rank.and_then(|r| {
                let mut pieces = vec![
                    (format!("{r} "), t.muted),
                    (
                        format!("{:short_w$}", short(now, &a.id)),
                        if r == 1 { t.winner } else { t.text },
                    ),
                ];
                if with_scores {
                    pieces.push((format!(" {:>5.1}", a.score), t.text));
                }
                pieces.push((mv.clone(), style));
                big_line(pieces)
            });
            // The leaders first, this pack's before the next one's: rows padded alike, so the
            // ones that go big are always the top of the ranking.
            let grow = grow_base + 10 * index + a.rank.unwrap_or(9) as u16;
            Row::big(vec![line], big, grow)
        })
        .collect();
    // The heading and the ranking are one part, so the heading knows when the row below it is big.
    let mut table = vec![heading];
    table.extend(ranking);
    vec![Part::new(head), Part::tight(table)]
}
