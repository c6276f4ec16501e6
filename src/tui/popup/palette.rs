//! The palette (`/` or Ctrl-K): one fuzzy search over glossary terms, questions, alternatives and
//! commands. `items` lists what can be found, `search` ranks it for a query (through
//! `suggest::relevance`, over the one wrapper around the fuzzy matcher) and `Palette::update` acts
//! on the keys while the palette is open: choosing an item closes it and sends its message.

use super::reply::{Ctx, Reply};
use crate::pack::Catalog;
use crate::suggest::relevance;
use crate::tui::msg::Msg;

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
    /// Back to the demo the presenter left with Esc.
    Demo,
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

/// What the palette offers besides the catalog's questions, alternatives and terms: commands that
/// depend on where the user is.
#[derive(Debug, Clone, Copy)]
pub struct Offer<'a> {
    /// A recommendation is on screen to export.
    pub export: bool,
    /// The projector view is on.
    pub projector: bool,
    /// The theme's name (the other built-in themes are offered).
    pub theme: &'a str,
    /// The title of a demo left with Esc, offered to go back to.
    pub demo: Option<&'a str>,
}

/// Everything the palette can find, grouped: commands, questions, alternatives, glossary terms (A–Z).
pub fn items(catalog: &Catalog, offer: Offer) -> Vec<Item> {
    let mut out = commands(offer);
    for (i, q) in catalog.questions.iter().enumerate() {
        out.push(Item {
            kind: Kind::Question,
            label: shown(&q.title),
            detail: shown(&q.prompt),
            action: Action::Question(i),
        });
    }
    for (p, pack) in catalog.packs.iter().enumerate() {
        for (a, alt) in pack.alternatives.iter().enumerate() {
            out.push(Item {
                kind: Kind::Alternative,
                label: shown(&alt.name),
                detail: match &pack.origin {
                    Some(_) => shown(&format!("{} (your pack)", pack.name)),
                    None => shown(&pack.name),
                },
                action: Action::Alternative { pack: p, alt: a },
            });
        }
    }
    let mut terms: Vec<usize> = (0..catalog.glossary.len()).collect();
    terms.sort_by_key(|&t| catalog.glossary[t].term.to_lowercase());
    for t in terms {
        let term = &catalog.glossary[t];
        out.push(Item {
            kind: Kind::Term,
            label: shown(&term.term),
            detail: shown(&term.aliases.join(", ")),
            action: Action::Term(t),
        });
    }
    out
}

fn commands(offer: Offer) -> Vec<Item> {
    let cmd = |label: &str, detail: &str, c: Command| Item {
        kind: Kind::Command,
        label: label.to_string(),
        detail: detail.to_string(),
        action: Action::Command(c),
    };
    let mut out = Vec::new();
    if let Some(title) = offer.demo {
        out.push(cmd(
            "Back to the demo",
            &format!("{} (from the step you left)", shown(title)),
            Command::Demo,
        ));
    }
    if offer.export {
        out.push(cmd(
            "Export the recommendation",
            "Markdown, JSON or HTML to a file",
            Command::Export,
        ));
    }
    out.push(if offer.projector {
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
        if offer.theme != name {
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
    out
}

/// The palette's state: what it can find (listed when it opens), the query, what matches it and
/// the highlighted hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    pub items: Vec<Item>,
    pub query: String,
    /// The items matching the query, best first (searched again at every change of the query).
    pub hits: Vec<Hit>,
    pub cursor: usize,
}

impl Palette {
    pub fn new(items: Vec<Item>) -> Palette {
        let hits = search(&items, "");
        Palette {
            items,
            query: String::new(),
            hits,
            cursor: 0,
        }
    }

    /// Typing filters, ↑↓ move, Enter runs, Esc closes.
    pub fn update(&mut self, msg: Msg, ctx: &Ctx) -> Reply {
        let last = self.hits.len().saturating_sub(1);
        let page = ctx.list_page;
        match msg {
            Msg::Char(c) => self.set_query(|q| q.push(c)),
            Msg::Backspace => self.set_query(|q| {
                q.pop();
            }),
            Msg::Up => self.cursor = self.cursor.saturating_sub(1),
            Msg::Down => self.cursor = (self.cursor + 1).min(last),
            Msg::PageUp => self.cursor = self.cursor.saturating_sub(page),
            Msg::PageDown => self.cursor = (self.cursor + page).min(last),
            Msg::Home => self.cursor = 0,
            Msg::End => self.cursor = last,
            Msg::Back => return Reply::close(),
            Msg::Enter => {
                let Some(hit) = self.hits.get(self.cursor.min(last)) else {
                    return Reply::stay();
                };
                let msg = self.items[hit.item].action.message();
                return Reply::close_then(msg);
            }
            _ => {}
        }
        Reply::stay()
    }

    fn set_query(&mut self, edit: impl FnOnce(&mut String)) {
        edit(&mut self.query);
        self.hits = search(&self.items, &self.query);
        self.cursor = 0;
    }
}

impl Action {
    /// What choosing the item asks of `App::update`.
    fn message(self) -> Msg {
        match self {
            Action::Command(c) => match c {
                Command::Export => Msg::Export,
                Command::Projector(on) => Msg::SetProjector(on),
                Command::Theme(name) => Msg::Theme(name),
                Command::Help => Msg::Help,
                Command::Results => Msg::ShowResults,
                Command::Restart => Msg::Restart,
                Command::Demo => Msg::ResumeDemo,
            },
            Action::Question(q) => Msg::GoToQuestion(q),
            Action::Alternative { pack, alt } => Msg::OpenAlternative { pack, alt },
            Action::Term(t) => Msg::OpenTerm(t),
        }
    }
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

/// Text from data as the palette shows and searches it: escaped by the one sanitiser, so the
/// matched positions are positions in what is drawn.
fn shown(s: &str) -> String {
    crate::safe::line(s).into_owned()
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
