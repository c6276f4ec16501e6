//! The what-if screen for a room: the answers on the left as in the ordinary view (the changed ones
//! marked * with what they were); on the right, for each pack, the verdict big when the winner
//! changes ("ECS Express Mode -> ECS on Fargate") and the new ranking big with each move (^1, v2).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::stage::{self, Part, Row, big_line};
use super::super::whatif::{frame, pack_lines};
use crate::engine::PackResult;
use crate::tui::app::App;
use crate::tui::text;

pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let t = &app.look.theme;
    let Some(w) = &app.whatif else { return };
    let Some((inner, name_w)) = frame(app, body, buf, true) else {
        return;
    };
    let rec = w.scored.rec(&app.catalog);
    let n = rec.packs.len();
    let mut parts = Vec::new();
    // The current tab's pack first, as in the ordinary view.
    for i in 0..n {
        let k = (app.results.tab + i) % n;
        if let (Some(now), Some(orig)) = (rec.packs.get(k), app.rec().packs.get(k)) {
            parts.extend(pack_part(app, now, orig, inner.width, name_w, i as u16));
        }
    }
    stage::render(&parts, inner, 0, t, buf);
}

/// One pack: its ordinary lines (name, verdict, the two rankings side by side), with the verdict
/// and the ranked rows big when they fit.
fn pack_part(
    app: &App,
    now: &PackResult,
    orig: &PackResult,
    width: u16,
    name_w: usize,
    index: u16,
) -> Vec<Part> {
    let t = &app.look.theme;
    let lines = pack_lines(t, now, orig, width as usize, name_w);
    let short =
        |p: &PackResult, id: &str| super::super::overview::short_name(app, p, id).to_string();
    // The name, the verdict's lines, the columns' heading, then a line per alternative.
    let head_at = lines
        .iter()
        .position(|l| l.spans.iter().any(|s| s.content.contains("original")))
        .unwrap_or(lines.len().min(2));
    let big = match (&orig.winner, &now.winner) {
        (Some(a), Some(b)) if a != b => big_line(vec![
            (short(orig, a), t.muted),
            (" -> ".into(), t.preview),
            (short(now, b), t.winner),
        ]),
        _ => None,
    };
    let mut head = vec![Row::text(lines[..1.min(head_at)].to_vec())];
    head.push(Row::big(
        lines[1.min(head_at)..head_at].to_vec(),
        big,
        1 + index,
    ));
    head.push(Row::text(lines.get(head_at).cloned().into_iter().collect()));
    let lines = lines.into_iter().skip(head_at + 1);
    let short_w = now
        .ranking
        .iter()
        .map(|a| text::width(&short(now, &a.id)))
        .max()
        .unwrap_or(0);
    // "1 ECS on Fargate 75.4 ^1" in quadrant letters when the scores fit, else without them.
    let with_scores = (2 + short_w + 6 + 3) * 4 <= width as usize;
    let ranking: Vec<Row> = now
        .ranking
        .iter()
        .zip(lines)
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
            let grow = 10 + 10 * index + a.rank.unwrap_or(9) as u16;
            Row::big(vec![line], big, grow)
        })
        .collect();
    vec![Part::new(head), Part::tight(ranking)]
}
