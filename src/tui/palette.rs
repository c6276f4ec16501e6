//! The palette (`/` or Ctrl-K): one fuzzy search over glossary terms, questions, alternatives and
//! commands. `items` lists what can be found, `search` ranks it for a query (through
//! `suggest::relevance`, over the one wrapper around the fuzzy matcher) and `App::update_palette`
//! acts on the keys while the palette is open.

use super::app::{App, Overlay, Screen};
use super::msg::Msg;
use super::scroll::Scroll;
use crate::suggest::relevance;

/// What an item is; also the order of the groups when the query is empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Command,
    Question,
    Alternative,
    Term,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Command => "command",
            Kind::Question => "question",
            Kind::Alternative => "alternative",
            Kind::Term => "glossary",
        }
    }

    /// The heading of the group when the query is empty.
    pub fn group(self) -> &'static str {
        match self {
            Kind::Command => "Commands",
            Kind::Question => "Questions",
            Kind::Alternative => "Alternatives",
            Kind::Term => "Glossary",
        }
    }
}

/// A palette command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Export,
    Projector(bool),
    Theme(&'static str),
    Help,
    Results,
    Restart,
}

/// What choosing an item does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Command(Command),
    /// Jump to the question (index in the catalog).
    Question(usize),
    /// Open the detail popup of an alternative: pack and alternative indices in the catalog.
    Alternative {
        pack: usize,
        alt: usize,
    },
    /// Open the glossary entry (term index).
    Term(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub kind: Kind,
    /// What is shown and matched first.
    pub label: String,
    /// Shown after the label, dimmer; matched too (a term's aliases, a question's id).
    pub detail: String,
    pub action: Action,
}

/// An item matching the query: its score and the matched character positions (in chars) of the
/// label and of the detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub item: usize,
    pub score: i64,
    pub label: Vec<usize>,
    pub detail: Vec<usize>,
}

/// The palette's own state: the query and the highlighted hit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaletteState {
    pub query: String,
    pub cursor: usize,
}

/// Everything the palette can find, grouped: commands, questions, alternatives, glossary terms (A–Z).
pub fn items(app: &App) -> Vec<Item> {
    let mut out = Vec::new();
    let cmd = |label: &str, detail: &str, c: Command| Item {
        kind: Kind::Command,
        label: label.to_string(),
        detail: detail.to_string(),
        action: Action::Command(c),
    };
    if app.screen != Screen::Welcome {
        out.push(cmd(
            "Export the recommendation",
            "Markdown, JSON or HTML to a file",
            Command::Export,
        ));
    }
    out.push(if app.projector {
        cmd(
            "Projector view off",
            "back to the full detail",
            Command::Projector(false),
        )
    } else {
        cmd(
            "Projector view on",
            "high contrast, big text, less detail",
            Command::Projector(true),
        )
    });
    for (name, detail) in [
        ("dark", "for a dark terminal"),
        ("light", "for a light terminal"),
        ("mono", "no colour"),
    ] {
        if app.theme.name != name {
            out.push(cmd(&format!("Theme {name}"), detail, Command::Theme(name)));
        }
    }
    out.push(cmd("Help", "every key of this screen", Command::Help));
    out.push(cmd(
        "Results",
        "the recommendation for the answers so far",
        Command::Results,
    ));
    out.push(cmd(
        "Restart",
        "clear every answer and start again",
        Command::Restart,
    ));
    for (i, q) in app.catalog.questions.iter().enumerate() {
        out.push(Item {
            kind: Kind::Question,
            label: q.title.clone(),
            detail: q.prompt.clone(),
            action: Action::Question(i),
        });
    }
    for (p, pack) in app.catalog.packs.iter().enumerate() {
        for (a, alt) in pack.alternatives.iter().enumerate() {
            out.push(Item {
                kind: Kind::Alternative,
                label: alt.name.clone(),
                detail: pack.name.clone(),
                action: Action::Alternative { pack: p, alt: a },
            });
        }
    }
    let mut terms: Vec<usize> = (0..app.catalog.glossary.len()).collect();
    terms.sort_by_key(|&t| app.catalog.glossary[t].term.to_lowercase());
    for t in terms {
        let term = &app.catalog.glossary[t];
        out.push(Item {
            kind: Kind::Term,
            label: term.term.clone(),
            detail: term.aliases.join(", "),
            action: Action::Term(t),
        });
    }
    out
}

/// The items matching `query`, best first: by fuzzy score, then group, then list order. A match in
/// the label counts in full; one in the detail (aliases, the question's prompt) counts half, so a
/// term found by its name comes before one found by an alias. An empty query keeps every item in
/// its group order.
pub fn search(items: &[Item], query: &str) -> Vec<Hit> {
    let q = query.trim();
    let mut hits: Vec<Hit> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            if q.is_empty() {
                return Some(Hit {
                    item: i,
                    score: 0,
                    label: Vec::new(),
                    detail: Vec::new(),
                });
            }
            let label = relevance(&item.label, q);
            // A question's prompt is long prose: only a match in its title counts.
            let detail = match item.kind {
                Kind::Question | Kind::Alternative => None,
                _ => relevance(&item.detail, q),
            };
            match (label, detail) {
                (Some((s, idx)), Some((d, _))) if s >= d / 2 => Some(Hit {
                    item: i,
                    score: s,
                    label: idx,
                    detail: Vec::new(),
                }),
                (Some((s, idx)), None) => Some(Hit {
                    item: i,
                    score: s,
                    label: idx,
                    detail: Vec::new(),
                }),
                (_, Some((d, idx))) => Some(Hit {
                    item: i,
                    score: d / 2,
                    label: Vec::new(),
                    detail: idx,
                }),
                (None, None) => None,
            }
        })
        .collect();
    if !q.is_empty() {
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then(items[a.item].kind.cmp(&items[b.item].kind))
                .then(a.item.cmp(&b.item))
        });
    }
    hits
}

impl App {
    /// The hits for the current query.
    pub fn palette_hits(&self) -> (Vec<Item>, Vec<Hit>) {
        let items = items(self);
        let hits = search(&items, &self.palette.query);
        (items, hits)
    }

    pub(super) fn open_palette(&mut self) {
        self.palette = PaletteState::default();
        if !matches!(self.overlays.last(), Some(Overlay::Palette)) {
            self.overlays.push(Overlay::Palette);
        }
    }

    /// Keys while the palette is open: typing filters, ↑↓ move, Enter runs, Esc closes.
    pub(super) fn update_palette(&mut self, msg: Msg) -> Option<Msg> {
        let (items, hits) = self.palette_hits();
        let n = hits.len();
        let page = self.size.1.saturating_sub(10).max(1) as usize;
        let p = &mut self.palette;
        match msg {
            Msg::Char(c) => {
                p.query.push(c);
                p.cursor = 0;
            }
            Msg::Backspace => {
                p.query.pop();
                p.cursor = 0;
            }
            Msg::Up => p.cursor = p.cursor.saturating_sub(1),
            Msg::Down => p.cursor = (p.cursor + 1).min(n.saturating_sub(1)),
            Msg::PageUp => p.cursor = p.cursor.saturating_sub(page),
            Msg::PageDown => p.cursor = (p.cursor + page).min(n.saturating_sub(1)),
            Msg::Home => p.cursor = 0,
            Msg::End => p.cursor = n.saturating_sub(1),
            Msg::Back => {
                self.overlays.pop();
            }
            Msg::Enter => {
                let hit = hits.get(p.cursor.min(n.saturating_sub(1)))?;
                let action = items[hit.item].action;
                self.overlays.pop();
                return self.run_palette_action(action);
            }
            _ => {}
        }
        None
    }

    fn run_palette_action(&mut self, action: Action) -> Option<Msg> {
        match action {
            Action::Command(c) => match c {
                Command::Export => Some(Msg::Export),
                Command::Projector(on) => (on != self.projector).then_some(Msg::Projector),
                Command::Theme(name) => Some(Msg::Theme(name)),
                Command::Help => Some(Msg::Help),
                Command::Results => {
                    self.overlays.clear();
                    Some(Msg::ShowResults)
                }
                Command::Restart => Some(Msg::Restart),
            },
            Action::Question(q) => {
                self.overlays.clear();
                self.whatif = None;
                self.question = q.min(self.catalog.questions.len().saturating_sub(1));
                self.screen = Screen::Question;
                None
            }
            Action::Alternative { pack, alt } => {
                self.open_alternative(pack, alt);
                None
            }
            Action::Term(t) => {
                self.open_term(t);
                None
            }
        }
    }

    /// Opens the detail popup of an alternative (catalog indices), from any screen: the popup reads
    /// the recommendation the screen shows, brought up to date with the answers when it is not shown.
    pub(super) fn open_alternative(&mut self, pack: usize, alt: usize) {
        let Some(p) = self.catalog.packs.get(pack) else {
            return;
        };
        let Some(a) = p.alternatives.get(alt) else {
            return;
        };
        let (pack_id, alt_id) = (p.id.clone(), a.id.clone());
        if !matches!(self.screen, Screen::Results | Screen::WhatIf) {
            self.rec = crate::engine::analyze(&self.catalog, &self.answers, &[]);
        }
        let rec = self.shown_rec();
        let Some(pi) = rec.packs.iter().position(|r| r.id == pack_id) else {
            return;
        };
        let Some(ai) = rec.packs[pi].ranking.iter().position(|r| r.id == alt_id) else {
            return;
        };
        self.overlays.push(Overlay::Detail {
            pack: pi,
            alt: ai,
            scroll: Scroll::default(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(kind: Kind, label: &str, detail: &str) -> Item {
        Item {
            kind,
            label: label.into(),
            detail: detail.into(),
            action: Action::Term(0),
        }
    }

    #[test]
    fn label_matches_beat_detail_matches() {
        let items = vec![
            item(Kind::Term, "Drift detection", "drift"),
            item(Kind::Term, "ClickOps", "manual changes, drift"),
        ];
        let hits = search(&items, "drift");
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].item, 0);
        assert_eq!(hits[0].label, vec![0, 1, 2, 3, 4]);
        assert!(hits[1].label.is_empty() && !hits[1].detail.is_empty());
    }

    #[test]
    fn an_empty_query_lists_everything_in_order() {
        let items = vec![item(Kind::Command, "Help", ""), item(Kind::Term, "BSL", "")];
        let hits = search(&items, "  ");
        assert_eq!(hits.iter().map(|h| h.item).collect::<Vec<_>>(), [0, 1]);
    }
}
