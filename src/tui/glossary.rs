//! The glossary in the TUI: the entry popup (term, definition, why it matters, source, related terms
//! to follow) and the list of terms named in a question's text or an alternative's details (`g`).

use super::app::{App, Overlay};
use super::msg::Msg;
use super::scroll::Scroll;

/// Where a list of terms was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermsFrom {
    /// A question (catalog index): its prompt, help and choices.
    Question(usize),
    /// An alternative of the shown recommendation (as in `Overlay::Detail`): name, summary, status,
    /// exclusions, adjustments and next steps.
    Alternative { pack: usize, alt: usize },
}

impl App {
    /// The glossary terms named in a text the user is reading, in order of appearance.
    pub fn terms_for(&self, from: TermsFrom) -> Vec<usize> {
        let mut text = String::new();
        match from {
            TermsFrom::Question(q) => {
                if let Some(q) = self.catalog.questions.get(q) {
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
                if let Some(a) = self
                    .shown_rec()
                    .packs
                    .get(pack)
                    .and_then(|p| p.ranking.get(alt))
                {
                    let parts = [a.name.as_str(), a.summary.as_str()]
                        .into_iter()
                        .chain(a.status.as_deref())
                        .chain(a.exclusions.iter().map(|e| e.reason.as_str()))
                        .chain(a.adjustments.iter().map(|x| x.reason.as_str()))
                        .chain(a.next_steps.iter().map(String::as_str));
                    for p in parts {
                        text.push_str(p);
                        text.push('\n');
                    }
                }
            }
        }
        self.catalog.terms_in(&text)
    }

    /// Opens a glossary entry on top of whatever is shown.
    pub fn open_term(&mut self, term: usize) {
        if term < self.catalog.glossary.len() {
            self.overlays.push(Overlay::Glossary {
                term,
                scroll: Scroll::default(),
                related: 0,
            });
        }
    }

    /// `g`: the terms of the question on screen, or of the alternative in the detail popup.
    pub(super) fn open_terms(&mut self) {
        let from = match self.overlays.last() {
            Some(&Overlay::Detail { pack, alt, .. }) => TermsFrom::Alternative { pack, alt },
            None if self.screen == super::app::Screen::Question => {
                TermsFrom::Question(self.question)
            }
            _ => return,
        };
        self.overlays.push(Overlay::Terms { from, cursor: 0 });
    }

    /// Keys on a glossary entry: scroll, choose a related term (← →) and open it (Enter).
    pub(super) fn update_glossary(&mut self, msg: Msg, page: u16) {
        let Some(Overlay::Glossary {
            term,
            scroll,
            related,
        }) = self.overlays.last_mut()
        else {
            return;
        };
        let n_related = self
            .catalog
            .glossary
            .get(*term)
            .map_or(0, |t| t.related.len());
        match msg {
            Msg::Back => {
                self.overlays.pop();
            }
            Msg::Left | Msg::PrevTab => *related = related.saturating_sub(1),
            Msg::Right | Msg::NextTab => *related = (*related + 1).min(n_related.saturating_sub(1)),
            Msg::Pick(i) if i < n_related => {
                let t = self.catalog.glossary[*term].related[i];
                self.open_term(t);
            }
            Msg::Enter if n_related > 0 => {
                let t = self.catalog.glossary[*term].related[(*related).min(n_related - 1)];
                self.open_term(t);
            }
            Msg::Enter => {
                self.overlays.pop();
            }
            m => scroll.apply(&m, page),
        }
    }

    /// Keys on the list of terms: move, open one (Enter or its number), close.
    pub(super) fn update_terms(&mut self, msg: Msg) {
        let Some(&Overlay::Terms { from, cursor }) = self.overlays.last() else {
            return;
        };
        let terms = self.terms_for(from);
        let n = terms.len();
        let cursor = match msg {
            Msg::Back => {
                self.overlays.pop();
                return;
            }
            Msg::Up => cursor.saturating_sub(1),
            Msg::Down => (cursor + 1).min(n.saturating_sub(1)),
            Msg::Home | Msg::PageUp => 0,
            Msg::End | Msg::PageDown => n.saturating_sub(1),
            Msg::Pick(i) if i < n => {
                self.open_term(terms[i]);
                i
            }
            Msg::Enter if cursor < n => {
                self.open_term(terms[cursor]);
                return;
            }
            Msg::Enter => {
                self.overlays.pop();
                return;
            }
            _ => cursor,
        };
        // Opening a term pushed a new popup: the list is no longer on top.
        for o in self.overlays.iter_mut().rev() {
            if let Overlay::Terms { cursor: c, .. } = o {
                *c = cursor;
                break;
            }
        }
    }
}
