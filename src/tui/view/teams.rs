//! The team comparison screen: the teams' answers side by side with the differences marked, then a
//! tab per pack with each team's recommendation and the answers that explain different outcomes.
//! The same numbers as `tradeoff compare --format json` and the HTML handout. In the projector view
//! each team's winner goes big.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::draw::{draw_scrolled, set_line};
use super::stage::{self, Label, Part, Row, big_line};
use crate::teams::{Comparison, Explanation, PackComparison};
use crate::tui::app::App;
use crate::tui::teams::TeamsState;
use crate::tui::text;
use crate::tui::theme::Theme;

/// The lines of the current tab.
pub fn lines(t: &Theme, s: &TeamsState, width: usize) -> Vec<Line<'static>> {
    match s.pack() {
        None => answers(t, &s.cmp, width),
        Some(pack) => s
            .cmp
            .packs
            .get(pack)
            .map_or_else(Vec::new, |p| outcomes(t, &s.cmp, p, width)),
    }
}

/// The team names as column headings, wrapped at word boundaries over up to two lines and
/// bottom-aligned (never cut in the middle of a word when a word fits the column).
fn team_heads(t: &Theme, cmp: &Comparison, qw: usize, col: usize) -> Vec<Line<'static>> {
    let names: Vec<Vec<String>> = cmp
        .teams
        .iter()
        .map(|n| {
            let mut l = text::wrap(n, col - 2);
            if l.len() > 2 {
                let rest = l[1..].join(" ");
                l = vec![l[0].clone(), text::truncate_words(&rest, col - 2)];
            }
            l
        })
        .collect();
    let h = names.iter().map(Vec::len).max().unwrap_or(1);
    (0..h)
        .map(|row| {
            let mut spans = vec![Span::raw(format!("  {:qw$}", ""))];
            for n in &names {
                let pad = h - n.len();
                let s = if row >= pad {
                    n[row - pad].as_str()
                } else {
                    ""
                };
                spans.push(Span::styled(
                    format!("  {}", text::fit(s, col - 2)),
                    t.heading,
                ));
            }
            Line::from(spans)
        })
        .collect()
}

/// The answers tab: a row per question, a column per team, `≠` where the teams differ.
fn answers(t: &Theme, cmp: &Comparison, width: usize) -> Vec<Line<'static>> {
    let teams = cmp.teams.len().max(1);
    let qw = cmp
        .answers
        .iter()
        .map(|r| text::width(&r.title))
        .max()
        .unwrap_or(8)
        .clamp(8, 24);
    let col = (width.saturating_sub(qw + 4) / teams).clamp(8, 32);
    let cell = |s: &str| format!("  {}", text::fit(s, col - 2));
    let mut out = team_heads(t, cmp, qw, col);
    for r in &cmp.answers {
        let style = if r.differs { t.accent } else { t.text };
        let mut spans = vec![
            Span::styled(if r.differs { "≠ " } else { "  " }, t.accent),
            Span::styled(text::fit(&r.title, qw), style),
        ];
        for l in &r.labels {
            spans.push(Span::styled(
                cell(l.as_deref().unwrap_or("— skipped")),
                style,
            ));
        }
        out.push(Line::from(spans));
    }
    out.push(Line::default());
    let n = cmp.answers.iter().filter(|r| r.differs).count();
    let note = format!(
        "≠ marks the {n} question{} the teams answered differently. Tab shows each pack's outcome and the answers that explain it.",
        if n == 1 { "" } else { "s" }
    );
    out.extend(
        text::wrap(&note, width)
            .into_iter()
            .map(|l| Line::styled(l, t.muted)),
    );
    out
}

/// One team's recommendation in a pack: "1 Startup  ▶ Amazon ECS Express Mode  79.8".
fn outcome_line(t: &Theme, cmp: &Comparison, p: &PackComparison, i: usize) -> Line<'static> {
    let name = |r: &crate::teams::TeamResult| {
        r.winner_name
            .clone()
            .unwrap_or_else(|| "no recommendation".into())
    };
    // The names padded alike, so that the scores make a column.
    let name_w = p
        .results
        .iter()
        .map(|r| text::width(&name(r)))
        .max()
        .unwrap_or(0);
    let r = &p.results[i];
    Line::from(vec![
        Span::styled(format!("{} ", i + 1), t.key),
        Span::styled(text::fit(&cmp.teams[i], 24), t.heading),
        Span::styled("  ▶ ", t.accent),
        Span::styled(text::fit(&name(r), name_w), t.text),
        Span::styled(
            r.score.map_or(String::new(), |s| format!("  {s:.1}")),
            t.muted,
        ),
        Span::styled(
            r.monthly_usd.map_or(String::new(), |m| {
                format!(
                    "  {} a month",
                    crate::engine::cost::usd_range(m.low, m.high)
                )
            }),
            t.text,
        ),
    ])
}

/// A pack's tab: each team's recommendation, then the answers that explain different outcomes.
fn outcomes(t: &Theme, cmp: &Comparison, p: &PackComparison, width: usize) -> Vec<Line<'static>> {
    let mut out: Vec<Line<'static>> = (0..cmp.teams.len())
        .map(|i| outcome_line(t, cmp, p, i))
        .collect();
    if let Some(note) = &p.cost_note {
        out.extend(
            text::wrap(&format!("$ a month: {note}"), width)
                .into_iter()
                .map(|l| Line::styled(l, t.muted)),
        );
    }
    out.push(Line::default());
    out.extend(reasons(t, cmp, p, width));
    out
}

/// Whether every team gets the same recommendation, else why the outcomes differ.
fn reasons(t: &Theme, cmp: &Comparison, p: &PackComparison, width: usize) -> Vec<Line<'static>> {
    if p.same_winner {
        return vec![Line::styled(
            "  ✓ Every team gets the same recommendation.",
            t.accent,
        )];
    }
    let mut out = vec![Line::styled("Why the outcomes differ", t.heading)];
    for e in &p.explanations {
        out.extend(explanation(t, cmp, p, e, width));
    }
    out
}

/// What makes one team's outcome another's: the sets of answer changes that are enough.
fn explanation(
    t: &Theme,
    cmp: &Comparison,
    p: &PackComparison,
    e: &Explanation,
    width: usize,
) -> Vec<Line<'static>> {
    let target = p.results[e.to_index]
        .winner_name
        .clone()
        .unwrap_or_else(|| "no recommendation".into());
    let pairs = e.sets.first().is_some_and(|s| s.len() > 1);
    let intro = match (e.needs_all, e.reproduces, pairs, e.sets.len() > 1) {
        (true, true, _, _) => "only all these differences together:",
        (true, false, _, _) => "not even all their answers together:",
        (false, _, false, false) => "this one answer is enough:",
        (false, _, false, true) => "any one of these answers is enough:",
        (false, _, true, false) => "these two answers together are enough:",
        (false, _, true, true) => "any one of these pairs of answers is enough:",
    };
    let mut out = vec![
        Line::default(),
        Line::from(vec![
            Span::styled(
                format!("  {} → {}", cmp.teams[e.from_index], cmp.teams[e.to_index]),
                t.accent,
            ),
            Span::styled(format!(" ({target})"), t.muted),
        ]),
        Line::styled(format!("    {intro}"), t.muted),
    ];
    for set in &e.sets {
        let changes: Vec<String> = set
            .iter()
            .map(|s| {
                let from = s.from.as_deref().unwrap_or("skipped");
                let to = s.to.as_deref().unwrap_or("skipped");
                format!("{}: {from} → {to}", s.title)
            })
            .collect();
        let wrapped = text::wrap(&changes.join(" + "), width.saturating_sub(8));
        for (i, l) in wrapped.into_iter().enumerate() {
            let bullet = if i == 0 { "•" } else { " " };
            out.push(Line::styled(format!("    {bullet} {l}"), t.text));
        }
    }
    out
}

/// The tab row: the answers, then one tab per pack; the current one marked ▶.
fn tabs(app: &App, s: &TeamsState, area: Rect, buf: &mut Buffer) {
    let t = &app.look.theme;
    let mut spans = vec![Span::raw(" ")];
    let names =
        std::iter::once("Answers".to_string()).chain(s.cmp.packs.iter().map(|p| p.name.clone()));
    for (i, name) in names.enumerate() {
        let (style, mark) = if i == s.tab {
            (t.tab_active, "▶ ")
        } else {
            (t.tab_inactive, "")
        };
        spans.push(Span::styled(format!(" {mark}{name} "), style));
        spans.push(Span::raw(" "));
    }
    set_line(buf, area.x, area.y, &Line::from(spans), area.width);
}

/// Draws the comparison in the body; returns how far the tab scrolls.
pub fn render(app: &App, body: Rect, buf: &mut Buffer) -> Option<u16> {
    let s = app.teams()?;
    let t = &app.look.theme;
    tabs(app, s, Rect { height: 1, ..body }, buf);
    // A blank row under the tabs, but in the projector view, whose parts keep their own gaps.
    let top = if app.look.projector { 1 } else { 2 };
    let area = Rect {
        x: body.x + 1,
        y: body.y + top,
        width: body.width.saturating_sub(2),
        height: body.height.saturating_sub(top),
    };
    if app.look.projector {
        let parts = projector_parts(app, s, area.width);
        return Some(stage::render(&parts, area, s.scroll.offset, t, buf).limit);
    }
    let lines = lines(t, s, area.width as usize);
    let rows = super::draw::text_rows(lines.len(), area.height);
    draw_scrolled(t, area, &lines, s.scroll.offset as usize, buf);
    Some(lines.len().saturating_sub(rows).min(u16::MAX as usize) as u16)
}

/// The comparison for a room: on a pack's tab every team's winner big ("Startup  ECS Express Mode
/// 79.8"), then why the outcomes differ; on the answers tab how many answers differ, big, then the
/// table.
fn projector_parts(app: &App, s: &TeamsState, width: u16) -> Vec<Part> {
    match s.pack().and_then(|p| s.cmp.packs.get(p)) {
        Some(pack) => pack_parts(app, s, pack, width),
        None => answers_parts(app, s, width),
    }
}

/// The answers tab for a room: how many answers differ, big; the table, each difference big with
/// room; each team's stack; how many winners each pack has.
fn answers_parts(app: &App, s: &TeamsState, width: u16) -> Vec<Part> {
    let t = &app.look.theme;
    let w = width as usize;
    {
        let n = s.cmp.answers.iter().filter(|r| r.differs).count();
        let head = Row::big(
            Vec::new(),
            big_line(vec![(
                format!("{n} answer{} differ", if n == 1 { "" } else { "s" }),
                t.accent,
            )]),
            1,
        );
        // The table; with room, each difference big: "Workload: Web app or API / Background jobs".
        let lines = answers(t, &s.cmp, w);
        let heads = lines.len()
            - s.cmp.answers.len()
            - 1
            - {
                let n = s.cmp.answers.iter().filter(|r| r.differs).count();
                let note = format!(
                    "≠ marks the {n} question{} the teams answered differently. Tab shows each pack's outcome and the answers that explain it.",
                    if n == 1 { "" } else { "s" }
                );
                text::wrap(&note, w).len()
            };
        let table = lines
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                let big = i
                    .checked_sub(heads)
                    .and_then(|k| s.cmp.answers.get(k))
                    .filter(|r| r.differs)
                    .and_then(|r| {
                        let labels: Vec<&str> = r
                            .labels
                            .iter()
                            .map(|l| l.as_deref().unwrap_or("skipped"))
                            .collect();
                        big_line(vec![
                            (format!("{}: ", r.title), t.accent),
                            (labels.join(" / "), t.text),
                        ])
                    });
                let row = Row::big(vec![l], big, 2 + i as u16);
                // Over big rows ("Workload: Web / Jobs / Web") the teams' columns are gone: the
                // heading says in which order their answers come.
                if i + 1 == heads {
                    let order = format!("Question: {}", s.cmp.teams.join(" / "));
                    row.over_big(vec![Label::left(0, 1, order, t.heading)])
                } else {
                    row
                }
            })
            .collect();
        // The differences go big all together or not at all: a table with one big row reads as
        // if that row mattered more. They go big before the stacks and the outcomes: they are
        // what the caption of a comparison talks about.
        vec![
            Part::tight(vec![head]),
            Part::new(table).uniform(),
            stacks(app, s, width),
            outcomes_summary(app, s),
        ]
    }
}

/// The short name of alternative `id` of pack `pack`, or "nothing" (every alternative excluded).
fn short_name(app: &App, pack: &str, id: Option<&str>) -> String {
    id.and_then(|id| super::overview::short_of(app, pack, id))
        .unwrap_or("nothing")
        .to_string()
}

/// A pack's tab for a room: every team's winner big, then why the outcomes differ.
fn pack_parts(app: &App, s: &TeamsState, pack: &PackComparison, width: u16) -> Vec<Part> {
    let t = &app.look.theme;
    let w = width as usize;
    let short = |id: &Option<String>| short_name(app, &pack.id, id.as_deref());
    let team_w = s
        .cmp
        .teams
        .iter()
        .map(|n| text::width(n))
        .max()
        .unwrap_or(0);
    let name_w = pack
        .results
        .iter()
        .map(|r| text::width(&short(&r.winner)))
        .max()
        .unwrap_or(0);
    let rows = (0..s.cmp.teams.len())
        .map(|i| {
            let r = &pack.results[i];
            // The team by its number too: the reasons below go big as "1 -> 2".
            let big = big_line(vec![
                (format!("{} ", i + 1), t.key),
                (format!("{:team_w$}  ", s.cmp.teams[i]), t.heading),
                (format!("{:name_w$}", short(&r.winner)), t.winner),
                (
                    r.score.map_or(String::new(), |x| format!(" {x:>5.1}")),
                    t.text,
                ),
            ]);
            Row::big(vec![outcome_line(t, &s.cmp, pack, i)], big, 1)
        })
        .collect();
    if pack.same_winner {
        let same = reasons(t, &s.cmp, pack, w)
            .into_iter()
            .map(|l| Row::text(vec![l]));
        return vec![Part::tight(rows).uniform(), Part::new(same.collect())];
    }
    // Each explanation as its lines, or big as "1 -> 2: Workload" (the teams by number, the
    // questions whose answers are enough); without the blank lines between them.
    let mut why = vec![Row::text(vec![Line::styled(
        "Why the outcomes differ",
        t.heading,
    )])];
    for (i, e) in pack.explanations.iter().enumerate() {
        let lines: Vec<Line<'static>> = explanation(t, &s.cmp, pack, e, w)
            .into_iter()
            .filter(|l| l.width() > 0)
            .collect();
        let titles: Vec<String> = match e.sets.first() {
            Some(set) if !e.needs_all => set.iter().map(|c| c.title.clone()).collect(),
            _ => vec!["all their differences".to_string()],
        };
        let big = big_line(vec![
            (
                format!("{} -> {}: ", e.from_index + 1, e.to_index + 1),
                t.accent,
            ),
            (titles.join(" + "), t.text),
        ]);
        // The first line ("Startup → Data team (…)") goes big first; then, as the room allows,
        // the answers that are enough ("Kubernetes wanted: No -> Yes"), one big row each.
        let mut lines = lines.into_iter();
        why.push(Row::big(
            lines.next().into_iter().collect(),
            big,
            10 + i as u16,
        ));
        for l in lines {
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            let Some(answers) = text.trim_start().strip_prefix("• ") else {
                why.push(Row::text(vec![l]));
                continue;
            };
            // Several answers, one big row each; the rows after the first have no ordinary text
            // of their own and go big first, so the first row's line is never lost.
            let pieces: Vec<&str> = answers.split(" + ").collect();
            let grow = 40 + 2 * i as u16;
            for (k, piece) in pieces.iter().enumerate() {
                let more = if k + 1 < pieces.len() { " +" } else { "" };
                let big = big_line(vec![(format!("   {piece}{more}"), t.text)]);
                match k {
                    0 => why.push(Row::big(vec![l.clone()], big, grow + 1)),
                    _ => why.push(Row::big(Vec::new(), big, grow)),
                }
            }
        }
    }
    vec![Part::tight(rows).uniform(), Part::new(why)]
}

/// Each team's whole stack, one row per team: "1 Startup  ECS Express Mode + CDK".
fn stacks(app: &App, s: &TeamsState, width: u16) -> Part {
    let t = &app.look.theme;
    let team_w = s
        .cmp
        .teams
        .iter()
        .map(|n| text::width(n))
        .max()
        .unwrap_or(0);
    let mut rows = vec![Row::text(vec![Line::styled(
        "Each team's stack",
        t.heading,
    )])];
    for (i, team) in s.cmp.teams.iter().enumerate() {
        // From the comparison's winners: no analysis of each team just for its stack.
        let stack: Vec<String> = s
            .cmp
            .packs
            .iter()
            .map(|p| {
                short_name(
                    app,
                    &p.id,
                    p.results.get(i).and_then(|r| r.winner.as_deref()),
                )
            })
            .collect();
        let line = Line::from(vec![
            Span::styled(format!("{} ", i + 1), t.key),
            Span::styled(format!("{} ", text::fit(team, team_w)), t.heading),
            Span::styled(
                text::truncate(
                    &stack.join(" + "),
                    (width as usize).saturating_sub(team_w + 3),
                ),
                t.winner,
            ),
        ]);
        // Big, the team by its number (the key that opens its details) and its name: names are
        // long, so two packs to a big row (four packs in one would not fit a projector's width);
        // the rows after the first have no ordinary text of their own (the first row's line says
        // it all).
        for (j, pair) in stack.chunks(2).enumerate() {
            let last = (j + 1) * 2 >= stack.len();
            let (num, name) = (format!("{} ", i + 1), format!("{team}: "));
            let (lead, name) = if j == 0 {
                (num, name)
            } else {
                // Under the first row's packs (big letters are all as wide).
                let under = num.chars().count() + name.chars().count();
                (" ".repeat(under), String::new())
            };
            let words = format!("{}{}", pair.join(" + "), if last { "" } else { " +" });
            let big = big_line(vec![(lead, t.key), (name, t.heading), (words, t.winner)]);
            let lines = if j == 0 {
                vec![line.clone()]
            } else {
                Vec::new()
            };
            rows.push(Row::big(lines, big, 20 + i as u16));
        }
    }
    Part::new(rows).uniform()
}

/// Per pack, how many different recommendations the teams get (Tab shows why).
fn outcomes_summary(app: &App, s: &TeamsState) -> Part {
    let t = &app.look.theme;
    let rows = s
        .cmp
        .packs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut winners: Vec<&Option<String>> = p.results.iter().map(|r| &r.winner).collect();
            winners.sort();
            winners.dedup();
            let n = winners.len();
            let what = if n == 1 {
                "the same for all".to_string()
            } else {
                format!("{n} different winners")
            };
            let line = Line::from(vec![
                Span::styled(format!("{}: ", p.name), t.heading),
                Span::styled(what.clone(), t.accent),
            ]);
            // Big, by the pack's short name: "Infrastructure as Code tool: 2 different winners"
            // is too wide for a projector's big letters.
            let short = app
                .catalog
                .pack(&p.id)
                .map_or(p.name.as_str(), |c| c.short.as_str());
            let big = big_line(vec![(format!("{short}: "), t.heading), (what, t.accent)]);
            Row::big(vec![line], big, 25 + i as u16)
        })
        .collect();
    Part::new(rows).uniform()
}
