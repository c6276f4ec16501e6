//! `tradeoff recommend`: the answers (a file, then `--answer` flags over it) scored for the chosen
//! packs, written in one format to standard output or a file.

use std::process::ExitCode;

use tradeoff::answers::Answers;
use tradeoff::config::{ListSetting, Origin};
use tradeoff::pack::{Catalog, Use};
use tradeoff::{clock, engine, report, suggest};

use super::job::Data;
use super::out::{Failure, answers_failure, fail, warn, write_output};
use crate::cli::RecommendArgs;

pub fn run(
    data: &Data,
    args: &RecommendArgs,
    packs: &ListSetting<String>,
    format: report::Format,
    adr: &report::adr::Meta,
    cols: usize,
) -> Result<ExitCode, Failure> {
    let mut catalog = data.load(Use::Score)?;
    for flag in &args.weight {
        let change =
            tradeoff::weights::parse(&catalog, flag).map_err(|e| fail(2, format!("error: {e}")))?;
        tradeoff::weights::set(&mut catalog, change)
            .map_err(|e| fail(2, format!("error: {e}, in `--weight {flag}`")))?;
    }
    let mut answers = Answers::empty(&catalog);
    if let Some(path) = &args.answers {
        answers
            .apply_path(&catalog, path)
            .map_err(answers_failure)?;
    }
    for flag in &args.answer {
        answers
            .apply_flag(&catalog, flag)
            .map_err(|e| fail(2, format!("error: {e}")))?;
    }
    // An answer to a follow-up that the other answers do not ask is a mistake worth saying.
    if let Some(e) = answers.not_asked(&catalog).first() {
        return Err(fail(2, format!("error: {e}")));
    }
    let packs = pack_indexes(&catalog, packs)?;
    outside_packs(&catalog, args, &packs);
    let mut rec = engine::analyze(&catalog, &answers, &packs);
    rec.poll = poll(&catalog, args, &answers, &packs)?;
    if let Some(dir) = &args.adr_dir {
        // The next number in the folder (in the record's title too); a record is never replaced.
        let existing: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| {
                fail(
                    1,
                    format!("error: cannot read the ADR folder {}: {e}", dir.display()),
                )
            })?
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        let number = report::adr::next_number(&existing);
        let meta = report::adr::Meta {
            number: Some(number),
            ..adr.clone()
        };
        let body = report::adr::render_with(&rec, &clock::today(), &meta);
        let path = dir.join(report::adr::file_name(&rec, number));
        return write_output(Some(&path), &body, false);
    }
    let mut outline = None;
    let body = match format {
        report::Format::Text => {
            // The outline is kept to be forgotten with the rest below.
            let o = outline.insert(report::recommendation::outline(&rec, None));
            report::text::write_at(o, report::text::Decor::Rich, cols)
        }
        report::Format::Adr => report::adr::render_with(&rec, &clock::today(), adr),
        format => report::render(&rec, format, &clock::today()),
    };
    let written = write_output(args.output.as_deref(), &body, args.force);
    // The process ends right after this: the operating system takes the memory back at once,
    // while freeing the catalog, the result and the report one allocation at a time is about a
    // tenth of the command's work (README, "Performance").
    std::mem::forget((catalog, rec, outline, body));
    written
}

/// Says so when an `--answer` flag answers a question that none of the packs decided (`packs`, all
/// when empty) reads: the answer is not shown, and counts only through the winner of a pack left
/// out, which the decided packs' stack advice may read. (An answers file answers whatever it
/// likes: one file serves every choice of packs.)
fn outside_packs(catalog: &Catalog, args: &RecommendArgs, packs: &[usize]) {
    if packs.is_empty() {
        return;
    }
    let read = catalog.questions_for(packs);
    for flag in &args.answer {
        let id = flag
            .split_once('=')
            .map_or(flag.as_str(), |(q, _)| q.trim());
        let Some(q) = catalog.question_index(id).filter(|q| !read.contains(q)) else {
            continue;
        };
        let owners: Vec<&str> = catalog
            .packs
            .iter()
            .enumerate()
            .filter(|(i, _)| catalog.questions_for(&[*i]).contains(&q))
            .map(|(_, p)| p.id.as_str())
            .collect();
        let (whose, add) = match owners[..] {
            [] => continue,
            [one] => (format!("the {one} pack"), format!("--pack {one}")),
            _ => (
                format!("the {} packs", owners.join(" and ")),
                owners
                    .iter()
                    .map(|o| format!("--pack {o}"))
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        };
        let tip = format!("\ntip: add `{add}` to decide it too");
        warn(&format!(
            "`--answer {flag}` answers a question of {whose}, which --pack leaves out: the answer is not shown, and counts only through the winner there{tip}"
        ));
    }
}

/// The chosen packs' places in the catalog. An unknown id from `--pack` is an error; one from the
/// environment or the config file never stops a command: it is said and left out.
fn pack_indexes(catalog: &Catalog, packs: &ListSetting<String>) -> Result<Vec<usize>, Failure> {
    let mut out = Vec::new();
    for (id, origin) in packs.value.iter().zip(&packs.item_origins) {
        match catalog.pack_index(id) {
            Some(i) if !out.contains(&i) => out.push(i),
            Some(_) => {}
            None => {
                let ids = catalog.packs.iter().map(|p| p.id.as_str());
                let list = ids.clone().collect::<Vec<_>>().join(", ");
                match origin {
                    Origin::Flag { .. } => {
                        let tip = suggest::similar("pack", id, ids)
                            .map_or(String::new(), |t| format!("\n{t}"));
                        return Err(fail(
                            2,
                            format!("error: unknown pack `{id}`; the packs: {list}{tip}"),
                        ));
                    }
                    _ => warn(&format!(
                        "{origin}: unknown pack `{id}`{}; valid packs: {list}\nwarning: `{id}` was left out of the default packs",
                        suggest::did_you_mean(id, ids),
                    )),
                }
            }
        }
    }
    Ok(out)
}

/// The room's poll from `--poll` flags and `--poll-dir`, if any, analysed against `answers`.
fn poll(
    catalog: &Catalog,
    args: &RecommendArgs,
    answers: &Answers,
    packs: &[usize],
) -> Result<Option<engine::PollResult>, Failure> {
    if args.poll.is_empty() && args.poll_dir.is_none() {
        return Ok(None);
    }
    let mut poll = tradeoff::poll::Poll::default();
    if let Some(dir) = &args.poll_dir {
        let mut questions = Vec::new();
        for id in &args.poll_question {
            let q = catalog.question_index(id).ok_or_else(|| {
                let ids = catalog.questions.iter().map(|q| q.id.as_str());
                let tip = tradeoff::suggest::similar("question", id, ids)
                    .map_or(String::new(), |t| format!("\n{t}"));
                fail(
                    2,
                    format!("error: unknown question `{id}` in `--poll-question {id}`{tip}\ntip: `tradeoff questions` lists every question"),
                )
            })?;
            questions.push(q);
        }
        let room = room(catalog, dir)?;
        poll = tradeoff::poll::Poll::from_answers(catalog, &room, &questions);
    }
    for flag in &args.poll {
        poll.add_flag(catalog, flag)
            .map_err(|e| fail(2, format!("error: {e}")))?;
    }
    let mut choices = answers.choices.clone();
    catalog.normalize(&mut choices);
    tradeoff::poll::analyze(catalog, &choices, packs, &poll)
        .map(Some)
        .map_err(|e| fail(2, format!("error: the poll has {e}")))
}

/// Every answers file (`*.toml`) in `dir`, one per person, in file name order.
fn room(catalog: &Catalog, dir: &std::path::Path) -> Result<Vec<Answers>, Failure> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        fail(
            2,
            format!("error: cannot read the poll folder {}: {e}", dir.display()),
        )
    })?;
    let mut files: Vec<std::path::PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(fail(
            2,
            format!(
                "error: no answers files (*.toml) in the poll folder {}\ntip: put one answers file per person there",
                dir.display()
            ),
        ));
    }
    files
        .iter()
        .map(|f| {
            let mut a = Answers::empty(catalog);
            a.apply_path(catalog, f).map_err(|e| fail(2, e))?;
            Ok(a)
        })
        .collect()
}
