//! A team's answers: parsed from `--answer QUESTION=CHOICE` flags and from answers files (the same
//! TOML format the TUI saves its sessions in), and written back out.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::pack::{Catalog, Diagnostics, SourceText};
use crate::suggest::did_you_mean;

/// One choice index per question of the catalog, `None` where the question was skipped.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answers {
    pub choices: Vec<Option<usize>>,
    /// An optional team name, shown by `compare` and in exports.
    pub team: Option<String>,
}

/// A wrong id given on the command line: the message, then `tip:` lines (a similar id, where the
/// ids are listed), as the error printer lays them out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerError(pub String);

impl std::fmt::Display for AnswerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for AnswerError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswersFileDef {
    #[serde(default)]
    schema_version: Option<Spanned<i64>>,
    #[serde(default)]
    team: Option<String>,
    #[serde(default)]
    answers: BTreeMap<Spanned<String>, Spanned<String>>,
    /// Where a saved interactive session was (see `session`); not used here.
    #[serde(default)]
    #[allow(dead_code)]
    session: Option<toml::Value>,
}

pub const ANSWERS_SCHEMA_VERSION: i64 = 1;

/// The largest answers file read: a real one is under 1 KiB, so anything near this is the wrong
/// file (and a FIFO or a device is refused before reading; see `fsutil::read_text_limited`).
pub const MAX_FILE_BYTES: u64 = 1 << 20;

impl Answers {
    pub fn empty(catalog: &Catalog) -> Self {
        Answers {
            choices: vec![None; catalog.questions.len()],
            team: None,
        }
    }

    pub fn answered(&self) -> usize {
        self.choices.iter().filter(|c| c.is_some()).count()
    }

    /// Sets `question=choice` by id; a wrong id is an error that lists the valid ones.
    pub fn set_by_id(
        &mut self,
        catalog: &Catalog,
        question: &str,
        choice: &str,
    ) -> Result<(), AnswerError> {
        let (qi, ci) = resolve(catalog, question, choice).map_err(AnswerError)?;
        self.choices[qi] = Some(ci);
        Ok(())
    }

    /// Parses one `QUESTION=CHOICE` flag.
    pub fn apply_flag(&mut self, catalog: &Catalog, flag: &str) -> Result<(), AnswerError> {
        const LISTS: &str = "tip: `tradeoff questions` lists every question and its choices";
        let Some((q, c)) = flag.split_once('=') else {
            return Err(AnswerError(format!(
                "`--answer {flag}` is not QUESTION=CHOICE\ntip: for example `--answer team_size=small`\n{LISTS}"
            )));
        };
        let (q, c) = (q.trim(), c.trim());
        let Some(qi) = catalog.question_index(q) else {
            let ids = catalog.questions.iter().map(|x| x.id.as_str());
            let tip =
                crate::suggest::similar("question", q, ids).map_or(String::new(), |t| t + "\n");
            return Err(AnswerError(format!(
                "unknown question `{q}` in `--answer {flag}`\n{tip}{LISTS}"
            )));
        };
        let question = &catalog.questions[qi];
        let Some(ci) = question.choice_index(c) else {
            let ids = question.choices.iter().map(|x| x.id.as_str());
            let tip = crate::suggest::similar("choice", c, ids.clone())
                .map_or(String::new(), |t| t + "\n");
            return Err(AnswerError(
                format!(
                    "unknown choice `{c}` for `{q}`; its choices: {}\n{tip}",
                    ids.collect::<Vec<_>>().join(", ")
                )
                .trim_end()
                .to_string(),
            ));
        };
        self.choices[qi] = Some(ci);
        Ok(())
    }

    /// Reads an answers file over these answers (later values win).
    pub fn apply_file(
        &mut self,
        catalog: &Catalog,
        name: &str,
        text: &str,
    ) -> Result<(), Diagnostics> {
        let src = SourceText::new(name, text);
        let def: AnswersFileDef = toml::from_str(text).map_err(|e| src.toml_error(&e))?;
        let mut diags = Diagnostics::default();
        if let Some(v) = &def.schema_version
            && *v.get_ref() != ANSWERS_SCHEMA_VERSION
        {
            diags.push(src.at(
                v.span(),
                format!(
                    "schema_version {} is not supported: this tradeoff reads version {ANSWERS_SCHEMA_VERSION}",
                    v.get_ref()
                ),
            ));
        }
        for (q, c) in &def.answers {
            let Some(qi) = catalog.question_index(q.get_ref()) else {
                diags.push(src.at(q.span(), unknown_question(catalog, q.get_ref())));
                continue;
            };
            let question = &catalog.questions[qi];
            match question.choice_index(c.get_ref()) {
                Some(ci) => self.choices[qi] = Some(ci),
                None => diags.push(src.at(c.span(), unknown_choice(catalog, qi, c.get_ref()))),
            }
        }
        if def.team.is_some() {
            self.team = def.team;
        }
        if diags.is_empty() { Ok(()) } else { Err(diags) }
    }

    /// Reads the answers file at `path` (`-`: standard input) over these answers. The error is the
    /// message to show: it names the file, and the line and column where there is one.
    pub fn apply_path(&mut self, catalog: &Catalog, path: &Path) -> Result<(), String> {
        let text = crate::fsutil::read_text_limited(path, MAX_FILE_BYTES)
            .map_err(|e| format!("{e} (the answers file)"))?;
        let name = if path == Path::new("-") {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        self.apply_file(catalog, &name, &text).map_err(|d| {
            d.iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        })
    }

    /// The answers as a TOML answers file (what `--answers` reads and sessions save).
    pub fn to_toml(&self, catalog: &Catalog) -> String {
        let mut out =
            String::from("# tradeoff answers: read by `tradeoff recommend --answers FILE`\n");
        out.push_str(&format!("schema_version = {ANSWERS_SCHEMA_VERSION}\n"));
        if let Some(team) = &self.team {
            out.push_str(&format!("team = {}\n", toml_string(team)));
        }
        out.push_str("\n[answers]\n");
        for (q, c) in catalog.questions.iter().zip(&self.choices) {
            match c {
                Some(ci) => {
                    out.push_str(&format!("{} = {}\n", q.id, toml_string(&q.choices[*ci].id)))
                }
                None => out.push_str(&format!("# {} is skipped\n", q.id)),
            }
        }
        out
    }

    /// Every answer given to a follow-up question that the other answers do not ask, as a message
    /// that says when it is asked and what would be right (`iac_migration` without a tool to keep
    /// or leave). Empty when every answer applies.
    pub fn not_asked(&self, catalog: &Catalog) -> Vec<String> {
        catalog
            .questions
            .iter()
            .enumerate()
            .filter_map(|(qi, q)| {
                let ci = self.choices.get(qi).copied().flatten()?;
                if q.applies(&self.choices) {
                    return None;
                }
                let given: Vec<String> = q
                    .asked_when
                    .iter()
                    .map(|c| {
                        let dep = &catalog.questions[c.question];
                        let said = self.choices[c.question]
                            .map_or("not answered".to_string(), |a| format!("`{}`", dep.choices[a].id));
                        format!("`{}` is {said}", dep.id)
                    })
                    .collect();
                Some(format!(
                    "`{} = {}` does not apply: {} ({}); leave it out, or change the answer it follows up",
                    q.id,
                    q.choices[ci].id,
                    asked_when_text(catalog, qi),
                    given.join(", ")
                ))
            })
            .collect()
    }

    /// `(question id, choice id)` of every answered question.
    pub fn pairs<'a>(
        &'a self,
        catalog: &'a Catalog,
    ) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        catalog
            .questions
            .iter()
            .zip(&self.choices)
            .filter_map(|(q, c)| c.map(|ci| (q.id.as_str(), q.choices[ci].id.as_str())))
    }
}

/// "`iac_migration` is asked only when `existing_iac` is cloudformation, cdk, terraform, opentofu or
/// pulumi": when a follow-up question is asked, by ids (what answers files and flags use). Empty for
/// a question that is always asked.
pub fn asked_when_text(catalog: &Catalog, qi: usize) -> String {
    let q = &catalog.questions[qi];
    if q.asked_when.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = q
        .asked_when
        .iter()
        .map(|c| {
            let dep = &catalog.questions[c.question];
            let ids: Vec<&str> = c
                .choices
                .iter()
                .map(|&x| dep.choices[x].id.as_str())
                .collect();
            format!("`{}` is {}", dep.id, or_list(&ids))
        })
        .collect();
    format!("`{}` is asked only when {}", q.id, parts.join(" and "))
}

/// "a, b or c".
fn or_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn resolve(catalog: &Catalog, question: &str, choice: &str) -> Result<(usize, usize), String> {
    let qi = catalog
        .question_index(question)
        .ok_or_else(|| unknown_question(catalog, question))?;
    let ci = catalog.questions[qi]
        .choice_index(choice)
        .ok_or_else(|| unknown_choice(catalog, qi, choice))?;
    Ok((qi, ci))
}

pub fn unknown_question(catalog: &Catalog, id: &str) -> String {
    let ids = catalog.questions.iter().map(|q| q.id.as_str());
    format!(
        "unknown question `{id}`{}; valid questions: {}",
        did_you_mean(id, ids.clone()),
        ids.collect::<Vec<_>>().join(", ")
    )
}

pub fn unknown_choice(catalog: &Catalog, qi: usize, id: &str) -> String {
    let q = &catalog.questions[qi];
    let ids = q.choices.iter().map(|c| c.id.as_str());
    format!(
        "unknown choice `{id}` for `{}`{}; valid choices: {}",
        q.id,
        did_you_mean(id, ids.clone()),
        ids.collect::<Vec<_>>().join(", ")
    )
}
