//! The room's poll as the TUI keeps it: the hands typed so far (they outlive the popup, so an
//! export can carry them) and what they mean, computed on first use after anything it depends on
//! changed — the hands, the session's answers, the packs decided or the weights.

use std::cell::RefCell;
use std::rc::Rc;

use crate::engine::PollResult;
use crate::pack::Catalog;
use crate::poll::Poll;

/// What a poll's meaning depends on besides the hands.
#[derive(Debug, Clone, PartialEq)]
struct Key {
    poll: Poll,
    answers: Vec<Option<usize>>,
    packs: Vec<usize>,
    weights: Vec<crate::weights::Change>,
}

/// What the hands mean, shared between the frames that show it.
pub type Shared = Rc<Result<PollResult, String>>;

#[derive(Debug, Clone, Default)]
pub struct RoomPoll {
    pub poll: Poll,
    cache: RefCell<Option<(Key, Shared)>>,
}

impl RoomPoll {
    /// What the hands mean with `answers` (the session's, normalised here) for `packs`.
    pub fn result(&self, catalog: &Catalog, answers: &[Option<usize>], packs: &[usize]) -> Shared {
        let mut answers = answers.to_vec();
        catalog.normalize(&mut answers);
        let key = Key {
            poll: self.poll.clone(),
            answers,
            packs: packs.to_vec(),
            weights: crate::weights::changed(catalog),
        };
        if let Some((k, r)) = &*self.cache.borrow()
            && *k == key
        {
            return r.clone();
        }
        let r = Rc::new(crate::poll::analyze(
            catalog,
            &key.answers,
            &key.packs,
            &key.poll,
        ));
        *self.cache.borrow_mut() = Some((key, r.clone()));
        r
    }

    pub fn clear(&mut self) {
        self.poll = Poll::default();
    }
}
