//! `tradeoff compare FILE FILE…`: teams side by side (their answers files), each team's
//! recommendation and the differing answers that explain different outcomes; as a report, or as
//! the TUI's team comparison screen (`--tui`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tradeoff::answers::Answers;
use tradeoff::pack::Use;
use tradeoff::tui::Show;
use tradeoff::{clock, report};

use super::job::{Data, View};
use super::out::{Failure, answers_failure, fail, print_bytes, print_out};
use super::tui::Ready;
use crate::cli::CompareFormat;

pub fn run(
    data: &Data,
    files: &[PathBuf],
    format: CompareFormat,
    cols: usize,
    tui: Option<&View>,
) -> Result<ExitCode, Failure> {
    // The screen has the glossary (search, terms); the reports do not.
    let catalog = data.load(if tui.is_some() { Use::Show } else { Use::Score })?;
    if files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        return Err(fail(
            2,
            "error: `-` (standard input) can stand for one answers file only",
        ));
    }
    let mut teams = Vec::new();
    for path in files {
        let mut answers = Answers::empty(&catalog);
        answers
            .apply_path(&catalog, path)
            .map_err(answers_failure)?;
        let name = if path.as_os_str() == "-" {
            Path::new("stdin")
        } else {
            path.as_path()
        };
        if let Some(e) = answers.not_asked(&catalog).first() {
            let file = tradeoff::safe::line(&name.display().to_string()).into_owned();
            return Err(fail(2, format!("{file}: {e}")));
        }
        teams.push(tradeoff::teams::Team::from_file(name, answers));
    }
    if let Some(view) = tui {
        // A screen of the TUI, with its help, search, detail popup and projector view (it compares
        // the teams itself).
        return Ready::new(view)?.open(catalog, Show::Teams(teams), None);
    }
    let cmp = tradeoff::teams::compare_teams(&catalog, &teams);
    let today = clock::today();
    let outline = |date| report::teams::outline(&cmp, date);
    let body = match format {
        CompareFormat::Text => {
            report::text::write_at(&outline(None), report::text::Decor::Rich, cols)
        }
        CompareFormat::Markdown => report::markdown::write(&outline(Some(&today))),
        CompareFormat::Html => report::html::write(&outline(Some(&today))),
        CompareFormat::Json => return print_bytes(report::json::to_json(&cmp).as_bytes()),
    };
    print_out(&body)
}
