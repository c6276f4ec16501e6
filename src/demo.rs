//! Demo scripts for workshops: a TOML list of steps (answer, pause, show results on a pack and a
//! panel, what-if, glossary entry, team comparison, reset), each with a caption of narration.
//! Checked against the data before the demo starts — the answers files a team comparison names
//! are read and checked too — so a typo is reported with file, line and column instead of
//! surfacing in front of the room.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::answers::Answers;
use crate::pack::{Catalog, Diagnostics, SourceText};
use crate::suggest::did_you_mean;

/// The default script, telling the seed report's story (embedded from `assets/demo/`).
pub const DEFAULT_SCRIPT: &str = "demo/seed-story.toml";

/// The panels of the results a step can show, by the name a script gives them.
pub const PANELS: [&str; 4] = ["overview", "why", "change", "compare"];

/// The largest answers file a script may name.
const TEAM_FILE_MAX_BYTES: u64 = 1 << 20;

/// The longest notes a step may carry: what a second screen shows, with room to spare.
pub const NOTES_MAX_BYTES: usize = 4096;

/// The pace a script may set: from a tenth of a second to a day. Anything longer is a typo (and
/// `1e308` seconds is no duration a clock can hold); NaN and infinities are outside too.
pub const AUTO_ADVANCE_SECONDS: std::ops::RangeInclusive<f64> = 0.1..=86_400.0;

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
    /// What only the presenter sees (`tradeoff demo --notes` in a second terminal).
    pub notes: Option<String>,
    pub action: Action,
    /// Weights the step sets before its action (`weights = { "compute.simplicity" = 6 }`); they
    /// stay for the steps after it, until a `reset`.
    pub weights: Vec<crate::weights::Change>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Show the caption only.
    Pause,
    /// A title card: this text in the biggest letters that fit (the script's title with
    /// `title = true`).
    Title(String),
    /// Clear every answer (a new team's story begins).
    Reset,
    /// Answer questions: `(question index, choice index)`, shown one after another.
    Answer(Vec<(usize, usize)>),
    /// Show the results, on the tab of this pack (index) or the first, on a panel (an index into
    /// [`PANELS`]).
    Results { pack: Option<usize>, panel: usize },
    /// Change answers as a what-if, next to the original ranking.
    WhatIf(Vec<(usize, usize)>),
    /// Open a glossary entry (term index).
    Glossary(usize),
    /// Poll the room: the hands for each choice of each question (catalog indices), then the
    /// poll popup on the first question, over whatever is shown.
    Poll(Vec<(usize, Vec<u32>)>),
    /// Compare teams from their answers files, on the answers tab or a pack's.
    Teams {
        teams: Vec<crate::teams::Team>,
        pack: Option<usize>,
    },
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
    /// What the presenter says or keeps in mind, shown only by `tradeoff demo --notes`.
    #[serde(default)]
    notes: Option<Spanned<String>>,
    /// `title = true` (the script's title) or `title = "text"`: a title card.
    #[serde(default)]
    title: Option<Spanned<ResultsDef>>,
    #[serde(default)]
    answer: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    #[serde(default)]
    what_if: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    /// `results = true` or `results = "iac"` (a pack id).
    #[serde(default)]
    results: Option<Spanned<ResultsDef>>,
    /// With `results`: `overview`, `why`, `change` or `compare`.
    #[serde(default)]
    panel: Option<Spanned<String>>,
    #[serde(default)]
    glossary: Option<Spanned<String>>,
    /// Teams to compare: answers files relative to the script, or `[[step.teams]]` tables with
    /// `team` and `answers` (a script that stands alone: `tradeoff demo --print-script`).
    #[serde(default)]
    teams: Option<Vec<Spanned<TeamDef>>>,
    /// With `teams`: the pack whose tab is shown.
    #[serde(default)]
    pack: Option<Spanned<String>>,
    /// `{ question = { choice = hands, … }, … }`: the room's hands.
    #[serde(default)]
    poll: Option<PollDef>,
    /// `{ "pack.criterion" = weight, … }`: set before the step's action.
    #[serde(default)]
    weights: Option<BTreeMap<Spanned<String>, Spanned<toml::Value>>>,
    #[serde(default)]
    reset: Option<bool>,
    #[serde(default)]
    pause: Option<bool>,
}

/// A team of a comparison step: its answers file, or its answers in the script.
#[derive(Deserialize)]
#[serde(untagged)]
enum TeamDef {
    File(String),
    Inline {
        team: String,
        answers: BTreeMap<String, String>,
    },
}

/// A poll as a script writes it: `{ question = { choice = hands } }`.
type PollDef = BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<i64>>>;

/// `results = true | "pack"`, and `title = true | "text"`.
#[derive(Deserialize)]
#[serde(untagged)]
enum ResultsDef {
    Flag(bool),
    Pack(String),
}

/// What checking a script needs: the data, the script's text for places, a way to read the
/// answers files it names, and where problems go.
struct Check<'a> {
    catalog: &'a Catalog,
    src: SourceText<'a>,
    read: &'a dyn Fn(&str) -> Result<String, String>,
    diags: Diagnostics,
}

impl Check<'_> {
    fn at(&mut self, span: std::ops::Range<usize>, message: impl Into<String>) {
        let d = self.src.at(span, message);
        self.diags.push(d);
    }

    /// `(question, choice)` pairs in the order the questions are asked, not alphabetically.
    fn answers(&mut self, map: &BTreeMap<Spanned<String>, Spanned<String>>) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (q, c) in map {
            let Some(qi) = self.catalog.question_index(q.get_ref()) else {
                let msg = crate::answers::unknown_question(self.catalog, q.get_ref());
                self.at(q.span(), msg);
                continue;
            };
            match self.catalog.questions[qi].choice_index(c.get_ref()) {
                Some(ci) => out.push((qi, ci)),
                None => {
                    let msg = crate::answers::unknown_choice(self.catalog, qi, c.get_ref());
                    self.at(c.span(), msg);
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// A pack by id, or a problem naming the ids there are.
    fn pack(&mut self, id: &Spanned<String>, hint: &str) -> Option<usize> {
        let found = self.catalog.pack_index(id.get_ref());
        if found.is_none() {
            let ids = self.catalog.packs.iter().map(|p| p.id.as_str());
            let msg = format!(
                "unknown pack `{}`{}; use {hint} or one of: {}",
                id.get_ref(),
                did_you_mean(id.get_ref(), ids.clone()),
                ids.collect::<Vec<_>>().join(", ")
            );
            self.at(id.span(), msg);
        }
        found
    }

    fn results(
        &mut self,
        r: &Spanned<ResultsDef>,
        panel: Option<&Spanned<String>>,
    ) -> Option<Action> {
        let pack = match r.get_ref() {
            ResultsDef::Flag(true) => None,
            ResultsDef::Flag(false) => return None,
            ResultsDef::Pack(id) => {
                let id = Spanned::new(r.span(), id.clone());
                Some(self.pack(&id, "`results = true`")?)
            }
        };
        let panel = match panel {
            None => 0,
            Some(p) => match PANELS.iter().position(|x| x == p.get_ref()) {
                Some(i) => i,
                None => {
                    let msg = format!(
                        "unknown panel `{}`{}; use one of: {}",
                        p.get_ref(),
                        did_you_mean(p.get_ref(), PANELS.iter().copied()),
                        PANELS.join(", ")
                    );
                    self.at(p.span(), msg);
                    0
                }
            },
        };
        Some(Action::Results { pack, panel })
    }

    fn glossary(&mut self, g: &Spanned<String>) -> Option<Action> {
        match self.catalog.term_index(g.get_ref()) {
            Some(t) => Some(Action::Glossary(t)),
            None => {
                let ids = self.catalog.glossary.iter().map(|t| t.id.as_str());
                let msg = format!(
                    "unknown glossary term `{}`{}",
                    g.get_ref(),
                    did_you_mean(g.get_ref(), ids)
                );
                self.at(g.span(), msg);
                None
            }
        }
    }

    /// A team whose answers the script gives; a wrong id is reported at the team's table.
    fn inline_team(
        &mut self,
        span: std::ops::Range<usize>,
        name: &str,
        given: &BTreeMap<String, String>,
    ) -> Option<crate::teams::Team> {
        let mut answers = Answers::empty(self.catalog);
        answers.team = Some(name.to_string());
        let mut ok = true;
        for (q, c) in given {
            if let Err(e) = answers.set_by_id(self.catalog, q, c) {
                self.at(span.clone(), format!("team `{name}`: {}", e.0));
                ok = false;
            }
        }
        ok.then(|| crate::teams::Team {
            name: name.to_string(),
            file: None,
            answers,
        })
    }

    /// The answers files of a comparison, read and checked; each problem in one is reported at
    /// its own place in it.
    fn teams(
        &mut self,
        files: &[Spanned<TeamDef>],
        pack: Option<&Spanned<String>>,
    ) -> Option<Action> {
        if files.len() < 2 {
            let span = files.first().map_or(0..0, |f| f.span());
            self.at(span, "a team comparison needs at least two answers files");
            return None;
        }
        let mut teams = Vec::new();
        for def in files {
            let f = match def.get_ref() {
                TeamDef::File(f) => Spanned::new(def.span(), f.clone()),
                TeamDef::Inline { team, answers } => {
                    teams.extend(self.inline_team(def.span(), team, answers));
                    continue;
                }
            };
            let f = &f;
            let text = match (self.read)(f.get_ref()) {
                Ok(t) => t,
                Err(e) => {
                    self.at(
                        f.span(),
                        format!("cannot read the answers file `{}`: {e}", f.get_ref()),
                    );
                    continue;
                }
            };
            let mut answers = Answers::empty(self.catalog);
            match answers.apply_file(self.catalog, f.get_ref(), &text) {
                // Named as `compare` names a team: the file as the script names it.
                Ok(()) => teams.push(crate::teams::Team::from_file(
                    Path::new(f.get_ref()),
                    answers,
                )),
                Err(d) => self.diags.extend(d),
            }
        }
        let pack = match pack {
            Some(p) => Some(self.pack(p, "no `pack` (the answers tab)")?),
            None => None,
        };
        (teams.len() == files.len()).then_some(Action::Teams { teams, pack })
    }

    /// A poll's hands, each question and choice checked as an answer is.
    fn poll(&mut self, map: &PollDef) -> Action {
        let mut out = Vec::new();
        for (q, hands) in map {
            let Some(qi) = self.catalog.question_index(q.get_ref()) else {
                let msg = crate::answers::unknown_question(self.catalog, q.get_ref());
                self.at(q.span(), msg);
                continue;
            };
            let mut counts = vec![0u32; self.catalog.questions[qi].choices.len()];
            for (c, n) in hands {
                let Some(ci) = self.catalog.questions[qi].choice_index(c.get_ref()) else {
                    let msg = crate::answers::unknown_choice(self.catalog, qi, c.get_ref());
                    self.at(c.span(), msg);
                    continue;
                };
                match u32::try_from(*n.get_ref()) {
                    Ok(h) if h <= crate::poll::MAX_HANDS => counts[ci] = h,
                    _ => self.at(
                        n.span(),
                        format!(
                            "hands are a whole number from 0 to {}",
                            crate::poll::MAX_HANDS
                        ),
                    ),
                }
            }
            out.push((qi, counts));
        }
        Action::Poll(out)
    }

    /// The weights a step sets, each checked as `--weight` checks it.
    fn weights(
        &mut self,
        map: &BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    ) -> Vec<crate::weights::Change> {
        let mut out = Vec::new();
        for (key, v) in map {
            let (pack, criterion) = match crate::weights::find(self.catalog, key.get_ref(), false) {
                Ok(found) => found,
                Err(e) => {
                    self.at(key.span(), e);
                    continue;
                }
            };
            let number = match v.get_ref() {
                toml::Value::Float(f) => Some(*f),
                toml::Value::Integer(i) => Some(*i as f64),
                _ => None,
            };
            match number
                .ok_or_else(|| format!("a weight is a number from 0 to {}", crate::weights::MAX))
                .and_then(crate::weights::value)
            {
                Ok(value) => out.push(crate::weights::Change {
                    pack,
                    criterion,
                    value,
                }),
                Err(e) => self.at(v.span(), e),
            }
        }
        out
    }

    /// The one thing a step does; a problem when it asks for none or several.
    fn step(&mut self, s: &Spanned<StepDef>, title: &str) -> Action {
        let step = s.get_ref();
        let mut actions = Vec::new();
        match step.title.as_ref().map(|t| (t.span(), t.get_ref())) {
            Some((_, ResultsDef::Flag(true))) => actions.push(Action::Title(title.to_string())),
            Some((span, ResultsDef::Pack(text))) if text.trim().is_empty() => self.at(
                span,
                "title is empty: write the title, or `title = true` for the script's title",
            ),
            Some((_, ResultsDef::Pack(text))) => actions.push(Action::Title(text.clone())),
            Some((_, ResultsDef::Flag(false))) | None => {}
        }
        if let Some(n) = &step.notes
            && n.get_ref().len() > NOTES_MAX_BYTES
        {
            self.at(
                n.span(),
                format!(
                    "notes are {} bytes: keep them under {NOTES_MAX_BYTES} (what fits a second screen)",
                    n.get_ref().len()
                ),
            );
        }
        if let Some(a) = &step.answer {
            actions.push(Action::Answer(self.answers(a)));
        }
        if let Some(a) = &step.what_if {
            actions.push(Action::WhatIf(self.answers(a)));
        }
        if let Some(r) = &step.results {
            actions.extend(self.results(r, step.panel.as_ref()));
        } else if let Some(p) = &step.panel {
            self.at(
                p.span(),
                "`panel` goes with `results` (e.g. results = \"compute\", panel = \"why\")",
            );
        }
        if let Some(g) = &step.glossary {
            actions.extend(self.glossary(g));
        }
        if let Some(p) = &step.poll {
            if p.is_empty() {
                self.at(s.span(), "`poll` names at least one question: poll = { traffic = { steady = 12, spiky = 30 } }");
            }
            actions.push(self.poll(p));
        }
        if let Some(files) = &step.teams {
            actions.extend(self.teams(files, step.pack.as_ref()));
        } else if let Some(p) = &step.pack {
            self.at(
                p.span(),
                "`pack` goes with `teams` (with `results`, write results = \"pack-id\")",
            );
        }
        if step.reset == Some(true) {
            actions.push(Action::Reset);
        }
        if step.pause == Some(true) {
            actions.push(Action::Pause);
        }
        if step.caption.get_ref().trim().is_empty() {
            self.at(
                step.caption.span(),
                "caption is empty: write what the presenter says at this step",
            );
        }
        match actions.len() {
            0 => Action::Pause,
            1 => actions.remove(0),
            _ => {
                self.at(s.span(), "a step does one thing: use one of title, answer, what_if, results, glossary, poll, teams, reset or pause (split it into two steps)");
                Action::Pause
            }
        }
    }
}

/// Parses and checks a script; answers files it names are read relative to the script's folder.
/// Every problem is reported.
pub fn parse(catalog: &Catalog, name: &str, text: &str) -> Result<Script, Diagnostics> {
    let dir = Path::new(name)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let read = move |rel: &str| {
        // A file, never standard input (`-` means it for `--answers`).
        if rel == "-" {
            return Err("name a file".to_string());
        }
        crate::fsutil::read_text_limited(&dir.join(rel), TEAM_FILE_MAX_BYTES)
            .map_err(|e| e.to_string())
    };
    parse_with(catalog, name, text, &read)
}

/// [`parse`], reading the answers files a comparison step names with `read` (a path relative to
/// the script).
pub fn parse_with(
    catalog: &Catalog,
    name: &str,
    text: &str,
    read: &dyn Fn(&str) -> Result<String, String>,
) -> Result<Script, Diagnostics> {
    let src = SourceText::new(name, text);
    let def: ScriptDef = toml::from_str(text).map_err(|e| Diagnostics::from(src.toml_error(&e)))?;
    let mut check = Check {
        catalog,
        src,
        read,
        diags: Diagnostics::default(),
    };
    let auto_advance = match &def.auto_advance_seconds {
        Some(s) if !AUTO_ADVANCE_SECONDS.contains(s.get_ref()) => {
            check.at(
                s.span(),
                format!(
                    "auto_advance_seconds must be a number of seconds from {} to {} (leave it out to advance by hand)",
                    AUTO_ADVANCE_SECONDS.start(),
                    AUTO_ADVANCE_SECONDS.end()
                ),
            );
            None
        }
        Some(s) => Some(*s.get_ref()),
        None => None,
    };
    let mut steps = Vec::new();
    for s in def.steps.get_ref() {
        let action = check.step(s, &def.title);
        let weights = match &s.get_ref().weights {
            Some(w) => check.weights(w),
            None => Vec::new(),
        };
        steps.push(Step {
            caption: s.get_ref().caption.get_ref().clone(),
            notes: s.get_ref().notes.as_ref().map(|n| n.get_ref().clone()),
            action,
            weights,
        });
    }
    if steps.is_empty() {
        check.at(
            def.steps.span(),
            "the script has no steps: add [[step]] tables",
        );
    }
    let diags = check.diags;
    if diags.is_empty() {
        Ok(Script {
            title: def.title,
            auto_advance,
            steps,
        })
    } else {
        Err(diags.sorted())
    }
}

/// The default script, embedded in the binary with the answers files next to it.
pub fn default_script(catalog: &Catalog) -> Result<Script, Diagnostics> {
    let text = crate::assets::builtin_asset(DEFAULT_SCRIPT).unwrap_or("");
    let dir = Path::new(DEFAULT_SCRIPT)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let read = move |rel: &str| {
        let path = dir.join(rel);
        let key = path.to_string_lossy().replace('\\', "/");
        crate::assets::builtin_asset(&key)
            .map(str::to_string)
            .ok_or_else(|| format!("no built-in asset `assets/{key}`"))
    };
    parse_with(catalog, &format!("assets/{DEFAULT_SCRIPT}"), text, &read)
}
