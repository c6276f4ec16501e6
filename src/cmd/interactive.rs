//! `tradeoff` without a command: the TUI from the welcome screen (offering an unfinished saved
//! session) or continuing it (`--resume`); or the plain mode's numbered prompts.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tradeoff::answers::Answers;
use tradeoff::autosave::{self, Progress};
use tradeoff::pack::{Catalog, Use};
use tradeoff::tui::Show;

use super::job::{Data, View};
use super::out::{Failure, answers_failure, fail};
use super::tui::{self, Ready};

pub fn run(
    view: &View,
    data: &Data,
    resume: bool,
    answers: Option<&Path>,
    session: Option<PathBuf>,
) -> Result<ExitCode, Failure> {
    let ready = Ready::new(view)?;
    let Some(catalog) = tui::load(data)? else {
        return Ok(ExitCode::SUCCESS); // given up on the loading screen
    };
    if let Some(file) = answers {
        let answers = read_answers(&catalog, file)?;
        let progress = first_open(&answers);
        return ready.open(catalog, Show::Answers(answers, progress), session);
    }
    let show = match session.as_deref().filter(|p| p.exists()) {
        Some(path) => match autosave::load(path, &catalog) {
            Ok(saved) if resume => Show::Saved(saved),
            Ok(saved) => Show::Welcome {
                offer: (!saved.progress.finished && saved.answers.answered() > 0).then_some(saved),
            },
            Err(d) if resume => {
                let d: Vec<String> = d.iter().map(|d| d.to_string()).collect();
                return Err(fail(
                    2,
                    format!(
                        "{}\nerror: the saved session cannot be resumed",
                        d.join("\n")
                    ),
                ));
            }
            // An unreadable session (older data, a hand edit) is not offered; it is replaced once
            // the user answers something.
            Err(_) => Show::Welcome { offer: None },
        },
        None if resume => {
            let at = session.map_or("no state directory".into(), |p| p.display().to_string());
            return Err(fail(
                2,
                format!("error: there is no saved session to resume ({at})"),
            ));
        }
        None => Show::Welcome { offer: None },
    };
    ready.open(catalog, show, session)
}

/// An answers file (`--answers FILE`), every problem placed in it (exit 2).
fn read_answers(catalog: &Catalog, file: &Path) -> Result<Answers, Failure> {
    let mut answers = Answers::empty(catalog);
    answers.apply_path(catalog, file).map_err(answers_failure)?;
    Ok(answers)
}

/// Where answers leave the user: at the first question they leave open, else at the results.
fn first_open(answers: &Answers) -> Progress {
    match answers.choices.iter().position(Option::is_none) {
        Some(position) => Progress {
            position,
            finished: false,
        },
        None => Progress {
            position: answers.choices.len(),
            finished: true,
        },
    }
}

/// Plain mode: numbered prompts on standard input and output (see `tradeoff::plain`), starting
/// with the answers of `--answers FILE`.
pub fn plain(data: &Data, answers: Option<&Path>) -> Result<ExitCode, Failure> {
    let catalog = data.load(Use::Show)?;
    let answers = match answers {
        Some(file) => read_answers(&catalog, file)?,
        None => Answers::empty(&catalog),
    };
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut output = std::io::stdout().lock();
    match tradeoff::plain::run(&catalog, answers, &mut input, &mut output) {
        Ok(tradeoff::plain::Outcome::Done(_)) => Ok(ExitCode::SUCCESS),
        Ok(tradeoff::plain::Outcome::EndOfInput {
            answered_up_to,
            total,
            ..
        }) => Err(fail(
            1,
            tradeoff::plain::end_of_input_message(answered_up_to, total),
        )),
        // A closed pipe on the output side: nothing more to say to anyone.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::from(1)),
        Err(e) => Err(fail(1, format!("error: {e}"))),
    }
}
