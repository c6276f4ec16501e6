//! What the parts of one pack's analysis share ([`Ctx`]): the answers, the evaluation, the rules
//! that fired, and the small lookups every part makes (an alternative's id and name, a source).

use super::result::SourceOut;
use super::score::Evaluation;
use crate::pack::SharedStr;
use crate::pack::{Catalog, Pack};

/// What the parts of one pack's analysis share.
pub(super) struct Ctx<'a> {
    pub(super) catalog: &'a Catalog,
    pub(super) pack: &'a Pack,
    pub(super) answers: &'a [Option<usize>],
    pub(super) winners: &'a [Option<usize>],
    pub(super) ev: Evaluation,
    /// Every rule that fires under these answers and this stack, in data order: the scoring rules
    /// of `ev.fired` and the rules that only add caveats and next steps.
    pub(super) fired: Vec<usize>,
    /// Each criterion's id and name, shared by every contribution.
    pub(super) criteria: Vec<(SharedStr, SharedStr)>,
    /// The monthly estimates, when the pack has prices and the footprint is answered.
    pub(super) priced: Option<super::cost_report::Priced<'a>>,
}

impl Ctx<'_> {
    /// The criterion the estimates compute under these answers, if any.
    pub(super) fn computed(&self) -> Option<usize> {
        self.priced
            .as_ref()
            .filter(|p| p.pc.computed)
            .map(|p| p.pc.criterion)
    }
}

impl Ctx<'_> {
    pub(super) fn alt_id(&self, a: Option<usize>) -> Option<SharedStr> {
        a.map(|a| self.pack.alternatives[a].id.clone())
    }

    pub(super) fn alt_name(&self, a: Option<usize>) -> Option<SharedStr> {
        a.map(|a| self.pack.alternatives[a].name.clone())
    }

    pub(super) fn source(&self, s: Option<usize>) -> Option<SourceOut> {
        s.map(|s| source_out(self.catalog, s))
    }
}

pub(super) fn source_out(catalog: &Catalog, s: usize) -> SourceOut {
    let s = &catalog.sources[s];
    SourceOut {
        id: s.id.clone(),
        title: s.title.clone(),
        url: s.url.clone(),
        citation: s.citation.clone(),
        verified: s.verified.clone(),
    }
}
