//! `tradeoff questions`: every question and its choices, with their ids (the ids `--answer` and
//! answers files use).

use std::process::ExitCode;

use serde::Serialize;
use tradeoff::pack::Catalog;
use tradeoff::safe;

use super::job::Data;
use super::out::{Failure, print_json};
use crate::cli::ListFormat;

/// The JSON listing (docs/json-schema.md).
#[derive(Serialize)]
struct Listing<'a> {
    schema_version: u32,
    questions: Vec<Question<'a>>,
}

#[derive(Serialize)]
struct Question<'a> {
    id: &'a str,
    title: &'a str,
    prompt: &'a str,
    help: &'a str,
    /// The user pack that adds the question; `null` for the shared questions.
    pack: Option<&'a str>,
    /// A follow-up is asked only when all of these hold; empty: always asked.
    asked_when: Vec<AskedWhen<'a>>,
    choices: Vec<Choice<'a>>,
}

/// An earlier question and the choices of it that ask a follow-up.
#[derive(Serialize)]
struct AskedWhen<'a> {
    question: &'a str,
    choices: Vec<&'a str>,
}

#[derive(Serialize)]
struct Choice<'a> {
    id: &'a str,
    label: &'a str,
    detail: Option<&'a str>,
}

pub fn run(data: &Data, format: ListFormat) -> Result<ExitCode, Failure> {
    super::list::run(data, format, text, |c| print_json(&listing(c)))
}

fn listing(c: &Catalog) -> Listing<'_> {
    Listing {
        schema_version: 1,
        questions: c
            .questions
            .iter()
            .map(|q| Question {
                id: &q.id,
                title: &q.title,
                prompt: &q.prompt,
                help: &q.help,
                pack: q.pack.as_deref(),
                asked_when: q
                    .asked_when
                    .iter()
                    .map(|cond| {
                        let dep = &c.questions[cond.question];
                        AskedWhen {
                            question: &dep.id,
                            choices: cond
                                .choices
                                .iter()
                                .map(|&x| dep.choices[x].id.as_str())
                                .collect(),
                        }
                    })
                    .collect(),
                choices: q
                    .choices
                    .iter()
                    .map(|ch| Choice {
                        id: &ch.id,
                        label: &ch.label,
                        detail: ch.detail.as_deref(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn text(c: &Catalog) -> String {
    let mut o = String::new();
    for (i, q) in c.questions.iter().enumerate() {
        let from = q
            .pack
            .as_ref()
            .map_or(String::new(), |p| format!("  [pack {p}]"));
        o.push_str(&format!(
            "{}. {}  ({}){from}\n   {}\n",
            i + 1,
            q.id,
            safe::line(&q.title),
            safe::line(&q.prompt)
        ));
        let when = tradeoff::answers::asked_when_text(c, i);
        if !when.is_empty() {
            o.push_str(&format!("   ({when})\n"));
        }
        let w = q.choices.iter().map(|c| c.id.len()).max().unwrap_or(0);
        for ch in &q.choices {
            o.push_str(&format!("     {:w$}  {}\n", ch.id, safe::line(&ch.label)));
        }
        o.push('\n');
    }
    o.push_str("Answer with --answer QUESTION=CHOICE, e.g. --answer team_size=small. A question left out is not taken as any particular answer; where a rule reads it, the result says so (\"not answered\").\n");
    o
}
