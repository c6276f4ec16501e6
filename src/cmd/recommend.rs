//! `tradeoff recommend`: the answers (a file, then `--answer` flags over it) scored for the chosen
//! packs, written in one format to standard output or a file.

use std::process::ExitCode;

use tradeoff::answers::Answers;
use tradeoff::config::{ListSetting, Origin};
use tradeoff::pack::{Catalog, Use};
use tradeoff::{dates, engine, report, suggest};

use super::out::{Failure, answers_failure, fail, write_output};
use super::resolve::Data;
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
        let change = tradeoff::weights::parse(&catalog, flag)
            .map_err(|e| fail(2, format!("error: --weight {e}")))?;
        tradeoff::weights::set(&mut catalog, change)
            .map_err(|e| fail(2, format!("error: --weight {e}")))?;
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
    let rec = engine::analyze(&catalog, &answers, &packs);
    let body = match format {
        report::Format::Text => report::text::render_at(&rec, cols),
        report::Format::Adr => report::adr::render_with(&rec, &dates::today(), adr),
        format => report::render(&rec, format, &dates::today()),
    };
    if let Some(dir) = &args.adr_dir {
        // The next number in the folder; a record is never replaced.
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
        let path = dir.join(report::adr::file_name(&rec, &existing));
        return write_output(Some(&path), &body, false);
    }
    write_output(args.output.as_deref(), &body, args.force)
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
                    _ => eprintln!(
                        "{origin}: unknown pack `{id}`{}; valid packs: {list}\nwarning: `{id}` was left out of the default packs",
                        suggest::did_you_mean(id, ids),
                    ),
                }
            }
        }
    }
    Ok(out)
}
