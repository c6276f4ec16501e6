//! The one way the TUI starts (`tradeoff`, `tradeoff demo`, `tradeoff compare --tui`): the theme
//! is loaded and the terminal checked before anything is drawn, the app is built with its look
//! and first screen already chosen ([`tradeoff::tui::Start`]), then the loop runs.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tradeoff::pack::{Catalog, Source, Use};
use tradeoff::safe;
use tradeoff::tui::{App, Options, Show, Start, Theme};

use super::job::{Data, View};
use super::out::{Failure, data_failure, fail, warn};
use super::resolve::theme_from_flag;

/// A view ready to open: its theme loaded and the terminal checked, its recording file created.
/// Made before anything slow (the interactive mode's data is read behind a loading screen, which
/// needs the terminal), or after the inputs are checked (a demo script, answers files), so their
/// problems come first.
pub struct Ready {
    theme: Theme,
    keep_theme: bool,
    projector: bool,
    mouse: bool,
    record: Option<PathBuf>,
    /// Where a demo publishes its steps for the notes window.
    pub cue: Option<PathBuf>,
}

impl Ready {
    pub fn new(view: &View) -> Result<Ready, Failure> {
        Ok(Ready {
            theme: theme(view)?,
            keep_theme: view.theme.value.is_some(),
            projector: view.projector,
            mouse: view.mouse,
            record: recording(view.record.as_deref())?,
            cue: None,
        })
    }

    /// Runs the TUI on `catalog` showing `show` first; `session` is the autosave's file (none:
    /// nothing is saved, as in a demo).
    pub fn open(
        self,
        catalog: Catalog,
        show: Show,
        session: Option<PathBuf>,
    ) -> Result<ExitCode, Failure> {
        let app = App::start(
            catalog,
            Start {
                theme: self.theme,
                projector: self.projector,
                keep_theme: self.keep_theme,
                show,
            },
        );
        let options = Options {
            mouse: self.mouse,
            session,
            record: self.record,
            cue: self.cue,
        };
        tradeoff::tui::term::run(app, &options)
            .map_err(|e| fail(1, format!("error: the terminal failed: {e}")))?;
        Ok(ExitCode::SUCCESS)
    }

    /// The presenter's notes window (`tradeoff demo --notes`), following the cue at `cue`.
    pub fn follow(self, cue: PathBuf) -> Result<ExitCode, Failure> {
        let size = crossterm::terminal::size().unwrap_or((80, 24));
        let follower = tradeoff::tui::notes::Follower::new(cue, self.theme, size);
        let options = Options {
            mouse: false,
            record: self.record,
            ..Options::default()
        };
        tradeoff::tui::term::run(follower, &options)
            .map_err(|e| fail(1, format!("error: the terminal failed: {e}")))?;
        Ok(ExitCode::SUCCESS)
    }
}

/// The theme of an interactive view, after checking that there is a terminal to show it on. A
/// theme from the environment or the config file that cannot be loaded is reported and replaced by
/// the automatic choice; one from `--theme` is an error (exit 2).
fn theme(view: &View) -> Result<Theme, Failure> {
    use std::io::IsTerminal;
    let term = &view.term;
    let auto = || Theme::resolve(None, term.no_color, term.colorfgbg.as_deref());
    let theme = match Theme::resolve(
        view.theme.value.as_deref(),
        term.no_color,
        term.colorfgbg.as_deref(),
    ) {
        Ok(t) => t,
        Err(e) if theme_from_flag(&view.theme) => return Err(fail(2, format!("{e}"))),
        Err(e) => {
            warn(&format!(
                "{e}\nwarning: the theme set by {} was not used; the default applies",
                view.theme.origin
            ));
            auto().map_err(|e| fail(2, format!("{e}")))?
        }
    };
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(fail(
            2,
            "error: the interactive mode needs a terminal, and standard input or output is redirected\n\
             tip: for scripts and pipes use `tradeoff recommend`, e.g. `tradeoff recommend --answer team_size=small --format json`",
        ));
    }
    // A colour theme (chosen, or `--color always`) overrides NO_COLOR, which crossterm would
    // otherwise obey by dropping every colour.
    if !theme.is_monochrome() {
        crossterm::style::force_color_output(true);
    }
    Ok(theme)
}

/// The file `--record` names, checked before the screen opens: it can be created (it is replaced).
fn recording(path: Option<&Path>) -> Result<Option<PathBuf>, Failure> {
    let Some(path) = path else {
        return Ok(None);
    };
    tradeoff::fsutil::create_stream(path).map_err(|e| {
        fail(
            1,
            format!(
                "error: cannot write the recording {}: {e}",
                safe::line(&path.display().to_string())
            ),
        )
    })?;
    Ok(Some(path.to_path_buf()))
}

/// More TOML than this is parsed behind a loading screen in the interactive mode (about 50 ms of
/// parsing: below it, a loading screen would only flash).
const LOADING_SCREEN_BYTES: u64 = 1 << 20;

/// The data for the interactive mode, which has a terminal: big data is parsed behind a loading
/// screen, so the first frame comes at once. `None` when the user gave up while it loaded.
pub fn load(data: &Data) -> Result<Option<Catalog>, Failure> {
    data.warn_missing();
    let bytes = data.source.bytes();
    let source: Source = data.source.clone();
    let work = move || source.load_skipping(Use::Show);
    let loaded = if bytes > LOADING_SCREEN_BYTES {
        let message = format!(
            "Reading {:.1} MB of decision data…",
            bytes as f64 / 1_000_000.0
        );
        match tradeoff::tui::term::while_loading(&message, work) {
            Ok(Some(loaded)) => loaded,
            Ok(None) => return Ok(None),
            Err(e) => return Err(fail(1, format!("error: the terminal failed: {e}"))),
        }
    } else {
        work()
    };
    let (catalog, skipped) = loaded.map_err(|d| data_failure(&d))?;
    super::job::warn_skipped(&skipped);
    Ok(Some(catalog))
}
