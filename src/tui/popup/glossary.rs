//! The glossary popups' state: an entry (which term, how far scrolled, which related term is chosen
//! for Enter) and the list of terms named in a question's text or an alternative's details (`g`),
//! found when the list opens.

use super::reply::{Ctx, Reply};
use crate::engine::Recommendation;
use crate::pack::Catalog;
use crate::pack::SharedStr;
use crate::tui::msg::Msg;
use crate::tui::scroll::Scroll;

/// A glossary entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The term's index in the glossary.
    pub term: usize,
    pub scroll: Scroll,
    /// The related term Enter opens (an index into the term's `related`).
    pub related: usize,
}

impl Entry {
    pub fn new(term: usize) -> Entry {
        Entry {
            term,
            scroll: Scroll::default(),
            related: 0,
        }
    }

    /// Scroll, choose a related term (← →) and open it (Enter or its number).
    pub fn update(&mut self, msg: Msg, ctx: &Ctx) -> Reply {
        let related = ctx
            .catalog
            .glossary
            .get(self.term)
            .map_or(&[][..], |t| &t.related[..]);
        let n = related.len();
        match msg {
            Msg::Back => return Reply::close(),
            Msg::Left | Msg::PrevTab => self.related = self.related.saturating_sub(1),
            Msg::Right | Msg::NextTab => self.related = (self.related + 1).min(n.saturating_sub(1)),
            Msg::Pick(i) if i < n => return Reply::send(Msg::OpenTerm(related[i])),
            Msg::Enter if n > 0 => {
                return Reply::send(Msg::OpenTerm(related[self.related.min(n - 1)]));
            }
            Msg::Enter => return Reply::close(),
            m => self.scroll.apply(&m, ctx.page),
        }
        Reply::stay()
    }
}

/// Where a list of terms was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermsFrom {
    /// A question (catalog index): its prompt, help and choices.
    Question(usize),
    /// An alternative of the shown recommendation (as in the detail popup): name, summary, status,
    /// exclusions, adjustments and next steps.
    Alternative { pack: usize, alt: usize },
}

/// The list of glossary terms named in what the user is reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Terms {
    pub from: TermsFrom,
    /// Term indices, in order of appearance.
    pub terms: Vec<usize>,
    /// The highlighted one.
    pub cursor: usize,
}

impl Terms {
    /// The terms named in `from`, read in `catalog` and the shown recommendation `rec`.
    pub fn new(from: TermsFrom, catalog: &Catalog, rec: &Recommendation) -> Terms {
        Terms {
            from,
            terms: terms_in(from, catalog, rec),
            cursor: 0,
        }
    }

    /// Move, open one (Enter or its number: on top of the list), close.
    pub fn update(&mut self, msg: Msg, _ctx: &Ctx) -> Reply {
        let n = self.terms.len();
        match msg {
            Msg::Back => return Reply::close(),
            Msg::Up => self.cursor = self.cursor.saturating_sub(1),
            Msg::Down => self.cursor = (self.cursor + 1).min(n.saturating_sub(1)),
            Msg::Home | Msg::PageUp => self.cursor = 0,
            Msg::End | Msg::PageDown => self.cursor = n.saturating_sub(1),
            Msg::Pick(i) if i < n => {
                self.cursor = i;
                return Reply::send(Msg::OpenTerm(self.terms[i]));
            }
            Msg::Enter if self.cursor < n => {
                return Reply::send(Msg::OpenTerm(self.terms[self.cursor]));
            }
            Msg::Enter => return Reply::close(),
            _ => {}
        }
        Reply::stay()
    }
}

/// The glossary terms named in a text the user is reading, in order of appearance.
pub fn terms_in(from: TermsFrom, catalog: &Catalog, rec: &Recommendation) -> Vec<usize> {
    let mut text = String::new();
    match from {
        TermsFrom::Question(q) => {
            if let Some(q) = catalog.questions.get(q) {
                text.push_str(&q.prompt);
                text.push('\n');
                text.push_str(&q.help);
                for c in &q.choices {
                    text.push('\n');
                    text.push_str(&c.label);
                    if let Some(d) = &c.detail {
                        text.push('\n');
                        text.push_str(d);
                    }
                }
            }
        }
        TermsFrom::Alternative { pack, alt } => {
            if let Some(a) = rec.packs.get(pack).and_then(|p| p.ranking.get(alt)) {
                let parts = [a.name.as_str(), a.summary.as_str()]
                    .into_iter()
                    .chain(a.status.as_deref())
                    .chain(a.exclusions.iter().map(|e| e.reason.as_str()))
                    .chain(a.adjustments.iter().map(|x| x.reason.as_str()))
                    .chain(a.next_steps.iter().map(SharedStr::as_str));
                for p in parts {
                    text.push_str(p);
                    text.push('\n');
                }
            }
        }
    }
    catalog.terms_in(&text)
}
