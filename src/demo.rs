//! Demo scripts for workshops: a TOML list of steps (answer, pause, show results, what-if, glossary
//! entry, reset), each with a caption of narration. Checked against the data before the demo starts,
//! so a typo is reported with file, line and column instead of surfacing in front of the room.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::pack::{Catalog, Diagnostic, SourceText};
use crate::suggest::did_you_mean;

/// The default script, telling the seed report's story (embedded from `assets/demo/`).
pub const DEFAULT_SCRIPT: &str = "demo/seed-story.toml";

#[derive(Debug, Clone, PartialEq)]
pub struct Script {
    pub title: String,
    /// Seconds between steps when auto-advancing; `None` = the presenter advances.
    pub auto_advance: Option<f64>,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub caption: String,
    pub action: Action,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Show the caption only.
    Pause,
    /// Clear every answer (a new team's story begins).
    Reset,
    /// Answer questions: `(question index, choice index)`, shown one after another.
    Answer(Vec<(usize, usize)>),
    /// Show the results, on the tab of this pack (index) or the first.
    Results(Option<usize>),
    /// Change answers as a what-if, next to the original ranking.
    WhatIf(Vec<(usize, usize)>),
    /// Open a glossary entry (term index).
    Glossary(usize),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScriptDef {
    title: String,
    #[serde(default)]
    auto_advance_seconds: Option<Spanned<f64>>,
    #[serde(rename = "step")]
    steps: Spanned<Vec<Spanned<StepDef>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepDef {
    caption: Spanned<String>,
    #[serde(default)]
    answer: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    #[serde(default)]
    what_if: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    /// `results = true` or `results = "iac"` (a pack id).
    #[serde(default)]
    results: Option<Spanned<ResultsDef>>,
    #[serde(default)]
    glossary: Option<Spanned<String>>,
    #[serde(default)]
    reset: Option<bool>,
    #[serde(default)]
    pause: Option<bool>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum ResultsDef {
    Flag(bool),
    Pack(String),
}

/// Parses and checks a script; every problem is reported.
pub fn parse(catalog: &Catalog, name: &str, text: &str) -> Result<Script, Vec<Diagnostic>> {
    let src = SourceText::new(name, text);
    let def: ScriptDef = toml::from_str(text).map_err(|e| vec![src.toml_error(&e)])?;
    let mut diags = Vec::new();
    let auto_advance = match &def.auto_advance_seconds {
        Some(s) if !(s.get_ref().is_finite() && *s.get_ref() > 0.0) => {
            diags.push(src.at(s.span(), "auto_advance_seconds must be a number of seconds > 0 (leave it out to advance by hand)"));
            None
        }
        Some(s) => Some(*s.get_ref()),
        None => None,
    };
    let answers_of = |map: &BTreeMap<Spanned<String>, Spanned<String>>,
                      diags: &mut Vec<Diagnostic>| {
        let mut out = Vec::new();
        for (q, c) in map {
            let Some(qi) = catalog.question_index(q.get_ref()) else {
                diags.push(src.at(
                    q.span(),
                    crate::answers::unknown_question(catalog, q.get_ref()),
                ));
                continue;
            };
            match catalog.questions[qi].choice_index(c.get_ref()) {
                Some(ci) => out.push((qi, ci)),
                None => diags.push(src.at(
                    c.span(),
                    crate::answers::unknown_choice(catalog, qi, c.get_ref()),
                )),
            }
        }
        // Answer in the order the questions are asked, not alphabetically.
        out.sort_unstable();
        out
    };
    let mut steps = Vec::new();
    for s in def.steps.get_ref() {
        let step = s.get_ref();
        let mut actions = Vec::new();
        if let Some(a) = &step.answer {
            actions.push(Action::Answer(answers_of(a, &mut diags)));
        }
        if let Some(a) = &step.what_if {
            actions.push(Action::WhatIf(answers_of(a, &mut diags)));
        }
        if let Some(r) = &step.results {
            match r.get_ref() {
                ResultsDef::Flag(true) => actions.push(Action::Results(None)),
                ResultsDef::Flag(false) => {}
                ResultsDef::Pack(id) => match catalog.pack_index(id) {
                    Some(p) => actions.push(Action::Results(Some(p))),
                    None => diags.push(src.at(
                        r.span(),
                        format!(
                                "unknown pack `{id}`{}; use `results = true` or one of: {}",
                                did_you_mean(id, catalog.packs.iter().map(|p| p.id.as_str())),
                                catalog
                                    .packs
                                    .iter()
                                    .map(|p| p.id.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                    )),
                },
            }
        }
        if let Some(g) = &step.glossary {
            match catalog.term_index(g.get_ref()) {
                Some(t) => actions.push(Action::Glossary(t)),
                None => diags.push(src.at(
                    g.span(),
                    format!(
                        "unknown glossary term `{}`{}",
                        g.get_ref(),
                        did_you_mean(g.get_ref(), catalog.glossary.iter().map(|t| t.id.as_str()))
                    ),
                )),
            }
        }
        if step.reset == Some(true) {
            actions.push(Action::Reset);
        }
        if step.pause == Some(true) {
            actions.push(Action::Pause);
        }
        if step.caption.get_ref().trim().is_empty() {
            diags.push(src.at(
                step.caption.span(),
                "caption is empty: write what the presenter says at this step",
            ));
        }
        let action = match actions.len() {
            0 => Action::Pause,
            1 => actions.remove(0),
            _ => {
                diags.push(src.at(
                    s.span(),
                    "a step does one thing: use one of answer, what_if, results, glossary, reset or pause (split it into two steps)",
                ));
                Action::Pause
            }
        };
        steps.push(Step {
            caption: step.caption.get_ref().clone(),
            action,
        });
    }
    if steps.is_empty() {
        diags.push(src.at(
            def.steps.span(),
            "the script has no steps: add [[step]] tables",
        ));
    }
    if diags.is_empty() {
        Ok(Script {
            title: def.title,
            auto_advance,
            steps,
        })
    } else {
        diags.sort();
        Err(diags)
    }
}

/// The default script, embedded in the binary.
pub fn default_script(catalog: &Catalog) -> Result<Script, Vec<Diagnostic>> {
    let text = crate::assets::builtin_asset(DEFAULT_SCRIPT).unwrap_or("");
    parse(catalog, &format!("assets/{DEFAULT_SCRIPT}"), text)
}
